/**
 * The engine: a knowledge base in, answers out. Pure: no files, network, clock or logger here;
 * the caller passes `now` for questions that say 今年, and stores snapshots where it likes.
 */
import type { Fact, KnowledgeBase, Sentence } from "../model/knowledge.js";
import { answerMany, answerQuestion, exampleQuestions } from "./answer.js";
import { engineOptions, type OptionsOverride } from "./options.js";
import { buildIndexes, type EngineLog, type Indexes, type Prebuilt } from "./retrieve/indexes.js";
import { retrieve } from "./retrieve/search.js";
import { fromSnapshot, toSnapshot } from "./retrieve/snapshot.js";
import { updateIndexes } from "./retrieve/update.js";
import type { Answer } from "./state/answer.js";
import { parseQuestion } from "./understand/question.js";

export type { EngineOptions, OptionsOverride } from "./options.js";
export type { EngineLog } from "./retrieve/indexes.js";
export type {
  Answer,
  AnswerFact,
  Citation,
  Lacking,
  Language,
  NoAnswerReason,
  OverviewItem,
  SeriesPoint,
} from "./state/answer.js";

/** What an engine is made with besides its knowledge: options over the defaults, where its warnings go. */
export interface EngineSetup {
  readonly options?: OptionsOverride;
  /** MiniSearch's warnings; by default dropped (the engine writes nowhere of its own accord). */
  readonly log?: EngineLog;
}

export interface Engine {
  /** The knowledge answered from: the one given, or the last one `update` took. */
  readonly kb: KnowledgeBase;
  /** `now` and `timeZone` (IANA, default UTC) say when and where the question is asked: 今年 is that year there. */
  ask(question: string, now: Date, timeZone?: string): Answer;
  /** The answer and up to `limit - 1` more from other evidence, best first (for inline results). */
  askMany(question: string, now: Date, limit: number, timeZone?: string): Answer[];
  /** A few questions the knowledge base answers, for /start and "I don't know". */
  examples(): string[];
  /** What the retriever finds for a question, best first: for measuring retrieval alone (npm run eval). */
  retrieve(question: string, now: Date): { readonly sentences: readonly Sentence[]; readonly facts: readonly Fact[] };
  /** The built index as bytes, for a restart with the same knowledge (see snapshot.ts). */
  snapshot(): Buffer;
  /**
   * Takes `next`, the same knowledge with a few articles or facts added, changed or removed, in place
   * (update.ts); answers are then those of an engine built on `next`. Refused when the glossary changed
   * or the corpus crosses LARGE_CORPUS: build a new engine then.
   */
  update(next: KnowledgeBase): { ok: true; removed: number; added: number } | { ok: false; reason: string };
}

function wrap(first: Indexes): Engine {
  let indexes = first;
  return {
    get kb() {
      return indexes.kb;
    },
    update(next) {
      const updated = updateIndexes(indexes, next);
      if (!updated.ok) return updated;
      indexes = updated.indexes;
      return { ok: true, removed: updated.removed, added: updated.added };
    },
    ask: (question, now, timeZone) => answerQuestion(indexes, question, wallClock(now, timeZone)),
    askMany: (question, now, limit, timeZone) => answerMany(indexes, question, wallClock(now, timeZone), { limit }),
    examples: () => exampleQuestions(indexes),
    retrieve: (question, now) => {
      const q = parseQuestion(question.slice(0, indexes.options.limits.questionChars), indexes, now);
      const hits = retrieve(indexes, q, indexes.options);
      return {
        sentences: hits.sentences.map((h) => indexes.sentenceList[h.id]!),
        facts: hits.facts.map((h) => indexes.factList[h.id]!.fact),
      };
    },
    snapshot: () =>
      toSnapshot(indexes.kb, { sentences: indexes.sentences, documentFrequency: indexes.documentFrequency }),
  };
}

const calendars = new Map<string, Intl.DateTimeFormat>();

/**
 * The engine reads the calendar from the UTC fields of `now` (period.ts): the moment becomes the
 * wall-clock time in `timeZone` here, so that 今年 just after midnight on 1 January in 忻州 is the new year.
 */
function wallClock(now: Date, timeZone = "UTC"): Date {
  if (timeZone === "UTC") return now;
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    const fields = {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    } as const;
    calendar = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", ...fields });
    calendars.set(timeZone, calendar);
  }
  const f = Object.fromEntries(calendar.formatToParts(now).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!, now.getUTCMilliseconds()));
}

export function createEngine(kb: KnowledgeBase, setup: EngineSetup = {}, prebuilt?: Prebuilt): Engine {
  const settings = { options: engineOptions(setup.options), log: setup.log ?? (() => {}) };
  return wrap(buildIndexes(kb, settings, prebuilt));
}

/** The engine from a snapshot of this knowledge, or why the snapshot cannot be used. */
export function engineFromSnapshot(
  kb: KnowledgeBase,
  bytes: Buffer,
  setup: EngineSetup = {},
): { engine: Engine } | { reason: string } {
  const restored = fromSnapshot(kb, bytes, setup.log ?? (() => {}));
  return restored.ok ? { engine: createEngine(kb, setup, restored.prebuilt) } : { reason: restored.reason };
}
