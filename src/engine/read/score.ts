/**
 * How well a piece of evidence fits the question, term by term: its coverage and search score, the kind
 * of its figure, its year, its place, its unit. Each term's weight is an option (options.ts `score`).
 */

import { WHOLE_PLACE_WORDS } from "../../lexicon/extraction.js";
import { INCREASE_BEFORE, PER_HEAD_WORDS } from "../../lexicon/kinds.js";
import { alt, anyWord } from "../../lexicon/match.js";
import { KNOWN_PLACES, NOT_PLACES, NOT_SUBJECT_WORDS, PROVINCES } from "../../lexicon/places.js";
import { liesIn, placeNamed } from "../../model/places.js";
import { namedIn } from "../extract/subject.js";
import type { EngineOptions } from "../options.js";
import type { Indexes } from "../retrieve/indexes.js";
import { bigrams, contains, hanRuns, normalize, simplifyAligned } from "../text.js";
import type { Question, WantedKind } from "../understand/question.js";
import type { Figure } from "./figures.js";
import { monthSpan, yearOf } from "./periods.js";
import { measureOf, measuresFit } from "./units.js";

const PER_HEAD = anyWord(PER_HEAD_WORDS);
const WHOLE_AREA = anyWord(Object.values(WHOLE_PLACE_WORDS).flat());

export const NUMERIC_KINDS: readonly WantedKind[] = ["amount", "count", "share", "growth", "fraction", "duration"];

/** What every candidate is ranked by: its coverage, search score, kind and period. */
export interface Ranked {
  readonly coverage: number;
  readonly search: number;
  readonly kind: WantedKind;
  readonly period: string;
}

/** The terms every candidate is ranked by: coverage, search score, kind, and the year or months asked. */
export function baseScore(q: Question, e: Ranked, o: EngineOptions): number {
  const { kind, period } = e;
  const year = yearOf(period) ?? 0;
  const prefersYear = q.relativeYears.includes(year) || q.years.includes(year) ? o.score.year : 0;
  // The months the question names (1-8月, 前三季度) prefer evidence of those months.
  const span = q.frame.span || monthSpan(q.raw);
  const prefersMonths = span && period.includes(span) ? o.score.year : 0;
  return (
    o.score.coverage * e.coverage + o.score.search * e.search + kindFit(q.kinds, kind, o) + prefersYear + prefersMonths
  );
}

/** How well a figure of `kind` answers a question that cues `wanted` (first the kind it asks). */
export function kindFit(wanted: readonly WantedKind[], kind: WantedKind, o: EngineOptions): number {
  const k = o.kindFit;
  if (!wanted.length) return kind === "text" ? k.unaskedText : k.unaskedFigure;
  const at = wanted.indexOf(kind);
  // 多少 cues an amount in every question; after 比例 or 排名 it is that share or rank that is asked.
  const relative = ["share", "growth", "rank", "fraction"].includes(wanted[0]!);
  if (at > 0 && ["amount", "count"].includes(kind) && relative) return k.amountAfterRelative;
  if (at >= 0) return at === 0 ? k.first : k.other;
  if (wanted.includes("amount") && NUMERIC_KINDS.includes(kind)) return k.numericForAmount;
  if (wanted.includes("count") && (kind === "amount" || kind === "list" || kind === "duration")) return k.nearCount;
  if (wanted.includes("person") && kind === "text") return k.textForPerson;
  if (wanted.includes("list") && (kind === "count" || kind === "text")) return k.nearList;
  if (wanted.includes("share") && kind === "fraction") return k.fractionForShare;
  if (wanted.includes("time") && kind === "text") return k.textForTime;
  return 0;
}

const INCREASE = new RegExp(`(?:${alt(INCREASE_BEFORE)})了?(?:约|近|超过|达)?$`);

/**
 * Whether a figure of `kind` may answer a question of a strict kind: a rank question only a rank statement
 * (位列全省第2), a growth question only a rate or an increase (增加2236万吨), never the metric's own level.
 * `before`: the quote before the figure.
 */
export function answersStrictKind(q: Question, kind: WantedKind, before: string): boolean {
  if (!q.strictKind || kind === q.strictKind) return true;
  if (q.strictKind === "rank" || !["amount", "count"].includes(kind)) return false;
  return INCREASE.test(simplifyAligned(before.slice(-6)));
}

/**
 * When the question names a place, the evidence must be about it: the place is the subject, or
 * stands in the figure's own clause or the sentence's first. A province is implied by 全省, 省外 ….
 */
export function placeFits(places: Question["places"], about: string): boolean {
  return placeNames(places).every(
    ({ names, province }) =>
      names.some((n) => contains(about, n.name) || (n.short !== undefined && about.includes(n.short))) ||
      (province && about.includes("省")),
  );
}

/**
 * Each place asked, its names with their short forms (a Han name without 市, 省, 县 or 区) and whether one is a
 * province's: worked out once for a question's places, not for every piece of evidence.
 */
