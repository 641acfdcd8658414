/**
 * The engine: a knowledge base in, answers out. Pure: no files, network, clock or logger here;
 * the caller passes `now` for questions that say 今年, and stores snapshots where it likes.
 */
import type { KnowledgeBase } from "../knowledge/types.js";
import { answerMany, answerQuestion, suggestionsFor, type Answer } from "./answer.js";
import { buildIndexes, type Indexes, type Prebuilt } from "./search.js";
import { fromSnapshot, toSnapshot } from "./snapshot.js";

export type { Answer, AnswerFact, Citation, NoAnswerReason } from "./answer.js";

export interface Engine {
  readonly kb: KnowledgeBase;
  ask(question: string, now: Date): Answer;
  /** The answer and up to `limit - 1` more from other evidence, best first (for inline results). */
  askMany(question: string, now: Date, limit: number): Answer[];
  /** A few questions the knowledge base answers, for /start and "I don't know". */
  examples(): string[];
  /** The built index as bytes, for a restart with the same knowledge (see snapshot.ts). */
  snapshot(): Buffer;
}

function wrap(kb: KnowledgeBase, indexes: Indexes): Engine {
  return {
    kb,
    ask: (question, now) => answerQuestion(indexes, question, now),
    askMany: (question, now, limit) => answerMany(indexes, question, now, limit),
    examples: () => suggestionsFor(indexes, []),
    snapshot: () => toSnapshot(kb, { sentences: indexes.sentences, documentFrequency: indexes.documentFrequency }),
  };
}

export function createEngine(kb: KnowledgeBase, prebuilt?: Prebuilt): Engine {
  return wrap(kb, buildIndexes(kb, prebuilt));
}

/** The engine from a snapshot of this knowledge, or why the snapshot cannot be used. */
export function engineFromSnapshot(kb: KnowledgeBase, bytes: Buffer): { engine: Engine } | { reason: string } {
  const restored = fromSnapshot(kb, bytes);
  return restored.ok ? { engine: createEngine(kb, restored.prebuilt) } : { reason: restored.reason };
}
