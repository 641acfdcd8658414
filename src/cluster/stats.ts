/**
 * The stats store of replicas, in Redis: the same `Stats` as the files of one process (stats.ts), with
 * every replica's counts and unanswered questions in one place, and the 👍/👎 store (feedback.ts) that
 * /stats reads. Records wait in a bounded buffer and are written in batches, each applied at most once
 * (batch.ts): a batch whose reply was lost is sent again under its id, and Redis skips it if it had it.
 * While Redis is down the buffer holds them, past its bound the oldest are dropped with a warning, and
 * they are written once Redis is back.
 *
 * Keys (under REDIS_PREFIX), each capped and expiring:
 * - stats:totals            hash: answered, unanswered, helpful, unhelpful (all time); stats:since
 * - stats:day:<YYYY-MM-DD>  hash: the same for one day in TIME_ZONE; kept 8 days
 * - stats:top:<YYYY-MM-DD>  sorted set: unanswered question → times asked that day; 1,000 kept, 8 days
 * - stats:unanswered        stream: time, question, hashed user, replica; ~10,000 entries, 90 days
 * - feedback                stream: time, vote, article; for a 👎 the question, answer and hashed user; the same
 * - stats:batch:<id>        the guard of a batch written, an hour
 */
import { randomUUID } from "node:crypto";
import { type FeedbackEntry, type FeedbackStore, feedbackLine, parseFeedback } from "../feedback.js";
import type { Logger } from "../logger.js";
import { dayIn, type Feedback, MAX_QUESTION_CHARS, type Stats, type StatsSnapshot, topOf } from "../stats.js";
import type { HashUser } from "../users.js";
import { applyOnce, type Write, worthRetrying } from "./batch.js";
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
  | { kind: "vote"; helpful: boolean; at: Date }
  | { kind: "feedback"; entry: FeedbackEntry };

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

/** The stats of every replica, and the store of 👍/👎 that /stats reads (the same buffer and batches). */
export interface RedisStats extends Stats {
  readonly feedbackStore: FeedbackStore;
}

export function openRedisStats(link: RedisLink, options: RedisStatsOptions): RedisStats {
  const { hashUser } = options;
  const layout: StatsLayout = {
    keys: keysOf(link),
    dayOf: dayIn(options.timeZone),
    replicaId: options.replicaId,
    maxEntries: options.maxEntries ?? 10_000,
    maxQuestions: options.maxQuestionsPerDay ?? 1000,
  };
  const k = layout.keys;
  const buffer = new StatsBuffer(link, layout, options.logger, options.maxPending ?? 10_000);
  /** Before a read: what is buffered is written first, so that the read sees it. */
  const current = async () => {
    if (!link.up) throw new Error("redis unavailable");
    await buffer.drain();
  };

  return {
    get pending() {
      return buffer.waiting;
    },
    record(question, answered, userId, at) {
      const q = question.trim().slice(0, MAX_QUESTION_CHARS);
      const who = userId && !answered ? { user: hashUser(userId) } : {};
      buffer.push({ kind: "question", question: q, answered, ...who, at });
    },
    feedback({ helpful, at }: Feedback) {
      buffer.push({ kind: "vote", helpful, at });
    },
    feedbackStore: {
      async record(entry) {
        buffer.push({ kind: "feedback", entry });
      },
      async list() {
        await current();
        return (await link.client.xrange(k.feedback, "-", "+")).flatMap(([, fields]) => {
          const entry = parseFeedback(fieldsOf(fields));
          return entry ? [entry] : [];
        });
      },
    },
    async snapshot(at): Promise<StatsSnapshot> {
      await current();
      return readSnapshot(link, layout, at);
    },
    async unansweredLog() {
      await current();
      const entries = await link.client.xrange(k.unanswered, "-", "+");
      return entries.map(([, fields]) => {
        const f = fieldsOf(fields);
        return { at: new Date(f.t ?? 0), question: f.q ?? "", ...(f.u ? { user: f.u } : {}) };
      });
    },
    flush: () => buffer.drain(),
  };
}

/** The keys of the list at the top of this file, under REDIS_PREFIX. */
function keysOf(link: RedisLink) {
  return {
    totals: link.key("stats:totals"),
    since: link.key("stats:since"),
    day: (d: string) => link.key(`stats:day:${d}`),
    top: (d: string) => link.key(`stats:top:${d}`),
    unanswered: link.key("stats:unanswered"),
    feedback: link.key("feedback"),
    batch: (id: string) => link.key(`stats:batch:${id}`),
  };
}

/** Where the stats are in Redis and how much of them is kept. */
interface StatsLayout {
  readonly keys: ReturnType<typeof keysOf>;
  readonly dayOf: (at: Date) => string;
  readonly replicaId: string;
  readonly maxEntries: number;
  readonly maxQuestions: number;
}

