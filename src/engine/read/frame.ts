/**
 * Whether a piece of evidence is of the frame the question asks: the same part of the year, the same
 * holiday, a result when a result is asked, the measure itself and not a qualified or opposite one, and
 * the city when the city is asked. Evidence of another frame never answers; it may be said as a near fact.
 */
import { ENGLISH_COMPANY, GENERIC_NAME_WORDS } from "../../lexicon/english.js";
import { SUBJECT_ENDINGS } from "../../lexicon/extraction.js";
import {
  BATCH_DEEDS,
  BATCH_QUALIFIERS,
  BATCH_REFERENCES,
  COVERING_QUALIFIERS,
  HOLIDAYS,
  LOOSE_QUALIFIERS,
  NOT_HOLIDAYS,
  PER_HEAD_BY_NATURE,
  PLANNED_MEASURES,
  QUALIFIERS,
  RESULT_SAID,
  RIVAL_QUALIFIERS,
  SAME_QUALIFIERS,
  TARGET_WORDS,
  WHOLE_CITY,
} from "../../lexicon/frame.js";
import { PER_HEAD_WORDS } from "../../lexicon/kinds.js";
import { alt, anyWordLatinWhole } from "../../lexicon/match.js";
import { XINZHOU_COUNTIES } from "../../lexicon/places.js";
import { isCounty, placeNamed, placesIn } from "../../model/places.js";
import { subjectBefore } from "../extract/subject.js";
import { namesHoliday } from "../understand/frame.js";
import type { Question } from "../understand/question.js";
import { monthSpan, yearOf } from "./periods.js";

/** What makes evidence another figure than the one asked. */
export type Conflict = "period" | "holiday" | "target" | "result" | "measure" | "place" | "subject";

/** The evidence a frame is checked on, normalized. */
export interface Framed {
  /** The figure's period (2024年1-9月, 截至2024年10月底, 2023年). */
  readonly period: string;
  /** The figure's own clause group. */
  readonly own: string;
  /** The sentence up to the figure's own clause, where a target's words (力争…，新增…) or a holiday stand. */
  readonly lead: string;
  /** The article's date (YYYY-MM-DD): a figure for a later year than it is a plan. */
  readonly date: string;
  /** The sentence, its article's title and the subjects before it. */
  readonly around: string;
  /** The article's region. */
  readonly region: string;
  /** The article's title, normalized: the batch it names (第二批重点项目集中开工) is what its sentences of 开工 speak of. */
  readonly title?: string;
  /** A sentence's words before the figure, as written (none for a curated fact): whose figure it is stands there. */
  readonly before?: string;
}

const TARGET = anyWordLatinWhole([...TARGET_WORDS, ...PLANNED_MEASURES]);
const PER_HEAD = anyWordLatinWhole(PER_HEAD_WORDS, "i");
const CITY = anyWordLatinWhole(WHOLE_CITY);
const DONE = anyWordLatinWhole(RESULT_SAID, "i");
const ANY_HOLIDAY = anyWordLatinWhole(Object.values(HOLIDAYS).flat(), "i");
const NOT_A_HOLIDAY = anyWordLatinWhole(NOT_HOLIDAYS, "gi");
// A sentence that says a time of its own (今年以来, 全年, 1-9月) is not of the holiday its article is about.
const OWN_TIME = /\d{4}年(?!国庆|春节|五一|中秋|端午|清明|元旦|暑)|今年|去年|全年|以来|\d{1,2}月(?!\d)|季度|半年/;
/** A clause speaking of a whole city: 全市, 该市, 市委. */
const CITY_WIDE = /全市|该市|本市|市委|市政府/;
/** A clause speaking of a whole city or county. */
const WHOLE_AREA = /全市|该市|本市|全县|该县|本县|全区|全縣|該縣|該市/;

function partSaid(part: string, own: string): boolean {
  if (own.includes(part)) return true;
  const grams = [...part].slice(0, -1).map((ch, i) => ch + [...part][i + 1]!);
  return grams.filter((g) => own.includes(g)).length * 2 > grams.length;
}

const CLAUSE_MARK = /[，,；;：:]/;
/** A title naming a batch and what was done with it (第二批重点项目集中开工): the batch, then the deed. */
const BATCH_TITLE = new RegExp(`(?:${alt(BATCH_QUALIFIERS)})[^，,。\\s]{0,12}?(${alt(BATCH_DEEDS)})`);

/** A clause that says the deed its article's title names of a batch (忻州片区开工项目69个 under …第二批…集中开工). */
function ofTitleBatch(e: Framed): boolean {
  const deed = e.title ? BATCH_TITLE.exec(e.title)?.[1] : undefined;
  return deed !== undefined && e.own.includes(deed);
}

