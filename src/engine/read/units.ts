/**
 * What units measure and what a question asks its figure in, read from the lexicon (lexicon/units.ts):
 * the one place that finding figures, guessing a figure's kind and fitting a figure to a question read.
 */

import { GROWTH_CONTEXT, RELATIVE_CUES, SHARE_SPAN } from "../../lexicon/kinds.js";
import { alt, cueRegExp } from "../../lexicon/match.js";
import {
  ASKED_MEASURES,
  BASES,
  COUNT_WORDS,
  MAGNITUDES,
  type Measure,
  PEOPLE_PREFIXES,
  RATE,
  WHEN_ASKED,
} from "../../lexicon/units.js";
import type { FactKind } from "../../model/knowledge.js";

export type { Measure } from "../../lexicon/units.js";
export { COUNT_WORDS } from "../../lexicon/units.js";

const measureByUnit = new Map<string, Measure>();
for (const [measure, units] of Object.entries(BASES) as [Measure, readonly string[]][]) {
  for (const u of units) {
    measureByUnit.set(u, measure);
    for (const m of MAGNITUDES) if (!/^[a-z%‰％℃°]/.test(u)) measureByUnit.set(m + u, measure);
  }
}
// 万人次 and 万人 are people, 个百分点 a percent: the longest unit wins, so both are listed.

/** Every unit a figure may carry, longest first so that 万千瓦 wins over 万 and 平方米 over 米. */
export const UNITS: readonly string[] = [
  ...new Set([...measureByUnit.keys(), ...COUNT_WORDS, ...COUNT_WORDS.map((w) => `万${w}`), "万", "亿", "千"]),
].sort((a, b) => b.length - a.length);

const COUNTED = new Set(COUNT_WORDS);

/** What a unit measures; a measure word, a bare magnitude or nothing measure nothing in particular. */
export function measureOf(unit: string): Measure | undefined {
  return measureByUnit.get(
    unit
      .normalize("NFKC")
      .toLowerCase()
      .replace(/^(million|billion|thousand|trillion) /, ""),
  );
}

/** The kind of figure a number with this unit is. */
export function kindOfUnit(unit: string, context = ""): FactKind {
  const u = unit.normalize("NFKC");
  if (measureOf(u) === "percent") {
    return GROWTH.test(context) ? "growth" : "share";
  }
  if (u === "年" || measureOf(u) === "duration") return "duration";
  if (u === "倍") return "growth";
  if (COUNTED.has(u.replace(/^万/, "")) || /^(万)?(人|户|名)$/.test(u)) return "count";
  if (/^([a-z]+ )?(people|workers|employees|residents|students|households)$/i.test(u)) return "count";
  return "amount";
}

/**
 * What a question asks its figure in: a unit or measure word written after 多少 / 几 (多少公里, 几首),
 * or a word that names a measure (面积, 体长, 哪一年). `word` is set for a measure word: 几首 wants 首.
 * `strict`: the question says the unit or asks for a date, so no figure in another measure answers it;
 * a measure read from the metric's name (财政 → money) only prefers figures in it (有多少用于民生: 82%).
 */
export function measureAsked(normalizedQuestion: string): { measure?: Measure; word?: string; strict?: boolean } {
  const q = normalizedQuestion;
  for (const [pattern, measure] of WHEN) if (pattern.test(q)) return { measure, strict: true };
  // A share, a growth or a rank is asked of a metric (装机占全省的比重, 排名第几位): the metric's measure is not the answer's.
  if (RELATIVE.test(q)) return {};
  const after = q.match(/(?:多少|几)((?:万|亿|千)?[\p{Script=Han}a-z/²%]{1,5})/u)?.[1] ?? "";
  for (let n = after.length; n >= 1; n--) {
    const unit = after.slice(0, n);
    const measure = measureOf(unit);
    if (measure) return { measure, strict: true };
    if (COUNTED.has(unit)) return { word: unit };
  }
  // The head of a Chinese noun phrase is its last word: 城镇居民人均可支配收入 measures money, not people.
  let last: { measure: Measure; at: number } | undefined;
  for (const [pattern, measure] of MEASURES) {
    const at = lastIndexOf(pattern, q);
    if (at >= 0 && (!last || at > last.at)) last = { measure, at };
  }
  if (last) return { measure: last.measure };
  return {};
}

/** 占…多少: a share asked of a whole. */
const SHARE_ASKED = `占.{0,${SHARE_SPAN}}${alt(["多少", "几"])}`;
const RELATIVE = cueRegExp(RELATIVE_CUES, SHARE_ASKED);
const GROWTH = cueRegExp(GROWTH_CONTEXT, "", "i");
const WHEN: readonly (readonly [RegExp, Measure])[] = WHEN_ASKED.map(([m, cue]) => [cueRegExp(cue), m]);
const RATE_ASKED = `(?<!${alt(RATE.notAfter).slice(3, -1)})${RATE.word}`;
const PEOPLE_AT_WORK = `\\b${alt(PEOPLE_PREFIXES)}`;
const MEASURES: readonly (readonly [RegExp, Measure])[] = ASKED_MEASURES.map(([m, cue]) => {
  const extra = m === "percent" ? RATE_ASKED : m === "people" ? PEOPLE_AT_WORK : "";
  return [cueRegExp(cue, extra, "g"), m];
});

/** Where the last match of `pattern` in `text` ends, or -1. */
function lastIndexOf(pattern: RegExp, text: string): number {
  let at = -1;
  // matchAll copies the pattern: its lastIndex is never shared between questions.
  for (const m of text.matchAll(pattern)) at = m.index + m[0].length;
  return at;
}

/** Measures a question's answer may also be in when it asks for another (多远 is a length or a time to travel). */
export function measuresFit(asked: Measure, found: Measure | undefined): boolean {
  if (found === asked) return true;
  if (asked === "people" && found === "visits") return true;
  if (asked === "visits" && found === "people") return true;
  // A processor's 速度 is its clock frequency.
  if (asked === "speed" && found === "frequency") return true;
  return false;
}
