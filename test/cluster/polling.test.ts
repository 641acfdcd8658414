/**
 * Long polling with REDIS_URL, as an operator might start it by mistake on two hosts: the first
 * replica polls, the second refuses to start with one clear line (instead of both failing with
 * Telegram's 409 Conflict), and the first goes on answering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { SHIPPED, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";
import { RedisServer } from "../helpers/redis.js";
import { startBotProcess, stopBotProcesses } from "../helpers/replica.js";

let redis: RedisServer;
let api: FakeBotApi;

beforeAll(async () => {
  redis = await RedisServer.start();
  api = await new FakeBotApi().start();
});

afterAll(async () => {
  await stopBotProcesses();
  await api?.stop();
  await redis?.stop();
  removeKnowledgeDirs();
});

const env = (id: string) => ({
  BOT_TOKEN: api.token,
  TELEGRAM_API_ROOT: api.apiRoot,
  KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
  DATA_DIR: knowledgeDir(),
  REDIS_URL: redis.url,
  REPLICA_ID: id,
  USER_HASH_SECRET: "a-secret-every-replica-shares",
});

describe("long polling with REDIS_URL", () => {
  it("is refused to a second replica with one clear line, while the first goes on answering", async () => {
    const first = startBotProcess(env("poller-1"));
    await first.logged('"msg":"bot started"');
    await api.waitForCall((c) => c.method === "getUpdates", 20_000);

    const second = startBotProcess(env("poller-2"));
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain("long polling refused: replica poller-1 already polls for this bot");
    expect(second.output()).toContain("set WEBHOOK_URL to run several replicas");
    expect(second.output()).not.toContain(api.token);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);

    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === 5);
    api.push(updates.privateText(5, "忻州市长是谁"));
    expect((await reply).params.text).toContain("李建国");
    expect(first.alive()).toBe(true);
  }, 45_000);
});
