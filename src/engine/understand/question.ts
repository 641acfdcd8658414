/**
 * What a question asks: the places it names, the years, the kind of answer it wants, and its
 * concepts, the words evidence has to cover before the bot dares to answer.
 */

import { ENGLISH_STOP, REPORT_TERMS } from "../../lexicon/english.js";
import { BOTH_SIDES_SAID, QUALIFIERS } from "../../lexicon/frame.js";
import { GROWTH_ASKED, KIND_CUES, KIND_WORDS, SHARE_SPAN } from "../../lexicon/kinds.js";
import { alt, anyWord, anyWordLatinWhole, charSet, cueRegExp, onlyWords } from "../../lexicon/match.js";
import { ENGLISH_PLACES, NOT_PLACES } from "../../lexicon/places.js";
import {
  ASKED_MEASURE_WORDS,
  ASKING_VERBS,
  ERAS,
  FILLERS,
  FUNCTION_CHARS,
  GENERIC_HEADS,
  GREETINGS,
  JOINERS,
  KEPT_LEADING,
  LEADING_WORDS,
  QUESTION_PHRASES,
  SERIES,
  SERIES_SPANS,
  SEVERAL,
  TRAILING_WORDS,
  WHEN_ASKING,
  WHEN_PHRASES,
  YEARLY_OPENINGS,
} from "../../lexicon/questions.js";
import {
  COMPARING,
  ENGLISH_PARTS_OF_YEAR,
  MONTHS,
  PARTS_OF_YEAR,
  RELATIVE_YEARS,
  TIME_WORDS,
  UNTIL,
} from "../../lexicon/time.js";
import type { FactKind } from "../../model/knowledge.js";
import { questionYears } from "../read/periods.js";
import { type Measure, measureAsked } from "../read/units.js";
import type { Indexes, TermGroup } from "../retrieve/indexes.js";
import {
  bigrams,
  contains,
  escapeRegExp,
  hanRuns,
  isLatin,
  normalize,
  stemEnglish,
  tokenizeNormalized,
} from "../text.js";
import { type Describing, describingOf, isOverview } from "./describe.js";
import { eventVerbsIn } from "./events.js";
import { frameOf, type QuestionFrame } from "./frame.js";
import { correctTypos, knows } from "./typos.js";

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
  /** A glossary group the question names in English: its Chinese forms are what Chinese evidence says. */
  readonly englishAsked?: boolean;
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
  /**
   * A kind no other figure answers: a rank (排第几) only a rank statement, a growth (增速, 涨了多少) only a rate
   * or an increase, never the metric's level.
   */
  readonly strictKind?: "rank" | "growth";
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
  /** The question asks for the figure over the years (这几年怎么变化, 历年, over the years). */
  readonly series: boolean;
  /** How many of the last periods it asks for (近三年: 3). */
  readonly seriesSpan?: number;
  /** The part of the year, holiday, status and measure it asks (frame.ts). */
  readonly frame: QuestionFrame;
  /** A question for a description (是什么, 有哪些, 为什么, 如何), not a figure: its kind and where its cue stands. */
  readonly describing?: Describing;
  /** A question for an overview of the place it names (忻州经济怎么样, 原平市概况). */
  readonly overview: boolean;
}

const MAGNITUDE_WORDS = ["万", "亿"];
const HOW_MANY = alt(["多少", "几"]);
const YEAR_NUMBER = String.raw`(?:19|20)\d\d年`;
const RELATIVE_YEAR_WORDS = Object.keys(RELATIVE_YEARS);

