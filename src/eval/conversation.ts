/** Asking a case of a question set, in the conversation its `context` makes. */
import { answerJson } from "../console.js";
import type { Engine } from "../engine/index.js";
import { type Previous, previousOf, turnOf } from "../engine/understand/followup.js";
import type { EvalCase } from "./judge.js";

/**
 * A case's answer as the JSON answer: its `context` asked first, in one conversation, and `q` then as the
 * follow-up a person would send next (engine/understand/followup.ts).
 */
export function askCase(engine: Engine, c: EvalCase, now: Date, timeZone?: string): ReturnType<typeof answerJson> {
  let previous: Previous | undefined;
  const context = typeof c.context === "string" ? [c.context] : (c.context ?? []);
  for (const message of context) {
    const { question } = turnOf(previous, message);
    if (engine.ask(question, now, timeZone).answered) previous = previousOf(question);
  }
  const { question, understood } = turnOf(previous, c.q);
  return answerJson(engine.ask(question, now, timeZone), understood);
}
