/**
 * The connection to Redis through which replicas share their state (ioredis; README Design says why).
 * Answering never waits for Redis: there is no offline queue, so a command fails at once while the
 * connection is down, and each caller has its fallback (a buffer, memory of its own). The client
 * reconnects by itself, and a ping each second notices a Redis that is connected but not answering.
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
}

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

  const isUp = () => client.status === "ready" && answering;
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

  client.on("ready", () => {
    answering = true;
    cameUp();
  });
  // ioredis reports each failed reconnect: one warning per outage is enough.
  client.on("error", (e: Error) => {
    if (!closing) wentDown(describe(e));
  });
  client.on("close", () => {
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
