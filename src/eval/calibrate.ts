/**
 * Calibrating the judge (src/engine/judge/confidence.ts) on development data: every question of the dev
 * splits of the public sets and of the project's own sets is answered with no threshold; each answer's
 * signals are labelled right or wrong; a logistic regression over the signals gives the weights, and
 * the threshold is the one that keeps the most right answers for each wrong one it lets through,
 * counting a wrong answer as `WRONG_COST` right ones. Held-out splits are never read here.
 */
import { answerJson } from "../console.js";
import { answerMany } from "../engine/answer.js";
import type { Answer } from "../engine/index.js";
import { confidenceOf, type Signals } from "../engine/judge/confidence.js";
import { engineOptions } from "../engine/options.js";
import { buildIndexes } from "../engine/retrieve/indexes.js";
import type { KnowledgeBase } from "../model/knowledge.js";
import { buildExternalSet, type ExternalSetName, scoreExternal } from "./external.js";
import { type EvalCase, judge } from "./judge.js";

const FEATURES = ["coverage", "fit", "margin", "search", "event", "curated"] as const;
/** A wrong figure, quoted and linked, costs a user more than an "I don't know". */
const WRONG_COST = 2;

export interface Sample {
  readonly signals: Signals;
  readonly right: boolean;
  /** A case of the project's own sets: the threshold must keep every right one. */
  readonly own: boolean;
}

export function collectSamples(
  kb: KnowledgeBase,
  external: readonly ExternalSetName[],
  own: readonly EvalCase[],
  now: Date,
): Sample[] {
  const ix = buildIndexes(kb, { options: engineOptions(), log: () => {} });
  // Only figures read from sentences are judged by confidence (answer.ts); facts and lists are not sampled.
  const ask = (q: string) => answerMany(ix, q, now, { limit: 1, threshold: -Infinity })[0]!;
  const samples: Sample[] = [];
  for (const name of external) {
    for (const c of buildExternalSet(name).cases.filter((x) => x.split === "dev")) {
      const a = ask(c.q);
      if (judged(a)) samples.push({ signals: a.signals!, right: scoreExternal(c, a) === "right", own: false });
    }
  }
  for (const c of own) {
    const a = ask(c.q);
    if (judged(a)) samples.push({ signals: a.signals!, right: judge(c, answerJson(a), kb).pass, own: true });
  }
  return samples;
}

const judged = (a: Answer) =>
  a.answered && a.signals !== undefined && a.signals.curated === 0 && JUDGED.has(a.facts[0]?.kind ?? "text");
const JUDGED = new Set(["amount", "count", "share", "growth", "fraction", "duration", "rank", "time"]);

/** Logistic regression by gradient descent, with a little L2 so that weights stay readable. */
export function fit(
  samples: readonly Sample[],
  steps = 20_000,
  rate = 0.1,
): { weights: Record<(typeof FEATURES)[number], number>; bias: number } {
  const x = samples.map((s) => FEATURES.map((f) => s.signals[f]));
  const y = samples.map((s) => (s.right ? 1 : 0));

  const w = FEATURES.map(() => 0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const grad = FEATURES.map(() => 0);
    let gb = 0;
    x.forEach((row, i) => {
      const z = row.reduce((sum, v, j) => sum + v * w[j]!, b);
      const err = 1 / (1 + Math.exp(-z)) - y[i]!;
      for (const [j, v] of row.entries()) grad[j]! += err * v;
      gb += err;
    });
    for (const j of w.keys()) w[j]! -= rate * (grad[j]! / x.length + 0.001 * w[j]!);
    b -= (rate * gb) / x.length;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    weights: Object.fromEntries(FEATURES.map((f, j) => [f, round(w[j]!)])) as Record<(typeof FEATURES)[number], number>,
    bias: round(b),
  };
}

/**
 * Right and wrong answers kept at each threshold (and right answers of the project's own sets lost), and
 * the threshold to use: the highest that loses no right answer of the project's own sets. `byCost` is the
 * best by right − WRONG_COST × wrong, for comparison.
 */
export function sweep(samples: readonly Sample[], weights: Record<(typeof FEATURES)[number], number>, bias: number) {
  const scored = samples.map((s) => ({ z: confidenceOf(s.signals, { weights, bias }), right: s.right, own: s.own }));
  const rows = [];
  for (let t = -1; t <= 3.001; t += 0.05) {
    const kept = scored.filter((s) => s.z >= t);
    const ownLost = scored.filter((s) => s.own && s.right && s.z < t).length;
    rows.push({
      threshold: Math.round(t * 100) / 100,
      right: kept.filter((s) => s.right).length,
      wrong: kept.filter((s) => !s.right).length,
      ownLost,
    });
  }
  const byCost = rows.reduce((a, r) => (r.right - WRONG_COST * r.wrong > a.right - WRONG_COST * a.wrong ? r : a));
  const best = rows.filter((r) => r.ownLost === 0).at(-1) ?? rows[0]!;
  return { rows, best, byCost };
}
