/**
 * The real grammY bot, in process, talking HTTP to the stand-in Bot API server through
 * TELEGRAM_API_ROOT: chats, groups, inline mode, buttons, admin commands, uploads and failures.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { LiveKnowledge } from "../../src/live.js";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { BOT_USER, type FakeBotApi, updates } from "../helpers/bot-api.js";
import { article, GOOD, removeKnowledgeDirs } from "../helpers/knowledge.js";
import { assertTelegramHtml } from "../helpers/telegram-html.js";

const ADMIN = 42;
const ADMIN2 = 43;
const USER = 7;
const DOWNLOAD_TIMEOUT_MS = 1500;
const GROUP = -100123;

let bot: TestBot;
let api: FakeBotApi;
let live: LiveKnowledge;
let kbDir: string;
let dataDir: string;
let logLines: string[];

beforeAll(async () => {
  bot = await startTestBot({
    env: { ADMIN_IDS: `${ADMIN},${ADMIN2}` },
    bot: { downloadTimeoutMs: DOWNLOAD_TIMEOUT_MS },
  });
  ({ api, live, logLines } = bot);
  kbDir = bot.config.knowledgeDir;
  dataDir = bot.config.dataDir;
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/** Pushes an update and resolves with the next message the bot sends to `chat`. */
async function exchange(update: Record<string, any>, chat: number) {
  const next = api.nextCall("sendMessage", (c) => c.params.chat_id === chat);
  api.push(update);
  return (await next).params;
}

/** Pushes an update and resolves with the next call of `method` it causes. */
async function pushFor(update: Record<string, any>, method: string) {
  const next = api.nextCall(method);
  api.push(update);
  return next;
}

describe("private chat", () => {
  it("answers a question in bold with the quote, the source and a button to the article", async () => {
    const reply = await exchange(updates.privateText(USER, "忻州新能源装机有多少？"), USER);
    expect(reply.parse_mode).toBe("HTML");
    expect(reply.text).toMatch(/^<b>[^<]*1200万千瓦[^<]*<\/b>/);
    expect(reply.text).toContain("<blockquote>");
    expect(reply.text).toContain(
      '<a href="https://theory.sxrb.com/BIG5/319829/10250344.html">山西经济日报 · 2024-11-20</a>',
    );
    assertTelegramHtml(reply.text);
    const rows = reply.reply_markup.inline_keyboard;
    expect(rows[0][0]).toEqual({ text: "阅读原文 ↗", url: "https://theory.sxrb.com/BIG5/319829/10250344.html" });
    expect(reply.link_preview_options).toEqual({ is_disabled: true });
  });

  it("answers the related-question buttons it offers", async () => {
    const reply = await exchange(updates.privateText(USER, "忻州接待游客多少人次"), USER);
    const button = reply.reply_markup.inline_keyboard.slice(1)[0][0];
    expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    const answered = api.nextCall("answerCallbackQuery");
    const next = await exchange(updates.callback(USER, button.callback_data), USER);
    expect(await answered).toBeDefined();
    expect(next.text).toMatch(/^<b>/);
  });

  it("escapes HTML in a question and answers a 4,000-character one normally", async () => {
    const html = await exchange(updates.privateText(USER, "<b>忻州</b><script>x</script> 杂粮种植面积"), USER);
    assertTelegramHtml(html.text);
    expect(html.text).toContain("300万亩");
    const long = await exchange(updates.privateText(USER, "忻州".repeat(2000)), USER);
    assertTelegramHtml(long.text);
    expect(long.text.length).toBeLessThanOrEqual(4096);
  });

  it("says plainly when it does not know", async () => {
    const reply = await exchange(updates.privateText(USER, "北京市2023年GDP是多少？"), USER);
    expect(reply.text).toContain("北京");
    expect(reply.text).not.toContain("<blockquote>");
  });

  it("ignores stickers, photos, edits, channel posts and joins without errors, then still answers", async () => {
    const before = api.callsOf("sendMessage").length;
    api.push(updates.sticker(USER));
    api.push(updates.photo(USER));
    api.push(updates.edited(USER, "忻州新能源装机有多少？"));
    api.push(updates.channelPost(-100999, "忻州新能源装机有多少？"));
    api.push(updates.join(GROUP, 8));
    const reply = await exchange(updates.privateText(USER, "忻州市长是谁"), USER);
    expect(reply.text).toContain("李建国");
    expect(api.callsOf("sendMessage").length).toBe(before + 1);
    expect(logLines.some((l) => l.includes('"level":50'))).toBe(false);
  });
});

