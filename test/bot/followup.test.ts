/**
 * Follow-ups through the stand-in Bot API: a private chat and each member of a group keep their last answered
 * question for ten minutes, /start forgets it, and inline queries have none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { NOW } from "../helpers/engine.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";

const GROUP = -100777;
let bot: TestBot;
let api: FakeBotApi;
/** The bot's clock, moved by the tests. */
let clock = NOW.getTime();

beforeAll(async () => {
  bot = await startTestBot({ now: () => new Date(clock) });
  api = bot.api;
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/** Pushes an update and resolves with the text of the next message the bot sends to `chat`. */
async function exchange(update: Record<string, any>, chat: number): Promise<string> {
  const next = api.nextCall("sendMessage", (c) => c.params.chat_id === chat);
  api.push(update);
  return (await next).params.text as string;
}
const inGroup = (userId: number, text: string) =>
  exchange(updates.groupText(GROUP, userId, `@xinzhou_econ_bot ${text}`), GROUP);

describe("follow-ups", () => {
  it("answers a private follow-up as the whole question, and says first how it took it", async () => {
    expect(await exchange(updates.privateText(101, "忻州新能源和清洁能源装机有多少？"), 101)).toContain("1200万千瓦");
    const reply = await exchange(updates.privateText(101, "占全省比重呢？"), 101);
    expect(reply.startsWith("按“忻州新能源和清洁能源装机占全省比重”理解：")).toBe(true);
    expect(reply).toContain("17.38%");
  });

  it("keeps a frame for each member of a group", async () => {
    expect(await inGroup(201, "忻州新能源和清洁能源装机有多少？")).toContain("1200万千瓦");
    expect(await inGroup(202, "忻州杂粮种植面积有多大？")).toContain("300万亩");
    const first = await inGroup(201, "占全省比重呢？");
    expect(first).toContain("按“忻州新能源和清洁能源装机占全省比重”理解");
    expect(first).toContain("17.38%");
    expect(await inGroup(202, "那朔州呢？")).toContain("按“朔州杂粮种植面积有多大”理解");
  });

  it("forgets the frame on /start", async () => {
    await exchange(updates.privateText(102, "忻州新能源和清洁能源装机有多少？"), 102);
    await exchange(updates.privateText(102, "/start"), 102);
    expect(await exchange(updates.privateText(102, "占全省比重呢？"), 102)).not.toContain("理解：");
  });

  it("forgets the frame after ten minutes of silence", async () => {
    await exchange(updates.privateText(103, "忻州新能源和清洁能源装机有多少？"), 103);
    clock += 9 * 60_000;
    expect(await exchange(updates.privateText(103, "排名呢？"), 103)).toContain("理解：");
    clock += 11 * 60_000;
    expect(await exchange(updates.privateText(103, "占全省比重呢？"), 103)).not.toContain("理解：");
  });

  it("reads an inline query as it stands, whatever the sender asked in a chat", async () => {
    await exchange(updates.privateText(104, "忻州新能源和清洁能源装机有多少？"), 104);
    const next = api.nextCall("answerInlineQuery");
    api.push(updates.inline(104, "那朔州呢？"));
    const results = (await next).params.results as any[];
    const texts = results.map((r) => JSON.stringify(r));
    expect(texts.some((t) => t.includes("理解") || t.includes("朔州杂粮"))).toBe(false);
  });
});
