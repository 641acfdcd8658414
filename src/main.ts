/**
 * Start-up: config → knowledge → engine → bot or console; signals and shutdown.
 * With no BOT_TOKEN, Telegram is off and a console chat answers from the shipped knowledge base.
 */
import dotenv from "dotenv";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { runConsole } from "./console.js";
import { loadKnowledge } from "./knowledge/load.js";
import { formatProblem } from "./knowledge/types.js";
import { createLogger } from "./logger.js";
import { openEngine } from "./snapshots.js";

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
  const level = consoleChat && !process.env.LOG_LEVEL ? "warn" : config.logLevel;
  const logger = createLogger({ level, pretty: Boolean(process.stderr.isTTY) });

  const loaded = await loadKnowledge(config.knowledgeDir);
  if (!loaded.ok) {
    for (const p of loaded.problems) logger.error(formatProblem(p));
    logger.fatal({ problems: loaded.problems.length }, `knowledge in ${config.knowledgeDir} is invalid; fix it and start again`);
    process.exit(1);
  }
  const { engine, source } = await openEngine(loaded.kb, config.dataDir, (message, details) => logger.warn(details ?? {}, message));
  logger.info({ source, version: loaded.kb.version, ready_ms: Math.round(performance.now()) }, "knowledge ready");

  if (!config.botToken) {
    process.stderr.write(`Telegram is off (no BOT_TOKEN): console chat on ${config.knowledgeDir}, one question a line.\n`);
    await runConsole(engine, { input: process.stdin, output: process.stdout });
    return;
  }
  const { runBot } = await import("./bot/run.js");
  await runBot({ config, logger, engine, knowledge: loaded.kb });
}

await main();
