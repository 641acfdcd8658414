/**
 * The question a conversation's next message may lean on (engine/understand/followup.ts): one for each private
 * chat, one for each member of a group, kept for ten minutes after it was answered. It lives in the bot's records
 * (records.ts: Redis with REDIS_URL, so that a chat's next update may reach another replica) and in this process's
 * memory: when Redis is down or slow the replica goes on with what it remembers itself, and answering waits at most
 * `waitMs` for Redis.
 */
import type { Previous } from "../engine/understand/followup.js";
import { ExpiringMap } from "./expiring.js";
import type { OpenRecords, RecordStore } from "./records.js";

export const FRAME_TTL_MS = 10 * 60 * 1000;
const CAPACITY = 20_000;
/** How long a question waits for Redis before going on with this process's memory. */
const WAIT_MS = 200;

interface Kept extends Previous {
  /** When it was answered (ms), by the bot's clock: the frame counts for FRAME_TTL_MS after. */
  readonly at: number;
}

export interface FrameStore {
  get(key: string): Promise<Previous | undefined>;
  set(key: string, previous: Previous): Promise<void>;
  clear(key: string): Promise<void>;
}

const TIMED_OUT: unique symbol = Symbol("timed out");

/** Resolves as `p` does, or TIMED_OUT after `ms` or when `p` fails. */
function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  return Promise.race([p.catch((): typeof TIMED_OUT => TIMED_OUT), late]).finally(() => clearTimeout(timer));
}

export function openFrames(open: OpenRecords, clock: () => Date, waitMs = WAIT_MS): FrameStore {
  const shared: RecordStore<Kept> = open("frame", CAPACITY);
  const mine = new ExpiringMap<string, Kept>(CAPACITY, FRAME_TTL_MS, () => clock().getTime());
  const fresh = (k: Kept | undefined) => (k && clock().getTime() - k.at < FRAME_TTL_MS ? k : undefined);
  const strip = (k: Kept | undefined): Previous | undefined => k && { question: k.question, frame: k.frame };
  return {
    async get(key) {
      const found = await within(shared.get(key), waitMs);
      return strip(fresh(found === TIMED_OUT ? mine.get(key) : found));
    },
    async set(key, previous) {
      const kept = { ...previous, at: clock().getTime() };
      mine.set(key, kept);
      await within(shared.set(key, kept, FRAME_TTL_MS), waitMs);
    },
    async clear(key) {
      mine.delete(key);
      await within(shared.delete(key), waitMs);
    },
  };
}
