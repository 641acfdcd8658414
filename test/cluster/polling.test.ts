/**
 * Long polling with REDIS_URL, as an operator might start it by mistake on two hosts: the first
 * replica polls, the second refuses to start with one clear line (instead of both failing with
 * Telegram's 409 Conflict), and the first goes on answering. And two bots (two tokens) on one Redis:
 * the second is refused the first one's prefix, and runs beside it under a prefix of its own.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";
import { RedisServer } from "../helpers/redis.js";
import { startBotProcess, stopBotProcesses } from "../helpers/replica.js";

let redis: RedisServer;
let api: FakeBotApi;
/** A second bot, with a token of its own. */
let other: FakeBotApi;

beforeAll(async () => {
  redis = await RedisServer.start();
  api = await new FakeBotApi().start();
  other = await new FakeBotApi("234567:OTHER-token-abcdefghijklmnopqrstuvwxyz").start();
});

afterAll(async () => {
  await stopBotProcesses();
  await api?.stop();
  await other?.stop();
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

describe("two bots on one Redis", () => {
  it("refuses the second bot the first one's prefix with one clear line, and runs it beside the first under its own", async () => {
    // The first bot polls already (above) under the default prefix.
    const otherEnv = { ...env("other-1"), BOT_TOKEN: other.token, TELEGRAM_API_ROOT: other.apiRoot };
    const refused = startBotProcess(otherEnv);
    expect((await refused.exited).code).toBe(1);
    const line = 'REDIS_PREFIX \\"xinzhou:\\" on this Redis belongs to bot 123456, and this is bot 234567';
    expect(refused.output()).toContain(line);
    expect(refused.output()).toContain("REDIS_PREFIX=xinzhou:234567:");
    expect(refused.output()).not.toContain("long polling refused");
    expect(refused.output()).not.toContain("OTHER-token");
    // Nothing of it was written under the first bot's prefix.
    const client = new Redis(redis.url);
    try {
      expect(await client.keys("xinzhou:*other-1*")).toEqual([]);
      expect(await client.zrange("xinzhou:replicas", "0", "-1")).not.toContain("other-1");
    } finally {
      client.disconnect();
    }

    const own = startBotProcess({ ...otherEnv, REPLICA_ID: "other-2", REDIS_PREFIX: "xinzhou:234567:" });
    await own.logged('"msg":"bot started"');
    const reply = other.nextCall("sendMessage", (c) => c.params.chat_id === 6);
    other.push(updates.privateText(6, "忻州市长是谁"));
    expect((await reply).params.text).toContain("李建国");
    const first = api.nextCall("sendMessage", (c) => c.params.chat_id === 5);
    api.push(updates.privateText(5, "忻州市长是谁"));
    expect((await first).params.text).toContain("李建国");
  }, 45_000);
});
