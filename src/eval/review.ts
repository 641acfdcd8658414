/**
 * Reading the direct answers as a person would: for the first answered questions of a set, the question,
 * the direct answer and the quote it was cut from, one block each. Whether a statement is fluent, faithful
 * to its quote and answers what was asked is judged by a reader; this only lays the three side by side.
 */
import { answerJson } from "../console.js";
import type { Engine } from "../engine/index.js";
import type { SetCase } from "./sets.js";

export interface ReviewBlock {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly quote: string;
}

/** The first `limit` questions of `cases` that the engine answers, each with its direct answer and quote. */
export function reviewBlocks(engine: Engine, cases: readonly SetCase[], now: Date, limit: number): ReviewBlock[] {
  const out: ReviewBlock[] = [];
  for (const c of cases) {
    if (out.length >= limit) break;
    const answer = answerJson(engine.ask(c.q, now));
    if (!answer.answered) continue;
    const quote = answer.citations.map((x) => x.quote).join(" / ");
    out.push({ id: c.id, question: c.q, answer: answer.answer, quote });
  }
  return out;
}

/** One block a question, numbered, with a blank line between blocks. */
export function formatReview(blocks: readonly ReviewBlock[]): string {
  return blocks
    .map((b, i) => `#${i + 1} ${b.id}\n  问：${b.question}\n  答：${b.answer}\n  引：${b.quote}\n`)
    .join("\n");
}
