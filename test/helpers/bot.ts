/**
 * The real grammY bot, in process, as main.ts and bot/run.ts put it together (the engine in its worker
 * thread, stats and user hashes under DATA_DIR), polling the stand-in Bot API server.
 */
import { type RunnerHandle, run } from "@grammyjs/runner";
import pino from "pino";
import { type BotOptions, createBot } from "../../src/bot/bot.js";
import { createCallbackRegistry } from "../../src/bot/callbacks.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createLiveKnowledge, type LiveKnowledge } from "../../src/live.js";
import { openStats, type Stats } from "../../src/stats.js";
import { chartsInThread } from "../../src/thread/charts.js";
import { openInThread, type ThreadOptions } from "../../src/thread/host.js";
import { type HashUser, openUserHasher } from "../../src/users.js";
import { FakeBotApi } from "./bot-api.js";
import { NOW } from "./engine.js";
import { knowledgeDir, SHIPPED } from "./knowledge.js";

export interface TestBot {
  readonly api: FakeBotApi;
  readonly config: Config;
  readonly live: LiveKnowledge;
  readonly stats: Stats;
  readonly hashUser: HashUser;
  /** Every log line, as JSON text. */
  readonly logLines: string[];
  /** The engine thread's notes, as "level: message". */
  readonly notes: string[];
  stop(): Promise<void>;
}

export async function startTestBot(
  options: {
    env?: Record<string, string>;
    thread?: Partial<ThreadOptions>;
    bot?: BotOptions;
    now?: () => Date;
    logLevel?: string;
  } = {},
): Promise<TestBot> {
  const api = await new FakeBotApi().start();
  const config = loadConfig({
    BOT_TOKEN: api.token,
    KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
    DATA_DIR: knowledgeDir(),
    TELEGRAM_API_ROOT: api.apiRoot,
    ...options.env,
  });
  const notes: string[] = [];
  const open = openInThread({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    timeZone: config.timeZone,
    note: (level, message) => void notes.push(`${level}: ${message}`),
    ...options.thread,
  });
  const opened = await open({ build: true });
  if (!opened.ok || !opened.engine) throw new Error("shipped knowledge invalid");
  const live = createLiveKnowledge(opened.engine, open);
  const logLines: string[] = [];
  const logger = pino({ level: options.logLevel ?? "info" }, { write: (line: string) => void logLines.push(line) });
  const hashUser = await openUserHasher(config.userHashSecret, config.dataDir);
  const stats = await openStats(config.dataDir, { timeZone: config.timeZone, hashUser });
  const now = options.now ?? (() => NOW);
  const charts = chartsInThread();
  const bot = createBot(
    api.token,
    { config, logger, live, stats, hashUser, callbacks: createCallbackRegistry(), charts, now, startedAt: now() },
    options.bot,
  );
  const runner: RunnerHandle = run(bot, { runner: { silent: true, retryInterval: 50 } });
  return {
    api,
    config,
    live,
    stats,
    hashUser,
    logLines,
    notes,
    async stop() {
      await runner.stop();
      await live.close();
      await charts.close();
      await api.stop();
    },
  };
}
