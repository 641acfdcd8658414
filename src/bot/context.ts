/** The context every feature sees: grammY's, plus the update's logger and what became of it. */
import type { Context } from "grammy";
import type { LimiterStore } from "../cluster/ratelimit.js";
import type { Replicas } from "../cluster/replicas.js";
import type { Config } from "../config.js";
import type { FeedbackStore } from "../feedback.js";
import type { LiveKnowledge } from "../live.js";
import type { Logger } from "../logger.js";
import type { Stats } from "../stats.js";
import type { ChartRenderer } from "../thread/charts.js";
import type { HashUser } from "../users.js";
import type { AnswerRegistry } from "./answers.js";
import type { CallbackRegistry } from "./callbacks.js";
import type { FrameStore } from "./frames.js";
import type { UpdateLedger } from "./once.js";
import type { OpenRecords } from "./records.js";

export interface BotDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly live: LiveKnowledge;
  readonly stats: Stats;
  /** A user id as logs and files may show it. */
  readonly hashUser: HashUser;
  readonly callbacks: CallbackRegistry;
  /** Where the charts of a figure over the years are drawn (a thread of their own: thread/charts.ts). */
  readonly charts: ChartRenderer;
  /** The clock, passed in so that tests can fix it. */
  readonly now: () => Date;
  /** When the process started, for /stats. */
  readonly startedAt: Date;
  /** Which updates were taken already. Default: this process's memory. */
  readonly ledger?: UpdateLedger;
  /** Where the rate limiter counts. Default: this process's memory. */
  readonly limiterStore?: (windowMs: number) => LimiterStore;
  /** With several replicas: the live ones, for /stats. */
  readonly replicas?: Pick<Replicas, "self" | "list">;
  /** Where 👍/👎 are kept; createBot opens DATA_DIR/feedback.jsonl when none is given. */
  readonly feedback?: FeedbackStore;
  /**
   * Where records that buttons point to are kept (answers, previews, confirmations). Default: this
   * process's memory; with REDIS_URL, Redis, so that a button works on every replica.
   */
  readonly records?: OpenRecords;
  /** Answers sent recently, for their 👍/👎 buttons; createBot makes one when none is given. */
  readonly answers?: AnswerRegistry;
  /** Each conversation's last answered question, for follow-ups; createBot makes one on `records` when none is given. */
  readonly frames?: FrameStore;
}

export type BotContext = Context & {
  log: Logger;
  /** Set by the feature that answered a question, for the update's log line. */
  outcome?: { answered: boolean };
};

export function isAdmin(ctx: Context, config: Config): boolean {
  return ctx.from !== undefined && config.adminIds.includes(ctx.from.id);
}
