/**
 * Admins feeding the bot in chat, through the real grammY bot and the stand-in Bot API: links (pages
 * served from 127.0.0.1), files and pasted text become a preview with Save / Cancel; /articles,
 * /remove, /unanswered; 👍/👎 under answers. Bad input gets a message and writes nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Network, systemNetwork } from "../../src/import/fetch.js";
import type { Article } from "../../src/model/knowledge.js";
import { escapeHtml } from "../../src/render/telegram.js";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { article, GOOD, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";
import { newsSitePage, shippedArticle } from "../helpers/pages.js";
import { assertTelegramHtml } from "../helpers/telegram-html.js";

const ADMIN = 42;
const USER = 7;
const MB = 1024 * 1024;

/** An article the shipped base knows nothing of, as a news site would publish it. */
function madeArticle(fields: Partial<Article>, texts: string[]): Article {
  return {
    id: "x",
    title: "原平市文旅产业持续升温",
    publisher: "忻州日报",
    date: "2024-11-05",
    url: "https://example.cn/x.html",
    lang: "zh",
    author: "本报记者",
    file: "x.md",
    paragraphs: texts.map((text, i) => ({ text, heading: false, line: i + 1, sentences: [] })),
    ...fields,
  };
}

const YUANPING = madeArticle({}, [
  "今年以来，原平市坚持把文旅产业作为转型发展的重要抓手，推动文旅融合不断走深走实。",
  "据统计，2024年前三季度原平市共接待游客321.5万人次，同比增长12.3%。",
  "原平市旅游综合收入达到28.6亿元，较上年同期增长15.1%。",
  "下一步，原平市将继续完善旅游基础设施，提升服务质量。",
]);
const DINGXIANG = madeArticle({ title: "定襄法兰产业订单饱满" }, [
  "走进定襄县的法兰锻造企业，车间里机器轰鸣，工人们正在加紧生产。",
  "今年以来，定襄县法兰锻造企业新增订单46亿元，产品远销欧美多个国家和地区。",
  "定襄县将继续推动法兰产业向高端化、智能化方向发展。",
]);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const html =
  (body: string | Buffer, type = "text/html; charset=utf-8"): Handler =>
  (_req, res) =>
    res.writeHead(200, { "content-type": type }).end(body);
const routes: Record<string, Handler> = {
  "/yuanping.html": html(newsSitePage(YUANPING)),
  "/cancelled.html": html(
    newsSitePage(
      madeArticle({ title: "原平市新建光伏电站" }, [
        "原平市今年新建光伏电站3座，总装机容量达到45万千瓦。",
        "项目建成后每年可发电约6亿千瓦时。",
      ]),
    ),
  ),
  "/no-date.html": html(newsSitePage(DINGXIANG, { info: "来源：忻州日报" })),
  "/future.html": html(
    newsSitePage({ ...DINGXIANG, title: "定襄法兰产业再创新高" }, { info: "2099-05-01 来源：忻州日报" }),
  ),
  "/gbk.html": html(
    iconv.encode(newsSitePage(shippedArticle("taixin-competitiveness-2022"), { charset: null, caption: false }), "gbk"),
    "text/html",
  ),
  "/nothing.html": html(
    `<html><head><title>列表</title></head><body><ul><li><a href="/1">一</a></li></ul></body></html>`,
  ),
  "/huge.html": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(20 * MB) });
    res.write("<html>");
  },
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/never": () => undefined,
};

let server: Server;
let base: string;
/** Every path the page server was asked for. */
const served: string[] = [];
let bot: TestBot;
let api: FakeBotApi;
let kbDir: string;
let dataDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? "");
    (routes[req.url ?? ""] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The page server is on 127.0.0.1, which an operator must allow before links may reach it.
  bot = await startTestBot({
    env: { ADMIN_IDS: String(ADMIN), FETCH_ALLOW_HOSTS: "127.0.0.1" },
    bot: { fetchLimits: { timeoutMs: 1000 }, rateLimit: 1000 },
  });
  ({ api } = bot);
  kbDir = bot.config.knowledgeDir;
  dataDir = bot.config.dataDir;
});

afterAll(async () => {
  await bot?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  removeKnowledgeDirs();
});

async function exchange(update: Record<string, any>, chat: number) {
  const next = api.nextCall("sendMessage", (c) => c.params.chat_id === chat);
  api.push(update);
  return (await next).params;
}

