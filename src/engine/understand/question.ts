/**
 * What a question asks: the places it names, the years, the kind of answer it wants, and its
 * concepts, the words evidence has to cover before the bot dares to answer.
 */
import type { FactKind } from "../../model/knowledge.js";
import { KIND_CUES } from "../read/figures.js";
import { questionYears } from "../read/periods.js";
import { ENGLISH_PLACES } from "../../lexicon/places.js";
import type { Indexes, TermGroup } from "../retrieve/indexes.js";
import { correctTypos, knows } from "./typos.js";
import { bigrams, hanRuns, normalize, stemEnglish, tokenizeNormalized } from "../text.js";
import { eventVerbsIn } from "./events.js";
import { measureAsked, type Measure } from "../read/units.js";
import { ENGINE_OPTIONS } from "../options.js";

export type WantedKind = FactKind | "time";

/** Something the evidence must mention: a glossary group, or a run of the question's own words. */
export interface Concept {
  readonly text: string;
  /** Normalized forms any of which counts as a mention. */
  readonly forms: readonly string[];
  readonly weight: number;
  /**
   * For the question's own words: the bigrams that carry meaning. Evidence sharing more than half
   * of them counts in part. Empty for glossary groups, which only a whole form satisfies.
   */
  readonly grams: readonly string[];
  /** An English word no glossary entry translates: Chinese evidence is not held to it. */
  readonly englishOnly?: boolean;
  /** Event verbs in the word (正式成立: 成立) and where they stand: evidence may say another verb of the event. */
  readonly verbs?: ReturnType<typeof eventVerbsIn>;
}

export interface Question {
  readonly raw: string;
  /** Normalized, typos mended. */
  readonly text: string;
  readonly changes: readonly [string, string][];
  /** Covered places named, normalized, each with the other names of its glossary group. */
  readonly places: readonly (readonly string[])[];
  /** A place named that the knowledge base does not cover. */
  readonly foreignPlace?: string;
  /** Years named outright (2023年); evidence of other years does not answer. */
  readonly years: readonly number[];
  /** 今年, 去年: read against `now`, a preference rather than a filter. */
  readonly relativeYears: readonly number[];
  /** Years named as the base of a comparison (跟2023年同期比): evidence comparing with them ranks higher. */
  readonly comparedYears: readonly number[];
  readonly kinds: readonly WantedKind[];
  /** What the figure asked for measures (多少米: a length; 哪一年: a year), or the measure word it counts in (几首). */
  readonly measure?: Measure;
  readonly countWord?: string;
  /** The question says its unit (多少米) or asks for a date: other measures do not answer it. */
  readonly strictMeasure: boolean;
  readonly concepts: readonly Concept[];
  /** What a when- or how-many-question asks about (何年成立 → 成立, 几部是战争片 → 战争片): the figure's own clause should say it. */
  readonly event: readonly Concept[];
  /** Space-separated tokens for MiniSearch. */
  readonly searchText: string;
  readonly greeting: boolean;
  /** The question asks for several figures at once (分别, 各, respectively). */
  readonly several: boolean;
}

const QUESTION_PHRASES =
  /(?:有|是|为|达)?(?:多少|几)(?:万|亿)?(?:个|家|项|处|条|座|名|位|首|张|本|部|架|艘|辆|台|只|头|种|次|片|块|根|粒|户|所|批)|(?:西元|公元前?|民国)?(?:哪一年|哪年|何年|几年|哪一天|哪天|几月几[日号]|几世纪)|何时|多长时间|多久|多少年|多少岁|多少来着|啥来着|来着|是啥|有啥|叫啥|干啥|啥|咋样|咋|几分之几|百分之几|几成|有多少|是多少|为多少|达多少|多少|有哪些|是哪些|哪些|哪几|是什么|什么|是谁|有谁|谁|怎么样|怎样|如何|多大|多高|多长|多久|几个|几家|几项|几处|几条|几座|几|是否|是不是|有没有|请问|告诉我|一下|想知道|想了解|了解|介绍|关于|情况|相关|数据|信息|排名第几|第几|哪个|哪|吗|呢|吧|啊|么|呀/g;
