/**
 * `npm run bench`: the engine and the baseline side by side on the shipped knowledge, in one run.
 * Start-up (load + build), time per question (p50, p99) over every question set, and the score of each.
 */
import type { Engine } from "../engine/index.js";
import { createEngine } from "../engine/index.js";
import { type EvalCase, judge } from "../eval/judge.js";
import { loadKnowledge } from "../knowledge/load.js";
import type { KnowledgeBase } from "../model/knowledge.js";
import { toPlainText } from "../render/plain.js";
import { createBaseline } from "./baseline.js";

export interface Timing {
  p50_ms: number;
  p99_ms: number;
}

export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50_ms: round(at(0.5)), p99_ms: round(at(0.99)) };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

/** Times `ask` over the questions, `rounds` times each, after one warm-up round. */
export function timeQuestions(ask: (q: string) => unknown, questions: readonly string[], rounds: number): Timing {
  for (const q of questions) ask(q);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      ask(q);
      samples.push(performance.now() - t);
    }
  }
  return percentiles(samples);
}

export async function timeStartup(
  dir: string,
  runs: number,
): Promise<{ load_ms: number; build_ms: number; kb: KnowledgeBase; engine: Engine }> {
  let best = { load_ms: Infinity, build_ms: Infinity };
  let last: { kb: KnowledgeBase; engine: Engine } | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) throw new Error(`knowledge in ${dir} is invalid`);
    const t1 = performance.now();
    const engine = createEngine(loaded.kb);
    const t2 = performance.now();
    // Medians would hide nothing here; the minimum is the least disturbed by a shared machine.
    best = { load_ms: Math.min(best.load_ms, t1 - t0), build_ms: Math.min(best.build_ms, t2 - t1) };
    last = { kb: loaded.kb, engine };
  }
  return { load_ms: round(best.load_ms), build_ms: round(best.build_ms), ...last! };
}

export function score(
  ask: (q: string) => ReturnType<Engine["ask"]>,
  cases: readonly EvalCase[],
  kb: KnowledgeBase,
): number {
  let passed = 0;
  for (const c of cases) {
    const a = ask(c.q);
    if (judge(c, { ...a, text: toPlainText(a) }, kb).pass) passed++;
  }
  return round(passed / Math.max(1, cases.length));
}

export async function benchShipped(dir: string, cases: readonly EvalCase[], now: Date) {
  const { load_ms, build_ms, kb, engine } = await timeStartup(dir, 5);
  const baseline = createBaseline(kb);
  const questions = cases.map((c) => c.q);
  return {
    knowledge: { articles: kb.articles.length, facts: kb.facts.length, questions: questions.length },
    engine: {
      load_ms,
      build_ms,
      ready_ms: round(load_ms + build_ms),
      ...timeQuestions((q) => engine.ask(q, now), questions, 20),
      score: score((q) => engine.ask(q, now), cases, kb),
    },
    baseline: {
      ...timeQuestions((q) => baseline.ask(q), questions, 20),
      score: score((q) => baseline.ask(q), cases, kb),
    },
  };
}
