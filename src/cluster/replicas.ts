/**
 * Which replicas are alive, and what each answers from: every replica writes its record (knowledge
 * version, when it started and loaded, how it gets updates) every few seconds with an expiry, and
 * lists the others from a sorted set scored by when each was last seen. A replica that stops writing
 * (killed, cut off) drops out of the list after three missed beats; one that shuts down leaves at once.
 */
import type { RedisLink } from "./redis.js";

export interface ReplicaRecord {
  readonly id: string;
  readonly version: string;
  readonly articles: number;
  readonly startedAt: Date;
  readonly loadedAt: Date;
  readonly mode: "webhook" | "polling";
  readonly seenAt: Date;
}

export interface Replicas {
  readonly self: string;
  /** Writes this replica's record now (after a reload, so that the others see the new version at once). */
  beat(): Promise<void>;
  /** The live replicas, this one first, then by id. Rejects when Redis is down. */
  list(): Promise<ReplicaRecord[]>;
  /** Leaves the list. */
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  readonly id: string;
  readonly mode: "webhook" | "polling";
  readonly startedAt: Date;
  /** What this replica answers from now. */
  readonly knowledge: () => { version: string; articles: number; loadedAt: Date };
  /** How often the record is written. Default 5 s; a replica is gone after three missed beats. */
  readonly intervalMs?: number;
}

export function startReplicas(link: RedisLink, options: ReplicaOptions): Replicas {
  const intervalMs = options.intervalMs ?? 5000;
  const ttlMs = 3 * intervalMs;
  const all = link.key("replicas");
  const record = (id: string) => link.key(`replica:${id}`);

  let stopped = false;
  const beat = async () => {
    if (!link.up || stopped) return;
    const kb = options.knowledge();
    const now = Date.now();
    await link.client
      .multi()
      .hset(record(options.id), {
        version: kb.version,
        articles: kb.articles,
        startedAt: options.startedAt.toISOString(),
        loadedAt: kb.loadedAt.toISOString(),
        mode: options.mode,
        seenAt: new Date(now).toISOString(),
      })
      .pexpire(record(options.id), ttlMs)
      .zadd(all, now, options.id)
      .zremrangebyscore(all, "-inf", now - ttlMs)
      .exec();
  };
  const timer = setInterval(() => void beat().catch(() => {}), intervalMs);
  timer.unref();
  // Back at once after Redis restarts (it may have lost every record).
  link.onUp(() => void beat().catch(() => {}));
  void beat().catch(() => {});

  return {
    self: options.id,
    beat,
    async list() {
      if (!link.up) throw new Error("redis unavailable");
      const ids = await link.client.zrangebyscore(all, Date.now() - ttlMs, "+inf");
      const pipeline = link.client.pipeline();
      for (const id of ids) pipeline.hgetall(record(id));
      const results = (await pipeline.exec()) ?? [];
      const records: ReplicaRecord[] = [];
      for (const [i, id] of ids.entries()) {
        const h = results[i]?.[1] as Record<string, string> | undefined;
        if (!h?.version) continue; // expired between the two reads
        records.push({
          id,
          version: h.version,
          articles: Number(h.articles ?? 0),
          startedAt: new Date(h.startedAt ?? 0),
          loadedAt: new Date(h.loadedAt ?? 0),
          mode: h.mode === "polling" ? "polling" : "webhook",
          seenAt: new Date(h.seenAt ?? 0),
        });
      }
      return records.sort(
        (a, b) => Number(b.id === options.id) - Number(a.id === options.id) || a.id.localeCompare(b.id),
      );
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (!link.up) return;
      await link.client
        .multi()
        .del(record(options.id))
        .zrem(all, options.id)
        .exec()
        .catch(() => {});
    },
  };
}