/** Question phrases, whole: 有多少个, 公元前哪一年, 多少来着, 吗. */
const QUESTION_PHRASE = new RegExp(
  [
    `${alt(ASKING_VERBS)}?${HOW_MANY}${alt(MAGNITUDE_WORDS)}?${alt(ASKED_MEASURE_WORDS)}`,
    `${alt(ERAS)}?${alt(WHEN_PHRASES)}`,
    alt(QUESTION_PHRASES),
  ].join("|"),
  "g",
);
/** Where a run of words is cut. */
const SPLITTERS = new RegExp(`[${JOINERS.join("")}]`, "g");
const FILLER = anyWord(FILLERS, "g");
/** Time and kind-of-answer words inside a run: they choose the period and the kind, not the subject. */
const TIME_AND_KIND = new RegExp(
  [
    `${alt(UNTIL)}?(?:${alt(RELATIVE_YEAR_WORDS)}|${YEAR_NUMBER})?` +
      `(?:${alt(PARTS_OF_YEAR)}|\\d{1,2}月份?(?:底|末)?|\\d{1,2}-\\d{1,2}月)`,
    alt(RELATIVE_YEAR_WORDS),
    YEAR_NUMBER,
    alt(KIND_WORDS),
  ].join("|"),
  "g",
);
const FUNCTION_CHAR = charSet(FUNCTION_CHARS);
const EDGE_WORDS = new RegExp(`^(?!${alt(KEPT_LEADING)})${alt(LEADING_WORDS)}+|${alt(TRAILING_WORDS)}+$`, "g");
const TIME_WORD = onlyWords(TIME_WORDS);
const GREETING = new RegExp(`^${alt(GREETINGS)}[\\s!！。.,，~]*$`, "i");
const SEVERAL_FIGURES = new RegExp(`${alt([...SEVERAL.han, ...SEVERAL.anywhere])}|\\b${alt(SEVERAL.latin)}\\b`);
const SERIES_ALL = [...SERIES.han, ...Object.keys(SERIES_SPANS), ...SERIES.latin];
const SERIES_WORDS = anyWordLatinWhole(SERIES_ALL);
const SERIES_WORDS_ALL = anyWordLatinWhole(SERIES_ALL, "g");
const SERIES_SPAN = anyWord(Object.keys(SERIES_SPANS));
const SHARE_ASKED = `占.{0,${SHARE_SPAN}}${HOW_MANY}`;
const GROWTH_ASKING = cueRegExp(GROWTH_ASKED);
const CUES = KIND_CUES.map(([kind, cue]) => [kind, cueRegExp(cue, kind === "share" ? SHARE_ASKED : "")] as const);
const ENGLISH_STOPS: ReadonlySet<string> = new Set(ENGLISH_STOP);
const RELATIVE_YEAR_TEXT = new RegExp(`${alt(RELATIVE_YEAR_WORDS)}|this year|last year`, "g");

/** The parts of a year (the first half, January to September) in Chinese: a month alone (May Day) stays a word. */
const ENGLISH_PARTS: [RegExp, string][] = ENGLISH_PARTS_OF_YEAR.map(
  ([names, zh]) => [new RegExp(`\\b${alt(names)}\\b`, "g"), ` ${zh} `] as [RegExp, string],
);
/** The parts of a year and every month, for the search. */
const ENGLISH_TIME: [RegExp, string][] = [
  ...ENGLISH_PARTS,
  ...MONTHS.map((m, i) => [new RegExp(`\\b${m}\\b`, "g"), ` ${i + 1}月 `] as [RegExp, string]),
];
const MONTH_END = new RegExp(`\\bend of (?:${MONTHS.join("|")})\\b`, "g");

const placeNames = new WeakMap<Indexes, readonly string[]>();
/** Every place name a question may use, longest first: worked out once per index. */
function placeNamesOf(ix: Indexes): readonly string[] {
  let names = placeNames.get(ix);
  if (!names) {
    const all = [
      ...ix.allPlaces,
      ...ix.groups.filter((g) => g.section === "places").flatMap((g) => g.norms),
      ...Object.keys(ENGLISH_PLACES),
      // Places within a county that hold its short name (五台山): read whole, before the county's 五台.
      ...NOT_PLACES,
    ];
    names = [...new Set(all)].sort((a, b) => b.length - a.length);
    placeNames.set(ix, names);
  }
  return names;
}