describe("commands", () => {
  it("/start says what the bot knows and offers three example questions as buttons that answer", async () => {
    const reply = await exchange(updates.privateText(USER, "/start"), USER);
    expect(reply.text).toContain("2 篇新闻文章");
    const buttons = reply.reply_markup.inline_keyboard.map((row: any[]) => row[0]);
    expect(buttons).toHaveLength(3);
    const answer = await exchange(updates.callback(USER, buttons[0].callback_data), USER);
    expect(answer.text).toMatch(/^<b>/);
  });

  it("/help, /sources and /topics reply in valid HTML", async () => {
    const help = await exchange(updates.privateText(USER, "/help"), USER);
    expect(help.text).toContain("@" + BOT_USER.username);
    const sources = await exchange(updates.privateText(USER, "/sources"), USER);
    expect(sources.text).toContain("http://www.shanxidayuan.com/gsyl/jinzhong/4597.html");
    const topics = await exchange(updates.privateText(USER, "/topics"), USER);
    expect(topics.text).toContain("忻州市");
    for (const t of [help.text, sources.text, topics.text]) assertTelegramHtml(t);
  });

  it("asks for a question after a bare /ask", async () => {
    expect((await exchange(updates.privateText(USER, "/ask"), USER)).text).toContain("用法");
  });
});

describe("rate limit", () => {
  it("asks a user who floods the bot to slow down, and answers others meanwhile", async () => {
    const flooder = 555;
    for (let i = 0; i < 31; i++) api.push(updates.privateText(flooder, "忻州市长是谁"));
    const slowDown = await api.waitForCall(
      (c) =>
        c.method === "sendMessage" && c.ok && c.params.chat_id === flooder && String(c.params.text).includes("太快"),
    );
    expect(slowDown).toBeDefined();
    expect((await exchange(updates.privateText(556, "忻州市长是谁"), 556)).text).toContain("李建国");
  });
});

describe("groups", () => {
  it("stays silent without a mention, answers with one, and answers /ask@botname", async () => {
    const before = api.callsOf("sendMessage").filter((c) => c.params.chat_id === GROUP).length;
    api.push(updates.groupText(GROUP, USER, "忻州新能源装机有多少？"));
    const mention = await exchange(updates.groupText(GROUP, USER, `@${BOT_USER.username} 忻州市长是谁`), GROUP);
    expect(mention.text).toContain("李建国");
    expect(mention.reply_parameters?.message_id).toBeGreaterThan(0);
    const ask = await exchange(
      updates.groupText(GROUP, USER, `/ask@${BOT_USER.username} 太忻一体化经济区重大项目总投资多少`),
      GROUP,
    );
    expect(ask.text).toContain("9726亿元");
    const after = api.callsOf("sendMessage").filter((c) => c.params.chat_id === GROUP).length;
    expect(after).toBe(before + 2);
  });

  it("answers a reply to its own message", async () => {
    const reply = await exchange(
      updates.groupText(GROUP, USER, "忻州省外游客占比呢", {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: { id: GROUP, type: "supergroup", title: "群" },
          from: BOT_USER,
          text: "…",
        },
      }),
      GROUP,
    );
    expect(reply.text).toContain("44%");
  });
});

