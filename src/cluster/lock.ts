/**
 * A lock in Redis for work that only one replica may do at a time (writing the knowledge folder):
 * SET NX with an expiry, so that a replica that dies holding it frees it when the expiry passes. The
 * holder renews it while it works, and only the holder's token can renew or release it.
 */
import { randomUUID } from "node:crypto";
import type { RedisLink } from "./redis.js";

export type Locked<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "busy"; holder: string }
  | { ok: false; reason: "unavailable" };

export interface LockOptions {
  /** Who takes it (the replica id): shown to whoever waits. */
  readonly owner: string;
  /** How long the lock lives without renewal. Default 30 s; renewed every third of it. */
  readonly ttlMs?: number;
  /** How long to wait for a lock another holds. Default 30 s. */
  readonly waitMs?: number;
  /** Told when the lock was lost while working (it expired during a Redis outage). */
  readonly onLost?: () => void;
}

const RENEW =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then " + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Runs `work` holding lock `name`, waiting for it up to `waitMs`; without Redis, nothing runs. */
export async function withLock<T>(
  link: RedisLink,
  name: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<Locked<T>> {
  const key = link.key(`lock:${name}`);
  const ttlMs = options.ttlMs ?? 30_000;
  const token = `${options.owner}/${randomUUID()}`;
  const until = Date.now() + (options.waitMs ?? 30_000);
  let holder = "";
  for (;;) {
    if (!link.up) return { ok: false, reason: "unavailable" };
    try {
      if ((await link.client.set(key, token, "PX", ttlMs, "NX")) === "OK") break;
      holder = ((await link.client.get(key)) ?? "").split("/")[0] ?? "";
    } catch {
      return { ok: false, reason: "unavailable" };
    }
    if (Date.now() >= until) return { ok: false, reason: "busy", holder };
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
  }

  const renew = setInterval(() => {
    link.client.eval(RENEW, 1, key, token, ttlMs).then(
      (renewed) => {
        if (!renewed) options.onLost?.();
      },
      () => {}, // Redis down: the expiry decides
    );
  }, ttlMs / 3);
  renew.unref();
  try {
    return { ok: true, value: await work() };
  } finally {
    clearInterval(renew);
    await link.client.eval(RELEASE, 1, key, token).catch(() => {});
  }
}
