/**
 * One knowledge version on every replica. The replicas read one knowledge folder (a volume they all
 * mount); when one of them changes it or reloads it (/reload, an upload, kb:import), it publishes the
 * version it reached, and every other replica reloads the folder. The version is also kept in a key,
 * which each replica checks every few seconds and whenever Redis comes back, so a replica that missed
 * the message (it was restarting, Redis was down) still catches up. Writes to the folder hold a lock
 * in Redis, so two admins on two replicas take turns as they do on one.
 */

import { KnowledgeBusy, type LiveKnowledge, type ReloadResult, type Spread } from "../live.js";
import type { Logger } from "../logger.js";
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
  return new SharedKnowledge(live, link, replicas, options);
}

/** The replica's live knowledge, kept at the version the replicas announce to each other. */
class SharedKnowledge implements LiveKnowledge {
  /** The version last announced by anyone, as far as this replica knows. */
  private lastAnnounced: string | undefined;
  /** A version this replica reached while Redis was down: announced when it is back. */
  private unannounced: string | undefined;
  private stopped = false;
  private readonly subscriber: ReturnType<RedisLink["subscriber"]>;
  private readonly channel: string;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly live: LiveKnowledge,
    private readonly link: RedisLink,
    private readonly replicas: Replicas,
    private readonly options: SharedKnowledgeOptions,
  ) {
    this.subscriber = link.subscriber();
    this.channel = link.key(KNOWLEDGE_CHANNEL);
    this.subscriber
      .subscribe(this.channel)
      .catch((e: unknown) => options.logger.warn({ err: e }, "knowledge channel not subscribed"));
    this.subscriber.on("message", (from: string, text: string) => this.heard(from, text));
    // What was announced before this replica started is what it read from the folder at start.
    void link
      .ready(2000)
      .then(async (up) => {
        if (up) this.lastAnnounced ??= (await this.announced()) ?? undefined;
      })
      .finally(() => link.onUp(() => void this.check()));
    this.timer = setInterval(() => void this.check(), options.checkMs ?? 5000);
    this.timer.unref();
  }

  get summary() {
    return this.live.summary;
  }

  get examples() {
    return this.live.examples;
  }

  get loadedAt() {
    return this.live.loadedAt;
  }

  ask(question: string, now: Date) {
    return this.live.ask(question, now);
  }

  askMany(question: string, now: Date, limit: number) {
    return this.live.askMany(question, now, limit);
  }

  async reload() {
    const result = await this.live.reload();
    return this.spread(result, result.ok && (await this.publish(result.version)));
  }

  async add(...args: Parameters<LiveKnowledge["add"]>) {
    const { value, published } = await this.underLock(async () => {
      const added = await this.live.add(...args);
      return { value: added, version: added.reloaded?.ok ? added.reloaded.version : undefined };
    });
    const { checked, reloaded } = value;
    return reloaded ? { checked, reloaded: await this.spread(reloaded, published) } : { checked };
  }

  async change(...args: Parameters<LiveKnowledge["change"]>) {
    // A removal is a write like any other: under the replicas' lock, then announced.
    const { value, published } = await this.underLock(async () => {
      const result = await this.live.change(...args);
      return { value: result, version: result.ok ? result.version : undefined };
    });
    return value.ok ? this.spread(value, published) : value;
  }

  close() {
    return this.live.close();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.subscriber.unsubscribe(this.channel).catch(() => {});
  }

  private announced(): Promise<string | null> {
    return this.link.client.get(this.link.key(KNOWLEDGE_VERSION_KEY)).catch(() => null);
  }

  /** A message on the knowledge channel: another replica's version. */
  private heard(from: string, text: string): void {
    if (from !== this.channel) return;
    let message: Announcement;
    try {
      message = JSON.parse(text) as Announcement;
    } catch {
      return;
    }
    if (message.from === this.replicas.self || typeof message.version !== "string") return;
    void this.follow(message.version, message.from);
  }

  /** Another replica reached `version`: read the folder, unless this one answers from it already. */
  private async follow(version: string, from: string): Promise<void> {
    const { logger } = this.options;
    this.lastAnnounced = version;
    if (version === this.live.summary.version || this.stopped) return;
    logger.info({ from, version }, "knowledge changed on another replica; reloading");
    const result = await this.live.reload();
    if (result.ok) {
      const announced = result.version === version ? {} : { announced: version };
      logger.info({ version: result.version, ms: result.ms, ...announced }, "reload");
    } else {
      const failed = { problems: result.problems.length, announced: version };
      logger.error(failed, "reload asked by another replica failed; the old knowledge stays");
    }
    await this.replicas.beat().catch(() => {});
  }

  /** The announced version, for a message this replica missed. */
  private async check(): Promise<void> {
    if (!this.link.up || this.stopped) return;
    if (this.unannounced) {
      const version = this.unannounced;
      this.unannounced = undefined;
      await this.publish(version);
    }
    const version = await this.announced();
    if (version && version !== this.lastAnnounced) await this.follow(version, "the announced version");
  }

  /** Tells the others; false when Redis is down (then it is told when Redis is back). */
  private async publish(version: string): Promise<boolean> {
    try {
      if (!this.link.up) throw new Error("redis unavailable");
      await announceVersion(this.link, this.replicas.self, version);
      this.lastAnnounced = version;
      return true;
    } catch (e) {
      const why =
        "knowledge change not announced to the other replicas yet (redis unavailable); it will be when redis is back";
      this.options.logger.warn({ err: e, version }, why);
      this.unannounced = version;
      return false;
    }
  }

  /** Waits until every live replica answers from `version`, or `convergeMs`. */
  private async converge(version: string): Promise<Spread> {
    await this.replicas.beat().catch(() => {});
    const until = Date.now() + (this.options.convergeMs ?? 30_000);
    for (;;) {
      const list = await this.replicas.list().catch(() => undefined);
      if (!list) return { ok: false, reason: "unavailable" };
      if (list.every((r) => r.version === version) || Date.now() >= until) {
        return { ok: true, replicas: list.map(({ id, version: v }) => ({ id, version: v })) };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async spread(result: ReloadResult, published: boolean): Promise<ReloadResult> {
    if (!result.ok) return result;
    return {
      ...result,
      spread: published ? await this.converge(result.version) : { ok: false, reason: "unavailable" },
    };
  }

  /**
   * A change of the shared folder: under the replicas' lock, and announced before the lock is let go, so the
   * next writer's version is announced after this one. Throws KnowledgeBusy when the lock cannot be had.
   */
  private async underLock<T>(change: () => Promise<{ value: T; version: string | undefined }>) {
    let published = false;
    const { logger, lockWaitMs } = this.options;
    const lock = {
      owner: this.replicas.self,
      ...(lockWaitMs === undefined ? {} : { waitMs: lockWaitMs }),
      onLost: () => logger.warn("the knowledge lock expired while this replica held it (was redis down?)"),
    };
    const locked = await withLock(this.link, KNOWLEDGE_LOCK, lock, async () => {
      const { value, version } = await change();
      if (version) published = await this.publish(version);
      return value;
    });
    if (!locked.ok) throw new KnowledgeBusy(locked.reason, locked.reason === "busy" ? locked.holder : undefined);
    return { value: locked.value, published };
  }
}
