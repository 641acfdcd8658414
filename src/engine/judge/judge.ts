/**
 * Judging: which candidate answers, or why none does. Evidence must cover enough of the question, be of
 * a kind the question wants and of the year it names; with no year asked, the latest of the close ones
 * wins; a figure read from an uncurated sentence must also be confident enough (confidence.ts).
 */

import type { EngineOptions } from "../options.js";
import type { Candidate } from "../read/candidates.js";
import type { Conflict } from "../read/frame.js";
import { monthSpan, yearOf } from "../read/periods.js";
import { answersStrictKind, kindFit } from "../read/score.js";
import type { Question } from "../understand/question.js";
import { confidenceOf, type Signals, signalsOf } from "./confidence.js";

export type Judgment =
  /** `pool`: every candidate that answers, best first after `best`; `candidates`: all that were read. */
  | {
      readonly verdict: "answer";
      readonly best: Candidate;
      /** With no period asked and a full year's figure given: a later part of a year's figure, said beside it. */
      readonly beside?: Candidate;
      readonly pool: readonly Candidate[];
      readonly candidates: readonly Candidate[];
      readonly signals: Signals;
    }
  /** The question names nothing to look for. */
  | { readonly verdict: "vague" }
  /** Evidence covers the question, but none of the year it names. */
  | { readonly verdict: "period"; readonly near: readonly Candidate[] }
  /** Nothing covers the question. */
  | { readonly verdict: "topic"; readonly near: readonly Candidate[] }
  /** The best figure is not confident enough. */
  | { readonly verdict: "unsure"; readonly pool: readonly Candidate[]; readonly signals: Signals }
  /** Only evidence of another frame (another period, a target, another measure or place): said as a near fact. */
  | { readonly verdict: "near"; readonly near: Candidate; readonly conflict: Conflict };

/** Figures read from uncurated sentences are judged by confidence; names, lists and texts by coverage alone. */
const JUDGED_KINDS: ReadonlySet<string> = new Set([
  "amount",
  "count",
  "share",
  "growth",
  "fraction",
  "duration",
  "rank",
  "time",
]);

export function judge(q: Question, candidates: readonly Candidate[], threshold: number, o: EngineOptions): Judgment {
  if (!q.concepts.length) return { verdict: "vague" };
  // Evidence of a kind the question does not want (a rank for 多少游客) does not answer it.
  const wanted = (c: Candidate) => (!q.kinds.length || kindFit(q.kinds, c.kind, o) > 0) && strictFits(q, c);
  const covered = candidates.filter((c) => c.coverage >= o.minCoverage && wanted(c));
  // Evidence that names no time of its own speaks of its article's year.
  const yearOfCandidate = (c: Candidate) => yearOf(c.period) ?? yearOf(`${c.article.date.slice(0, 4)}年`)!;
  const inYear = q.years.length ? covered.filter((c) => q.years.includes(yearOfCandidate(c))) : covered;
  const pool = inYear.filter((c) => !c.conflict);
  if (!pool.length) {
    const near = inYear[0];
    if (near?.conflict) return { verdict: "near", near, conflict: near.conflict };
    if (covered.length) return { verdict: "period", near: covered };
    return { verdict: "topic", near: candidates.filter((c) => c.coverage > 0) };
  }
  const { best, beside } = latestOf(q, pool, o);
  const signals = signalsOf(best, pool);
  if (!best.fact && JUDGED_KINDS.has(best.kind) && confidenceOf(signals, o.confidence) < threshold) {
    return { verdict: "unsure", pool, signals };
  }
  return { verdict: "answer", best, ...(beside ? { beside } : {}), pool, candidates, signals };
}

/** A curated fact answers a rank or growth question only when it is of that kind. */
function strictFits(q: Question, c: Candidate): boolean {
  if (!q.strictKind || c.kind === q.strictKind) return true;
  const at = c.spans[0]?.index ?? 0;
  return !c.fact && answersStrictKind(q, c.kind, c.quote.slice(0, at));
}

/**
 * With no year asked, of the evidence that answers about as well as the best (the same kind of figure, as
 * much of the question), the latest full year's figure, and beside it a later part of a year's (2023年…；
 * 2024年上半年…); where only parts of years answer, the latest of them. 装机有多少 is asked of now, not of
 * two years ago.
 */
function latestOf(
  q: Question,
  ranked: readonly Candidate[],
  o: EngineOptions,
): { best: Candidate; beside?: Candidate } {
  const top = ranked[0]!;
  if (q.years.length || q.relativeYears.length) return { best: top };
  const near = (c: Candidate, score: number) =>
    c.kind === top.kind && c.score >= top.score - score && c.coverage >= top.coverage - o.latest.coverage;
  const close = ranked.filter((c) => near(c, o.latest.score));
  // A target for a later year than its article's (20 GW by 2027) is a plan, not the latest figure.
  const when = (c: Candidate) => {
    const year = yearOf(c.period) ?? 0;
    if (!c.period || year > Number(c.article.date.slice(0, 4))) return 0;
    return year * 100 + Number(c.period.match(/(\d{1,2})月/)?.[1] ?? 12);
  };
  const latest = (cs: readonly Candidate[]) => cs.reduce((a, c) => (when(c) > when(a) ? c : a), cs[0]!);
  const part = (c: Candidate) => Boolean(monthSpan(c.period));
  // A full year: 2023年, or as of its end (截至2024年12月底).
  const fullYear = (c: Candidate) => /^\d{4}年$|^截至\d{4}年12月/.test(c.period);
  // When the best is a part of a year's figure, a full year's competes from further below (options.ts).
  const reach = part(top) ? o.latest.wholeScore : o.latest.score;
  const whole = ranked.filter((c) => near(c, reach) && when(c) > 0 && fullYear(c));
  if (!whole.length) return { best: latest(close) };
  const best = latest(whole);
  const later = close.filter((c) => part(c) && when(c) > when(best) && c.quote !== best.quote);
  return later.length ? { best, beside: latest(later) } : { best };
}
