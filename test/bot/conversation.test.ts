/**
 * A conversation through the stand-in Bot API, on the shipped knowledge plus three yearly bulletins (invented):
 * follow-ups on the period, on the measure and on a place the base lacks; a complete question after them starts
 * afresh; /start forgets; a descriptive question, an English question and a question over the years as a person
 * would send them one after another.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { hanOutsideQuotes } from "../helpers/county.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const bulletin = (year: number, date: string, body: string) =>
  article(
    {
      title: `忻州市${year}年国民经济和社会发展统计公报`,
      publisher: "测试统计局",
      date,
      url: `https://example.org/conversation-${year}`,
      region: "忻州市",
    },
    body,
  );

const FILES = {
  "articles/c2021.md": bulletin(2021, "2022-03-20", "全年全市地区生产总值1102.3亿元，比上年增长8.6%。"),
  "articles/c2022.md": bulletin(
    2022,
    "2023-03-20",
    "全年全市地区生产总值1205.6亿元，比上年增长4.1%。年末全市常住人口266.4万人。",
  ),
  "articles/c2023.md": bulletin(
    2023,
    "2024-03-22",
    "全年全市地区生产总值1316.9亿元，比上年增长4.7%。年末全市常住人口265.2万人。",
  ),
};

const USER = 4401;
let bot: TestBot;
let api: FakeBotApi;
beforeAll(async () => {
  bot = await startTestBot({ env: { KNOWLEDGE_DIR: knowledgeDir(FILES, SHIPPED) } });
  ({ api } = bot);
});
afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/** Sends a private message and resolves with the bot's next message to that chat (text and buttons). */
async function say(text: string, user = USER) {
  const next = api.nextCall("sendMessage", (c) => c.params.chat_id === user);
  api.push(updates.privateText(user, text));
  const call = await next;
  const buttons: string[] = (call.params.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => b.text);
  return { text: call.params.text as string, buttons };
}

describe("a conversation", () => {
  it("follows up on the period, then the measure, then a place the base lacks; then starts afresh", async () => {
    expect((await say("忻州2023年地区生产总值是多少？")).text).toContain("1316.9亿元");

    const year = (await say("那2022年呢？")).text;
    expect(year.startsWith("按“")).toBe(true);
    expect(year).toContain("2022");
    expect(year).toContain("1205.6亿元");
    expect(year).not.toContain("1316.9亿元");

    const growth = (await say("增长了多少？")).text;
    expect(growth).toContain("理解：");
    expect(growth).toContain("4.1%");

    // The base holds nothing on 太原's output: the reply says so and gives no figure of another place.
    const other = (await say("太原呢？")).text;
    expect(other).toContain("太原");
    for (const figure of ["1205.6亿元", "1316.9亿元", "1102.3亿元", "4.1%", "4.7%"])
      expect(other).not.toContain(figure);

    // A complete question is its own.
    const fresh = (await say("忻州2023年常住人口是多少？")).text;
    expect(fresh).not.toContain("理解：");
    expect(fresh).toContain("265.2万人");
  });

  it("forgets the frame on /start", async () => {
    const user = USER + 1;
    await say("忻州2023年地区生产总值是多少？", user);
    await say("/start", user);
    const after = (await say("那2022年呢？", user)).text;
    expect(after).not.toContain("理解：");
    expect(after).not.toContain("1205.6亿元");
  });

  it("answers what something is with the sentence that says it, as written", async () => {
    const { text } = await say("太忻一体化经济区是什么？");
    expect(text).toContain("重大举措");
    expect(text).not.toMatch(/^<b>\d{4}年/);
  });

  it("answers an English question in English, with English buttons", async () => {
    const { text, buttons } = await say("What was Xinzhou's GDP in 2023?");
    expect(text).toContain("1316.9亿元");
    // Outside the quotes, the titles, the figures and the source line, no Chinese.
    expect(hanOutsideQuotes(text)).toEqual([]);
    for (const b of buttons) expect(b).not.toMatch(/\p{Script=Han}/u);
  });

  it("answers a question over the years of a place it holds nothing on with a normal reply and no chart", async () => {
    const user = USER + 2;
    const { text } = await say("太原地区生产总值这几年怎么变化？", user);
    expect(text).toContain("太原");
    for (const figure of ["1102.3亿元", "1205.6亿元", "1316.9亿元"]) expect(text).not.toContain(figure);
    // A chart would follow its text; the next exchange has come and gone, and none was sent.
    await say("忻州2023年常住人口是多少？", user);
    expect(api.calls.some((c) => c.method === "sendPhoto" && Number(c.params.chat_id) === user)).toBe(false);
  });

  it("gives every year's figure for a question over the years", async () => {
    const photo = api.nextCall("sendPhoto", (c) => Number(c.params.chat_id) === USER);
    const { text } = await say("忻州地区生产总值这几年怎么变化？");
    for (const figure of ["1102.3亿元", "1205.6亿元", "1316.9亿元"]) expect(text).toContain(figure);
    const caption: string = (await photo).params.caption;
    for (const year of [2021, 2022, 2023]) expect(caption).toContain(`忻州市${year}年国民经济和社会发展统计公报`);
  });
});