/** Where a run of words is cut. Not at 及, which is as often inside a word (埃及, 奈及利亚, 涉及, 普及) as between two. */
const SPLITTERS = /[的了和与或、]/g;
/** Words that carry no subject of their own, removed wherever they stand in a question. */
const FILLERS =
  /的时候|时候|大约|约为|大致|左右|现在|目前|当前|进展|建议|认为|表示|介绍|提到|提出|指出|请给出|给出|公布|披露|发布会上|名称|如何|分别|名字|叫做|那位|哪位|这位|这个|那个|一下|告诉|知道|具体|大概|一共|总共|到底|究竟|主要|都是|有关|方面|问题|请教|想问|你们|我们|他们|咱们|能否|可以|是否|请|您|你|我/g;
/** Time and kind-of-answer words inside a run: they choose the period and the kind, not the subject. */
const TIME_AND_KIND_WORDS =
  /(?:截至|截止)?(?:今年|去年|前年|本年|上年|明年|(?:19|20)\d\d年)?(?:前三季度|上半年|下半年|一季度|二季度|三季度|四季度|全年|\d{1,2}月份?(?:底|末)?|\d{1,2}-\d{1,2}月)|今年|去年|前年|(?:19|20)\d\d年|同期|比例|比重|占比|百分比|份额|排名|名次/g;

/** Characters that only hold a question together; a bigram with one that the corpus never uses is noise. */
const FUNCTION_CHARS = new Set("的了吗呢吧啊么是有在和与及或说叫来去那这位张到放把被给让对跟向从还也都就又能会要个些几多少哪谁什怎样如何请问想知道告诉一下过着得地里");
const EDGE_WORDS = /^(是|有|在|为|把|对|从|被|将|共|达|达到|一共|总共|累计|实现了?|完成了?|了|时|于|由|自|向|等|此|其)+|(是|有|在|为|了|达到|达|占|的|于|自|由|被|等|时|向|对|从)+$/g;
const TIME_WORDS =
  /^(今年|去年|前年|本年|上年|明年|目前|现在|近年来?|截至|截止|到|至|底|末|年底|月底|年初|前三季度|上半年|下半年|一季度|二季度|三季度|四季度|季度|全年|当年|年|月|日|今天|明天|昨天)+$/;
const GREETING = /^(你好|您好|嗨|哈喽|hi|hello|hey|在吗|在不在|早上好|晚上好|下午好|谢谢|多谢|thanks?|thank you|good (morning|evening|afternoon)|再见|拜拜|bye|ok|好的|嗯)[\s!！。.,，~]*$/i;

const ENGLISH_TIME: [RegExp, string][] = [
  [/\b(first three quarters|q1-q3|jan(uary)?[- ]+sep(tember)?)\b/g, " 前三季度 "],
  [/\bfirst half\b/g, " 上半年 "],
  [/\bend of\b/g, " 底 "],
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].map(
    (m, i) => [new RegExp(`\\b${m}\\b`, "g"), ` ${i + 1}月 `] as [RegExp, string],
  ),
];

const placeNames = new WeakMap<Indexes, readonly string[]>();
/** Every place name a question may use, longest first: worked out once per index. */
function placeNamesOf(ix: Indexes): readonly string[] {
  let names = placeNames.get(ix);
  if (!names) {
    const all = [...ix.allPlaces, ...ix.groups.filter((g) => g.section === "places").flatMap((g) => g.norms), ...Object.keys(ENGLISH_PLACES)];
    placeNames.set(ix, (names = [...new Set(all)].sort((a, b) => b.length - a.length)));
  }
  return names;
}

