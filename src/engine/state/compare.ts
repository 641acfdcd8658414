/**
 * A comparison stated: each side's figure with its own source, and which side the question's word
 * describes (更高, larger) only when both are stated for the same period in the same measure. A side the
 * sources do not hold is named as missing; its figure is never taken from the other side.
 */
import type { EngineOptions } from "../options.js";
import { measureOf } from "../read/units.js";
import type { Comparison } from "../understand/compare.js";
import { type Answer, combine } from "./answer.js";

export interface ComparedSide {
  readonly name: string;
  readonly answered: boolean;
  readonly figure?: string;
  readonly period?: string;
}

export interface Compared {
  readonly sides: readonly ComparedSide[];
  /** The comparing word asked (高, 多, larger). */
  readonly word: string;
  /** The side the word describes, when both figures can be compared. */
  readonly winner?: string;
  /** Both sides are stated, but for different periods or in different measures: not compared. */
  readonly incomparable?: boolean;
}

/** One answer from the answers of each side, or undefined when neither side is answered. */
export function comparedAnswer(c: Comparison, answers: readonly Answer[], o: EngineOptions): Answer | undefined {
  // The same figure of the same quote for both sides belongs to one of them at most: the second is not answered.
  const taken = answers.map((a, i) => a.answered && !answers.slice(0, i).some((b) => b.answered && same(a, b)));
  const answered = answers.filter((_, i) => taken[i]);
  if (!answered.length) return undefined;
  const sides = c.sides.map((s, i) => {
    const a = answers[i]!;
    return taken[i]
      ? { name: s.name, answered: true, figure: a.figure ?? "", ...(a.period ? { period: a.period } : {}) }
      : { name: s.name, answered: false };
  });
  const missing = c.sides.filter((_, i) => !taken[i]).map((s) => s.name);
  const both = taken.every(Boolean) ? orderOf(answers[0]!, answers[1]!) : undefined;
  const winner = both === undefined || both === 0 ? undefined : both > 0 !== c.less ? 0 : 1;
  const comparison: Compared = {
    sides,
    word: c.word,
    ...(winner !== undefined ? { winner: c.sides[winner]!.name } : {}),
    ...(taken.every(Boolean) && both === undefined ? { incomparable: true } : {}),
  };
  return { ...combine(answered, missing, o), comparison };
}

function same(a: Answer, b: Answer): boolean {
  return a.figure === b.figure && a.citations[0]?.quote === b.citations[0]?.quote;
}

/** 1 when the first figure is larger, -1 when smaller, 0 when equal; undefined when they cannot be compared. */
function orderOf(a: Answer, b: Answer): number | undefined {
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y || x.base !== y.base || (a.period ?? "") !== (b.period ?? "")) return undefined;
  // Two figures that name no time are of one time only when one article states both.
  if (!a.period && a.citations[0]?.url !== b.citations[0]?.url) return undefined;
  return Math.sign(x.value - y.value);
}

const MAGNITUDES: readonly (readonly [RegExp, number])[] = [
  [/^亿/, 1e8],
  [/^万/, 1e4],
  [/^千/, 1e3],
  [/^billion\s*/i, 1e9],
  [/^million\s*/i, 1e6],
  [/^thousand\s*/i, 1e3],
];

/** A figure's value in its base unit (1316.8亿元 → 131680000000 元), or undefined without one number. */
function scaled(a: Answer): { value: number; base: string } | undefined {
  const fact = a.facts[0];
  if (!fact || typeof fact.value !== "number" || a.facts.length !== 1) return undefined;
  let unit = fact.unit.trim();
  let value = fact.value;
  for (const [magnitude, times] of MAGNITUDES) {
    if (!magnitude.test(unit)) continue;
    unit = unit.replace(magnitude, "");
    value *= times;
  }
  const base = unit.toLowerCase();
  return measureOf(fact.unit) || base ? { value, base } : undefined;
}
