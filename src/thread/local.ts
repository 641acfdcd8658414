/**
 * An engine answering in this thread, behind the same interface as the worker's (host.ts): for the
 * command-line console. Building here blocks the thread, so the bot does not use it.
 */
import type { Engine } from "../engine/index.js";
import type { AnsweringEngine } from "../live.js";
import { summarize } from "../model/knowledge.js";

/** The engine answering in this thread; 今年 is read in `timeZone`. */
export function inThisThread(engine: Engine, timeZone: string): AnsweringEngine {
  return {
    summary: summarize(engine.kb),
    examples: engine.examples(),
    ask: async (question, now) => engine.ask(question, now, timeZone),
    askMany: async (question, now, limit) => engine.askMany(question, now, limit, timeZone),
    close: async () => {},
  };
}