/** `kindsFrom`: the text whose cue words say what kind of answer is wanted (a part of the question). */
export function parseQuestion(raw: string, ix: Indexes, now: Date, kindsFrom = raw): Question {
  const norm0 = normalize(raw);
  const greeting = GREETING.test(raw.trim()) || GREETING.test(norm0);
  const { text, changes } = correctTypos(norm0, ix, raw);

  let rest = ` ${text} `;
  const mark = (found: string) => {
    rest = isLatin(found) ? rest.replace(new RegExp(`\\b${escape(found)}\\b`, "g"), " ") : rest.split(found).join(" ");
  };

  // Places first, longest names first, so that 太忻一体化经济区 is not read as 忻州.
  const places: string[][] = [];
  let foreignPlace: string | undefined;
  for (const name of placeNamesOf(ix)) {
    if (!contains(rest, name)) continue;
    const canonical = ENGLISH_PLACES[name] ?? name;
    const group = ix.groups.find((g) => g.section === "places" && (g.norms.includes(name) || g.norms.includes(canonical)));
    if (group || ix.coveredPlaces.has(canonical) || [...ix.coveredPlaces].some((c) => c.startsWith(canonical))) {
      places.push([...new Set([canonical, ...(group?.norms ?? [])])]);
    } else foreignPlace ??= name;
    mark(name);
  }

  // Glossary groups the question touches become concepts that any of their words satisfies;
  // longest words first across all groups, so that a phrase is not split by a shorter term.
  const concepts: Concept[] = [];
  const used = new Set<TermGroup>();
  for (const { term, group } of ix.glossaryTerms) {
    if (used.has(group) || !contains(rest, term)) continue;
    used.add(group);
    mark(term);
    const han = group.norms.filter((n) => /\p{Script=Han}/u.test(n));
    const weight = Math.max(1, ...han.map((n) => Math.min(bigrams(n).length, 3)));
    concepts.push({ text: group.terms[0]!, forms: group.norms, weight, grams: [] });
  }

  let timeText = rest;
  for (const [pattern, replacement] of ENGLISH_TIME) timeText = timeText.replace(pattern, replacement);
  const cueText = kindsFrom === raw ? text : normalize(kindsFrom);
  const asked = measureAsked(cueText);
  const cued = KIND_CUES.filter(([, cue]) => cue.test(cueText) || cue.test(kindsFrom.toLowerCase())).map(([k]) => k);
  // A question that asks for a year or a day wants a date, whatever else its words cue.
  const kinds: WantedKind[] = asked.measure === "year" || asked.measure === "date" ? ["time"] : cued;

  // What remains of the Chinese: runs of content words once question words, fillers and time are gone.
  for (const run of hanRuns(rest.replace(QUESTION_PHRASES, " ").replace(FILLERS, " ").replace(TIME_AND_KIND_WORDS, " "))) {
    for (let chunk of run.split(SPLITTERS)) {
      for (let word of words(ix, chunk)) {
        word = word.replace(EDGE_WORDS, "");
        if (!word || TIME_WORDS.test(word) || /^[\d年月日季度前后上下半]+$/.test(word)) continue;
        const grams = bigrams(word).filter((g) => knows(ix, g) || ![...g].some((ch) => FUNCTION_CHARS.has(ch)));
        if (grams.length) concepts.push({ text: word, forms: [word], weight: grams.length, grams, verbs: eventVerbsIn(word) });
      }
    }
  }
  // English words must be covered too: words of its English articles, aliases and glossary, and words
  // it has never seen.
  const englishTokens: string[] = [];
  for (const word of new Set(rest.match(/[a-z][a-z'-]{2,}/g) ?? [])) {
    const stem = stemEnglish(word);
    if (ENGLISH_STOP.has(word)) continue;
    // A word the base has never seen stays a concept: evidence cannot cover it (2025 Spring Festival).
    const inText = [word, stem].filter((w) => ix.documentFrequency.has(w));
    englishTokens.push(...inText);
    // Only English evidence can be held to a word the glossary does not translate.
    const translated = ix.englishStems.has(stem);
    concepts.push({ text: word, forms: [stem], weight: inText.length || translated ? 1 : 2, grams: [], ...(translated ? {} : { englishOnly: true }) });
  }

  const placeTokens = places.flatMap((g) => g.filter((n) => /\p{Script=Han}/u.test(n)).slice(0, 2));
  const searchText = [
    ...concepts.flatMap((c) => c.forms.filter((f) => /\p{Script=Han}|\d/u.test(f) || (isLatin(f) && ix.documentFrequency.has(f.split(" ")[0]!)))),
    // Evidence may say when something happened in another verb (过世: 去世, 逝世).
    ...(kinds[0] === "time" ? concepts.flatMap((c) => (c.verbs ?? []).flatMap((v) => v.others.filter((o) => o.length > 1))) : []),
    ...placeTokens,
    ...englishTokens,
    ...(timeText.match(/\d+(\.\d+)?%?/g) ?? []),
  ]
    .flatMap((s) => tokenizeNormalized(s))
    .filter((t, i, all) => all.indexOf(t) === i)
    .join(" ");

  // One question's work is bounded: its heaviest concepts only (options.ts).
  if (concepts.length > ENGINE_OPTIONS.limits.concepts) {
    const kept = new Set([...concepts].sort((a, b) => b.weight - a.weight).slice(0, ENGINE_OPTIONS.limits.concepts));
    concepts.splice(0, concepts.length, ...concepts.filter((c) => kept.has(c)));
  }

  return {
    raw,
    text,
    changes,
    event: kinds[0] === "time" ? eventOf(text, concepts, WHEN_PHRASE) : asked.word || kinds[0] === "count" ? eventOf(text, concepts, COUNT_PHRASE) : [],
    places,
    ...(foreignPlace ? { foreignPlace } : {}),
    // A year that is only a base of comparison (跟2023年同期比, 较2023年) does not choose the period.
    // A year the question names when it asks for another year is what it is about, not a period.
    years: asked.measure === "year" ? [] : questionYears(text.replace(/今年|本年|去年|上年|前年|this year|last year/g, "").replace(COMPARED_YEAR, " "), now).filter((y) => y > 1900),
    comparedYears: [...text.matchAll(COMPARED_YEAR)].flatMap((m) => questionYears(m[0], now)),
    relativeYears: questionYears(text.replace(/(?<!\d)(19|20)\d\d(?!\d)/g, ""), now),
    kinds,
    ...(asked.measure ? { measure: asked.measure } : {}),
    ...(asked.word ? { countWord: asked.word } : {}),
    strictMeasure: Boolean(asked.strict),
    concepts,
    searchText,
    greeting,
    several: /分别|各自|各是|各为|各有|respectively|\bboth\b|\beach\b/.test(text),
  };
}

/**
 * A run of the question's words cut where two neighbouring characters never stand together in the
 * knowledge base (元世祖忽必烈在位 → 元世祖 · 忽必烈 · 在位): each part is a word evidence may say
 * apart from the others. A run the corpus knows none of stays whole, for typo mending and refusals.
 */
function words(ix: Indexes, run: string): string[] {
  const chars = [...run];
  if (chars.length < 5) return [run];
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < chars.length; i++) {
    const gram = chars[i - 1]! + chars[i]!;
    if (!knows(ix, gram) && i - start >= 2 && chars.length - i >= 2) {
      out.push(chars.slice(start, i).join(""));
      start = i;
    }
  }
  out.push(chars.slice(start).join(""));
  return out.length > 1 && out.some((w) => bigrams(w).some((g) => knows(ix, g))) ? out : [run];
}

/** Where a question asks when, or how many of a thing (几部, 多少个). */
const WHEN_PHRASE = /(?:哪|何)一?年|几几?年|哪一?天|几月几[日号]|何时|什么时候|哪个时候/;
const COUNT_PHRASE = /(?:多少|几)(?:万|亿)?\p{Script=Han}?/u;

/**
 * What a when- or how-many-question is about: the words after its question phrase (于何年成立 → 成立,
 * 有几部是战争片 → 战争片), or, when the phrase ends the question, the word just before it
 * (政党轮替发生于哪一年 → 发生). The figure's own clause should say them.
 */
function eventOf(text: string, concepts: readonly Concept[], phrase: RegExp): Concept[] {
  const m = phrase.exec(text);
  if (!m) return [];
  const at = (c: Concept) => text.indexOf(c.text);
  const after = concepts.filter((c) => at(c) > m.index);
  if (after.length) return after;
  const before = concepts.filter((c) => at(c) >= 0 && at(c) < m.index).sort((a, b) => at(b) - at(a));
  return before.slice(0, 1);
}

const ENGLISH_STOP = new Set(
  "during over under since until after before then also only alone the and for from with what which who whom whose when where why how many much was were are did does has have had its this that these those there their about into than per please tell can could would will shall may might been being any some all first second third three half quarter quarters year years month months end integrated zone county city province district area region economic economy".split(" "),
);


/** Whether a word of `text` starts with `stem` (standard matches standards). */
function startsWord(text: string, stem: string): boolean {
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) if (!isLetter(text[at - 1])) return true;
  return false;
}

const COMPARED_YEAR = /(?:跟|与|和|较|比|相比|对比|compared (?:with|to)|than)\s*(?:19|20)\d\d\s*年?|(?:19|20)\d\d\s*年?\s*(?:同期|相比|比较)/g;

const isLatin = (s: string) => /^[a-z0-9' -]+$/.test(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether normalized `text` mentions `term`: Latin terms as whole words, Han terms anywhere. */
export function contains(text: string, term: string): boolean {
  if (!term) return false;
  let at = text.indexOf(term);
  if (at < 0 || !LATIN_EDGE.test(term)) return at >= 0;
  while (at >= 0) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + term.length])) return true;
    at = text.indexOf(term, at + 1);
  }
  return false;
}

