/**
 * The stats store of replicas, in Redis: the same `Stats` as the files of one process (stats.ts), with
 * every replica's counts, unanswered questions and feedback in one place. Records wait in a bounded
 * buffer and are written in batches (one MULTI per batch); while Redis is down the buffer holds them,
 * past its bound the oldest are dropped with a warning, and they are written once Redis is back.
 *
 * Keys (under REDIS_PREFIX), each capped and expiring:
 * - stats:totals            hash: answered, unanswered, helpful, unhelpful (all time); stats:since
 * - stats:day:<YYYY-MM-DD>  hash: the same for one day in TIME_ZONE; kept 8 days
 * - stats:top:<YYYY-MM-DD>  sorted set: unanswered question → times asked that day; 1,000 kept, 8 days
 * - stats:unanswered        stream: time, question, hashed user, replica; ~10,000 entries, 90 days
 * - stats:feedback          stream: time, question, answer id, verdict, hashed user, replica; the same
 */
import type { Logger } from "../logger.js";
import { MAX_QUESTION_CHARS, dayIn, topOf, type Feedback, type Stats, type StatsSnapshot } from "../stats.js";
import type { HashUser } from "../users.js";
import type { RedisLink } from "./redis.js";

export interface RedisStatsOptions {
  readonly timeZone: string;
  readonly hashUser: HashUser;
  readonly replicaId: string;
  readonly logger: Logger;
  /** Records held while Redis is down; past it the oldest are dropped. Default 10,000. */
  readonly maxPending?: number;
  /** Entries kept in each stream (approximately). Default 10,000. */
  readonly maxEntries?: number;
  /** Distinct unanswered questions counted per day. Default 1,000. */
  readonly maxQuestionsPerDay?: number;
}

type Item =
  | { kind: "question"; question: string; answered: boolean; user?: string; at: Date }
  | { kind: "feedback"; question: string; answerId: string; helpful: boolean; user?: string; at: Date };

interface DayCounts {
  answered: number;
  unanswered: number;
  helpful: number;
  unhelpful: number;
}

const DAY_SECONDS = 24 * 60 * 60;
const DAYS_KEPT = 8;
const STREAM_SECONDS = 90 * DAY_SECONDS;
/** Days in the "most asked unanswered" list of /stats. */
const TOP_DAYS = 7;
const BATCH = 500;

