/**
 * One knowledge version on every replica. The replicas read one knowledge folder (a volume they all
 * mount); when one of them changes it or reloads it (/reload, an upload, kb:import), it publishes the
 * version it reached, and every other replica reloads the folder. The version is also kept in a key,
 * which each replica checks every few seconds and whenever Redis comes back, so a replica that missed
 * the message (it was restarting, Redis was down) still catches up. Writes to the folder hold a lock
 * in Redis, so two admins on two replicas take turns as they do on one.
 */
import type { Logger } from "../logger.js";
import { KnowledgeBusy, type LiveKnowledge, type ReloadResult, type Spread } from "../live.js";
import { withLock } from "./lock.js";
import type { RedisLink } from "./redis.js";
import type { Replicas } from "./replicas.js";

export interface SharedKnowledgeOptions {
  readonly logger: Logger;
  /** How long a change waits for the other replicas to reach its version before reporting. Default 30 s. */
  readonly convergeMs?: number;
  /** How often the announced version is checked (for a missed message). Default 5 s. */
  readonly checkMs?: number;
  /** How long a change waits for another replica's change to the folder. Default 30 s. */
  readonly lockWaitMs?: number;
}

interface Announcement {
  readonly from: string;
  readonly version: string;
}

/** Names in Redis, for the command-line tools that change the folder too (kb:import). */
export const KNOWLEDGE_CHANNEL = "knowledge";
export const KNOWLEDGE_VERSION_KEY = "knowledge:version";
export const KNOWLEDGE_LOCK = "knowledge";

/** Says to every replica that the folder now reads as `version` (the key first, for those that miss the message). */
export async function announceVersion(link: RedisLink, from: string, version: string): Promise<void> {
  const message: Announcement = { from, version };
  const results = await link.client
    .multi()
    .set(link.key(KNOWLEDGE_VERSION_KEY), version)
    .publish(link.key(KNOWLEDGE_CHANNEL), JSON.stringify(message))
    .exec();
  const failed = results?.find(([e]) => e);
  if (!results || failed) throw failed?.[0] ?? new Error("MULTI aborted");
}

