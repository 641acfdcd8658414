/**
 * Replies in the asker's language through the stand-in Bot API: an English question's reply and buttons are
 * English (Chinese only in quotes, titles, figures with their units and the source line); a refusal is one
 * sentence naming what the sources lack; every suggested question, pressed, gets an answer. Invented text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { COUNTY_FILES, hanOutsideQuotes } from "../helpers/county.js";
import { knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";
import { assertTelegramHtml } from "../helpers/telegram-html.js";

const USER = 4711;
const HAN = /\p{Script=Han}/u;
let bot: TestBot;
let api: FakeBotApi;

beforeAll(async () => {
  bot = await startTestBot({ env: { KNOWLEDGE_DIR: knowledgeDir(COUNTY_FILES) } });
  api = bot.api;
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

async function exchange(update: Record<string, any>) {
  const next = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
  api.push(update);
  return (await next).params;
}

/** The buttons that ask a question (not the article's link, not 👍/👎). */
const questionButtons = (reply: any) =>
  reply.reply_markup.inline_keyboard.flat().filter((b: any) => b.callback_data && !b.callback_data.startsWith("fb:"));

/** Presses each question button; each reply is an answer: a figure with its quote. */
async function expectEachAnswered(reply: any) {
  const buttons = questionButtons(reply);
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) {
    const next = await exchange(updates.callback(USER, b.callback_data));
    expect(next.text, b.text).toContain("<blockquote>");
  }
}

describe("an English question", () => {
  it("gets an English answer and English buttons", async () => {
    const reply = await exchange(updates.privateText(USER, "What is Dingxiang's installed capacity?"));
    assertTelegramHtml(reply.text);
    expect(reply.text).toMatch(/^<b>The figure for [a-z ]+: 85万千瓦 \(2024\)\./);
    expect(reply.text).toContain("Units: “万千瓦” = 10 MW.");
    expect(hanOutsideQuotes(reply.text)).toEqual([]);
    expect(reply.text).not.toContain("：");
    for (const b of reply.reply_markup.inline_keyboard.flat()) expect(b.text).not.toMatch(HAN);
    expect(reply.reply_markup.inline_keyboard[0][0].text).toBe("Read the article ↗");
    await expectEachAnswered(reply);
  });

  it("is refused in one English sentence naming what is missing, with English suggestions that answer", async () => {
    const reply = await exchange(updates.privateText(USER, "Who is the mayor of Dingxiang?"));
    expect(reply.text).toMatch(/^<b>My sources have nothing on the mayor of Dingxiang\.<\/b>/);
    expect(hanOutsideQuotes(reply.text)).toEqual([]);
    expect(reply.text).toContain("Try asking:");
    for (const b of questionButtons(reply)) expect(b.text).not.toMatch(HAN);
    await expectEachAnswered(reply);
  });
});

describe("a Chinese question", () => {
  it("is refused in one sentence naming what is missing, with suggestions that answer", async () => {
    const reply = await exchange(updates.privateText(USER, "定襄县的失业率是多少？"));
    expect(reply.text).toMatch(/^<b>我的资料里没有定襄县失业率的信息。<\/b>/);
    expect(reply.text).toContain("你可以这样问：");
    await expectEachAnswered(reply);
  });
});
