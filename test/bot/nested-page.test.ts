/**
 * An admin sends a page whose markup is nested hundreds or thousands of levels deep: it is read in a
 * thread of its own, so another chat's question is answered meanwhile as quickly as ever, and the
 * admin gets a preview of the article inside, or a clear refusal when the page is no article page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";

const ADMIN = 42;
const USER = 7;
/** How long another chat may wait for its answer while a page is read (the question alone takes milliseconds). */
const OTHER_CHAT_MS = 1500;

const PARAGRAPHS = [
  "今年以来，原平市坚持把文旅产业作为转型发展的重要抓手，推动文旅融合不断走深走实。",
  "据统计，2024年前三季度原平市共接待游客321.5万人次，同比增长12.3%。",
  "原平市旅游综合收入达到28.6亿元，较上年同期增长15.1%。",
  "下一步，原平市将继续完善旅游基础设施，提升服务质量。",
];

/** A news page with its article inside `depth` nested <div>s. */
function nestedPage(depth: number, id: string): string {
  const head =
    `<head><meta charset="utf-8"><title>原平市文旅产业持续升温_忻州日报</title>` +
    `<meta property="og:title" content="原平市文旅产业持续升温"><meta property="og:site_name" content="忻州日报">` +
    `<meta property="article:published_time" content="2024-11-05">` +
    `<link rel="canonical" href="https://example.cn/${id}.html"></head>`;
  const article = `<article><h1>原平市文旅产业持续升温</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article>`;
  return `<!doctype html><html>${head}<body>${"<div>".repeat(depth)}${article}${"</div>".repeat(depth)}</body></html>`;
}

let bot: TestBot;
let api: FakeBotApi;

beforeAll(async () => {
  bot = await startTestBot({ env: { ADMIN_IDS: String(ADMIN) }, bot: { rateLimit: 1000 } });
  ({ api } = bot);
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/**
 * Sends the page as a file; once the bot is reading it, another chat asks a question. Resolves with
 * the admin's reply and how long the other chat waited for its answer.
 */
async function sendWhileAsking(page: string, id: string): Promise<{ reply: string; waitedMs: number }> {
  api.addFile(`documents/${id}.md`, page);
  const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN);
  const reading = api.nextCall("sendChatAction", (c) => c.params.chat_id === ADMIN);
  api.push(updates.document(ADMIN, id, `${id}.html`, Buffer.byteLength(page)));
  await reading;
  await new Promise((r) => setTimeout(r, 200));
  const started = performance.now();
  const answer = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
  api.push(updates.privateText(USER, "忻州新能源装机有多少？"));
  expect((await answer).params.text).toContain("1200万千瓦");
  const waitedMs = performance.now() - started;
  return { reply: (await reply).params.text as string, waitedMs };
}

describe("a deeply nested page sent as a file", () => {
  it("900 levels deep: the article inside gets its preview, and another chat is answered meanwhile", async () => {
    const { reply, waitedMs } = await sendWhileAsking(nestedPage(900, "deep"), "deep");
    expect(waitedMs).toBeLessThan(OTHER_CHAT_MS);
    expect(reply).toContain("预览");
    expect(reply).toContain("原平市文旅产业持续升温");
    expect(reply).toContain(`正文 ${PARAGRAPHS.length} 段`);
  });

  it("20,000 levels deep: refused in Chinese, nothing written, and another chat is answered meanwhile", async () => {
    const { reply, waitedMs } = await sendWhileAsking(nestedPage(20_000, "deeper"), "deeper");
    expect(waitedMs).toBeLessThan(OTHER_CHAT_MS);
    expect(reply).toMatch(/嵌套了 \d+ 层.*没有保存/);
  });
});