/** A term that begins or ends with a Latin letter must not run into other letters. */
const LATIN_EDGE = /^[a-z]|[a-z]$/;
const isLetter = (ch: string | undefined) => ch !== undefined && ch >= "a" && ch <= "z";

/** How much of the question's concepts `evidence` (normalized) mentions, from 0 to 1. */
export function coverage(concepts: readonly Concept[], evidence: string): number {
  return gradedCoverage(concepts, [[evidence, 1]]);
}

/**
 * Coverage over texts of different standing: a concept met in the figure's own clauses counts whole,
 * one met only in the passage's context (its article's title, the sentence before) counts less.
 */
export function gradedCoverage(concepts: readonly Concept[], sources: readonly (readonly [string, number])[]): number {
  let total = 0;
  let met = 0;
  // Whether the evidence itself (its first source: the figure's own clauses) is English; asked only when it matters.
  let english: boolean | undefined;
  for (const c of concepts) {
    if (c.englishOnly && !(english ??= isEnglish(sources[0]?.[0] ?? ""))) continue;
    total += c.weight;
    met += c.weight * mentionedIn(c, sources);
  }
  return total ? met / total : 0;
}

/** Text written in English, not Chinese with a Latin name in it (TOPCon4.0光伏电池). */
export function isEnglish(text: string): boolean {
  return (text.match(/[a-z]{3,}/gi)?.length ?? 0) >= 3;
}