/** The callback data of the button labelled `label` in a reply. */
function button(reply: any, label: string): string {
  const found = (reply.reply_markup?.inline_keyboard ?? []).flat().find((b: any) => b.text === label);
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(reply.reply_markup)}`);
  return found.callback_data;
}

const articleFiles = () => readdirSync(path.join(kbDir, "articles")).sort();

/** Sends `update` as the admin and expects a refusal that writes nothing; returns the message. */
async function refused(update: Record<string, any>): Promise<string> {
  const before = articleFiles();
  const reply = await exchange(update, ADMIN);
  assertTelegramHtml(reply.text);
  expect(articleFiles()).toEqual(before);
  return reply.text;
}

describe("importing in chat", () => {
  it("a link gets a preview; Save writes it, reloads, and the new article answers", async () => {
    const preview = await exchange(updates.privateText(ADMIN, `${base}/yuanping.html`), ADMIN);
    assertTelegramHtml(preview.text);
    expect(preview.text).toContain("原平市文旅产业持续升温");
    expect(preview.text).toContain("忻州日报 · 2024-11-05");
    expect(preview.text).toContain(`${base}/yuanping.html`);
    expect(preview.text).toMatch(/正文 4 段/);
    expect(preview.text).toContain("保存后可以问");
    expect(preview.text).toContain("321.5万人次");
    expect(articleFiles()).not.toContain("127-0-0-1-yuanping.md");
    const save = button(preview, "保存");
    expect(Buffer.byteLength(save)).toBeLessThanOrEqual(64);

    const saved = await exchange(updates.callback(ADMIN, save), ADMIN);
    expect(saved.text).toContain("已保存 <code>articles/127-0-0-1-yuanping.md</code>");
    expect(saved.text).toMatch(/重新加载成功：3 篇文章/);
    expect(bot.live.summary.articles.map((a) => a.id)).toContain("127-0-0-1-yuanping");
    // The questions it offered are answered now, as buttons.
    expect(saved.reply_markup.inline_keyboard.length).toBeGreaterThan(0);
    const answer = await exchange(updates.privateText(USER, "原平市前三季度接待游客多少人次？"), USER);
    expect(answer.text).toContain("321.5万人次");
    // The same preview cannot be saved twice.
    const again = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(ADMIN, save));
    expect((await again).params.text).toContain("过期");
  });

  it("asks for a missing date, checks the reply, then saves with it", async () => {
    const asked = await exchange(updates.privateText(ADMIN, `${base}/no-date.html`), ADMIN);
    expect(asked.text).toContain("缺少：发布日期");
    expect(asked.text).toContain("YYYY-MM-DD");
    expect((await exchange(updates.privateText(ADMIN, "2024-02-30"), ADMIN)).text).toContain("不存在");
    expect((await exchange(updates.privateText(ADMIN, "上个月"), ADMIN)).text).toContain("不是日期");
    const preview = await exchange(updates.privateText(ADMIN, "2024年10月8日"), ADMIN);
    expect(preview.text).toContain("定襄法兰产业订单饱满");
    expect(preview.text).toContain("2024-10-08");
    // The place the title names is the article's region, said to be a guess so that a wrong one is corrected.
    expect(preview.text).toContain("地区：定襄县（据标题推断）");
    const saved = await exchange(updates.callback(ADMIN, button(preview, "保存")), ADMIN);
    expect(saved.text).toContain("已保存");
    expect(readFileSync(path.join(kbDir, "articles", "127-0-0-1-no-date.md"), "utf8")).toContain("date: 2024-10-08");
  });

  it("a page dated after tomorrow: the date is asked for, saying why; a later typed one is refused", async () => {
    const asked = await exchange(updates.privateText(ADMIN, `${base}/future.html`), ADMIN);
    expect(asked.text).toContain("页面上的日期 2099-05-01 晚于明天，不会是发布日期。");
    expect(asked.text).toContain("缺少：发布日期");
    // The bot's clock reads 2026-11-22, 16:00 in Asia/Shanghai.
    expect((await exchange(updates.privateText(ADMIN, "2026-11-24"), ADMIN)).text).toContain("这个日期还没到");
    const preview = await exchange(updates.privateText(ADMIN, "2026-11-23"), ADMIN);
    expect(preview.text).toContain("定襄法兰产业再创新高");
    expect(preview.text).toContain("忻州日报 · 2026-11-23");
    await exchange(updates.callback(ADMIN, button(preview, "取消")), ADMIN);
  });

  it("Cancel discards the preview and writes nothing", async () => {
    const before = articleFiles();
    const preview = await exchange(updates.privateText(ADMIN, `${base}/cancelled.html`), ADMIN);
    const cancelled = await exchange(updates.callback(ADMIN, button(preview, "取消")), ADMIN);
    expect(cancelled.text).toContain("已取消");
    expect(articleFiles()).toEqual(before);
    const late = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(ADMIN, button(preview, "保存")));
    expect((await late).params.text).toContain("过期");
    expect(articleFiles()).toEqual(before);
  });

  it("a pasted article gets a preview and is asked for what it lacks", async () => {
    const text = [
      "原平市光伏产业发展提速",
      "2024-09-01 来源：忻州日报",
      ...YUANPING.paragraphs.map((p) => p.text),
      ...DINGXIANG.paragraphs.map((p) => p.text),
    ].join("\n");
    const asked = await exchange(updates.privateText(ADMIN, text), ADMIN);
    expect(asked.text).toContain("原文链接");
    const cancelled = await exchange(updates.callback(ADMIN, button(asked, "取消")), ADMIN);
    expect(cancelled.text).toContain("已取消");
  });

  it("is refused to others: files, admin commands and buttons; a link from a user is a question", async () => {
    const stranger = 918273645;
    api.addFile("documents/s1.md", article({ ...GOOD, id: "intruder", url: "https://example.org/intruder" }));
    expect((await exchange(updates.document(stranger, "s1", "intruder.md"), stranger)).text).toContain("管理员");
    for (const command of ["/articles", "/remove taixin-competitiveness-2022", "/unanswered"]) {
      expect((await exchange(updates.privateText(stranger, command), stranger)).text).toContain("管理员");
    }
    const refusal = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(stranger, "rm:y:abcdef"));
    expect((await refusal).params.text).toContain("管理员");
    const asked = await exchange(updates.privateText(stranger, `${base}/cancelled.html`), stranger);
    expect(asked.text).not.toContain("预览");
    expect(existsSync(path.join(kbDir, "articles", "intruder.md"))).toBe(false);
    expect(bot.logLines.join()).not.toContain(String(stranger));
  });
});

describe("bad input gets a clear message and writes nothing", () => {
  it("a page with no article body", async () => {
    expect(await refused(updates.privateText(ADMIN, `${base}/nothing.html`))).toContain("no article body found");
  });

  it("a 20 MB page", async () => {
    const text = await refused(updates.privateText(ADMIN, `${base}/huge.html`));
    expect(text).toContain("无法读取这个链接");
    expect(text).toContain("20.0 MB; the limit is 5.0 MB");
  });

  it("a binary file named .html", async () => {
    api.addFile("documents/png.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(await refused(updates.document(ADMIN, "png", "page.html"))).toContain("it looks like a PNG image");
  });

  it("a link that redirects forever", async () => {
    expect(await refused(updates.privateText(ADMIN, `${base}/loop`))).toContain("redirects more than 5 times");
  });

  it("a link that times out, while other chats are answered", async () => {
    const slow = refused(updates.privateText(ADMIN, `${base}/never`));
    const other = await exchange(updates.privateText(USER, "忻州市长是谁"), USER);
    expect(other.text).toContain("李建国");
    expect(await slow).toContain("did not answer within 1 s");
  });

  it("a GBK page without a charset is read as GBK", async () => {
    const preview = await refused(updates.privateText(ADMIN, `${base}/gbk.html`));
    expect(preview).toContain(escapeHtml(shippedArticle("taixin-competitiveness-2022").title));
    expect(preview).toContain("read as GBK");
    const last = api.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === ADMIN).at(-1)!.params;
    expect((await exchange(updates.callback(ADMIN, button(last, "取消")), ADMIN)).text).toContain("已取消");
  });

  it("a capture whose date cannot be found: the date is asked for", async () => {
    const capture = `原平市文旅产业持续升温\n\n${YUANPING.paragraphs.map((p) => p.text).join("\n")}\n`;
    api.addFile("documents/cap.md", capture);
    const asked = await refused(updates.document(ADMIN, "cap", "capture.txt"));
    expect(asked).toContain("发布日期");
    await exchange(updates.privateText(ADMIN, "2024-11-05"), ADMIN).then((r) => expect(r.text).toContain("原文链接"));
    const last = api.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === ADMIN).at(-1)!.params;
    expect((await exchange(updates.callback(ADMIN, button(last, "取消")), ADMIN)).text).toContain("已取消");
    expect(articleFiles().some((n) => n.includes("capture"))).toBe(false);
  });

  it("an article that would make the folder invalid: the loader's problem, file and line", async () => {
    api.addFile(
      "documents/dup.md",
      article(
        { ...GOOD, id: "taixin-competitiveness-2022", url: "https://example.org/dup" },
        "原平市今年新增企业5家，比上年多2家，全市企业总数达到1200家，同比增长3.5%。",
      ),
    );
    expect(await refused(updates.document(ADMIN, "dup", "dup.md"))).toContain(
      "taixin-competitiveness-2022.md exists already",
    );
  });
});

describe("links to the bot's own network", () => {
  let guarded: TestBot;
  const resolved: string[] = [];
  beforeAll(async () => {
    // The operator allowed nothing. Names are resolved by a stand-in; news.example, "outside", answers
    // in memory with a redirect to the page server; requests to 127.0.0.1 are sent for real.
    const names: Record<string, string> = { "intranet.example": "10.0.0.7", "news.example": "93.184.216.34" };
    const DIALLED = ["93.184.216.34", "127.0.0.1", "::ffff:7f00:1"];
    const network: Network = {
      resolve: async (host) => {
        resolved.push(host);
        if (!names[host]) throw Object.assign(new Error(`no ${host} here`), { code: "ENOTFOUND" });
        return [{ address: names[host], family: 4 }];
      },
      request: async (url, to, headers, signal) => {
        // Were a refusal ever missed, the test fails here rather than dial out.
        if (!DIALLED.includes(to.address)) throw new Error(`would dial ${to.address}`);
        if (to.address !== "93.184.216.34") return systemNetwork.request(url, to, headers, signal);
        const location = `${base}/yuanping.html`;
        const body = (async function* () {})();
        const header = (n: string) => (n === "location" ? location : undefined);
        return { status: 302, statusText: "Found", header, body, cancel() {} };
      },
    };
    guarded = await startTestBot({ env: { ADMIN_IDS: String(ADMIN) }, bot: { fetchNetwork: network } });
  });
  afterAll(() => guarded?.stop());

  async function refusedLink(link: string): Promise<string> {
    const before = served.length;
    const next = guarded.api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN);
    guarded.api.push(updates.privateText(ADMIN, link));
    const reply = (await next).params;
    assertTelegramHtml(reply.text);
    expect(served.length).toBe(before);
    expect(readdirSync(path.join(guarded.config.knowledgeDir, "articles")).sort()).toEqual(
      readdirSync(path.join(SHIPPED, "articles")).sort(),
    );
    return reply.text;
  }

  it("are refused with the reason, and the page is never asked for", async () => {
    const port = new URL(base).port;
    const text = await refusedLink(`${base}/yuanping.html`);
    expect(text).toContain("这个链接指向内部地址（127.0.0.1），不能导入。");
    expect(text).toContain("FETCH_ALLOW_HOSTS");
    expect(await refusedLink(`http://2130706433:${port}/yuanping.html`)).toContain("内部地址（127.0.0.1）");
    expect(await refusedLink(`http://0x7f.1:${port}/yuanping.html`)).toContain("内部地址（127.0.0.1）");
    expect(await refusedLink(`http://[::ffff:127.0.0.1]:${port}/yuanping.html`)).toContain("内部地址（::ffff:7f00:1）");
    expect(await refusedLink("http://intranet.example/report.html")).toContain(
      "这个链接指向内部地址（10.0.0.7），不能导入。",
    );
    expect(resolved).toEqual(["intranet.example"]);
  });

  it("a redirect into the network is refused too", async () => {
    expect(await refusedLink("http://news.example/a.html")).toContain(
      "这个链接跳转到内部地址（127.0.0.1），不能导入。",
    );
  });
});