/** Records waiting to be written, in batches; within `maxPending` while Redis is down. */
class StatsBuffer {
  private readonly pending: Item[] = [];
  /** The batch being written, or sent without a known outcome: sent again as it is, under the same id. */
  private held: { id: string; items: Item[] } | undefined;
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly link: RedisLink,
    private readonly layout: StatsLayout,
    private readonly logger: Logger,
    private readonly maxPending: number,
  ) {
    link.onUp(() => this.schedule());
  }

  get waiting(): number {
    return this.pending.length + (this.held?.items.length ?? 0);
  }

  push(item: Item): void {
    this.pending.push(item);
    this.trim();
    this.schedule();
  }

  /** Keeps the buffer within its bound, dropping the oldest not yet sent. */
  private trim(): void {
    const over = Math.min(this.waiting - this.maxPending, this.pending.length);
    if (over <= 0) return;
    this.pending.splice(0, over);
    if (!this.dropped) {
      this.logger.warn(
        { max: this.maxPending },
        "stats buffer full while redis is down: the oldest records are dropped",
      );
    }
    this.dropped += over;
  }

  /** A short pause gathers a burst into one batch; after a failed batch, a longer one. */
  private schedule(delayMs = 10): void {
    if (this.timer || this.draining || !this.link.up) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  /** Writes what is buffered, batch after batch, until it is empty or Redis is down. */
  drain(): Promise<void> {
    this.draining ??= this.writeAll().then((written) => {
      this.draining = undefined;
      // Records that came while the last batch was being written, or a batch to try again.
      if (this.waiting) this.schedule(written ? 10 : 1000);
    });
    return this.draining;
  }

  /** False when a batch is to be sent again. */
  private async writeAll(): Promise<boolean> {
    const { link, logger } = this;
    while (this.waiting && link.up) {
      this.held ??= { id: randomUUID(), items: this.pending.splice(0, BATCH) };
      const held = this.held;
      const writes = writesOf(held.items, this.layout);
      try {
        const result = await applyOnce(link, this.layout.keys.batch(held.id), writes);
        if (result.failed) {
          const { failed, error } = result;
          logger.warn(
            { failed, writes: writes.length, error },
            "stats batch written in part: the refused writes dropped",
          );
        }
      } catch (e) {
        // The message only: ioredis puts the command's arguments (the batch, questions and all) on its errors.
        const error = String((e as Error).message).slice(0, 200);
        if (worthRetrying(e)) {
          logger.debug({ error }, "stats batch not known to be written: it is sent again");
          return false;
        }
        logger.warn({ error, records: held.items.length }, "stats batch refused by redis: dropped");
      }
      this.held = undefined;
    }
    if (!this.waiting && this.dropped) {
      logger.warn({ dropped: this.dropped }, "stats buffer written after redis was down; some records were dropped");
      this.dropped = 0;
    }
    return true;
  }
}

/** The writes of a batch: counts summed per day, one stream entry per record kept. */
function writesOf(batch: readonly Item[], layout: StatsLayout): Write[] {
  const { keys: k, dayOf, replicaId, maxEntries, maxQuestions } = layout;
  const writes: Write[] = [];
  const days = new Map<string, DayCounts>();
  const asked = new Map<string, Map<string, number>>();
  const countIn = (at: Date) => {
    const day = dayOf(at);
    let counts = days.get(day);
    if (!counts) {
      counts = { answered: 0, unanswered: 0, helpful: 0, unhelpful: 0 };
      days.set(day, counts);
    }
    return counts;
  };
  const add = (key: string, ...fields: (string | undefined)[]) =>
    writes.push(["XADD", key, "MAXLEN", "~", String(maxEntries), "*", ...pairs(fields)]);
  for (const item of batch) {
    if (item.kind === "feedback") {
      const l = feedbackLine(item.entry);
      add(k.feedback, "t", l.t, "v", l.v, "a", l.a, "q", l.q, "r", l.r, "u", l.u, "replica", replicaId);
      continue;
    }
    const counts = countIn(item.at);
    if (item.kind === "vote") {
      counts[item.helpful ? "helpful" : "unhelpful"]++;
      continue;
    }
    counts[item.answered ? "answered" : "unanswered"]++;
    if (item.answered || !item.question) continue;
    const day = dayOf(item.at);
    let perDay = asked.get(day);
    if (!perDay) {
      perDay = new Map();
      asked.set(day, perDay);
    }
    perDay.set(item.question, (perDay.get(item.question) ?? 0) + 1);
    add(k.unanswered, "t", item.at.toISOString(), "q", item.question, "u", item.user, "r", replicaId);
  }
  for (const [day, counts] of days) {
    for (const [field, n] of Object.entries(counts)) {
      if (!n) continue;
      writes.push(["HINCRBY", k.totals, field, String(n)], ["HINCRBY", k.day(day), field, String(n)]);
    }
    writes.push(["EXPIRE", k.day(day), String(DAYS_KEPT * DAY_SECONDS)]);
  }
  for (const [day, questions] of asked) {
    for (const [question, n] of questions) writes.push(["ZINCRBY", k.top(day), String(n), question]);
    // The least asked go first, as in the file store.
    writes.push(["ZREMRANGEBYRANK", k.top(day), "0", String(-(maxQuestions + 1))]);
    writes.push(["EXPIRE", k.top(day), String(DAYS_KEPT * DAY_SECONDS)]);
  }
  writes.push(["EXPIRE", k.unanswered, String(STREAM_SECONDS)], ["EXPIRE", k.feedback, String(STREAM_SECONDS)]);
  const first = Math.min(...batch.map((i) => (i.kind === "feedback" ? i.entry.at : i.at).getTime()));
  writes.push(["SET", k.since, new Date(first).toISOString(), "NX"]);
  return writes;
}

/** The counts of every replica as of `at`, and the most asked unanswered questions of the last days. */
async function readSnapshot(link: RedisLink, layout: StatsLayout, at: Date): Promise<StatsSnapshot> {
  const { keys: k, dayOf } = layout;
  const today = dayOf(at);
  const daysBack = (i: number) => dayOf(new Date(at.getTime() - i * DAY_SECONDS * 1000));
  const lastDays = Array.from({ length: TOP_DAYS }, (_, i) => k.top(daysBack(i)));
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
}

/** A stream entry's fields (name, value, name, value…) as an object. */
function fieldsOf(fields: string[]): Record<string, string> {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  return f;
}

/** Name, value pairs without the values that are absent. */
function pairs(fields: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i + 1] !== undefined) out.push(fields[i]!, fields[i + 1]!);
  return out;
}
