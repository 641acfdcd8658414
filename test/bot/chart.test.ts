/**
 * A figure over the years in a chat: the text series, then the chart as a photo whose caption names each
 * point's source; under an answer of one year, a 📈 button that sends both. All text here is invented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type Call, type FakeBotApi, updates } from "../helpers/bot-api.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const USER = 7;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const bulletin = (year: number, date: string, body: string) =>
  article(
    {
      title: `忻州市${year}年国民经济和社会发展统计公报`,
      publisher: "测试统计局",
      date,
      url: `https://example.org/bulletin-${year}`,
      region: "忻州市",
    },
    body,
  );

const FILES = {
  "glossary.yaml": readFileSync(path.join(SHIPPED, "glossary.yaml")),
  "articles/b2021.md": bulletin(
    2021,
    "2022-03-20",
    "全年全市地区生产总值1102.3亿元，比上年增长8.6%。年末全市常住人口268.1万人。",
  ),
  "articles/b2022.md": bulletin(
    2022,
    "2023-03-20",
    "全年全市地区生产总值1205.6亿元，比上年增长4.1%。年末全市常住人口266.4万人。",
  ),
  "articles/b2023.md": bulletin(2023, "2024-03-22", "全年全市地区生产总值1316.9亿元，比上年增长4.7%。"),
};

let bot: TestBot;
let api: FakeBotApi;
beforeAll(async () => {
  bot = await startTestBot({ env: { KNOWLEDGE_DIR: knowledgeDir(FILES) } });
  ({ api } = bot);
});
afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/** The photo's bytes as the stand-in Bot API received them. */
const photoOf = (call: Call): Buffer => call.params.photo.bytes;

function expectChart(call: Call) {
  const png = photoOf(call);
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.length).toBeGreaterThan(5_000);
  expect(png.length).toBeLessThan(2_000_000);
  const caption: string = call.params.caption;
  expect(caption.length).toBeLessThanOrEqual(1024);
  for (const [year, date] of [
    [2021, "2022-03-20"],
    [2022, "2023-03-20"],
    [2023, "2024-03-22"],
  ])
    expect(caption).toContain(`《忻州市${year}年国民经济和社会发展统计公报》${date}`);
}

describe("a question over the years", () => {
  it("gets the series as text, then its chart as a photo captioned with every point's source", async () => {
    const text = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    const photo = api.nextCall("sendPhoto", (c) => Number(c.params.chat_id) === USER);
    api.push(updates.privateText(USER, "忻州GDP这几年怎么变化？"));
    const message = (await text).params.text as string;
    for (const figure of ["1102.3亿元", "1205.6亿元", "1316.9亿元"]) expect(message).toContain(figure);
    const call = await photo;
    expect(call.at).toBeGreaterThanOrEqual((await text).at);
    expectChart(call);
    expect(call.params.caption).toContain("2021年 1102.3亿元");
  });

  it("draws a growth rate's series as its own chart, not with the levels", async () => {
    const photo = api.nextCall("sendPhoto", (c) => Number(c.params.chat_id) === USER);
    api.push(updates.privateText(USER, "忻州GDP增速历年"));
    const call = await photo;
    expectChart(call);
    expect(call.params.caption).toContain("2023年 4.7%");
    expect(call.params.caption).not.toContain("亿元");
  });
});

describe("the 📈 button", () => {
  it("is under an answer of one year whose measure three bulletins give, and sends the series", async () => {
    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    api.push(updates.privateText(USER, "忻州2023年地区生产总值是多少"));
    const answer = (await reply).params;
    expect(answer.text).toContain("1316.9亿元");
    const button = answer.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes("📈"));
    expect(button).toBeDefined();
    expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);

    const text = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    const photo = api.nextCall("sendPhoto", (c) => Number(c.params.chat_id) === USER);
    api.push(updates.callback(USER, button.callback_data));
    const series = (await text).params;
    for (const figure of ["1102.3亿元", "1205.6亿元", "1316.9亿元"]) expect(series.text).toContain(figure);
    // The series' reply offers no second 📈.
    const again = (series.reply_markup?.inline_keyboard ?? [])
      .flat()
      .some((b: { text: string }) => b.text.includes("📈"));
    expect(again).toBe(false);
    expectChart(await photo);
  });

  it("is not offered where the bulletins give fewer than three periods", async () => {
    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
    api.push(updates.privateText(USER, "忻州2022年常住人口是多少"));
    const message = (await reply).params;
    expect(message.text).toContain("266.4万人");
    const rows = message.reply_markup?.inline_keyboard ?? [];
    expect(rows.flat().some((b: { text: string }) => b.text.includes("📈"))).toBe(false);
  });

  it("says it has expired when its question is forgotten", async () => {
    const answered = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(USER, "ch:unknownhash0000000000"));
    expect((await answered).params.text).toContain("过期");
  });
});

describe("inline mode", () => {
  it("gives the text series only, no photo", async () => {
    const before = api.callsOf("sendPhoto").length;
    const answered = api.nextCall("answerInlineQuery");
    api.push(updates.inline(USER, "忻州GDP这几年怎么变化"));
    const results = (await answered).params.results;
    expect(JSON.stringify(results)).toContain("1102.3亿元");
    expect(api.callsOf("sendPhoto").length).toBe(before);
  });
});
