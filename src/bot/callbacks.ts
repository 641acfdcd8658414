/**
 * Callback data for "ask this next" buttons: at most 64 bytes. A question that fits travels in the
 * button itself (and so survives restarts); a longer one by a short hash of it, kept in the bot's
 * records (records.ts: shared by the replicas through Redis when there are several).
 */
import { createHash } from "node:crypto";
import { MAX_CALLBACK_BYTES } from "../render/telegram.js";
import { type OpenRecords, openMemoryRecords } from "./records.js";

export interface CallbackRegistry {
  /** Data that asks `question` again. */
  encode(question: string): string;
  /** Data that asks for the series over the years of `question`'s answer (📈): CHART, then a question's data. */
  encodeChart(question: string): string;
  /** The question behind callback data of either kind, or undefined when it is unknown or forgotten. */
  decode(data: string): Promise<string | undefined>;
}

/** What starts a 📈 button's data: `c` + the data that would ask its question. */
export const CHART = "c";

/** As long as the answers whose buttons they are (answers.ts). */
const QUESTION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createCallbackRegistry(open: OpenRecords = openMemoryRecords, capacity = 5000): CallbackRegistry {
  const byHash = open<string>("question", capacity);
  const encode = (question: string, room = MAX_CALLBACK_BYTES) => {
    const direct = `q:${question}`;
    if (Buffer.byteLength(direct, "utf8") <= room) return direct;
    const hash = createHash("sha256").update(question).digest("base64url").slice(0, 22);
    // Not awaited: rendering is synchronous. The write leaves before the message does (answers.ts
    // awaits its own record, sent after this one on the same connection).
    void byHash.set(hash, question, QUESTION_TTL_MS);
    return `h:${hash}`;
  };
  return {
    encode: (question) => encode(question),
    encodeChart: (question) => CHART + encode(question, MAX_CALLBACK_BYTES - CHART.length),
    async decode(given) {
      const data = given.startsWith(CHART) ? given.slice(CHART.length) : given;
      if (data.startsWith("q:")) return data.slice(2);
      if (data.startsWith("h:")) return byHash.get(data.slice(2));
      return undefined;
    },
  };
}