describe("inline mode", () => {
  it("returns up to ten results, best first, with unique short ids and a short cache", async () => {
    const asked = Date.now();
    const call = await pushFor(updates.inline(USER, "忻州新能源装机"), "answerInlineQuery");
    expect(call.at - asked).toBeLessThan(1000);
    const results = call.params.results as any[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(results[0].title).toContain("1200万千瓦");
    expect(results[0].description).toContain("山西经济日报");
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const r of results) {
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      assertTelegramHtml(r.input_message_content.message_text);
    }
    expect(call.params.cache_time).toBeLessThanOrEqual(60);
  });

  it("writes down a query only once a result is chosen, not as it is typed", async () => {
    const file = path.join(dataDir, "unanswered.jsonl");
    const saved = () => (existsSync(file) ? readFileSync(file, "utf8") : "");
    const typed = ["伦敦的", "伦敦的房", "伦敦的房价多少"];
    let last: any;
    for (const q of typed) last = await pushFor(updates.inline(USER, q), "answerInlineQuery");
    await bot.stats.flush();
    expect(saved()).not.toContain("伦敦的");
    const result = last.params.results[0];
    expect(result.title).toContain("没有答案");
    // The user picks the "no answer" result of the whole query.
    api.push(updates.chosenInline(USER, result.id, typed.at(-1)!));
    await vi.waitFor(async () => {
      await bot.stats.flush();
      expect(saved()).toContain("伦敦的房价多少");
    });
    expect(saved()).not.toMatch(/"q":"伦敦的"|"q":"伦敦的房"/);
  });

  it("shows headline facts for an empty query and one 'no answer' result otherwise", async () => {
    const empty = await pushFor(updates.inline(USER, ""), "answerInlineQuery");
    expect(empty.params.results.length).toBeGreaterThanOrEqual(2);
    const none = await pushFor(updates.inline(USER, "巴黎的天气"), "answerInlineQuery");
    expect(none.params.results).toHaveLength(1);
    expect(none.params.results[0].title).toContain("没有答案");
  });
});

