/**
 * The connection to Redis through which replicas share their state (ioredis; README Design says why).
 * Answering never waits for Redis: there is no offline queue, so a command fails at once while the
 * connection is down, and each caller has its fallback (a buffer, memory of its own). The client
 * reconnects by itself, and a ping each second notices a Redis that is connected but not answering.
 *
 * Keys are under a prefix (REDIS_PREFIX) that belongs to one bot: the first bot to connect writes its
 * id (the token's part before ':', never the secret) under it, and the link of another bot's replica
 * never counts as up there; it is refused with one line, each time it connects, before anything of
 * its own is written.
 */
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";

export interface RedisLink {
  readonly client: Redis;
  /** `name` under this bot's prefix (REDIS_PREFIX), so that bots can share one Redis. */
  key(name: string): string;
  /** Whether commands can be sent now: connected, and answering pings. */
  readonly up: boolean;
  /** For /healthz: "ok", or "degraded" with why and since when. */
  health(): { redis: "ok" | "degraded"; since?: string; error?: string };
  /** `f` runs each time the link comes up (after a restart of Redis too). */
  onUp(f: () => void): void;
  /** A connection of its own for SUBSCRIBE, resubscribed after each reconnect. */
  subscriber(): Redis;
  /** Resolves true once up, or false after `ms`. */
  ready(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface LinkOptions {
  readonly url: string;
  readonly prefix: string;
  readonly logger: Logger;
  /** Name of the connection in CLIENT LIST. */
  readonly name: string;
  /** How long one command may take. Default 1 s. */
  readonly commandTimeoutMs?: number;
  /** The bot whose prefix this is, and what to do when the prefix is another bot's. */
  readonly owner?: { readonly botId: string; refused(why: string): void };
}

/** The prefix's bot: set if there is none yet, and returned. */
const OWNER = `local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1]) return ARGV[1]`;

/** Reconnection delay: quick at first, then every second or two, forever. */
const retryStrategy = (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 1000) + Math.floor(Math.random() * 200);

export function connectRedis(options: LinkOptions): RedisLink {
  const { logger } = options;
  const commandTimeout = options.commandTimeoutMs ?? 1000;
  const base = {
    connectionName: options.name,
    connectTimeout: 2000,
    retryStrategy,
    // Fail at once when down instead of queueing: the callers fall back, and answering goes on.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: false,
  } as const;
  // Commands sent in the same tick go out in one write: under load, many updates' commands share a round trip.
  const client = new Redis(options.url, { ...base, commandTimeout, enableAutoPipelining: true });
  const subscribers: Redis[] = [];
  const upListeners: (() => void)[] = [];
  /** Waiting for the next time the link comes up, once. */
  let waiters: (() => void)[] = [];
  let answering = true;
  let downSince: Date | undefined = new Date();
  let lastError: string | undefined = "connecting";
  /** Whether this outage was logged. */
  let warned = false;
  let closing = false;
  /** Whether the prefix was found to be this bot's since the connection was last made. */
  let owned = options.owner === undefined;

  const isUp = () => client.status === "ready" && answering && owned;
  const wentDown = (why: string) => {
    lastError = why;
    downSince ??= new Date();
    if (warned) return;
    warned = true;
    logger.warn({ error: why }, "redis unavailable: answering goes on; stats are buffered, rate limits and duplicate checks are per replica until it is back");
  };
  const cameUp = () => {
    if (!isUp()) return;
    const downMs = downSince ? Date.now() - downSince.getTime() : 0;
    downSince = undefined;
    lastError = undefined;
    warned = false;
    logger.info({ down_ms: downMs }, "redis connected");
    for (const f of waiters.splice(0)) f();
    for (const f of upListeners) f();
  };

  /** Asks Redis whose prefix this is: up if this bot's, refused if another's, asked again soon if Redis fails. */
  const checkOwner = (owner: NonNullable<LinkOptions["owner"]>) => {
    client.eval(OWNER, 1, `${options.prefix}bot`, owner.botId).then(
      (holder) => {
        if (String(holder) !== owner.botId) {
          const [prefix, id] = [options.prefix, owner.botId];
          const why = [
            `REDIS_PREFIX "${prefix}" on this Redis belongs to bot ${String(holder)}, and this is bot ${id}:`,
            `give each bot a prefix of its own, e.g. REDIS_PREFIX=${prefix}${id}:`,
          ];
          return owner.refused(why.join(" "));
        }
        owned = true;
        cameUp();
      },
      () => {
        if (!closing && client.status === "ready") setTimeout(() => checkOwner(owner), 1000).unref();
      },
    );
  };
  client.on("ready", () => {
    answering = true;
    if (options.owner && !owned) checkOwner(options.owner);
    else cameUp();
  });
  // ioredis reports each failed reconnect: one warning per outage is enough.
  client.on("error", (e: Error) => {
    if (!closing) wentDown(describe(e));
  });
  client.on("close", () => {
    // Asked again on the next connection: Redis may have been emptied (or replaced) meanwhile.
    if (options.owner) owned = false;
    if (!closing) wentDown(lastError ?? "connection closed");
  });

  // A Redis that is connected but stopped (SIGSTOP, a full disk, a long fork) answers nothing: the
  // ping notices, and the link counts as down until a ping succeeds again.
  const ping = setInterval(() => {
    if (client.status !== "ready") return;
    client.ping().then(
      () => {
        if (answering) return;
        answering = true;
        cameUp();
      },
      (e: Error) => {
        answering = false;
        wentDown(describe(e));
      },
    );
  }, 1000);
  ping.unref();

  return {
    client,
    key: (name) => `${options.prefix}${name}`,
    get up() {
      return isUp();
    },
    health: () =>
      isUp() ? { redis: "ok" } : { redis: "degraded", ...(downSince ? { since: downSince.toISOString() } : {}), ...(lastError ? { error: lastError } : {}) },
    onUp(f) {
      upListeners.push(f);
    },
    subscriber() {
      // A SUBSCRIBE sent while Redis is down waits for it (however long), and is renewed after each reconnect.
      const sub = new Redis(options.url, { ...base, enableOfflineQueue: true, maxRetriesPerRequest: null, connectionName: `${options.name}:sub` });
      sub.on("error", () => {}); // the main connection reports outages
      subscribers.push(sub);
      return sub;
    },
    ready(ms) {
      if (isUp()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async close() {
      closing = true;
      clearInterval(ping);
      waiters = [];
      await Promise.allSettled([client, ...subscribers].map((c) => (c.status === "ready" ? c.quit() : Promise.resolve(c.disconnect()))));
    },
  };
}

/** An error as one short line: its code when it has one (ECONNREFUSED), else its message. */
function describe(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ?? e.message.slice(0, 200);
}