/** A sentence that speaks of a batch named before it or in its title: 此次, 本次, 其中. */
const BATCH_REFERENCE = new RegExp(alt(BATCH_REFERENCES));

/** The first way the evidence falls outside the question's frame, if any. */
export function conflictOf(q: Question, e: Framed): Conflict | undefined {
  const f = q.frame;
  if (periodConflicts(f.fullYear, f.span, e.period)) return "period";
  if (f.holidays.some((h) => !namesHoliday(`${e.own} ${e.around}`, h))) return "holiday";
  // A holiday's figure (国庆 week) does not answer a year's question.
  if (!f.holidays.length && (q.years.length || f.fullYear) && ofHoliday(e)) return "holiday";
  // A year asked whole (2024年接待游客) is not answered by a part of it.
  if (f.year && q.years.length && monthSpan(e.period)) return "period";
  if (f.result && isTarget(e)) return "target";
  if (f.target && !isTarget(e)) return "result";
  // A batch (第二批) may be said where the passage stands when it or the sentences it goes on from refer to one (此次…,
  // 其中…): 此次集中开工的项目共126个…。按项目类型分，产业类项目78个 is of the batch its title names.
  if (otherMeasure(q, e.own, BATCH_REFERENCE.test(e.around) || ofTitleBatch(e) ? e.around : e.own)) return "measure";
  // The part asked (…中产业类项目) must stand in the figure's own clauses, or most of its bigrams must.
  if (q.frame.part && !partSaid(q.frame.part, e.own)) return "measure";
  if (countyForCity(q, e) || sharedWithOthers(q, e.lead)) return "place";
  if (ofOtherThing(q, e.before)) return "subject";
  return undefined;
}

/**
 * A figure of several places together (忻府区、五台县、宁武县等同步开工项目40个): not one of them's. A list said
 * respectively (分别) gives each its own.
 */
function sharedWithOthers(q: Question, lead: string): boolean {
  if (lead.includes("分别")) return false;
  // Normalized, 忻府区、五台县、宁武县等 reads 忻府区 五台县 宁武县等: a place beside another, or before 等.
  const words = lead.split(" ");
  return q.places.some((names) =>
    names.some((n) => {
      if (n.length < 2 || !/\p{Script=Han}/u.test(n)) return false;
      const at = words.findIndex((w) => w.startsWith(n));
      if (at < 0) return false;
      const beside = [words[at - 1], words[at + 1]].some((w) => w !== undefined && LISTED_PLACE.test(w));
      return beside && (LISTED_PLACE.test(words[at]!) || /等/.test(words[at]!));
    }),
  );
}

/** A word that is a county's or district's name, or ends a list of them (宁武县等其他县). */
const LISTED_PLACE = /^\p{Script=Han}{1,4}(?:县|区|市)(?:等.*)?$/u;

const GENERIC_NAME = new Set(GENERIC_NAME_WORDS);

/**
 * An English figure of a company (Shanxi Runfeng Coal and Coking Co Ltd, produced 4.6 million tonnes…) for a
 * question that names neither it nor companies: the company's, not its place's.
 */
function ofEnglishCompany(q: Question, before: string): boolean {
  const clauses = before.split(/[,;:]/);
  const where = `${clauses[0] ?? ""} ${clauses.slice(-2).join(" ")}`;
  const name = ENGLISH_COMPANY.exec(where)?.[0];
  if (!name) return false;
  if (/\b(?:company|companies|firm|enterprise|co)\b/.test(q.text)) return false;
  const words = name.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  return !words.some((w) => !GENERIC_NAME.has(w) && q.text.includes(w));
}

/**
 * A figure whose subject is a thing of its own (五台山景区共接待游客…, 某某公司实现产值…) that the question does not
 * name: it is that thing's figure, not its place's. The subject is the last one named before the figure; a place,
 * 全市 or 该县 is the place's own.
 */
function ofOtherThing(q: Question, before: string | undefined): boolean {
  if (!before || !q.places.length) return false;
  if (!/\p{Script=Han}/u.test(before)) return ofEnglishCompany(q, before);
  const subject = subjectBefore(before);
  if (!subject || subject.refers || placeNamed(subject.name) || placesIn(subject.name).length) return false;
  // It stands as the subject: in the figure's own clause, or in the sentence's first, where a subject stands.
  const clauseStart = Math.max(...[...before].map((ch, i) => (CLAUSE_MARK.test(ch) ? i + 1 : 0)));
  const firstEnd = before.search(CLAUSE_MARK);
  if (subject.at < clauseStart && firstEnd >= 0 && subject.end > firstEnd) return false;
  const thing = subject.name;
  const ending = SUBJECT_ENDINGS.find((w) => thing.endsWith(w));
  // A name ending in 项目 or 工程 is as often a phrase (抓好项目) as a project's name: not judged by its ending.
  if (!ending || ending === "项目" || ending === "工程") return false;
  const core = thing.slice(0, -ending.length);
  const asked = q.text;
  // The question names it (五台山 for 五台山风景区), or asks of such things (景区接待游客, 企业产值).
  if (asked.includes(ending) || [...core].slice(0, -1).some((ch, i) => asked.includes(ch + core[i + 1]!))) return false;
  const names = [...q.places.flat(), ...q.concepts.flatMap((c) => c.forms)];
  return !names.some((f) => f.length >= 2 && thing.includes(f));
}

