/**
 * Answers the bot sent recently, by a random id, so that a 👍/👎 button (callback data at most 64
 * bytes) can say which answer it is about. Kept in the bot's records (records.ts: shared by the
 * replicas through Redis when there are several) for a week; a button of a forgotten answer is
 * answered with "expired". The id is random, so that nobody can vote on an answer by guessing it.
 */
import { randomBytes } from "node:crypto";
import type { InlineKeyboardButton } from "grammy/types";
import { type OpenRecords, openMemoryRecords, type RecordStore } from "./records.js";

export interface SentAnswer {
  readonly question: string;
  readonly answer: string;
  readonly answered: boolean;
  /** The link of the article the answer cites. */
  readonly url?: string;
  /** The message's other buttons, to keep when the feedback row changes. */
  readonly keyboard: InlineKeyboardButton[][];
  /** Who asked, and the chat the answer was posted in: who may vote on it (feedback.ts). */
  readonly asker?: number;
  readonly chat?: number;
}

export interface AnswerRegistry {
  /** Keeps `answer` and returns its id (16 characters). */
  remember(answer: SentAnswer): Promise<string>;
  get(id: string): Promise<SentAnswer | undefined>;
  /** True the first time `voter` (a user's hash) votes on answer `id`, false after. */
  firstVote(id: string, voter: string): Promise<boolean>;
}

export const ANSWER_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const CAPACITY = 5000;

export function createAnswerRegistry(open: OpenRecords = openMemoryRecords): AnswerRegistry {
  const answers: RecordStore<SentAnswer> = open("answer", CAPACITY);
  const votes: RecordStore<1> = open("vote", 4 * CAPACITY);
  return {
    async remember(answer) {
      // 12 random bytes: not guessable, and `fb:d:<id>` stays at 21 bytes.
      const id = randomBytes(12).toString("base64url");
      await answers.set(id, answer, ANSWER_TTL_MS);
      return id;
    },
    get: (id) => answers.get(id),
    firstVote: (id, voter) => votes.add(`${id}:${voter}`, 1, ANSWER_TTL_MS),
  };
}

/** The 👍/👎 row under an answer; `fb:u:<id>` and `fb:d:<id>` are well under 64 bytes. */
export function feedbackRow(id: string): InlineKeyboardButton[] {
  return [
    { text: "👍", callback_data: `fb:u:${id}` },
    { text: "👎", callback_data: `fb:d:${id}` },
  ];
}
