/**
 * The engine: a knowledge base in, answers out. Pure: no files, network, clock or logger here;
 * the caller passes `now` for questions that say 今年.
 */
import type { KnowledgeBase } from "../knowledge/types.js";
import { answerMany, answerQuestion, suggestionsFor, type Answer } from "./answer.js";
import { buildIndexes, type Indexes } from "./search.js";

export type { Answer, AnswerFact, Citation, NoAnswerReason } from "./answer.js";

export interface Engine {
  readonly kb: KnowledgeBase;
  ask(question: string, now: Date): Answer;
  /** The answer and up to `limit - 1` more from other evidence, best first (for inline results). */
  askMany(question: string, now: Date, limit: number): Answer[];
  /** A few questions the knowledge base answers, for /start and "I don't know". */
  examples(): string[];
}

export function createEngine(kb: KnowledgeBase): Engine {
  const indexes: Indexes = buildIndexes(kb);
  return {
    kb,
    ask: (question, now) => answerQuestion(indexes, question, now),
    askMany: (question, now, limit) => answerMany(indexes, question, now, limit),
    examples: () => suggestionsFor(indexes, []),
  };
}
