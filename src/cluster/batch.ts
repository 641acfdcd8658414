/**
 * A batch of writes applied at most once, however often it is sent: one Lua script sets the batch's
 * guard (`SET <guard> NX EX`) and, only if that was new, runs every write. A batch sent again after a
 * reply that never came (a timeout, a paused Redis, a dropped connection) finds its guard and changes
 * nothing. A write that fails inside the script (a key of the wrong type) does not stop the others;
 * the script counts it and the caller learns how many failed, never to send that batch again.
 */
import { createHash } from "node:crypto";
import { ReplyError } from "ioredis";
import type { RedisLink } from "./redis.js";

/** One write: a command, its key, its arguments (`["HINCRBY", "stats:totals", "answered", "3"]`). */
export type Write = readonly [command: string, key: string, ...args: string[]];

export interface BatchResult {
  /** False when the batch had been applied before (its guard was there). */
  readonly applied: boolean;
  /** Writes that Redis refused; the others were made. */
  readonly failed: number;
  /** The first refusal, as Redis gave it (a command and a reason, never the data). */
  readonly error?: string;
}

/**
 * How long a batch's guard is kept: longer than the retries of a batch whose reply was lost (seconds, or
 * the length of an outage), short enough that a busy bot's guards (one a batch, a batch each 10 ms at
 * most) stay a few megabytes. A batch held through an outage longer than this may be counted twice.
 */
const GUARD_SECONDS = 60 * 60;

const SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return {0, 0, ''} end
local failed, first = 0, ''
for _, w in ipairs(cjson.decode(ARGV[2])) do
  local r = redis.pcall(w[1], KEYS[w[2]], unpack(w, 3))
  if type(r) == 'table' and r.err then
    failed = failed + 1
    if first == '' then first = w[1] .. ': ' .. r.err end
  end
end
return {1, failed, first}
`;
const SHA = createHash("sha1").update(SCRIPT).digest("hex");

/** Applies `writes` once under `guard` (a key of its own per batch). Rejects when the outcome is not known. */
export async function applyOnce(link: RedisLink, guard: string, writes: readonly Write[]): Promise<BatchResult> {
  // The keys go in KEYS (as Redis wants every key a script touches declared); each write names its key by index.
  const keys = [guard];
  const index = new Map<string, number>();
  const encoded = writes.map(([command, key, ...rest]) => {
    let i = index.get(key);
    if (i === undefined) {
      i = keys.push(key);
      index.set(key, i);
    }
    return [command, i, ...rest];
  });
  const args = [keys.length, ...keys, String(GUARD_SECONDS), JSON.stringify(encoded)] as const;
  let reply: unknown;
  try {
    reply = await link.client.evalsha(SHA, ...args);
  } catch (e) {
    // Not run (the script is not cached yet): send it whole, which also caches it.
    if (!(e instanceof ReplyError && (e as Error).message.startsWith("NOSCRIPT"))) throw e;
    reply = await link.client.eval(SCRIPT, ...args);
  }
  const [applied, failed, error] = reply as [number, number, string];
  return { applied: applied === 1, failed, ...(error ? { error } : {}) };
}

/** Whether a batch that got `e` instead of a reply should be sent again: not when Redis refused it for good. */
export function worthRetrying(e: unknown): boolean {
  if (!(e instanceof ReplyError)) return true; // a timeout or a lost connection: the outcome is not known
  // Redis busy, loading, out of memory, a replica made read-only for a failover: each passes.
  return /^(BUSY|LOADING|OOM|TRYAGAIN|MASTERDOWN|READONLY|CLUSTERDOWN)\b/.test((e as Error).message);
}
