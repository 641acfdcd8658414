/**
 * Start-up: config → knowledge → engine → bot or console; signals and shutdown.
 * The knowledge and its engine live in a worker thread (thread/host.ts); this thread talks to people.
 * With no BOT_TOKEN, Telegram is off and a console chat answers from the shipped knowledge base.
 */
import dotenv from "dotenv";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { runConsole } from "./console.js";
import { createLiveKnowledge } from "./live.js";
import { createLogger, flushLogs } from "./logger.js";
import { formatProblem } from "./model/knowledge.js";
import { openInThread } from "./thread/host.js";

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4000;
/** How long the last log lines may take to go out. */
const LOG_FLUSH_MS = 1000;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`configuration error: ${e.message}\n`);
    process.exit(1);
  }
  // A person chatting in a terminal wants answers, not start-up logs, unless they asked for a level.
  const consoleChat = !config.botToken && Boolean(process.stdin.isTTY);
  const logLevel = consoleChat && !process.env.LOG_LEVEL ? "warn" : config.logLevel;
  const logger = createLogger({ level: logLevel, pretty: Boolean(process.stderr.isTTY) });

  // Both signals, in every mode, for as long as the process runs. As PID 1 in a container node has no
  // default action for them (docker stop would wait and kill; Ctrl-C would do nothing), and a second
  // signal during shutdown must not kill the bot (exit 143) before the stats are written and the engine closed.
  let stop = async () => {};
  let stopping = false;
  const shutDown = (why: { signal: NodeJS.Signals } | { output: string }) => {
    if (stopping) return void logger.info(why, "already shutting down");
    stopping = true;
    logger.info(why, "shutting down");
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    void stop()
      .catch((e: unknown) => logger.error({ err: e }, "shutdown failed"))
      .finally(async () => {
        logger.info("stopped");
        // The last lines, unless nobody reads them (the logger never blocks, so neither does the exit).
        await flushLogs(logger, LOG_FLUSH_MS);
        process.exit(0);
      });
  };
  process.on("SIGINT", (signal) => shutDown({ signal }));
  process.on("SIGTERM", (signal) => shutDown({ signal }));
  // Replies to a console chat whose reader has gone (a closed pipe): nobody is listening, so stop, as `head` does.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => shutDown({ output: e.code ?? "error" }));

  const open = openInThread({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    timeZone: config.timeZone,
    note: (level, message, details) => logger[level](details ?? {}, message),
  });
  const opened = await open({ build: true });
  if (!opened.ok || !opened.engine) {
    const problems = opened.ok ? [] : opened.problems;
    for (const p of problems) logger.error(formatProblem(p));
    logger.fatal(
      { problems: problems.length },
      `knowledge in ${config.knowledgeDir} is invalid; fix it and start again`,
    );
    process.exit(1);
  }
  logger.info(
    { source: opened.source, version: opened.summary.version, ready_ms: Math.round(performance.now()) },
    "knowledge ready",
  );
  const live = createLiveKnowledge(opened.engine, open);
  stop = () => live.close();

  if (!config.botToken) {
    process.stderr.write(
      `Telegram is off (no BOT_TOKEN): console chat on ${config.knowledgeDir}, one question a line.\n`,
    );
    await runConsole(live, { input: process.stdin, output: process.stdout });
    await live.close();
    return;
  }
  const { runBot } = await import("./bot/run.js");
  stop = await runBot({ config, logger, live });
}

await main();