/** Evidence of a holiday: its clause names one, or its article does and the sentence names no time of its own. */
function ofHoliday(e: Framed): boolean {
  if (namesAHoliday(`${e.own} ${e.lead}`)) return true;
  return namesAHoliday(e.around) && !OWN_TIME.test(e.lead);
}

/** Whether a text names a holiday, remembered for the last few thousand texts: the same contexts come again. */
let holidaysSeen = new Map<string, boolean>();

function namesAHoliday(text: string): boolean {
  let named = holidaysSeen.get(text);
  if (named === undefined) {
    named = ANY_HOLIDAY.test(text.replace(NOT_A_HOLIDAY, " "));
    if (holidaysSeen.size >= 4096) holidaysSeen = new Map();
    holidaysSeen.set(text, named);
  }
  return named;
}

/**
 * A target, a plan or a forecast: its own clause says so, or the sentence before it does and the clause
 * says no result of its own (力争实施2个项目，新增造地1000亩); or it is for a later year than its article.
 */
export function isTarget(e: Framed): boolean {
  if (TARGET.test(e.own)) return true;
  if (TARGET.test(e.lead) && !DONE.test(e.own)) return true;
  return (yearOf(e.period) ?? 0) > Number(e.date.slice(0, 4));
}

/** A part of a year for the whole year, or another span of months than the one asked. */
function periodConflicts(fullYear: boolean, span: string, period: string): boolean {
  const part = monthSpan(period);
  const until = period.match(/^截至\d{4}年(\d{1,2})月/);
  if (fullYear) return Boolean(part) || (until !== null && Number(until[1]) < 12);
  // A whole year (2025年) does not answer a part of it (1-3月) either.
  if (span && !part && /^\d{4}年$/.test(period)) return true;
  return Boolean(span && part && span !== part);
}

/** The question's measure qualified otherwise in the evidence (城镇常住人口 for 常住人口), or its opposite (收入 for 支出). */
function otherMeasure(q: Question, own: string, around: string): boolean {
  if (q.frame.perHead && !PER_HEAD.test(own)) return true;
  for (const { asked, opposite } of q.frame.measures) {
    // 出口 said only within 进出口 is not said.
    if (own.includes(opposite) && !own.split(opposite).join(" ").includes(asked)) return true;
  }
  if (rivalQualified(q, own) || lacksQualifier(q, own, around)) return true;
  for (const c of q.concepts) {
    // A glossary concept (GDP) is met by its forms (地区生产总值); a word of the question by itself.
    const words = c.grams.length ? [measureIn(own, c.text)] : hanForms(c);
    for (const word of words) if ([...word].length >= 2 && qualifiedOtherwise(q, own, word, words)) return true;
  }
  return false;
}

/** A concept's forms of two Han characters or more; worked out once a concept. */
const hanFormsOf = new WeakMap<Question["concepts"][number], readonly string[]>();

function hanForms(c: Question["concepts"][number]): readonly string[] {
  let forms = hanFormsOf.get(c);
  if (!forms) {
    forms = c.forms.filter((f) => /^\p{Script=Han}{2,}$/u.test(f));
    hanFormsOf.set(c, forms);
  }
  return forms;
}

/**
 * The longest start of a question's word that the evidence writes (地区生产总值 of 地区生产总值增长): where a
 * qualifier would stand before it. At least four characters, or the whole word.
 */
function measureIn(own: string, word: string): string {
  for (const start of startsOf(word)) if (own.includes(start)) return start;
  return word;
}

/** A word's starts of four characters or more, longest first; worked out once a word. */
const starts = new Map<string, readonly string[]>();

function startsOf(word: string): readonly string[] {
  let found = starts.get(word);
  if (!found) {
    const chars = [...word];
    const out: string[] = [];
    for (let n = chars.length; n >= 4; n--) out.push(chars.slice(0, n).join(""));
    found = out;
    if (starts.size >= 4096) starts.clear();
    starts.set(word, found);
  }
  return found;
}

/**
 * Whether `word` stands in `own` after a qualifier the question does not say (城镇 before 常住人口), and not as
 * part of a longer form of the same concept (农村居民人均可支配收入, a form of 农民人均可支配收入).
 */