type Term = { readonly term: string; readonly group: TermGroup };
const REPORT_GROUPS: readonly TermGroup[] = REPORT_TERMS.map((terms) => ({
  terms,
  norms: terms.map(normalize).filter(Boolean),
  section: "terms",
}));
/**
 * The English words the reports' vocabulary translates on their own: a word of a longer phrase (number, total)
 * left alone in a question translates nothing, so Chinese evidence is not held to it.
 */
const REPORT_STEMS: ReadonlySet<string> = new Set(
  REPORT_GROUPS.flatMap((g) => g.norms.filter((n) => /^[a-z][a-z'-]{2,}$/.test(n))).map(stemEnglish),
);
const termLists = new WeakMap<Indexes, readonly Term[]>();
/**
 * The glossary's terms and the English of the reports' vocabulary (lexicon/english.ts), longest first across both, so that
 * "permanent population" is one concept before "population" is another; the glossary's own group wins a tie.
 */
function termsOf(ix: Indexes): readonly Term[] {
  let terms = termLists.get(ix);
  if (!terms) {
    // Only their English phrases: a Chinese question reads its own words as it always has.
    const report = REPORT_GROUPS.flatMap((group) => group.norms.filter(isLatin).map((term) => ({ term, group })));
    terms = [...ix.glossaryTerms, ...report].sort((a, b) => b.term.length - a.term.length);
    termLists.set(ix, terms);
  }
  return terms;
}

/** `kindsFrom`: the text whose cue words say what kind of answer is wanted (a part of the question). */
export function parseQuestion(raw: string, ix: Indexes, now: Date, kindsFrom = raw): Question {
  const norm0 = normalize(raw);
  const greeting = GREETING.test(raw.trim()) || GREETING.test(norm0);
  const mended = correctTypos(norm0, ix, raw);
  const { changes } = mended;
  // 这几年怎么变化 chooses the answer's form: neither a word to look for nor a time (几年) asked.
  const series = SERIES_WORDS.test(mended.text);
  const said = mended.text.replace(BOTH_SIDES, BOTH_SIDES_SAID.as);
  const text = series ? said.replace(SERIES_WORDS_ALL, " ").replace(/\s+/g, " ").trim() : said;
  const left = new Remainder(text);
  // Places first, longest names first, so that 太忻一体化经济区 is not read as 忻州.
  const { places, foreignPlace } = placesIn(left, ix);
  const concepts = glossaryConcepts(left, ix);
  const { timeText, wordText } = timesRead(left.text);
  const cueText = kindsFrom === raw ? text : normalize(kindsFrom).replace(SERIES_WORDS_ALL, " ");
  const asked = measureAsked(cueText);
  const cued = CUES.filter(([, cue]) => cue.test(cueText) || cue.test(kindsFrom.toLowerCase())).map(([k]) => k);
  // A question that asks for a year or a day wants a date, whatever else its words cue.
  const kinds: WantedKind[] = asked.measure === "year" || asked.measure === "date" ? ["time"] : cued;
  const strictKind = strictKindOf(kinds, cueText);
  // English times (the first three quarters, January to June) are read as the Chinese: times, not words to look for.
  concepts.push(...wordConcepts(wordText, ix));
  const english = englishConcepts(wordText, ix);
  concepts.push(...english.concepts);
  const searchText = searchTextOf(ix, concepts, { kinds, places, englishTokens: english.tokens, timeText });
  const kept = heaviest(concepts, ix.options.limits.concepts);
  // A figure over the years (How has … changed over the years?) is a series, not a description.
  const describing = series
    ? undefined
    : describingOf(text, { kinds, ...asked, ...(strictKind ? { strictKind } : {}) });
  const event =
    kinds[0] === "time"
      ? eventOf(text, kept, WHEN_PHRASE)
      : asked.word || kinds[0] === "count"
        ? eventOf(text, kept, COUNT_PHRASE)
        : [];
  return {
    raw,
    text,
    changes,
    event,
    places,
    ...(foreignPlace ? { foreignPlace } : {}),
    ...yearsAsked(text, asked.measure === "year", now),
    kinds,
    ...(strictKind ? { strictKind } : {}),
    ...(asked.measure ? { measure: asked.measure } : {}),
    ...(asked.word ? { countWord: asked.word } : {}),
    strictMeasure: Boolean(asked.strict),
    concepts: kept,
    searchText,
    greeting,
    several: SEVERAL_FIGURES.test(text),
    series,
    ...seriesSpanOf(mended.text),
    frame: askedInEnglish(frameOf(englishTimed(text)), kept),
    ...(describing ? { describing } : {}),
    overview: !series && isOverview(text, places.flat()),
  };
}

/**
 * The question's words with its English times said in Chinese: every month and part of a year for the search
 * (timeText), only the parts of a year and ends of months for the words to look for (wordText): a month alone
 * (September alone, May Day) stays a word.
 */
function timesRead(text: string): { timeText: string; wordText: string } {
  let timeText = text;
  for (const [pattern, replacement] of ENGLISH_TIME) timeText = timeText.replace(pattern, replacement);
  let wordText = text.replace(MONTH_END, " ");
  for (const [pattern, replacement] of ENGLISH_PARTS) wordText = wordText.replace(pattern, replacement);
  return { timeText, wordText };
}

/** A question with its English times said in Chinese (the first half → 上半年), for its frame. */
function englishTimed(text: string): string {
  if (!/[a-z]{3}/.test(text)) return text;
  let timed = text;
  for (const [pattern, replacement] of ENGLISH_PARTS) timed = timed.replace(pattern, replacement);
  return timed;
}

/** The qualifiers an English question says through its concepts (farmers: 农民), as a Chinese one says them. */
function askedInEnglish(frame: QuestionFrame, concepts: readonly Concept[]): QuestionFrame {
  const han = concepts.filter((c) => c.englishAsked).flatMap((c) => c.forms.filter((f) => /\p{Script=Han}/u.test(f)));
  const more = QUALIFIERS.filter((w) => !frame.qualifiers.includes(w) && han.some((f) => f.includes(w)));
  return more.length ? { ...frame, qualifiers: [...frame.qualifiers, ...more] } : frame;
}

function seriesSpanOf(text: string): { seriesSpan?: number } {
  const span = SERIES_SPAN.exec(text)?.[0];
  return span ? { seriesSpan: SERIES_SPANS[span]! } : {};
}

function strictKindOf(kinds: readonly WantedKind[], cueText: string): Question["strictKind"] {
  if (kinds[0] === "rank") return "rank";
  return kinds[0] === "growth" && GROWTH_ASKING.test(cueText) ? "growth" : undefined;
}

/** What is left of a question's text as places and glossary terms are taken out of it. */
class Remainder {
  text: string;
  constructor(text: string) {
    this.text = ` ${text} `;
  }
  has(term: string): boolean {
    return contains(this.text, term);
  }
  take(found: string): void {
    const t = this.text;
    this.text = isLatin(found)
      ? t.replace(new RegExp(`\\b${escapeRegExp(found)}\\b`, "g"), " ")
      : t.split(found).join(" ");
  }
}

function placesIn(left: Remainder, ix: Indexes): { places: string[][]; foreignPlace?: string } {
  const places: string[][] = [];
  let foreignPlace: string | undefined;
  for (const name of placeNamesOf(ix)) {
    if (!left.has(name)) continue;
    const canonical = ENGLISH_PLACES[name] ?? name;
    const group = ix.groups.find(
      (g) => g.section === "places" && (g.norms.includes(name) || g.norms.includes(canonical)),
    );
    if (
      group ||
      NOT_PLACES.includes(canonical) ||
      ix.coveredPlaces.has(canonical) ||
      [...ix.coveredPlaces].some((c) => c.startsWith(canonical))
    ) {
      places.push([...new Set([canonical, ...(group?.norms ?? [])])]);
    } else foreignPlace ??= name;
    left.take(name);
  }
  return foreignPlace ? { places, foreignPlace } : { places };
}

/**
 * Glossary groups the question touches become concepts that any of their words satisfies; longest words
 * first across all groups, so that a phrase is not split by a shorter term.
 */
function glossaryConcepts(left: Remainder, ix: Indexes): Concept[] {
  const concepts: Concept[] = [];
  const used = new Set<TermGroup>();
  for (const { term, group } of termsOf(ix)) {
    if (used.has(group) || !left.has(term)) continue;
    used.add(group);
    left.take(term);
    const han = group.norms.filter((n) => /\p{Script=Han}/u.test(n));
    const weight = Math.max(1, ...han.map((n) => Math.min(bigrams(n).length, 3)));
    concepts.push({
      text: group.terms[0]!,
      forms: group.norms,
      weight,
      grams: [],
      ...(isLatin(term) ? { englishAsked: true } : {}),
    });
  }
  return concepts;
}

/** What remains of the Chinese: runs of content words once question words, fillers and time are gone. */
function wordConcepts(rest: string, ix: Indexes): Concept[] {
  const concepts: Concept[] = [];
  for (const run of hanRuns(rest.replace(QUESTION_PHRASE, " ").replace(FILLER, " ").replace(TIME_AND_KIND, " "))) {
    for (const chunk of run.split(SPLITTERS)) {
      for (const found of words(ix, chunk)) {
        const word = found.replace(EDGE_WORDS, "");
        if (!word || TIME_WORD.test(word) || /^[\d年月日季度前后上下半]+$/.test(word)) continue;
        concepts.push(...qualifierApart(word).flatMap((part) => wordConcept(part, ix)));
      }
    }
  }
  return concepts;
}

/** A word of the question as a concept, weighed by its bigrams; none when it has no bigram worth searching. */
function wordConcept(word: string, ix: Indexes): Concept[] {
  const grams = bigrams(word).filter((g) => knows(ix, g) || ![...g].some((ch) => FUNCTION_CHAR.has(ch)));
  return grams.length
    ? [{ text: word, forms: formsOf(word), weight: grams.length, grams, verbs: eventVerbsIn(word) }]
    : [];
}

const BOTH_SIDES = new RegExp(BOTH_SIDES_SAID.pattern, "g");
const GENERIC_HEAD = new RegExp(`^(\\p{Script=Han}{2,})${alt(GENERIC_HEADS)}$`, "u");
const YEARLY_OPENING = new RegExp(`^${alt(YEARLY_OPENINGS)}(?=\\p{Script=Han}{2,}$)`, "u");

const QUALIFIER_OPENING = new RegExp(
  `^(${alt([...QUALIFIERS].sort((a, b) => b.length - a.length))})(?=\\p{Script=Han}{2,}$)`,
  "u",
);

/**
 * A word that opens with a qualifier (规上锻造企业): the qualifier and the rest apart, for evidence says them apart
 * (锻造企业460余家，其中规模以上企业132户). The qualifier itself is in the question's frame (frame.ts).
 */
function qualifierApart(word: string): string[] {
  const m = QUALIFIERS.includes(word) ? null : word.match(QUALIFIER_OPENING);
  return m ? [m[1]!, word.slice(m[1]!.length)] : [word];
}

/** A word as the question writes it, and its core where its head is generic (月饼产业: 月饼) or it opens yearly (年产值: 产值). */
function formsOf(word: string): string[] {
  const core = word.replace(GENERIC_HEAD, "$1").replace(YEARLY_OPENING, "");
  return core !== word && core.length >= 2 ? [word, core] : [word];
}

/**
 * English words must be covered too: words of its English articles, aliases and glossary, and words it
 * has never seen. `tokens`: the words the corpus has, to search with.
 */
function englishConcepts(rest: string, ix: Indexes): { concepts: Concept[]; tokens: string[] } {
  const concepts: Concept[] = [];
  const tokens: string[] = [];
  for (const word of new Set(rest.match(/[a-z][a-z'-]{2,}/g) ?? [])) {
    const stem = stemEnglish(word);
    if (ENGLISH_STOPS.has(word)) continue;
    // A word the base has never seen stays a concept: evidence cannot cover it (2025 Spring Festival).
    const inText = [word, stem].filter((w) => ix.documentFrequency.has(w));
    tokens.push(...inText);
    // Only English evidence can be held to a word the glossary does not translate.
    const translated = ix.englishStems.has(stem) || REPORT_STEMS.has(stem);
    const weight = inText.length || translated ? 1 : 2;
    concepts.push({ text: word, forms: [stem], weight, grams: [], ...(translated ? {} : { englishOnly: true }) });
  }
  return { concepts, tokens };
}

/** Space-separated tokens for MiniSearch: the concepts' forms, other verbs of an event, places, numbers. */
function searchTextOf(
  ix: Indexes,
  concepts: readonly Concept[],
  also: {
    kinds: readonly WantedKind[];
    places: readonly (readonly string[])[];
    englishTokens: readonly string[];
    timeText: string;
  },
): string {
  const { kinds, places, englishTokens, timeText } = also;
  const searchable = (f: string) =>
    /\p{Script=Han}|\d/u.test(f) || (isLatin(f) && ix.documentFrequency.has(f.split(" ")[0]!));
  // Evidence may say when something happened in another verb (过世: 去世, 逝世).
  const otherVerbs = (c: Concept) => (c.verbs ?? []).flatMap((v) => v.others.filter((o) => o.length > 1));
  return [
    ...concepts.flatMap((c) => c.forms.filter(searchable)),
    ...(kinds[0] === "time" ? concepts.flatMap(otherVerbs) : []),
    ...places.flatMap((g) => g.filter((n) => /\p{Script=Han}/u.test(n)).slice(0, 2)),
    ...englishTokens,
    ...(timeText.match(/\d+(\.\d+)?%?/g) ?? []),
  ]
    .flatMap((s) => tokenizeNormalized(s))
    .filter((t, i, all) => all.indexOf(t) === i)
    .join(" ");
}

/** One question's work is bounded: its heaviest concepts only (options.ts), in the question's order. */
function heaviest(concepts: Concept[], limit: number): Concept[] {
  if (concepts.length <= limit) return concepts;
  const kept = new Set([...concepts].sort((a, b) => b.weight - a.weight).slice(0, limit));
  return concepts.filter((c) => kept.has(c));
}

/**
 * The years a question names, those it means (今年), and those it only compares with (跟2023年同期比,
 * 较2023年), which do not choose the period. A year the question names when it asks for another year is
 * what it is about, not a period.
 */
function yearsAsked(text: string, asksYear: boolean, now: Date) {
  const named = text.replace(RELATIVE_YEAR_TEXT, "").replace(COMPARED_YEAR, " ");
  return {
    years: asksYear ? [] : questionYears(named, now).filter((y) => y > 1900),
    comparedYears: [...text.matchAll(COMPARED_YEAR)].flatMap((m) => questionYears(m[0], now)),
    relativeYears: questionYears(text.replace(/(?<!\d)(19|20)\d\d(?!\d)/g, ""), now),
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
const WHEN_PHRASE = anyWord(WHEN_ASKING);
const COUNT_PHRASE = new RegExp(`${HOW_MANY}${alt(MAGNITUDE_WORDS)}?\\p{Script=Han}?`, "u");

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

const COMPARED_YEAR = new RegExp(
  `${alt(COMPARING.before)}\\s*(?:19|20)\\d\\d\\s*年?|(?:19|20)\\d\\d\\s*年?\\s*${alt(COMPARING.after)}`,
  "g",
);
