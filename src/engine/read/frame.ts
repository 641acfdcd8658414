/**
 * Whether a piece of evidence is of the frame the question asks: the same part of the year, the same
 * holiday, a result when a result is asked, the measure itself and not a qualified or opposite one, and
 * the city when the city is asked. Evidence of another frame never answers; it may be said as a near fact.
 */
import { PLANNED_MEASURES, QUALIFIERS, TARGET_WORDS, WHOLE_CITY } from "../../lexicon/frame.js";
import { PER_HEAD_WORDS } from "../../lexicon/kinds.js";
import { anyWordLatinWhole } from "../../lexicon/match.js";
import { XINZHOU_COUNTIES } from "../../lexicon/places.js";
import { isCounty, placeNamed, placesIn } from "../../model/places.js";
import { namesHoliday } from "../understand/frame.js";
import type { Question } from "../understand/question.js";
import { monthSpan } from "./periods.js";

/** What makes evidence another figure than the one asked. */
export type Conflict = "period" | "holiday" | "target" | "measure" | "place";

/** The evidence a frame is checked on, normalized. */
export interface Framed {
  /** The figure's period (2024年1-9月, 截至2024年10月底, 2023年). */
  readonly period: string;
  /** The figure's own clause group. */
  readonly own: string;
  /** The sentence, its article's title and the subjects before it. */
  readonly around: string;
  /** The article's region. */
  readonly region: string;
}

const TARGET = anyWordLatinWhole([...TARGET_WORDS, ...PLANNED_MEASURES]);
const PER_HEAD = anyWordLatinWhole(PER_HEAD_WORDS, "i");
const CITY = anyWordLatinWhole(WHOLE_CITY);
/** A clause speaking of a whole city: 全市, 该市, 市委. */
const CITY_WIDE = /全市|该市|本市|市委|市政府/;

/** The first way the evidence falls outside the question's frame, if any. */
export function conflictOf(q: Question, e: Framed): Conflict | undefined {
  const f = q.frame;
  if (periodConflicts(f.fullYear, f.span, e.period)) return "period";
  if (f.holidays.some((h) => !namesHoliday(`${e.own} ${e.around}`, h))) return "holiday";
  if (f.result && TARGET.test(e.own)) return "target";
  if (otherMeasure(q, e.own)) return "measure";
  if (countyForCity(q, e)) return "place";
  return undefined;
}

/** A part of a year for the whole year, or another span of months than the one asked. */
function periodConflicts(fullYear: boolean, span: string, period: string): boolean {
  const part = monthSpan(period);
  const until = period.match(/^截至\d{4}年(\d{1,2})月/);
  if (fullYear) return Boolean(part) || (until !== null && Number(until[1]) < 12);
  return Boolean(span && part && span !== part);
}

/** The question's measure qualified otherwise in the evidence (城镇常住人口 for 常住人口), or its opposite (收入 for 支出). */
function otherMeasure(q: Question, own: string): boolean {
  if (q.frame.perHead && !PER_HEAD.test(own)) return true;
  for (const { asked, opposite } of q.frame.measures) if (own.includes(opposite) && !own.includes(asked)) return true;
  for (const c of q.concepts) {
    if (c.grams.length < 1 || [...c.text].length < 2) continue;
    for (let at = own.indexOf(c.text); at >= 0; at = own.indexOf(c.text, at + 1)) {
      const before = own.slice(Math.max(0, at - 4), at);
      const qualifier = QUALIFIERS.find((w) => before.endsWith(w));
      if (qualifier && !q.frame.qualifiers.includes(qualifier) && !c.text.startsWith(qualifier)) return true;
    }
  }
  return false;
}

/**
 * Another level's figure: a county's for a question about the city (a county's article, whose clause does not
 * speak of the city), or the city's for a question about a county (全市 in a county's article, where 全市 is not
 * the county itself as it is in 原平市's).
 */
function countyForCity(q: Question, e: Framed): boolean {
  const asked = q.places.map((names) => names.map(placeNamed).find(Boolean)).filter((n): n is string => Boolean(n));
  const county = asked.find(isCounty);
  if (county) return !county.endsWith("市") && CITY_WIDE.test(e.own) && !namesPlace(e.own, county);
  if (!asked.includes("忻州市")) return false;
  const region = placeNamed(e.region) ?? "";
  const namesCounty = XINZHOU_COUNTIES.some((c) => namesPlace(e.own, c));
  return isCounty(region) && (!CITY.test(e.own) || namesCounty);
}

/** Whether a text names a place by its full or short name. */
function namesPlace(text: string, place: string): boolean {
  return placesIn(text).includes(place);
}
