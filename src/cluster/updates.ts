/**
 * The updates every replica has taken, in Redis: the first replica to SET NX an update's key handles
 * it. The key first says "being handled" for a short while, so that an update whose replica died
 * before answering can be delivered again and answered; once handled, it says "done" for a day, as
 * long as Telegram keeps an update it could not deliver. While Redis is down each replica still skips
 * what it took itself.
 */
import { memoryLedger, type UpdateLedger } from "../bot/once.js";
import type { RedisLink } from "./redis.js";

export interface RedisLedgerOptions {
  readonly replicaId: string;
  /** How long an update stays taken while it is handled. Default 30 s (grammY answers a webhook call within 9 s). */
  readonly takenMs?: number;
  /** How long a handled update is remembered. Default 24 h. */
  readonly doneSeconds?: number;
}

export function redisLedger(link: RedisLink, options: RedisLedgerOptions): UpdateLedger {
  const local = memoryLedger();
  const takenMs = options.takenMs ?? 30_000;
  const doneSeconds = options.doneSeconds ?? 24 * 60 * 60;
  const key = (id: number) => link.key(`update:${id}`);
  return {
    async claim(id) {
      if (!(await local.claim(id))) return false;
      if (!link.up) return true; // answered twice at worst, never lost
      try {
        return (await link.client.set(key(id), options.replicaId, "PX", takenMs, "NX")) === "OK";
      } catch {
        return true;
      }
    },
    done(id) {
      if (link.up) link.client.set(key(id), "done", "EX", doneSeconds).catch(() => {});
    },
  };
}