describe("/articles and /remove", () => {
  it("lists the articles newest first, eight to a page, with ◀ ▶", async () => {
    for (let i = 1; i <= 8; i++) {
      writeFileSync(
        path.join(kbDir, "articles", `page-${i}.md`),
        article(
          { ...GOOD, title: `分页测试${i}`, date: `2023-01-0${i}`, url: `https://example.org/page-${i}` },
          `原平市今年新增企业${i}家。`,
        ),
      );
    }
    expect((await exchange(updates.privateText(ADMIN, "/reload"), ADMIN)).text).toContain("重新加载成功");
    const first = await exchange(updates.privateText(ADMIN, "/articles"), ADMIN);
    assertTelegramHtml(first.text);
    expect(first.text).toContain("第 1/2 页");
    expect(first.text.indexOf("原平市文旅产业持续升温")).toBeLessThan(first.text.indexOf("分页测试8"));
    expect(first.text).toMatch(/2024-11-20 · \d+ 条数据 · <code>xinzhou-sixin-2024<\/code>/);
    const edited = api.nextCall("editMessageText");
    api.push(updates.callback(ADMIN, button(first, "▶")));
    const second = (await edited).params;
    expect(second.text).toContain("第 2/2 页");
    expect(second.text).toContain("分页测试1");
    expect(button(second, "◀")).toBe("arts:0");
  });

  it("removes an article after a confirm: its file moves to removed/ and it stops answering", async () => {
    expect((await exchange(updates.privateText(ADMIN, "/remove no-such-article"), ADMIN)).text).toContain("没有 ID 为");
    const confirm = await exchange(updates.privateText(ADMIN, "/remove 127-0-0-1-yuanping"), ADMIN);
    expect(confirm.text).toContain("原平市文旅产业持续升温");
    expect(existsSync(path.join(kbDir, "articles", "127-0-0-1-yuanping.md"))).toBe(true);
    const done = await exchange(updates.callback(ADMIN, button(confirm, "确认删除")), ADMIN);
    expect(done.text).toContain("已删除");
    expect(done.text).toContain("重新加载成功");
    expect(existsSync(path.join(kbDir, "articles", "127-0-0-1-yuanping.md"))).toBe(false);
    expect(readdirSync(path.join(dataDir, "removed")).some((n) => n.endsWith("-127-0-0-1-yuanping.md"))).toBe(true);
    const answer = await exchange(updates.privateText(USER, "原平市前三季度接待游客多少人次？"), USER);
    expect(answer.text).not.toContain("321.5万人次");
  });

  it("moves an article's facts file with it", async () => {
    const confirm = await exchange(updates.privateText(ADMIN, "/remove taixin-competitiveness-2022"), ADMIN);
    expect(confirm.text).toContain("facts/taixin-competitiveness-2022.yaml");
    const done = await exchange(updates.callback(ADMIN, button(confirm, "确认删除")), ADMIN);
    expect(done.text).toContain("已删除");
    expect(existsSync(path.join(kbDir, "facts", "taixin-competitiveness-2022.yaml"))).toBe(false);
    expect(
      readdirSync(path.join(dataDir, "removed")).filter((n) => n.includes("taixin-competitiveness-2022")),
    ).toHaveLength(2);
  });

  it("refuses to split a facts file that is also about another article", async () => {
    writeFileSync(
      path.join(kbDir, "facts", "mixed.yaml"),
      `facts:\n  - { article: page-1, subject: 原平市, metric: 新增企业, kind: count, value: 1, unit: 家, period: 2023年, quote: 原平市今年新增企业1家。 }\n  - { article: page-2, subject: 原平市, metric: 新增企业, kind: count, value: 2, unit: 家, period: 2023年, quote: 原平市今年新增企业2家。 }\n`,
    );
    const reply = await exchange(updates.privateText(ADMIN, "/remove page-1"), ADMIN);
    expect(reply.text).toContain("facts/mixed.yaml 中有 1 条数据引用这篇文章");
    expect(existsSync(path.join(kbDir, "articles", "page-1.md"))).toBe(true);
  });
});

