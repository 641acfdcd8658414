/**
 * One replica among several, sharing through Redis what one process keeps for itself: stats,
 * unanswered questions and 👍/👎 (stats.ts), rate limits (ratelimit.ts), the updates taken
 * (updates.ts), which replicas are alive (replicas.ts), which knowledge is current
 * (knowledge.ts), and what the bot's buttons point to (records.ts). Answering needs none of it: with
 * Redis down, every part falls back and catches up.
 */
import type { UpdateLedger } from "../bot/once.js";
import type { OpenRecords } from "../bot/records.js";
import type { Config } from "../config.js";
import type { FeedbackStore } from "../feedback.js";
import type { LiveKnowledge } from "../live.js";
import type { Logger } from "../logger.js";
import type { Stats } from "../stats.js";
import type { HashUser } from "../users.js";
import { shareKnowledge } from "./knowledge.js";
import { claimPolling, type PollingLease } from "./polling.js";
import { type LimiterStore, sharedLimiterStore } from "./ratelimit.js";
import { openRedisRecords } from "./records.js";
import { connectRedis, type RedisLink } from "./redis.js";
import { type Replicas, startReplicas } from "./replicas.js";
import { openRedisStats } from "./stats.js";
import { redisLedger } from "./updates.js";

export interface Cluster {
  readonly link: RedisLink;
  readonly stats: Stats;
  /** The 👍/👎 of every replica, what /stats lists. */
  readonly feedback: FeedbackStore;
  readonly ledger: UpdateLedger;
  readonly limiterStore: (windowMs: number) => LimiterStore;
  /** The records buttons point to (answers, previews, confirmations), seen by every replica. */
  readonly records: OpenRecords;
  readonly replicas: Replicas;
  /** The knowledge, its changes told to every replica. */
  readonly live: LiveKnowledge;
  /** Takes the one polling lease, or says why not. */
  claimPolling(onConflict: (why: string) => void): Promise<PollingLease>;
  /** Leaves the list of replicas, writes the buffered stats if Redis is there, disconnects. */
  close(): Promise<void>;
}

export interface ClusterInput {
  readonly config: Config & { readonly redis: NonNullable<Config["redis"]> };
  readonly logger: Logger;
  readonly live: LiveKnowledge;
  readonly hashUser: HashUser;
  readonly mode: "webhook" | "polling";
  readonly startedAt: Date;
  /** The bot's id (BOT_TOKEN's part before ':'): REDIS_PREFIX belongs to one bot. */
  readonly botId: string;
  /** The prefix is another bot's (told when Redis is reached, at start or later): this replica must stop. */
  readonly onRefused: (why: string) => void;
}

/** How long start-up waits for Redis before going on without it. */
const CONNECT_WAIT_MS = 3000;
/** How long shutdown waits for buffered stats to be written. */
const FLUSH_WAIT_MS = 2000;

export async function openCluster(input: ClusterInput): Promise<Cluster> {
  const { config, logger, live } = input;
  const replicaId = config.replicaId;
  const link = connectRedis({
    url: config.redis.url,
    prefix: config.redis.prefix,
    logger,
    name: `xinzhou-bot:${replicaId}`,
    owner: { botId: input.botId, refused: input.onRefused },
  });
  if (!(await link.ready(CONNECT_WAIT_MS))) {
    logger.warn(
      { host: safeHost(config.redis.url) },
      "redis not reachable at start: starting without it, and retrying",
    );
  }
  let shared: LiveKnowledge = live;
  const replicas = startReplicas(link, {
    id: replicaId,
    mode: input.mode,
    startedAt: input.startedAt,
    knowledge: () => ({
      version: shared.summary.version,
      articles: shared.summary.articles.length,
      loadedAt: shared.loadedAt,
    }),
  });
  const sharedKnowledge = shareKnowledge(live, link, replicas, { logger });
  shared = sharedKnowledge;
  const stats = openRedisStats(link, { timeZone: config.timeZone, hashUser: input.hashUser, replicaId, logger });
  let lease: PollingLease | undefined;
  logger.info(
    { replica: replicaId, host: safeHost(config.redis.url), prefix: config.redis.prefix },
    "sharing state through redis",
  );

  return {
    link,
    stats,
    feedback: stats.feedbackStore,
    ledger: redisLedger(link, { replicaId }),
    limiterStore: (windowMs) => sharedLimiterStore(link, windowMs),
    records: openRedisRecords(link),
    replicas,
    live: sharedKnowledge,
    async claimPolling(onConflict) {
      lease = await claimPolling(link, replicas, { onConflict });
      return lease;
    },
    async close() {
      await sharedKnowledge.stop();
      await replicas.stop();
      if (lease?.ok) await lease.stop();
      await Promise.race([stats.flush(), new Promise((r) => setTimeout(r, FLUSH_WAIT_MS).unref())]);
      if (stats.pending) logger.warn({ records: stats.pending }, "stats not written: redis unavailable at shutdown");
      await link.close();
    },
  };
}

/** The URL's host and port, without a password. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "?";
  }
}
