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
  return new Link(options);
}

const BASE = {
  connectTimeout: 2000,
  retryStrategy,
  // Fail at once when down instead of queueing: the callers fall back, and answering goes on.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  lazyConnect: false,
} as const;

class Link implements RedisLink {
  readonly client: Redis;
  private readonly subscribers: Redis[] = [];
  private readonly upListeners: (() => void)[] = [];
  /** Waiting for the next time the link comes up, once. */
  private waiters: (() => void)[] = [];
  private answering = true;
  private downSince: Date | undefined = new Date();
  private lastError: string | undefined = "connecting";
  /** Whether this outage was logged. */
  private warned = false;
  private closing = false;
  /** Whether the prefix was found to be this bot's since the connection was last made. */
  private owned: boolean;
  private readonly ping: NodeJS.Timeout;

  constructor(private readonly options: LinkOptions) {
    this.owned = options.owner === undefined;
    // Commands sent in the same tick go out in one write: under load, many updates' commands share a round trip.
    const commandTimeout = options.commandTimeoutMs ?? 1000;
    this.client = new Redis(options.url, {
      ...BASE,
      connectionName: options.name,
      commandTimeout,
      enableAutoPipelining: true,
    });
    this.client.on("ready", () => {
      this.answering = true;
      if (options.owner && !this.owned) this.checkOwner(options.owner);
      else this.cameUp();
    });
    // ioredis reports each failed reconnect: one warning per outage is enough.
    this.client.on("error", (e: Error) => {
      if (!this.closing) this.wentDown(describe(e));
    });
    this.client.on("close", () => {
      // Asked again on the next connection: Redis may have been emptied (or replaced) meanwhile.
      if (options.owner) this.owned = false;
      if (!this.closing) this.wentDown(this.lastError ?? "connection closed");
    });
    // A Redis that is connected but stopped (SIGSTOP, a full disk, a long fork) answers nothing: the
    // ping notices, and the link counts as down until a ping succeeds again.
    this.ping = setInterval(() => this.pingOnce(), 1000);
    this.ping.unref();
  }

  key(name: string): string {
    return `${this.options.prefix}${name}`;
  }

  get up(): boolean {
    return this.client.status === "ready" && this.answering && this.owned;
  }

  health(): ReturnType<RedisLink["health"]> {
    if (this.up) return { redis: "ok" };
    const since = this.downSince ? { since: this.downSince.toISOString() } : {};
    return { redis: "degraded", ...since, ...(this.lastError ? { error: this.lastError } : {}) };
  }

  onUp(f: () => void): void {
    this.upListeners.push(f);
  }

  subscriber(): Redis {
    // A SUBSCRIBE sent while Redis is down waits for it (however long), and is renewed after each reconnect.
    const name = `${this.options.name}:sub`;
    const sub = new Redis(this.options.url, {
      ...BASE,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      connectionName: name,
    });
    sub.on("error", () => {}); // the main connection reports outages
    this.subscribers.push(sub);
    return sub;
  }

  ready(ms: number): Promise<boolean> {
    if (this.up) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.ping);
    this.waiters = [];
    const quit = (c: Redis) => (c.status === "ready" ? c.quit() : Promise.resolve(c.disconnect()));
    await Promise.allSettled([this.client, ...this.subscribers].map(quit));
  }

  private pingOnce(): void {
    if (this.client.status !== "ready") return;
    this.client.ping().then(
      () => {
        if (this.answering) return;
        this.answering = true;
        this.cameUp();
      },
      (e: Error) => {
        this.answering = false;
        this.wentDown(describe(e));
      },
    );
  }

  private wentDown(why: string): void {
    this.lastError = why;
    this.downSince ??= new Date();
    if (this.warned) return;
    this.warned = true;
    const what =
      "redis unavailable: answering goes on; stats are buffered, " +
      "rate limits and duplicate checks are per replica until it is back";
    this.options.logger.warn({ error: why }, what);
  }

  private cameUp(): void {
    if (!this.up) return;
    const downMs = this.downSince ? Date.now() - this.downSince.getTime() : 0;
    this.downSince = undefined;
    this.lastError = undefined;
    this.warned = false;
    this.options.logger.info({ down_ms: downMs }, "redis connected");
    for (const f of this.waiters.splice(0)) f();
    for (const f of this.upListeners) f();
  }

  /** Asks Redis whose prefix this is: up if this bot's, refused if another's, asked again soon if Redis fails. */
  private checkOwner(owner: NonNullable<LinkOptions["owner"]>): void {
    const { prefix } = this.options;
    this.client.eval(OWNER, 1, `${prefix}bot`, owner.botId).then(
      (holder) => {
        if (String(holder) !== owner.botId) {
          const why = [
            `REDIS_PREFIX "${prefix}" on this Redis belongs to bot ${String(holder)}, and this is bot ${owner.botId}:`,
            `give each bot a prefix of its own, e.g. REDIS_PREFIX=${prefix}${owner.botId}:`,
          ];
          return owner.refused(why.join(" "));
        }
        this.owned = true;
        this.cameUp();
      },
      () => {
        if (!this.closing && this.client.status === "ready") setTimeout(() => this.checkOwner(owner), 1000).unref();
      },
    );
  }
}

/** An error as one short line: its code when it has one (ECONNREFUSED), else its message. */
function describe(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ?? e.message.slice(0, 200);
}
