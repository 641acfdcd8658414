/**
 * The grammY bot: createBot(token, deps) wires the features; nothing talks to Telegram until the
 * caller starts it. Order: per-update log line, per-chat ordering, rate limit, error boundary, features.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { fileFeedback } from "../feedback.js";
import type { FetchLimits, Network } from "../import/fetch.js";
import type { HashUser } from "../users.js";
import { createAnswerRegistry } from "./answers.js";
import type { BotContext, BotDeps } from "./context.js";
import { adminFeature } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { commandsFeature } from "./features/commands.js";
import { feedbackFeature } from "./features/feedback.js";
import { inlineFeature } from "./features/inline.js";
import { openFrames } from "./frames.js";
import { memoryLedger, onceOnly } from "./once.js";
import { openMemoryRecords } from "./records.js";

export interface BotOptions {
  /** Known bot info skips getMe (tests). */
  readonly botInfo?: UserFromGetMe;
  /** Messages a user may send in `rateWindowMs` before the bot asks them to slow down. */
  readonly rateLimit?: number;
  readonly rateWindowMs?: number;
  /** How long downloading an uploaded article may take. Default 30 s. */
  readonly downloadTimeoutMs?: number;
  /** Limits on fetching a link an admin sends to import (default 20 s, 5 MB, 5 redirects). */
  readonly fetchLimits?: Partial<FetchLimits>;
  /** How those links are resolved and fetched (tests). Default: the system's resolver and http/https. */
  readonly fetchNetwork?: Network;
}

/** Methods whose text is Telegram HTML unless a call says otherwise (render/telegram.ts escapes what it quotes). */
const HTML_METHODS = new Set(["sendMessage", "editMessageText"]);

export function createBot(token: string, given: BotDeps, options: BotOptions = {}): Bot<BotContext> {
  const onProblem = (e: Error) => given.logger.warn({ err: e }, "feedback file");
  const feedback = given.feedback ?? fileFeedback(given.config.dataDir, { onProblem });
  const answers = given.answers ?? createAnswerRegistry(given.records);
  const frames = given.frames ?? openFrames(given.records ?? openMemoryRecords, given.now);
  const deps: BotDeps = { ...given, feedback, answers, frames };
  const config: BotConfig<BotContext> = {
    client: { apiRoot: deps.config.telegramApiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  };
  const bot = new Bot<BotContext>(token, config);
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false }));
  // Every text the bot sends is HTML: said once here, not at every call.
  bot.api.config.use((prev, method, payload, signal) =>
    prev(
      method,
      HTML_METHODS.has(method) && !("parse_mode" in payload) ? { ...payload, parse_mode: "HTML" } : payload,
      signal,
    ),
  );

  bot.use(async (ctx, next) => {
    const started = performance.now();
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    try {
      await next();
    } finally {
      ctx.log.info(
        {
          chat_type: ctx.chat?.type ?? (ctx.inlineQuery ? "inline" : undefined),
          kind: Object.keys(ctx.update).find((k) => k !== "update_id"),
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(ctx.outcome ? { answered: ctx.outcome.answered } : {}),
        },
        "update",
      );
    }
  });
  // An update Telegram delivers again (to this replica or another) is answered once.
  bot.use(onceOnly(deps.ledger ?? memoryLedger()));
  // Updates of one chat are handled in order; chats run side by side.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const timeFrame = options.rateWindowMs ?? 60_000;
  bot.use(
    limit({
      timeFrame,
      limit: options.rateLimit ?? 30,
      storageClient: deps.limiterStore ? deps.limiterStore(timeFrame) : "MEMORY_STORE",
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        if (ctx.chat?.type !== "private") return;
        await ctx.reply("你问得太快了，请稍等一分钟再问。").catch(() => {});
      },
    }),
  );

  const features = bot.errorBoundary(async (err) => {
    err.ctx.log.error(errorFields(err.error, err.ctx.chat?.id, deps.hashUser), "update failed");
    await err.ctx.reply("抱歉，处理这条消息时出错了，请稍后再试。").catch(() => {});
  });
  features.use(
    adminFeature(deps, feedback, {
      ...(options.downloadTimeoutMs === undefined ? {} : { downloadTimeoutMs: options.downloadTimeoutMs }),
      ...(options.fetchLimits ? { fetchLimits: options.fetchLimits } : {}),
      ...(options.fetchNetwork ? { fetchNetwork: options.fetchNetwork } : {}),
    }),
  );
  features.use(feedbackFeature(deps, feedback, answers));
  features.use(commandsFeature(deps));
  features.use(askFeature(deps));
  features.use(inlineFeature(deps));
  // Anything else (stickers, photos, edits, channel posts, joins) is ignored on purpose.

  bot.catch((err) => {
    const fields = errorFields(err.error, err.ctx.chat?.id, deps.hashUser);
    deps.logger.error({ ...fields, update_id: err.ctx.update.update_id }, "unhandled error");
  });
  return bot;
}

/**
 * What a log line says of an error. A refusal from Telegram (a user who blocked the bot makes them
 * routine) carries the call's payload, with the chat's id and the reply's text, which quotes the
 * question: of it only the method, the code, Telegram's description and the chat's hash are kept.
 */
export function errorFields(error: unknown, chatId: number | undefined, hashUser: HashUser): Record<string, unknown> {
  const chat = chatId === undefined ? {} : { chat: hashUser(chatId) };
  if (error instanceof GrammyError) {
    const { method, error_code, description } = error;
    return { telegram: { method, error_code, description }, ...chat };
  }
  return { err: error, ...chat };
}