export function shareKnowledge(
  live: LiveKnowledge,
  link: RedisLink,
  replicas: Replicas,
  options: SharedKnowledgeOptions,
): LiveKnowledge & { stop(): Promise<void> } {
  const { logger } = options;
  const self = replicas.self;
  const convergeMs = options.convergeMs ?? 30_000;
  /** The version last announced by anyone, as far as this replica knows. */
  let lastAnnounced: string | undefined;
  /** A version this replica reached while Redis was down: announced when it is back. */
  let unannounced: string | undefined;
  let stopped = false;

  /** Another replica reached `version`: read the folder, unless this one answers from it already. */
  const follow = async (version: string, from: string) => {
    lastAnnounced = version;
    if (version === live.summary.version || stopped) return;
    logger.info({ from, version }, "knowledge changed on another replica; reloading");
    const result = await live.reload();
    if (result.ok) {
      logger.info({ version: result.version, ms: result.ms, ...(result.version === version ? {} : { announced: version }) }, "reload");
    } else {
      logger.error({ problems: result.problems.length, announced: version }, "reload asked by another replica failed; the old knowledge stays");
    }
    await replicas.beat().catch(() => {});
  };

  const subscriber = link.subscriber();
  const channel = link.key(KNOWLEDGE_CHANNEL);
  subscriber.subscribe(channel).catch((e: unknown) => logger.warn({ err: e }, "knowledge channel not subscribed"));
  subscriber.on("message", (from: string, text: string) => {
    if (from !== channel) return;
    let message: Announcement;
    try {
      message = JSON.parse(text) as Announcement;
    } catch {
      return;
    }
    if (message.from === self || typeof message.version !== "string") return;
    void follow(message.version, message.from);
  });

  /** The announced version, for a message this replica missed. */
  const check = async () => {
    if (!link.up || stopped) return;
    if (unannounced) {
      const version = unannounced;
      unannounced = undefined;
      await publish(version);
    }
    const version = await link.client.get(link.key(KNOWLEDGE_VERSION_KEY)).catch(() => null);
    if (version && version !== lastAnnounced) await follow(version, "the announced version");
  };
  // What was announced before this replica started is what it read from the folder at start.
  void link
    .ready(2000)
    .then(async (up) => {
      if (up) lastAnnounced ??= (await link.client.get(link.key(KNOWLEDGE_VERSION_KEY)).catch(() => null)) ?? undefined;
    })
    .finally(() => {
      link.onUp(() => void check());
    });
  const timer = setInterval(() => void check(), options.checkMs ?? 5000);
  timer.unref();

  /** Tells the others; false when Redis is down (then it is told when Redis is back). */
  const publish = async (version: string): Promise<boolean> => {
    try {
      if (!link.up) throw new Error("redis unavailable");
      await announceVersion(link, self, version);
      lastAnnounced = version;
      return true;
    } catch (e) {
      logger.warn({ err: e, version }, "knowledge change not announced to the other replicas yet (redis unavailable); it will be when redis is back");
      unannounced = version;
      return false;
    }
  };

  /** Waits until every live replica answers from `version`, or `convergeMs`. */
  const converge = async (version: string): Promise<Spread> => {
    await replicas.beat().catch(() => {});
    const until = Date.now() + convergeMs;
    for (;;) {
      const list = await replicas.list().catch(() => undefined);
      if (!list) return { ok: false, reason: "unavailable" };
      if (list.every((r) => r.version === version) || Date.now() >= until) {
        return { ok: true, replicas: list.map(({ id, version: v }) => ({ id, version: v })) };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const spread = async (result: ReloadResult, published: boolean): Promise<ReloadResult> => {
    if (!result.ok) return result;
    return { ...result, spread: published ? await converge(result.version) : { ok: false, reason: "unavailable" } };
  };

  /**
   * A change of the shared folder: under the replicas' lock, and announced before the lock is let go, so the
   * next writer's version is announced after this one. Throws KnowledgeBusy when the lock cannot be had.
   */
  const underLock = async <T>(change: () => Promise<{ value: T; version: string | undefined }>): Promise<{ value: T; published: boolean }> => {
    let published = false;
    const locked = await withLock(
      link,
      KNOWLEDGE_LOCK,
      {
        owner: self,
        ...(options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs }),
        onLost: () => logger.warn("the knowledge lock expired while this replica held it (was redis down?)"),
      },
      async () => {
        const { value, version } = await change();
        if (version) published = await publish(version);
        return value;
      },
    );
    if (!locked.ok) throw new KnowledgeBusy(locked.reason, locked.reason === "busy" ? locked.holder : undefined);
    return { value: locked.value, published };
  };

  return {
    get summary() {
      return live.summary;
    },
    get examples() {
      return live.examples;
    },
    get loadedAt() {
      return live.loadedAt;
    },
    ask: (question, now) => live.ask(question, now),
    askMany: (question, now, limit) => live.askMany(question, now, limit),
    async reload() {
      const result = await live.reload();
      return spread(result, result.ok && (await publish(result.version)));
    },
    async add(files, write) {
      const { value, published } = await underLock(async () => {
        const added = await live.add(files, write);
        return { value: added, version: added.reloaded?.ok ? added.reloaded.version : undefined };
      });
      const { checked, reloaded } = value;
      return reloaded ? { checked, reloaded: await spread(reloaded, published) } : { checked };
    },
    async change(write, undo) {
      // A removal is a write like any other: under the replicas' lock, then announced.
      const { value, published } = await underLock(async () => {
        const result = await live.change(write, undo);
        return { value: result, version: result.ok ? result.version : undefined };
      });
      return value.ok ? spread(value, published) : value;
    },
    close: () => live.close(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}
