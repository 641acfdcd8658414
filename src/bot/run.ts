/**
 * Running the bot: long polling (grammY runner) by default, a webhook server when WEBHOOK_URL is set;
 * with REDIS_URL, as one replica of several (cluster/). The command menu is set at start-up. The
 * returned stop (main.ts calls it on SIGINT/SIGTERM) stops fetching, finishes what is in flight,
 * writes the stats, closes the engine and leaves the replicas.
 */

import { createServer, type Server } from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { GrammyError, webhookCallback } from "grammy";
import { type Cluster, openCluster } from "../cluster/index.js";
import type { Config } from "../config.js";
import type { LiveKnowledge } from "../live.js";
import type { Logger } from "../logger.js";
import { openStats } from "../stats.js";
import { chartsInThread } from "../thread/charts.js";
import { openUserHasher, UserKeyError } from "../users.js";
import { createBot } from "./bot.js";
import { createCallbackRegistry } from "./callbacks.js";
import { ADMIN_COMMANDS, PUBLIC_COMMANDS } from "./features/commands.js";

export async function runBot(input: {
  config: Config;
  logger: Logger;
  live: LiveKnowledge;
}): Promise<() => Promise<void>> {
  const { config, logger } = input;
  const startedAt = new Date();
  const mode = config.webhook ? "webhook" : "polling";
  const hashUser = await openUserHasher(config.userHashSecret, config.dataDir).catch((e: unknown) => {
    if (!(e instanceof UserKeyError)) throw e;
    logger.fatal(e.message);
    process.exit(1);
  });
  // With REDIS_URL this process is one replica of several; without, the files under DATA_DIR are its own.
  let cluster: Cluster | undefined;
  const refuse = async (why: string) => {
    logger.fatal(why);
    await cluster?.close().catch(() => {});
    process.exit(1);
  };
  if (config.redis) {
    const botId = config.botToken!.split(":")[0]!;
    const onRefused = (why: string) => void refuse(why);
    const withRedis = { ...config, redis: config.redis };
    const { live } = input;
    cluster = await openCluster({ config: withRedis, logger, live, hashUser, mode, startedAt, botId, onRefused });
  }
  const live = cluster?.live ?? input.live;
  const stats =
    cluster?.stats ??
    (await openStats(config.dataDir, {
      timeZone: config.timeZone,
      hashUser,
      since: startedAt,
      onError: (e) => logger.warn({ err: e }, "stats file"),
    }));
  const charts = chartsInThread();
  const bot = createBot(config.botToken!, {
    config,
    logger,
    live,
    stats,
    hashUser,
    callbacks: createCallbackRegistry(cluster?.records),
    charts,
    now: () => new Date(),
    startedAt,
    ...sharedParts(cluster),
  });

  await initBot(bot, config, logger);
  if (cluster && !config.webhook) {
    const lease = await cluster.claimPolling((why) => void refuse(why));
    if (!lease.ok) await refuse(lease.why);
  }
  await setCommands(bot.api, config, logger);
  const { articles, facts } = live.summary;
  const started = { bot: bot.botInfo.username, mode, replica: config.replicaId };
  logger.info({ ...started, articles: articles.length, facts: facts.length }, "bot started");

  const health = () => ({
    ok: true,
    replica: config.replicaId,
    version: live.summary.version,
    ...(cluster ? cluster.link.health() : {}),
  });
  const server = config.webhook ? await startWebhook(bot, config.webhook, logger, health) : undefined;
  const runner = config.webhook ? undefined : await startPolling(bot, logger);

  return async () => {
    // Stop fetching, then let the updates already taken be answered (the runner's stop does not wait for
    // them).
    await Promise.allSettled([runner?.isRunning() ? runner.stop() : undefined, closeServer(server)]);
    while (runner && runner.size() > 0) await new Promise((r) => setTimeout(r, 20));
    await Promise.allSettled([stats.flush(), live.close(), charts.close()]);
    await cluster?.close();
  };
}

/** What replicas share through Redis, for the bot's features; nothing without a cluster. */
function sharedParts(cluster: Cluster | undefined) {
  if (!cluster) return {};
  const { ledger, limiterStore, replicas, feedback, records } = cluster;
  return { ledger, limiterStore, replicas, feedback, records };
}

/** Checks the token before anything else: a process with a wrong one stops at once, saying so. */
async function initBot(bot: ReturnType<typeof createBot>, config: Config, logger: Logger): Promise<void> {
  try {
    await bot.init();
  } catch (e) {
    if (e instanceof GrammyError && e.error_code === 401) {
      logger.fatal("Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from @BotFather");
    } else logger.fatal({ err: e }, `cannot reach the Bot API at ${config.telegramApiRoot}`);
    process.exit(1);
  }
}

/** Long polling; a second poller of the same bot (409 Conflict) stops this process. */
async function startPolling(bot: ReturnType<typeof createBot>, logger: Logger): Promise<RunnerHandle> {
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { silent: true, maxRetryTime: 24 * 60 * 60 * 1000 } });
  runner.task()?.catch((e: unknown) => {
    if (e instanceof GrammyError && e.error_code === 409) {
      logger.fatal(
        "409 Conflict: another instance is polling with this BOT_TOKEN (or a webhook is set); " +
          "stop it and start again",
      );
    } else logger.fatal({ err: e }, "polling stopped");
    process.exit(1);
  });
  return runner;
}

async function setCommands(api: ReturnType<typeof createBot>["api"], config: Config, logger: Logger): Promise<void> {
  try {
    await api.setMyCommands(PUBLIC_COMMANDS);
    for (const id of config.adminIds) {
      await api
        .setMyCommands([...PUBLIC_COMMANDS, ...ADMIN_COMMANDS], { scope: { type: "chat", chat_id: id } })
        .catch((e: unknown) =>
          logger.warn({ admin: id, err: e }, "admin command menu not set (has the admin started the bot?)"),
        );
    }
  } catch (e) {
    logger.warn({ err: e }, "command menu not set");
  }
}

/**
 * The webhook server. GET /healthz says the bot is alive and answering, with Redis "ok" or "degraded"
 * (answering goes on without it), so a load balancer keeps sending updates to a replica whose Redis is down.
 */
async function startWebhook(
  bot: ReturnType<typeof createBot>,
  webhook: NonNullable<Config["webhook"]>,
  logger: Logger,
  health: () => Record<string, unknown>,
): Promise<Server> {
  const path = new URL(webhook.url).pathname || "/";
  const handle = webhookCallback(bot, "http", {
    secretToken: webhook.secret,
    onTimeout: "return",
    timeoutMilliseconds: 9000,
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(health()));
      return;
    }
    if (req.method === "POST" && url.pathname === path) {
      void handle(req, res).catch((e: unknown) => {
        logger.error({ err: e }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, resolve));
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret });
  logger.info({ port: webhook.port, path }, "webhook listening");
  return server;
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
