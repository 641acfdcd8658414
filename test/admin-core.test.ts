/** The pure parts behind the admin commands: grouping questions, the CSV, feedback kept, change and undo, values typed in chat. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkField, isPastedArticle } from "../src/bot/admin/import.js";
import { ExpiringMap } from "../src/bot/expiring.js";
import { FEEDBACK_OLDER_FILE, fileFeedback, summarizeFeedback } from "../src/feedback.js";
import { sampleQuestions } from "../src/import/questions.js";
import { type AnsweringEngine, createLiveKnowledge } from "../src/live.js";
import { groupUnanswered, questionKey, unansweredCsv } from "../src/unanswered.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "admin-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const NOW = new Date("2026-11-22T08:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe("unanswered questions", () => {
  it("are one group whatever their punctuation, script, width or question words", () => {
    const key = questionKey("北京市2023年GDP是多少？");
    for (const q of [
      "北京市2023年GDP多少",
      "北京市 2023年 ＧＤＰ 是多少?",
      "請問北京市2023年GDP是多少呢",
      "北京市2023年gdp",
    ])
      expect(questionKey(q)).toBe(key);
    expect(questionKey("上海市2023年GDP是多少？")).not.toBe(key);
  });

  it("are counted within 7 and 30 days, most asked first, with the latest wording as the example", () => {
    const records = [
      { at: daysAgo(20), question: "巴黎的天气" },
      { at: daysAgo(20), question: "巴黎天气" },
      { at: daysAgo(3), question: "北京GDP多少" },
      { at: daysAgo(1), question: "北京GDP是多少？" },
      { at: daysAgo(40), question: "巴黎的天气" },
    ];
    const week = groupUnanswered(records, NOW, 7);
    expect(week.map((g) => [g.example, g.count])).toEqual([["北京GDP是多少？", 2]]);
    const month = groupUnanswered(records, NOW, 30);
    expect(month.map((g) => g.count)).toEqual([2, 2]);
  });

  it("go into a CSV a spreadsheet reads safely", () => {
    const csv = unansweredCsv(
      [
        { at: NOW, question: '=1+1,"x"', user: "abc" },
        { at: NOW, question: "忻州" },
      ],
      (q) => q === "忻州",
    );
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "time,question,user_hash,answered",
      `2026-11-22T08:00:00.000Z,"'=1+1,""x""",abc,no`,
      "2026-11-22T08:00:00.000Z,忻州,,yes",
      "",
    ]);
  });

  it("defuse every start a spreadsheet runs as a formula, tab and carriage return included", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\n"]) {
      const csv = unansweredCsv([{ at: NOW, question: `${start}HYPERLINK("http://x.example")` }], () => undefined);
      expect(csv, JSON.stringify(start)).toContain(`,"'${start}HYPERLINK(""http://x.example"")",`);
    }
  });
});

describe("feedback", () => {
  it("is kept, rotated at its size, and summarized by answer", async () => {
    const dir = tempDir();
    const store = fileFeedback(dir, { maxFileBytes: 400 });
    for (let i = 0; i < 8; i++)
      await store.record({ at: NOW, vote: "down", question: "忻州GDP", answer: "不知道", article: "a", user: "h" });
    await store.record({ at: NOW, vote: "up" });
    expect(readFileSync(path.join(dir, FEEDBACK_OLDER_FILE), "utf8").length).toBeGreaterThan(0);
    const kept = await store.list();
    expect(kept.length).toBeLessThan(9);
    expect(kept.at(-1)).toEqual({ at: NOW, vote: "up" });
    const summary = summarizeFeedback(kept);
    expect(summary.up).toBe(1);
    expect(summary.worst[0]).toMatchObject({
      question: "忻州GDP",
      answer: "不知道",
      article: "a",
      count: summary.down,
    });
  });
});

describe("a change that leaves the folder unloadable", () => {
  it("is undone, and the old engine keeps answering", async () => {
    const engine: AnsweringEngine = {
      summary: { version: "v1", articles: [], facts: [], places: [] },
      examples: [],
      ask: async () => ({}) as never,
      askMany: async () => [],
      close: async () => {},
    };
    const live = createLiveKnowledge(engine, async () => ({
      ok: false,
      problems: [{ file: "facts/x.yaml", line: 3, message: "no article" }],
    }));
    const steps: string[] = [];
    const result = await live.change(
      async () => void steps.push("moved"),
      async () => void steps.push("moved back"),
    );
    expect(result.ok).toBe(false);
    expect(steps).toEqual(["moved", "moved back"]);
    expect(live.summary.version).toBe("v1");
  });
});

describe("in chat", () => {
  it("a value typed for a field is checked and put in the file's form", () => {
    expect(checkField("date", "2024年3月5日", NOW)).toEqual({ ok: true, value: "2024-03-05" });
    expect(checkField("date", "2024/11/20", NOW)).toEqual({ ok: true, value: "2024-11-20" });
    expect(checkField("date", "2024-02-30", NOW).ok).toBe(false);
    expect(checkField("date", "2030-01-01", NOW).ok).toBe(false);
    // NOW is 16:00 on 22 November in Shanghai: the 23rd may be typed, the 24th not; in UTC-10 it is still the 21st.
    expect(checkField("date", "2026-11-23", NOW, "Asia/Shanghai")).toEqual({ ok: true, value: "2026-11-23" });
    expect(checkField("date", "2026-11-24", NOW, "Asia/Shanghai")).toEqual({
      ok: false,
      reason: "这个日期还没到（最晚可以是明天）。",
    });
    expect(checkField("date", "2026-11-23", NOW, "Pacific/Honolulu").ok).toBe(false);
    expect(checkField("url", "ftp://x.cn/a", NOW).ok).toBe(false);
    expect(checkField("url", "https://x.cn/a", NOW)).toEqual({ ok: true, value: "https://x.cn/a" });
    expect(checkField("publisher", "忻州日报", NOW)).toEqual({ ok: true, value: "忻州日报" });
    expect(checkField("title", "一", NOW).ok).toBe(false);
  });

  it("long text that reads as an article is imported; a long question is asked", () => {
    const article = "原平市今年接待游客321.5万人次，同比增长12.3%。".repeat(10);
    expect(isPastedArticle(article)).toBe(true);
    expect(isPastedArticle(`${article}这些数字是真的吗？`)).toBe(false);
    expect(isPastedArticle("忻州".repeat(200))).toBe(false);
  });

  it("the questions a new article will answer come from its sentences with figures", () => {
    const questions = sampleQuestions([
      { text: "今年以来，原平市坚持把文旅产业作为抓手。", heading: false },
      { text: "据统计，2024年前三季度原平市共接待游客321.5万人次，同比增长12.3%。", heading: false },
      { text: "原平市旅游综合收入达到28.6亿元。", heading: false },
    ] as never);
    expect(questions).toEqual(["2024年前三季度原平市共接待游客多少人次？", "原平市旅游综合收入达到多少元？"]);
  });

  it("what waits in memory expires and is bounded", () => {
    let now = 0;
    const map = new ExpiringMap<string, number>(2, 1000, () => now);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3);
    expect(map.get("a")).toBeUndefined();
    expect(map.get("b")).toBe(2);
    now = 1500;
    expect(map.get("c")).toBeUndefined();
  });
});
