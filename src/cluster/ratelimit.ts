/**
 * Storage for @grammyjs/ratelimiter shared by the replicas, so that a user's limit is one limit
 * whichever replica answers. The limiter's own Redis store sends INCR, then PEXPIRE on the first hit:
 * a replica that died between the two would leave a counter that never expires, and the user limited
 * for good. Here one script does both. While Redis is down each replica counts alone, in memory.
 */
import type { RedisLink } from "./redis.js";

/** What the limiter calls on its storage client (its RedisType). */
export interface LimiterStore {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

const INCR_WITH_EXPIRY =
  "local n = redis.call('INCR', KEYS[1]) " + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

export function sharedLimiterStore(link: RedisLink, windowMs: number): LimiterStore {
  const local = new Map<string, { hits: number; resetAt: number }>();
  const incrLocally = (key: string) => {
    const now = Date.now();
    let entry = local.get(key);
    if (!entry || entry.resetAt <= now) {
      if (local.size > 10_000) for (const [k, e] of local) if (e.resetAt <= now) local.delete(k);
      entry = { hits: 0, resetAt: now + windowMs };
      local.set(key, entry);
    }
    return ++entry.hits;
  };
  return {
    async incr(key) {
      if (!link.up) return incrLocally(key);
      try {
        return Number(await link.client.eval(INCR_WITH_EXPIRY, 1, link.key(key), windowMs));
      } catch {
        return incrLocally(key);
      }
    },
    // The expiry was set with the first hit, in the same script.
    pexpire: async () => 1,
  };
}