/**
 * How much of one concept the sources mention, each weighted by its standing: all of it, the share of its
 * bigrams (重新出版 against 重新发现: a third), or nothing. A word's parts may stand in different sources (黄鳍紫鱼
 * in the title, 体长 in the sentence): each bigram counts where it is best met.
 */
function mentionedIn(c: Concept, sources: readonly (readonly [string, number])[]): number {
  let best = 0;
  const parts = c.grams.map(() => 0);
  const latin = latinForms(c);
  for (const [text, weight] of sources) {
    // A source of no more standing than what is already met adds nothing.
    if (weight <= best && (c.grams.length < 2 || parts.every((p) => p >= weight))) continue;
    if (c.forms.some((f, i) => (latin[i] ? startsWord(text, f) : text.includes(f)))) {
      best = Math.max(best, weight);
      parts.forEach((p, i) => (parts[i] = Math.max(p, weight)));
      continue;
    }
    if (!c.grams.length) continue;
    const met = gramsMet(c, text);
    let n = 0;
    met.forEach((m, i) => {
      if (m) (n++, (parts[i] = Math.max(parts[i]!, weight)));
    });
    // A two-character abbreviation of a longer word (营收 for 营业收入, 规上 for 规模以上) counts most of it.
    const share = n ? n / c.grams.length : c.grams.length === 1 && abbreviates(c.grams[0]!, text) ? 0.8 : 0;
    best = Math.max(best, weight * share);
  }
  if (c.grams.length > 1 && best < 1) best = Math.max(best, parts.reduce((a, b) => a + b, 0) / c.grams.length);
  return best;
}

const latinOf = new WeakMap<Concept, readonly boolean[]>();
/** Which of a concept's forms are Latin words (matched as whole words), worked out once per concept. */
function latinForms(c: Concept): readonly boolean[] {
  let flags = latinOf.get(c);
  if (!flags) latinOf.set(c, (flags = c.forms.map(isLatin)));
  return flags;
}

/**
 * Which of a word's bigrams the evidence says: written as they are, or, within an event verb, as another
 * verb of the same event (成立 said as 创立). Only for the question's own words, whose grams follow its text.
 */
function gramsMet(c: Concept, evidence: string): boolean[] {
  const met = c.grams.map((g) => evidence.includes(g));
  if (!c.verbs?.length || met.every(Boolean)) return met;
  const chars = [...c.text];
  const gramAt = chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]!);
  for (const v of c.verbs) {
    if (!v.others.some((o) => evidence.includes(o))) continue;
    for (let i = v.at; i < v.at + v.length - 1; i++) {
      const k = c.grams.indexOf(gramAt[i]!);
      if (k >= 0) met[k] = true;
    }
  }
  return met;
}

function abbreviates(word: string, evidence: string): boolean {
  const [a, b] = [...word] as [string, string];
  for (let i = evidence.indexOf(a); i >= 0; i = evidence.indexOf(a, i + 1)) {
    const j = evidence.indexOf(b, i + 2);
    if (j > i + 1 && j <= i + 3 && /^\p{Script=Han}+$/u.test(evidence.slice(i, j + 1))) return true;
  }
  return false;
}