const placeNamesOf = new WeakMap<
  Question["places"],
  readonly { names: readonly { name: string; short?: string }[]; province: boolean }[]
>();

function placeNames(places: Question["places"]) {
  let found = placeNamesOf.get(places);
  if (!found) {
    found = places.map((names) => ({
      names: names.map((name) =>
        /\p{Script=Han}/u.test(name) && name.length >= 2
          ? { name, short: name.replace(/(市|省|县|区)$/, "") }
          : { name },
      ),
      province: names.some((n) => PROVINCES.has(n.replace(/省$/, ""))),
    }));
    placeNamesOf.set(places, found);
  }
  return found;
}

/** Evidence that compares with the year the question compares with (较2023年) ranks higher. */
export function comparisonBonus(q: Question, quote: string, o: EngineOptions): number {
  return q.comparedYears.some((y) => quote.includes(`${y}年`)) ? o.score.comparison : 0;
}

/**
 * Evidence whose own words name the question's places (not only its article's region) ranks higher; so does a
 * clause that says its article's place whole (全市, 该县) where that place is the one asked, by half.
 */
export function placeBonus(q: Question, own: string, o: EngineOptions, region = ""): number {
  if (!q.places.length) return 0;
  const whole = region !== "" && WHOLE_AREA.test(own);
  let named = 0;
  for (const names of q.places) {
    if (names.some((n) => contains(own, n))) named += 1;
    // 全市 says the place as surely, but says less of what else the clause is about: half the weight.
    else if (whole && names.includes(region)) named += 0.5;
  }
  return (o.score.place * named) / q.places.length;
}

/**
 * Whether a text names a place the question does not ask about. A place the asked one lies in (山西, 全省 for 代县)
 * is not another place, nor a name that only holds a place's (五台山 is not 五台县).
 */
export function namesOtherPlace(ix: Indexes, q: Question, text: string): boolean {
  return placesNamed(ix, q, text).some((place) => isOtherPlace(ix, q, place));
}

/**
 * Whether the figure is another place's: the last clause before it whose subject is a place (a sentence goes on
 * without one: 岢岚县红芸豆种植面积13万亩，预计产量2.1万吨) names only places not asked.
 */
export function figureOfOtherPlace(ix: Indexes, q: Question, before: string): boolean {
  if (!q.places.length) return false;
  const clauses = clausesBefore(before);
  // …behind Xinfu district, whose GDP stood at 36.57 billion yuan: the figure is of the place just before "whose".
  if (clauses[0]?.startsWith("whose ") && clauses[1] !== undefined) {
    const last = namedIn(clauses[1])
      .filter((n) => !n.refers)
      .pop()?.name;
    if (last && isOtherPlace(ix, q, last)) return true;
  }
  for (const text of clauses) {
    // A subject stands at the clause's start (其中定襄县…, 镇江市总面积…); 北靠宁武 names a neighbour, not a subject.
    const named = placesNamed(ix, q, text);
    if (named.some((place) => !isOtherPlace(ix, q, place))) return false;
    // Only a place that has figures of its own (a city, a county, a country), not a railway or a mountain, as the
    // subject.
    // …or ends a clause that only names it (同属经济区的省会太原市，2024年地区生产总值…): the topic of what follows.
    const subject = (place: string) =>
      (text.indexOf(place) <= 2 && !NOT_SUBJECT.test(text)) ||
      (text.endsWith(place) && NOUN_BEFORE.test(text.slice(0, -place.length)));
    if (named.some((place) => administrative(place) && subject(place))) return true;
    // A city or county the lists do not know, as the subject: 扬州市常住人口…
    const unknown = UNLISTED_PLACE.exec(text)?.[1];
    if (unknown && !askedPlaces(q).some((a) => a.startsWith(unknown))) return true;
  }
  return false;
}

/** The clauses of a text, last first, normalized; remembered for the last few thousand texts. */
let clausesSeen = new Map<string, readonly string[]>();

function clausesBefore(before: string): readonly string[] {
  let clauses = clausesSeen.get(before);
  if (!clauses) {
    clauses = before
      .split(/[，,；;。：:]/u)
      .reverse()
      .map((clause) => normalize(clause).trim());
    if (clausesSeen.size >= 4096) clausesSeen = new Map();
    clausesSeen.set(before, clauses);
  }
  return clauses;
}

/** What makes a place ending its clause that clause's noun (…经济区的省会太原市), not a neighbour (东邻阳曲县). */
const NOUN_BEFORE = /(?:的|省会|首府|省城)$/;

const administrative = (place: string) => placeNamed(place) !== undefined || KNOWN_PLACES.includes(place);

/** Two characters and 市 or 县 opening a clause: a place's name, unless it is a word such as 城市 or 超市. */
const NOT_SUBJECT = new RegExp(`^${alt(NOT_SUBJECT_WORDS)}`);
const UNLISTED_PLACE = /^(?!大城|小城|新城|超市|股市|楼市|上市)(\p{Script=Han}{2})(?:市|县)(?!场|民|区|委|级|域|政府)/u;