describe("admins", () => {
  it("refuses /reload, /stats and uploads to others, politely, and logs the attempt without the user's id", async () => {
    const stranger = 918273645;
    const reply = await exchange(updates.privateText(stranger, "/reload"), stranger);
    expect(reply.text).toContain("管理员");
    expect((await exchange(updates.privateText(stranger, "/stats"), stranger)).text).toContain("管理员");
    api.addFile("documents/up0.md", article({ ...GOOD, id: "intruder" }));
    expect((await exchange(updates.document(stranger, "up0", "intruder.md"), stranger)).text).toContain("管理员");
    const refusals = logLines.filter((l) => l.includes("refused: not an admin"));
    expect(refusals.map((l) => JSON.parse(l).action)).toEqual(["reload", "stats", "upload"]);
    expect(refusals.join()).toContain(`"user":"${bot.hashUser(stranger)}"`);
    expect(logLines.join()).not.toContain(String(stranger));
    expect(existsSync(path.join(kbDir, "articles", "intruder.md"))).toBe(false);
  });

  it("reloads new knowledge for an admin and reports the counts", async () => {
    writeFileSync(
      path.join(kbDir, "articles", "extra.md"),
      article({ ...GOOD, id: "extra", title: "原平测试" }, "原平市今年接待游客123万人次。"),
    );
    const reply = await exchange(updates.privateText(ADMIN, "/reload"), ADMIN);
    expect(reply.text).toMatch(/重新加载成功：3 篇文章，\d+ 条数据，用时 \d+ ms/);
    expect(live.summary.articles).toHaveLength(3);
  });

  it("keeps the old knowledge when the folder is broken and tells the admin file:line", async () => {
    writeFileSync(path.join(kbDir, "articles", "broken.md"), article({ ...GOOD, date: "2024-99-01" }));
    const version = live.summary.version;
    const reply = await exchange(updates.privateText(ADMIN, "/reload"), ADMIN);
    expect(reply.text).toContain("重新加载失败，知识库保持不变");
    expect(reply.text).toContain(`articles/broken.md:4: date &quot;2024-99-01&quot; is not a date`);
    expect(live.summary.version).toBe(version);
    expect((await exchange(updates.privateText(USER, "忻州新能源装机有多少？"), USER)).text).toContain("1200万千瓦");
    (await import("node:fs")).rmSync(path.join(kbDir, "articles", "broken.md"));
  });

  it("runs one build for two reloads at once", async () => {
    const [a, b] = [live.reload(), live.reload()];
    expect(a).toBe(b);
    await a;
  });

  /** The Save (or Cancel) button's callback data in a preview. */
  const previewButton = (reply: any, label = "保存") =>
    reply.reply_markup.inline_keyboard.flat().find((b: any) => b.text === label).callback_data;

  it("previews an uploaded article, saves it on Save and answers from it", async () => {
    api.addFile(
      "documents/up1.md",
      article(
        { ...GOOD, id: "uploaded", title: "上传测试", url: "https://example.org/uploaded" },
        "定襄县今年新增法兰企业17家，全县法兰企业达到260家，产值同比增长12%。",
      ),
    );
    const preview = await exchange(updates.document(ADMIN, "up1", "dingxiang.md"), ADMIN);
    expect(preview.text).toContain("上传测试");
    expect(existsSync(path.join(kbDir, "articles", "uploaded.md"))).toBe(false);
    const reply = await exchange(updates.callback(ADMIN, previewButton(preview)), ADMIN);
    expect(reply.text).toContain("已保存");
    expect(readFileSync(path.join(kbDir, "articles", "uploaded.md"), "utf8")).toContain("17家");
  });

  it("rejects an invalid upload with its problems and writes nothing", async () => {
    api.addFile("documents/up2.md", "no front matter here");
    const reply = await exchange(updates.document(ADMIN, "up2", "bad.md"), ADMIN);
    expect(reply.text).toContain("没有保存");
    expect(reply.text).toContain("bad.md: no article body found");
    expect(existsSync(path.join(kbDir, "articles", "bad.md"))).toBe(false);
  });

  it("saves uploads saved at once one after the other: of two with the same id, one is saved and the folder stays valid", async () => {
    const body = (n: number) => `原平市今年新增企业${n}家，全市企业总数达到1200家，同比增长3.5%。`;
    api.addFile(
      "documents/twinA.md",
      article({ ...GOOD, id: "twin", title: "甲", url: "https://example.org/twin-a" }, body(5)),
    );
    api.addFile(
      "documents/twinB.md",
      article({ ...GOOD, id: "twin", title: "乙", url: "https://example.org/twin-b" }, body(6)),
    );
    const previews = await Promise.all([
      exchange(updates.document(ADMIN, "twinA", "twin-a.md"), ADMIN),
      exchange(updates.document(ADMIN2, "twinB", "twin-b.md"), ADMIN2),
    ]);
    const replies = [
      api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN),
      api.nextCall("sendMessage", (c) => c.params.chat_id === ADMIN2),
    ];
    api.push(updates.callback(ADMIN, previewButton(previews[0])));
    api.push(updates.callback(ADMIN2, previewButton(previews[1])));
    const texts = (await Promise.all(replies)).map((c) => String(c.params.text));
    expect(texts.filter((t) => t.startsWith("已保存"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("没有保存") && t.includes("twin.md exists already"))).toHaveLength(1);
    const saved = texts.find((t) => t.startsWith("已保存"))!;
    // The reload reported is the one that read the saved file.
    expect(Number(saved.match(/重新加载成功：(\d+) 篇文章/)![1])).toBe(live.summary.articles.length);
    expect(live.summary.articles.filter((a) => a.id === "twin")).toHaveLength(1);
    expect((await loadKnowledge(kbDir)).ok).toBe(true);
  });

  it("refuses an upload larger than the article limit without reading it all, whatever size Telegram said", async () => {
    // A document that claims 100 bytes; the download is 6 MiB, sent without a length.
    api.addFile("documents/huge.md", article(GOOD, "忻州市".repeat(700_000)), "chunked");
    const reply = await exchange(updates.document(ADMIN, "huge", "huge.md"), ADMIN);
    expect(reply.text).toMatch(/^文件太大（上限 5 MB）/);
    expect(existsSync(path.join(kbDir, "articles", "huge.md"))).toBe(false);
  });

  it("gives up on a download that stalls, and says so", async () => {
    api.addFile("documents/stalled.md", article(GOOD), "stalled");
    const started = Date.now();
    const reply = await exchange(updates.document(ADMIN, "stalled", "stalled.md"), ADMIN);
    expect(reply.text).toContain("下载文件超时");
    expect(Date.now() - started).toBeLessThan(DOWNLOAD_TIMEOUT_MS + 2000);
    expect(existsSync(path.join(kbDir, "articles", "stalled.md"))).toBe(false);
  });

  it("shows /stats with counts and the unanswered questions", async () => {
    const reply = await exchange(updates.privateText(ADMIN, "/stats"), ADMIN);
    expect(reply.text).toMatch(/启动以来：已回答 \d+，未回答 \d+/);
    expect(reply.text).toContain("北京市2023年GDP是多少？");
    const saved = readFileSync(path.join(dataDir, "unanswered.jsonl"), "utf8");
    expect(saved).toContain("北京市2023年GDP");
    expect(saved).not.toContain(`"u":"${USER}"`);
  });
});

