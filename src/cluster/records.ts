/**
 * The bot's records (bot/records.ts) in Redis, as JSON under `<prefix>rec:<name>:<key>` with their
 * expiry, so that a button pressed on any replica finds what the replica that sent it kept. Each record
 * is kept in this replica's memory too: while Redis is down (or slow past the command timeout) the
 * replica goes on with what it has itself, and a record written during an outage is still found here
 * once Redis is back. With Redis up, Redis has the last word: a record another replica deleted is gone.
 */
import { ExpiringMap } from "../bot/expiring.js";
import type { OpenRecords, RecordStore } from "../bot/records.js";
import type { RedisLink } from "./redis.js";

interface Local<V> {
  readonly value: V;
  /** Whether Redis has it too; if not, only this replica knows it. */
  readonly shared: boolean;
}

export function redisRecords<V>(link: RedisLink, name: string, capacity: number): RecordStore<V> {
  const local = new ExpiringMap<string, Local<V>>(capacity, 0);
  const key = (k: string) => link.key(`rec:${name}:${k}`);
  /** Runs `f` against Redis, or returns undefined when Redis is down or fails. */
  const shared = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    if (!link.up) return undefined;
    try {
      return await f();
    } catch {
      return undefined;
    }
  };
  return {
    async get(k) {
      const mine = local.get(k);
      const raw = await shared(() => link.client.get(key(k)));
      if (raw === undefined) return mine?.value;
      if (raw !== null) return decode<V>(raw);
      return mine && !mine.shared ? mine.value : undefined;
    },
    async set(k, value, ttlMs) {
      const ok = await shared(() => link.client.set(key(k), encode(value), "PX", ttlMs));
      local.set(k, { value, shared: ok === "OK" }, ttlMs);
    },
    async add(k, value, ttlMs) {
      const mine = local.get(k);
      const set = await shared(() => link.client.set(key(k), encode(value), "PX", ttlMs, "NX"));
      if (set === undefined) {
        if (mine) return false;
        local.set(k, { value, shared: false }, ttlMs);
        return true;
      }
      // Redis said no, unless what it holds is only this replica's, from an outage: then this replica decides.
      if (set !== "OK" || (mine && !mine.shared)) return false;
      local.set(k, { value, shared: true }, ttlMs);
      return true;
    },
    async delete(k) {
      const mine = local.get(k);
      local.delete(k);
      const n = await shared(() => link.client.del(key(k)));
      if (n === undefined) return mine !== undefined;
      return n > 0 || (mine !== undefined && !mine.shared);
    },
  };
}

export const openRedisRecords =
  (link: RedisLink): OpenRecords =>
  (name, capacity) =>
    redisRecords(link, name, capacity);

/** JSON, with bytes (an uploaded file waiting in a preview) as base64. */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, k, v: unknown) {
    // Buffer's toJSON has run by now: the original value is on the holder.
    const original = this[k];
    return original instanceof Uint8Array ? { $bytes: Buffer.from(original).toString("base64") } : v;
  });
}

function decode<V>(raw: string): V {
  return JSON.parse(raw, (_k, v: unknown) => {
    const bytes = (v as { $bytes?: unknown } | null)?.$bytes;
    return typeof bytes === "string" && Object.keys(v as object).length === 1 ? Buffer.from(bytes, "base64") : v;
  }) as V;
}