export function openRedisStats(link: RedisLink, options: RedisStatsOptions): Stats {
  const { hashUser, replicaId, logger } = options;
  const maxPending = options.maxPending ?? 10_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxQuestions = options.maxQuestionsPerDay ?? 1000;
  const dayOf = dayIn(options.timeZone);
  const k = {
    totals: link.key("stats:totals"),
    since: link.key("stats:since"),
    day: (d: string) => link.key(`stats:day:${d}`),
    top: (d: string) => link.key(`stats:top:${d}`),
    unanswered: link.key("stats:unanswered"),
    feedback: link.key("stats:feedback"),
  };

  let pending: Item[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;

  const push = (item: Item) => {
    pending.push(item);
    trim();
    schedule();
  };
  /** Keeps the buffer within its bound, dropping the oldest. */
  const trim = () => {
    const over = pending.length - maxPending;
    if (over <= 0) return;
    pending.splice(0, over);
    if (!dropped) logger.warn({ max: maxPending }, "stats buffer full while redis is down: the oldest records are dropped");
    dropped += over;
  };
  /** A short pause gathers a burst into one batch; after a failed batch, a longer one. */
  const schedule = (delayMs = 10) => {
    if (timer || draining || !link.up) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, delayMs);
    timer.unref();
  };

  /** Writes what is buffered, batch after batch, until it is empty or Redis is down. */
  const drain = (): Promise<void> => {
    draining ??= writeAll().then((written) => {
      draining = undefined;
      // Records that came while the last batch was being written, or a batch to try again.
      if (pending.length) schedule(written ? 10 : 1000);
    });
    return draining;
  };
  /** False when a batch failed. */
  const writeAll = async (): Promise<boolean> => {
    while (pending.length && link.up) {
      const batch = pending.splice(0, BATCH);
      try {
        await write(batch);
      } catch (e) {
        // Not written (or not known to be): back to the front, to be tried when Redis is back.
        pending = [...batch, ...pending];
        trim();
        logger.debug({ err: e }, "stats batch not written");
        return false;
      }
    }
    if (!pending.length && dropped) {
      logger.warn({ dropped }, "stats buffer written after redis was down; some records were dropped");
      dropped = 0;
    }
    return true;
  };

  const write = async (batch: Item[]) => {
    const days = new Map<string, DayCounts>();
    const asked = new Map<string, Map<string, number>>();
    const m = link.client.multi();
    for (const item of batch) {
      const day = dayOf(item.at);
      let counts = days.get(day);
      if (!counts) days.set(day, (counts = { answered: 0, unanswered: 0, helpful: 0, unhelpful: 0 }));
      const who = item.user ? ["u", item.user] : [];
      if (item.kind === "question") {
        counts[item.answered ? "answered" : "unanswered"]++;
        if (item.answered || !item.question) continue;
        let perDay = asked.get(day);
        if (!perDay) asked.set(day, (perDay = new Map()));
        perDay.set(item.question, (perDay.get(item.question) ?? 0) + 1);
        m.xadd(k.unanswered, "MAXLEN", "~", maxEntries, "*", "t", item.at.toISOString(), "q", item.question, ...who, "r", replicaId);
      } else {
        counts[item.helpful ? "helpful" : "unhelpful"]++;
        m.xadd(k.feedback, "MAXLEN", "~", maxEntries, "*", "t", item.at.toISOString(), "q", item.question, "a", item.answerId, "v", item.helpful ? "1" : "-1", ...who, "r", replicaId);
      }
    }
    for (const [day, counts] of days) {
      for (const [field, n] of Object.entries(counts)) {
        if (!n) continue;
        m.hincrby(k.totals, field, n);
        m.hincrby(k.day(day), field, n);
      }
      m.expire(k.day(day), DAYS_KEPT * DAY_SECONDS);
    }
    for (const [day, questions] of asked) {
      for (const [question, n] of questions) m.zincrby(k.top(day), n, question);
      // The least asked go first, as in the file store.
      m.zremrangebyrank(k.top(day), 0, -(maxQuestions + 1));
      m.expire(k.top(day), DAYS_KEPT * DAY_SECONDS);
    }
    m.expire(k.unanswered, STREAM_SECONDS).expire(k.feedback, STREAM_SECONDS);
    m.set(k.since, new Date(Math.min(...batch.map((i) => i.at.getTime()))).toISOString(), "NX");
    const results = await m.exec();
    const failed = results?.find(([e]) => e);
    if (!results || failed) throw failed?.[0] ?? new Error("MULTI aborted");
  };

  link.onUp(() => schedule());

  return {
    get pending() {
      return pending.length;
    },
    record(question, answered, userId, at) {
      const q = question.trim().slice(0, MAX_QUESTION_CHARS);
      push({ kind: "question", question: q, answered, ...(userId && !answered ? { user: hashUser(userId) } : {}), at });
    },
    feedback(entry: Feedback) {
      const { question, answerId, helpful, userId, at } = entry;
      push({ kind: "feedback", question: question.trim().slice(0, MAX_QUESTION_CHARS), answerId, helpful, ...(userId ? { user: hashUser(userId) } : {}), at });
    },
    async snapshot(at): Promise<StatsSnapshot> {
      if (!link.up) throw new Error("redis unavailable");
      await drain();
      const today = dayOf(at);
      const lastDays = Array.from({ length: TOP_DAYS }, (_, i) => k.top(dayOf(new Date(at.getTime() - i * DAY_SECONDS * 1000))));
      const [totals, since, day, top] = await Promise.all([
        link.client.hgetall(k.totals),
        link.client.get(k.since),
        link.client.hgetall(k.day(today)),
        link.client.zunion(lastDays.length, ...lastDays, "WITHSCORES"),
      ]);
      const n = (h: Record<string, string>, field: string) => Number(h[field] ?? 0);
      const counts: [string, number][] = [];
      for (let i = 0; i + 1 < top.length; i += 2) counts.push([top[i]!, Number(top[i + 1])]);
      return {
        since: since ? new Date(since) : at,
        scope: "replicas",
        answered: n(totals, "answered"),
        unanswered: n(totals, "unanswered"),
        answeredToday: n(day, "answered"),
        unansweredToday: n(day, "unanswered"),
        helpful: n(totals, "helpful"),
        unhelpful: n(totals, "unhelpful"),
        topUnanswered: topOf(counts, 10),
      };
    },
    async unansweredLog() {
      if (!link.up) throw new Error("redis unavailable");
      await drain();
      const entries = await link.client.xrange(k.unanswered, "-", "+");
      return entries.map(([, fields]) => {
        const f: Record<string, string> = {};
        for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
        return { at: new Date(f.t ?? 0), question: f.q ?? "", ...(f.u ? { user: f.u } : {}) };
      });
    },
    flush: () => drain(),
  };
}