describe("failures of the Bot API", () => {
  it("retries a 429 after retry_after and delivers the answer", async () => {
    api.fail("sendMessage", { status: 429, retryAfter: 1 });
    const since = Date.now();
    const reply = await exchange(updates.privateText(USER, "忻州杂粮种植面积"), USER);
    expect(reply.text).toContain("300万亩");
    const attempts = api.callsOf("sendMessage").filter((c) => c.at >= since && c.params.chat_id === USER);
    expect(attempts.length).toBe(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("survives a 400 and keeps answering", async () => {
    api.fail("sendMessage", { status: 400, description: "Bad Request: chat not found" });
    api.push(updates.privateText(101, "忻州市长是谁"));
    const sorry = await api.waitForCall(
      (c) => c.method === "sendMessage" && c.ok && c.params.chat_id === 101 && String(c.params.text).includes("出错"),
    );
    expect(sorry).toBeDefined();
    const reply = await exchange(updates.privateText(101, "忻州有几个省级重点专业镇"), 101);
    expect(reply.text).toMatch(/2个|定襄法兰/);
  });

  it("retries a 500 and delivers the answer", async () => {
    api.fail("sendMessage", { status: 500 });
    const reply = await exchange(updates.privateText(102, "忻州市长是谁"), 102);
    expect(reply.text).toContain("李建国");
    expect(api.callsOf("sendMessage").filter((c) => c.params.chat_id === 102).length).toBe(2);
  });

  it("answers through a slow Bot API, and other chats meanwhile", async () => {
    api.fail("sendMessage", { status: 200, delayMs: 1500 });
    const slow = exchange(updates.privateText(103, "忻州市属国企完成投资多少"), 103);
    const other = await exchange(updates.privateText(104, "忻州市长是谁"), 104);
    expect(other.text).toContain("李建国");
    expect((await slow).text).toContain("20.78亿元");
  });
});

describe("logs", () => {
  it("log a line per update without the token or message texts", () => {
    const joined = logLines.join("\n");
    expect(joined).toContain('"msg":"update"');
    expect(joined).not.toContain(api.token);
    expect(joined).not.toContain("忻州新能源装机有多少");
  });
});
