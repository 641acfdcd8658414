/**
 * The bot with an engine worker that hangs on a question (test/helpers/faulty-worker.ts): a reload
 * meanwhile lets the old worker go, the user hears that something went wrong, and the chat goes on.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { updates } from "../helpers/bot-api.js";
import { article, GOOD, removeKnowledgeDirs } from "../helpers/knowledge.js";

const ADMIN = 42;
const USER = 7;

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({
    env: { ADMIN_IDS: String(ADMIN) },
    // Only the question's own timeout can free it: the worker is not taken for stuck within the test.
    thread: {
      script: new URL("../helpers/faulty-worker.ts", import.meta.url),
      askTimeoutMs: 1500,
      stuckAfterMs: 60_000,
    },
  });
  await bot.api.waitForCall((c) => c.method === "getUpdates");
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

describe("a reload while a question hangs", () => {
  it("fails that question with the usual reply, answers the chat's next question, and stops the old worker", async () => {
    const { api } = bot;
    const sorry = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    api.push(updates.privateText(USER, "hang!"));
    await new Promise((r) => setTimeout(r, 300));

    writeFileSync(
      path.join(bot.config.knowledgeDir, "articles", "later.md"),
      article({ ...GOOD, id: "later" }, "定襄县今年新增法兰企业17家。"),
    );
    const reloaded = api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN);
    api.push(updates.privateText(ADMIN, "/reload"));
    expect((await reloaded).params.text).toContain("重新加载成功");

    expect((await sorry).params.text).toContain("出错了");
    const next = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    api.push(updates.privateText(USER, "忻州市长是谁"));
    expect((await next).params.text).toContain("李建国");
    // Node reports a worker's exit once its thread has stopped, and with it the old index in memory.
    await vi.waitFor(() => expect(bot.notes).toContain("info: engine thread stopped"), { timeout: 5000 });
    expect(bot.notes.filter((n) => n.includes("lost"))).toEqual([]);
  });
});
