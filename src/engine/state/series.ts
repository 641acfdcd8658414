/**
 * A figure over the years (这几年怎么变化, 历年, over the years): every period's figure of one subject and
 * measure, each with its quote and source, oldest first, as data a chart can draw. A level and a growth
 * rate are two series, and so are a year and a half year: only points like the answer's own are kept.
 */
import { confidenceOf, signalsOf } from "../judge/confidence.js";
import type { Candidate } from "../read/candidates.js";
import { yearOf } from "../read/periods.js";
import { measureOf } from "../read/units.js";
import type { Indexes } from "../retrieve/indexes.js";
import { type Citation, citationOf, figureOf } from "./facts.js";

export interface SeriesPoint {
  /** As the evidence says it (2023年, 2024年1-6月). */
  readonly period: string;
  readonly value: number;
  readonly unit: string;
  /** The figure as the quote writes it (1316.8亿元). */
  readonly figure: string;
  readonly quote: string;
  readonly citation: Citation;
}

/**
 * The series the answer `best` belongs to, from the evidence that answers (`pool`, best first): one point a
 * period, each as sure as an answer must be. Of the kinds of period (years, half years) the one with the most
 * points is given, the answer's own on a tie; fewer than two points are no series.
 */
export function seriesOf(
  ix: Indexes,
  answered: { best: Candidate; pool: readonly Candidate[]; span?: number },
  threshold: number,
): SeriesPoint[] {
  const { best, pool, span } = answered;
  const o = ix.options;
  const first = pointOf(best);
  if (!first) return [];
  const measure = measureOf(first.unit);
  const byShape = new Map<string, Map<string, SeriesPoint>>([[shapeOf(best.period), new Map([[best.period, first]])]]);
  for (const c of pool) {
    if (c === best || c.kind !== best.kind || c.coverage < best.coverage - o.othersCoverage) continue;
    const shape = shapeOf(c.period);
    const points = byShape.get(shape) ?? new Map<string, SeriesPoint>();
    if (points.has(c.period)) continue;
    // A figure read from a sentence joins only as sure as it would be alone.
    const sure = c.fact || confidenceOf(signalsOf(c, pool), o.confidence) >= threshold;
    if (!sure) continue;
    const point = pointOf(c);
    if (!point || measureOf(point.unit) !== measure) continue;
    points.set(c.period, point);
    byShape.set(shape, points);
  }
  // The answer's own kind of period comes first in the map, so it wins a tie.
  const longest = [...byShape.values()].reduce((a, b) => (b.size > a.size ? b : a));
  const all = [...longest.values()].sort((a, b) => order(a.period) - order(b.period));
  // 近三年: the last three periods the sources give.
  const points = span ? all.slice(-span) : all;
  return points.length >= 2 ? points : [];
}

/**
 * A point's period must be one its article can report: a year's result is published after the year (a
 * figure for the year of its article is a plan or a slip of the period), and no period ends after its article.
 */
function reportable(c: Candidate): boolean {
  const year = yearOf(c.period) ?? 0;
  const published = Number(c.article.date.slice(0, 4));
  return shapeOf(c.period) ? year <= published : year < published;
}

function pointOf(c: Candidate): SeriesPoint | undefined {
  if (!c.period || !reportable(c)) return undefined;
  const at = c.spans[0]?.index;
  const figure = c.fact ? undefined : c.passage?.figures.find((f) => f.index === at);
  const stated = c.fact ? c.fact.fact.values[0] : figure?.value;
  const value = typeof stated === "string" && /^\d+(\.\d+)?$/.test(stated) ? Number(stated) : stated;
  if (typeof value !== "number" || c.spans.length !== 1) return undefined;
  const unit = c.fact ? c.fact.fact.unit : (figure?.unit ?? "");
  return { period: c.period, value, unit, figure: figureOf(c), quote: c.quote, citation: citationOf(c) };
}

/** What kind of period: a year, a span of months, a month as of which (the year itself left out). */
function shapeOf(period: string): string {
  return period.replace(/(?:19|20)\d\d\s*年/, "");
}

/** Oldest first: by year, then by the last month the period reaches. */
function order(period: string): number {
  const months = [...period.matchAll(/(\d{1,2})月/g)].map((m) => Number(m[1]));
  return (yearOf(period) ?? 0) * 100 + (months.length ? Math.max(...months) : 12);
}
