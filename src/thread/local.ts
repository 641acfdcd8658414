/**
 * Engines answering in this thread, behind the same interface as the worker's (host.ts): for the
 * command-line tools and tests. Building here blocks the thread, so the bot does not use it.
 */
import { createEngine, type Engine } from "../engine/index.js";
import { loadKnowledge } from "../knowledge/load.js";
import { summarize } from "../knowledge/types.js";
import type { AnsweringEngine, OpenKnowledge } from "../live.js";

/** An engine answering in this thread: for the command-line tools and tests. */
export function inThisThread(engine: Engine): AnsweringEngine {
  return {
    summary: summarize(engine.kb),
    examples: engine.examples(),
    ask: async (question, now) => engine.ask(question, now),
    askMany: async (question, now, limit) => engine.askMany(question, now, limit),
    close: async () => {},
  };
}

/** Opens engines on `dir` in this thread. */
export function openInThisThread(dir: string): OpenKnowledge {
  return async ({ extra, build, unlessVersion }) => {
    const loaded = await loadKnowledge(dir, { extra });
    if (!loaded.ok) return { ok: false, problems: loaded.problems };
    const summary = summarize(loaded.kb);
    if (!build || loaded.kb.version === unlessVersion) return { ok: true, summary };
    return { ok: true, summary, engine: inThisThread(createEngine(loaded.kb)), source: "built" };
  };
}
