/**
 * Long polling with several replicas: Telegram hands each update to one getUpdates call, and a second
 * poller makes both fail with 409 Conflict. So one replica at most may poll. It holds a lease in Redis
 * while it runs; another that finds the lease held, or finds replicas serving a webhook (which its
 * deleteWebhook would break), refuses to start with one clear line.
 */
import type { RedisLink } from "./redis.js";
import type { Replicas } from "./replicas.js";

export type PollingLease = { ok: true; stop(): Promise<void> } | { ok: false; why: string };

export interface PollingOptions {
  /** How long the lease lives without renewal. Default 30 s; renewed every third of it. */
  readonly ttlMs?: number;
  /** Another replica took the lease while this one polled (after a Redis outage longer than the lease). */
  readonly onConflict: (why: string) => void;
}

/** Renews the lease if this replica holds it, takes it if nobody does; else returns who holds it. */
const HOLD = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return '' end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return '' end
return v`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const WEBHOOK_HINT = "set WEBHOOK_URL to run several replicas behind a load balancer";

export async function claimPolling(
  link: RedisLink,
  replicas: Replicas,
  options: PollingOptions,
): Promise<PollingLease> {
  const self = replicas.self;
  const key = link.key("polling");
  const ttlMs = options.ttlMs ?? 30_000;
  const hold = async () => String(await link.client.eval(HOLD, 1, key, self, ttlMs));

  if (link.up) {
    const webhooks = (await replicas.list().catch(() => [])).filter((r) => r.id !== self && r.mode === "webhook");
    if (webhooks.length) {
      return {
        ok: false,
        why:
          `long polling refused: replicas ${webhooks.map((r) => r.id).join(", ")} serve a webhook for this bot, ` +
          "and polling would delete it; set WEBHOOK_URL on this replica too",
      };
    }
    const holder = await hold().catch(() => "");
    if (holder)
      return {
        ok: false,
        why:
          `long polling refused: replica ${holder} already polls for this bot, ` +
          `and Telegram gives updates to one poller only (409 Conflict); ${WEBHOOK_HINT}`,
      };
  }
  // While Redis is down the lease is taken when it is back; Telegram's 409 stays the last word.
  const timer = setInterval(() => {
    if (!link.up) return;
    hold().then(
      (holder) => {
        if (holder)
          options.onConflict(
            `long polling stopped: replica ${holder} polls for this bot too (409 Conflict); ${WEBHOOK_HINT}`,
          );
      },
      () => {},
    );
  }, ttlMs / 3);
  timer.unref();
  return {
    ok: true,
    async stop() {
      clearInterval(timer);
      if (link.up) await link.client.eval(RELEASE, 1, key, self).catch(() => {});
    },
  };
}
