import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor, NOW } from "../helpers/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor();
});

const ask = (q: string) => engine.ask(q, NOW);

describe("direct answers", () => {
  it("answers with the figure, its period and the article that states it", () => {
    const a = ask("忻州新能源装机有多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("1200万千瓦");
    expect(a.answer).toContain("2024年");
    expect(a.citations[0]?.url).toBe("https://theory.sxrb.com/BIG5/319829/10250344.html");
    expect(a.citations[0]?.quote).toContain("1200万千瓦");
    expect(a.facts[0]).toMatchObject({ subject: "忻州市", value: 1200, unit: "万千瓦", period: "2024年1-9月" });
  });

  it("leads with the kind of figure the question asks for", () => {
    expect(ask("忻州新能源装机占全省比重").answer).toContain("17.38%");
    expect(ask("忻州新能源装机在全省排名第几").answer).toContain("全省第一");
    expect(ask("忻州省外游客占比多少").answer).toContain("44%");
    expect(ask("太忻一体化经济区人口占全省多少").answer).toContain("1/7");
  });

  it("resolves 今年 and 该市 from the article's date and place", () => {
    const a = ask("忻州战略性新兴产业增加值增长多少");
    expect(a.answer).toContain("11.2%");
    expect(a.answer).toContain("2024年");
    expect(a.answer).not.toMatch(/今年|该市/);
  });

  it("answers lists and people", () => {
    expect(ask("忻州的四大战略是什么").answer).toMatch(/南融东进.*创新驱动.*文旅赋能.*制造强忻/);
    expect(ask("省自然资源厅厅长是谁").answer).toContain("姚青林");
  });

  it("understands English, traditional characters, typos and bare keywords", () => {
    expect(ask("How many tourists did Xinzhou receive?").answer).toContain("2387.2万人次");
    expect(ask("忻州雜糧種植面積").answer).toContain("300万亩");
    expect(ask("太忻一体话经济区重大项目总投资").answer).toContain("9726亿元");
    expect(ask("忻洲 专精特新").answer).toContain("4家");
    // A name of two characters mistyped alone, before a number (忻洲2024年…), is mended too.
    expect(ask("忻洲2024年接待游客多少").answer).toContain("2387.2万人次");
  });

  it("offers questions to ask next that it can answer", () => {
    const a = ask("忻州新能源装机有多少？");
    expect(a.related.length).toBeGreaterThan(0);
    for (const q of a.related) expect(ask(q).answered, q).toBe(true);
  });
});

describe("knowing when not to answer", () => {
  it.each([
    ["北京市2023年GDP是多少？", "place"],
    ["深圳的新能源装机是多少", "place"],
    ["What is the GDP of Paris?", "place"],
    ["今天天气怎么样？", "topic"],
    ["红烧肉怎么做", "topic"],
    ["忻州的房价是多少", "topic"],
    ["What is Xinzhou's GDP?", "topic"],
    ["你好", "greeting"],
    ["2019年忻州接待游客多少", "period"],
  ])("%s → not answered (%s)", (q, reason) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.reason).toBe(reason);
    expect(a.citations).toEqual([]);
    expect(a.related.length).toBeGreaterThan(0);
  });
});

describe("bad input", () => {
  const inputs = [
    "",
    "   \n\t ",
    "忻".repeat(4000),
    "忻州新能源装机".repeat(600),
    "😀😀😀",
    "\u0000\u0007\u001b[31m忻州\u202e",
    "<b>忻州</b><script>alert(1)</script> 新能源装机",
    "**忻州** _新能源_ [装机](http://x)",
    ".*+?^${}()|[]\\ 忻州 (?<x>a)",
    "Xinzhou 新能源 capacity 有多少 ？！",
  ];
  it.each(inputs.map((s) => [s.slice(0, 30), s]))("replies sensibly to %j", (_, q) => {
    const a = ask(q);
    expect(typeof a.answer).toBe("string");
    expect(directAnswer(a).length).toBeGreaterThan(0);
    expect(directAnswer(a).length).toBeLessThanOrEqual(200);
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });
  it("does not answer emptiness", () => {
    expect(ask("").answered).toBe(false);
    expect(ask("😀😀😀").answered).toBe(false);
  });
});

describe("purity", () => {
  it("keeps no state between questions: an engine answers as a fresh one does after any other questions", async () => {
    const fresh = await engineFor();
    const question = "忻州市属国企完成投资多少";
    const first = fresh.ask(question, NOW);
    for (const q of [
      "北京GDP",
      "忻洲新能源装机",
      "How many tourists did Xinzhou receive?",
      "忻州新能源装机有多少？忻州GDP是多少？",
    ])
      engine.ask(q, NOW);
    expect(engine.ask(question, NOW)).toEqual(first);
    expect(first.answered).toBe(true);
  });
});
