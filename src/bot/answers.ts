/**
 * Answers the bot sent recently, by a short id, so that a 👍/👎 button (callback data at most 64
 * bytes) can say which answer it is about. Kept in memory, bounded; a button of a forgotten answer
 * (after a restart, or long ago) is answered with "expired".
 */
import { randomBytes } from "node:crypto";
import type { InlineKeyboardButton } from "grammy/types";
import { ExpiringMap } from "./expiring.js";

export interface SentAnswer {
  readonly question: string;
  readonly answer: string;
  readonly answered: boolean;
  /** The link of the article the answer cites. */
  readonly url?: string;
  /** The message's other buttons, to keep when the feedback row changes. */
  readonly keyboard: InlineKeyboardButton[][];
  /** Hashes of the users who voted on it already. */
  readonly voters: Set<string>;
}

export interface AnswerRegistry {
  /** Keeps `answer` and returns its id (a few characters). */
  remember(answer: Omit<SentAnswer, "voters">): string;
  get(id: string): SentAnswer | undefined;
}

export function createAnswerRegistry(capacity = 5000, ttlMs = 7 * 24 * 60 * 60 * 1000): AnswerRegistry {
  const answers = new ExpiringMap<string, SentAnswer>(capacity, ttlMs);
  // A fresh prefix each start, so that an old button never names a new answer.
  const run = randomBytes(3).toString("base64url");
  let next = 0;
  return {
    remember(answer) {
      const id = `${run}${(next++).toString(36)}`;
      answers.set(id, { ...answer, voters: new Set() });
      return id;
    },
    get: (id) => answers.get(id),
  };
}

/** The 👍/👎 row under an answer; `fb:u:<id>` and `fb:d:<id>` are well under 64 bytes. */
export function feedbackRow(id: string): InlineKeyboardButton[] {
  return [
    { text: "👍", callback_data: `fb:u:${id}` },
    { text: "👎", callback_data: `fb:d:${id}` },
  ];
}