function placesNamed(ix: Indexes, q: Question, text: string): readonly string[] {
  const asked = askedPlaces(q);
  let rest = text;
  for (const n of NOT_PLACES) if (rest.includes(n) && !asked.includes(n)) rest = rest.split(n).join(" ");
  return placesWithin(ix.allPlaces, rest);
}

/** A question's places, every name of each, and which places it holds to be others: worked out once a question. */
const askedOf = new WeakMap<Question, { readonly names: readonly string[]; readonly other: Map<string, boolean> }>();

function askedFor(q: Question) {
  let asked = askedOf.get(q);
  if (!asked) {
    asked = { names: q.places.flat(), other: new Map() };
    askedOf.set(q, asked);
  }
  return asked;
}

const askedPlaces = (q: Question): readonly string[] => askedFor(q).names;

/** Clauses found to name places, by the list they were searched for: the same clauses are read for every question. */
const placesFound = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/** Which of `places` a text holds, in their order; remembered for the last few thousand texts. */
function placesWithin(places: readonly string[], text: string): readonly string[] {
  let found = placesFound.get(places);
  if (!found || found.size >= 4096) {
    found = new Map();
    placesFound.set(places, found);
  }
  let named = found.get(text);
  if (!named) {
    named = places.filter((place) => text.includes(place));
    found.set(text, named);
  }
  return named;
}

function isOtherPlace(ix: Indexes, q: Question, place: string): boolean {
  const { other } = askedFor(q);
  let is = other.get(place);
  if (is === undefined) {
    is = placeIsOther(ix, q, place);
    other.set(place, is);
  }
  return is;
}

function placeIsOther(ix: Indexes, q: Question, place: string): boolean {
  const asked = askedPlaces(q);
  if (asked.some((a) => a.includes(place) || place.includes(a))) return false;
  // 全省 is 山西 by its glossary group.
  const names = ix.groups.find((g) => g.section === "places" && g.norms.includes(place))?.norms ?? [place];
  return !names.some((n) => asked.some((a) => liesIn(a, n)));
}

/** How well a figure's unit fits what the question asks it in; undefined when it cannot be the answer. */
export function measureFit(q: Question, figure: Pick<Figure, "unit" | "kind" | "measure">): number | undefined {
  // A rank or a rate of the metric asked (增速排第几, 涨了多少) is not in the metric's own measure.
  if (q.strictKind && figure.kind === q.strictKind && !q.strictMeasure) return 0;
  if (q.measure) {
    if (q.measure === "year" || q.measure === "date") {
      const dated = figure.kind === "time" && (q.measure === "date" || figure.measure === "year");
      return dated ? 1 : undefined;
    }
    // A share of a metric (有多少用于民生: 82%) may answer a question that names the metric's measure; a growth
    // (提高100%) does not.
    if (figure.measure) {
      if (measuresFit(q.measure, figure.measure)) return 1;
      return !q.strictMeasure && figure.measure === "percent" && figure.kind === "share" ? -0.5 : undefined;
    }
    if (figure.kind === "rank" || figure.kind === "fraction") return undefined;
    // A bare number or a magnitude (5亿) may still be it, but less likely; counted things (8个) are not.
    return /^(万|亿|千)*$/.test(figure.unit) ? 0 : undefined;
  }
  if (q.countWord) {
    if (figure.unit.endsWith(q.countWord)) return 1;
    if (figure.measure && figure.measure !== "people" && figure.measure !== "households") return undefined;
    return q.countWord === "个" && figure.kind === "count" ? 0.6 : 0;
  }
  return 0;
}

/** Whether a curated fact's unit lets it answer the question at all. */
export function factMeasureFits(q: Question, unit: string, kind: WantedKind): boolean {
  if (kind === "person" || kind === "list" || kind === "text") return true;
  return measureFit(q, { unit, kind, measure: measureOf(unit) }) !== undefined;
}

/** The share of a clause's words that the question does not use: 今年新开业的民宿有64家 says more than 多少家民宿. */
export function excess(q: Question, clause: string, o: EngineOptions): number {
  const grams = clauseGrams(clause);
  // A per-person or average figure (人均地区生产总值) is another metric than the total the question asks.
  const qualified = PER_HEAD.test(clause) && !PER_HEAD.test(q.text) ? o.score.perHead : 0;
  return qualified + (grams.length ? grams.filter((g) => !q.text.includes(g)).length / grams.length : 0);
}

/** A clause's Han bigrams, remembered for the last few thousand clauses: every question reads the same ones. */
let gramsSeen = new Map<string, readonly string[]>();

function clauseGrams(clause: string): readonly string[] {
  let grams = gramsSeen.get(clause);
  if (!grams) {
    grams = hanRuns(clause).flatMap(bigrams);
    if (gramsSeen.size >= 4096) gramsSeen = new Map();
    gramsSeen.set(clause, grams);
  }
  return grams;
}