describe("/unanswered", () => {
  it("groups the unanswered questions by what they ask and sends them all as CSV", async () => {
    for (const q of ["北京市2023年GDP是多少？", "北京市2023年GDP多少", "北京市2023年GDP是多少?", "巴黎的天气"])
      await exchange(updates.privateText(USER, q), USER);
    const list = await exchange(updates.privateText(ADMIN, "/unanswered"), ADMIN);
    assertTelegramHtml(list.text);
    expect(list.text).toContain("最近 7 天");
    expect(list.text).toContain("最近 30 天");
    expect(list.text).toMatch(/1\. 北京市2023年GDP[^\n]*（3 次）/);
    expect(list.text).toMatch(/巴黎的天气（1 次）/);
    const doc = (await api.nextCall("sendDocument", (c) => Number(c.params.chat_id) === ADMIN)).params;
    expect(doc.document.name).toMatch(/^unanswered-\d{4}-\d\d-\d\d\.csv$/);
    const rows = doc.document.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("time,question,user_hash,answered");
    expect(
      rows.some(
        (r: string) => r.includes("北京市2023年GDP多少") && r.includes(bot.hashUser(USER)) && r.endsWith(",no"),
      ),
    ).toBe(true);
    expect(doc.document.text).not.toContain(`,${USER},`);
  });
});

