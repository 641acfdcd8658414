/**
 * Judging: whether the best evidence is good enough to answer with. One score from the signals a
 * reader would weigh (how much of the question the evidence covers, how well its figure reads as the
 * answer, how far ahead it is of the next figure), against one threshold chosen on development data
 * (`npm run eval -- --calibrate`, README: how the weights were chosen) so that wrong answers stay rare.
 */
import type { EngineOptions } from "../options.js";
import type { Candidate } from "../read/candidates.js";

export interface Signals {
  readonly coverage: number;
  readonly fit: number;
  /** The best score's lead over the best candidate with another figure, 0 to 1. */
  readonly margin: number;
  readonly search: number;
  /** How much of what happened (成立 in 何年成立) the figure's own clause says. */
  readonly event: number;
  /** 1 for a curated fact. */
  readonly curated: number;
}

const figureOf = (c: Candidate) => c.spans.map((s) => c.quote.slice(s.index, s.index + s.length)).join("、");

export function signalsOf(best: Candidate, rivals: readonly Candidate[]): Signals {
  const figure = figureOf(best);
  // A rival is another figure for the same time: the same metric in another period is another answer, not a doubt.
  const rival = rivals.find(
    (c) =>
      c !== best &&
      figureOf(c) !== figure &&
      (best.kind === "time" || !best.period || !c.period || c.period === best.period),
  );
  return {
    coverage: best.coverage,
    fit: best.fit,
    margin: rival ? Math.max(0, Math.min(1, best.score - rival.score)) : 1,
    search: best.search,
    event: best.event,
    curated: best.fact ? 1 : 0,
  };
}

/** The confidence of an answer from these signals: a weighted sum, above the threshold to answer. */
export function confidenceOf(s: Signals, judge: Pick<EngineOptions["confidence"], "weights" | "bias">): number {
  const w = judge.weights;
  // Summed in this order, as the weights were fitted: floating point is not associative.
  let sum = judge.bias + w.coverage * s.coverage + w.fit * s.fit + w.margin * s.margin;
  sum = sum + w.search * s.search + w.event * s.event + w.curated * s.curated;
  return sum;
}