function qualifiedOtherwise(q: Question, own: string, word: string, forms: readonly string[]): boolean {
  for (let at = own.indexOf(word); at >= 0; at = own.indexOf(word, at + 1)) {
    const before = own.slice(Math.max(0, at - 4), at);
    const qualifier = QUALIFIERS.find((w) => before.endsWith(w));
    if (!qualifier || asksQualifier(q, qualifier) || word.startsWith(qualifier)) continue;
    // 人均 before 可支配收入 is how the measure is always reported, not another measure.
    if (qualifier === "人均" && (q.frame.perHead || PER_HEAD_BY_NATURE.some((m) => word.includes(m)))) continue;
    if (
      forms.some(
        (f) =>
          f.length > word.length && f.endsWith(word) && own.slice(at + word.length - f.length, at + word.length) === f,
      )
    )
      continue;
    return true;
  }
  return false;
}

/** The evidence qualified by the rival of the question's qualifier (农村居民 for a question on 城镇居民), not by it. */
function rivalQualified(q: Question, own: string): boolean {
  const asked = q.frame.qualifiers;
  if (!asked.length) return false;
  for (const groups of RIVAL_QUALIFIERS) {
    const mine = groups.find((g) => g.some((w) => asked.includes(w)));
    if (!mine || mine.some((w) => own.includes(w))) continue;
    if (groups.some((g) => g !== mine && g.some((w) => own.includes(w)))) return true;
  }
  return false;
}

/**
 * The question's measure qualified (规上企业, 城镇居民收入), the evidence's own clauses not: the figure is another
 * one. A batch (首批) may be said where the passage stands (`around`) when the sentence refers to it (此次…, 其中…).
 */
function lacksQualifier(q: Question, own: string, around: string): boolean {
  return q.frame.qualifiers.some((w) => {
    if (w === "人均" || LOOSE_QUALIFIERS.includes(w)) return false;
    const same = SAME_QUALIFIERS.find((g) => g.includes(w)) ?? [w];
    const where = BATCH_QUALIFIERS.includes(w) ? around : own;
    return !same.some((x) => where.includes(x));
  });
}

/** Whether the question says this qualifier, or one that says the same. */
function asksQualifier(q: Question, qualifier: string): boolean {
  if (q.frame.qualifiers.includes(qualifier)) return true;
  if (q.frame.qualifiers.some((w) => COVERING_QUALIFIERS[w]?.includes(qualifier))) return true;
  const same = SAME_QUALIFIERS.find((g) => g.includes(qualifier));
  return Boolean(same?.some((w) => q.frame.qualifiers.includes(w)));
}

/**
 * Another level's figure: a county's for a question about the city (a county's article, whose clause does not
 * speak of the city), or the city's for a question about a county (全市 in a county's article, where 全市 is not
 * the county itself as it is in 原平市's).
 */
function countyForCity(q: Question, e: Framed): boolean {
  const { asked, spots } = levelsOf(q);
  if (spots.length && WHOLE_AREA.test(e.lead) && !spots.some((names) => names.some((n) => e.lead.includes(n)))) {
    return true;
  }
  const county = asked.find(isCounty);
  if (county) {
    if (county.endsWith("市")) return false;
    // 全市共接待游客312.6万人次，实现旅游收入27.85亿元: the city's, though its own clause does not say 全市 again.
    const whose = e.before === undefined ? undefined : subjectBefore(e.before);
    return (CITY_WIDE.test(e.own) || whose?.refers === "city") && !namesPlace(e.own, county);
  }
  if (!asked.includes("忻州市")) return false;
  if (!isCounty(placeNamed(e.region) ?? "")) return false;
  if (!CITY.test(e.own)) return true;
  // The clause's places found once: every candidate of a city's question is checked against every county.
  const named = placesIn(e.own);
  return XINZHOU_COUNTIES.some((c) => named.includes(c));
}

/** The places a question asks that the lists know, and those they do not (五台山, a scenic area): once a question. */
const levels = new WeakMap<Question, { asked: string[]; spots: Question["places"] }>();

function levelsOf(q: Question) {
  let found = levels.get(q);
  if (!found) {
    const asked = q.places.map((names) => names.map(placeNamed).find(Boolean)).filter((n): n is string => Boolean(n));
    // A place within a county or city (五台山, a scenic area) is not answered by the whole area's figure (全市…).
    const spots = q.places.filter((names) => !names.some((n) => placeNamed(n)));
    found = { asked, spots };
    levels.set(q, found);
  }
  return found;
}

/** Whether a text names a place by its full or short name. */
function namesPlace(text: string, place: string): boolean {
  return placesIn(text).includes(place);
}