describe("feedback", () => {
  it("records a 👎 with the question, the answer and its article, updates the buttons, and /stats shows it", async () => {
    const answer = await exchange(updates.privateText(USER, "忻州新能源装机有多少？"), USER);
    const down = button(answer, "👎");
    expect(Buffer.byteLength(down)).toBeLessThanOrEqual(64);
    const acknowledged = api.nextCall("answerCallbackQuery");
    const edited = api.nextCall("editMessageReplyMarkup");
    api.push(updates.callback(USER, down));
    expect((await acknowledged).params.text).toContain("👎");
    expect(JSON.stringify((await edited).params.reply_markup)).toContain("已记录 👎");
    const twice = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(USER, down));
    expect((await twice).params.text).toContain("已经评价过");

    const up = await exchange(updates.privateText(8, "忻州市长是谁"), 8);
    const upAck = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(8, button(up, "👍")));
    await upAck;

    const saved = readFileSync(path.join(dataDir, "feedback.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(saved).toContainEqual(
      expect.objectContaining({
        v: "down",
        q: "忻州新能源装机有多少？",
        a: "xinzhou-sixin-2024",
        u: bot.hashUser(USER),
      }),
    );
    expect(saved.find((e) => e.v === "down").r).toContain("1200万千瓦");
    // One line a vote, from one store: a 👍 is a vote on its article, with no question and no user.
    expect(saved.map((e) => e.v)).toEqual(["down", "up"]);
    expect(saved.find((e) => e.v === "up")).not.toHaveProperty("q");
    expect(saved.find((e) => e.v === "up")).not.toHaveProperty("u");
    const stats = await exchange(updates.privateText(ADMIN, "/stats"), ADMIN);
    expect(stats.text).toContain("👍 1，👎 1");
    expect(stats.text).toMatch(/忻州新能源装机有多少？ → [^\n]*1200万千瓦[^\n]*xinzhou-sixin-2024[^\n]*👎 1/);
  });

  it("takes a vote from the asker and from others in the group the answer was posted in, and refuses one pressed elsewhere", async () => {
    const file = path.join(dataDir, "feedback.jsonl");
    /** The 👎 kept for admins (feedback.ts, written before the press is answered) by the user hashed `u`. */
    const downsBy = (u: string) =>
      (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [])
        .map((l) => JSON.parse(l))
        .filter((e) => e.v === "down" && e.u === u);
    const mine = await exchange(updates.privateText(USER, "忻州接待游客多少人次"), USER);
    const down = button(mine, "👎");
    // The id is random: nothing in one answer's button tells another's.
    const other = button(await exchange(updates.privateText(USER, "忻州市长是谁"), USER), "👎");
    expect(down.slice(5)).toMatch(/^[\w-]{16}$/);
    expect(down.slice(5, 9)).not.toBe(other.slice(5, 9));

    // Another user presses the same data in a chat of their own: refused, nothing recorded.
    const refusal = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(9, down));
    expect((await refusal).params.text).toContain("只有提问的人和这个回答所在聊天里的人可以评价它");
    expect(downsBy(bot.hashUser(9))).toEqual([]);

    const group = -500;
    const inGroup = button(await exchange(updates.groupText(group, USER, "/ask 忻州市长是谁"), group), "👎");
    const taken = api.nextCall("answerCallbackQuery");
    api.push(updates.callback(10, inGroup, group));
    expect((await taken).params.text).toContain("已记录 👎");
    expect(downsBy(bot.hashUser(10))).toEqual([expect.objectContaining({ q: "忻州市长是谁" })]);
  });
});
