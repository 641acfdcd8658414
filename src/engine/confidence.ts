/**
 * Judging: whether the best evidence is good enough to answer with. One score from the signals a
 * reader would weigh (how much of the question the evidence covers, how well its figure reads as the
 * answer, how far ahead it is of the next figure), against one threshold chosen on development data
 * (`npm run eval -- --calibrate`, README: how the weights were chosen) so that wrong answers stay rare.
 */
import type { Candidate } from "./evidence.js";

export interface Signals {
  readonly coverage: number;
  readonly fit: number;
  /** The best score's lead over the best candidate with another figure, 0 to 1. */
  readonly margin: number;
  readonly search: number;
  /** 1 for a curated fact. */
  readonly curated: number;
}

/** The weights of the score and its threshold; see the README's Design section for how they were set. */
export const CONFIDENCE = {
  weights: { coverage: 2.42, fit: 0.63, margin: 2.98, search: 1.58, curated: 0 },
  bias: -4.22,
  /** Answers below this confidence are "I don't know". */
  threshold: 0.25,
};

const figureOf = (c: Candidate) => c.spans.map((s) => c.quote.slice(s.index, s.index + s.length)).join("、");

export function signalsOf(best: Candidate, rivals: readonly Candidate[]): Signals {
  const figure = figureOf(best);
  const rival = rivals.find((c) => c !== best && figureOf(c) !== figure);
  return {
    coverage: best.coverage,
    fit: best.fit,
    margin: rival ? Math.max(0, Math.min(1, best.score - rival.score)) : 1,
    search: best.search,
    curated: best.fact ? 1 : 0,
  };
}

/** The confidence of an answer from these signals: a weighted sum, above the threshold to answer. */
export function confidenceOf(s: Signals, weights = CONFIDENCE.weights, bias = CONFIDENCE.bias): number {
  return bias + weights.coverage * s.coverage + weights.fit * s.fit + weights.margin * s.margin + weights.search * s.search + weights.curated * s.curated;
}
