/**
 * When a figure is for: a work report given in one year reviews the year before and sets targets for its
 * own; a bulletin titled with a year speaks of that year; a question with no period gets the latest full
 * year with a later part of a year beside it; a holiday's figure never answers a year, nor a target a result
 * or a result a target. All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleYears, periodOf } from "../../src/engine/read/periods.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-12-01T08:00:00Z");

const FILES = {
  "articles/work-report.md": article(
    {
      title: "静乐县政府工作报告",
      publisher: "静乐县人民政府",
      date: "2025-01-18",
      url: "https://example.org/report",
      region: "静乐县",
    },
    [
      "过去一年，全县地区生产总值完成91.7亿元，增长4.4%。",
      "全年完成植树造林3.6万亩。",
      "今年全县发展的主要预期目标是：地区生产总值增长5.5%左右，植树造林力争达到4.2万亩。",
    ].join("\n\n"),
  ),
  "articles/bulletin.md": article(
    {
      title: "宁武县2023年国民经济和社会发展统计公报",
      publisher: "宁武县统计局",
      date: "2024-04-02",
      url: "https://example.org/bulletin",
      region: "宁武县",
    },
    "全年全县粮食总产量8.35万吨，比上年增长2.1%。",
  ),
  "articles/half-year.md": article(
    {
      title: "宁武县上半年经济运行稳中向好",
      publisher: "测试报",
      date: "2024-07-25",
      url: "https://example.org/half",
      region: "宁武县",
    },
    "今年上半年，宁武县粮食总产量2.14万吨，同比增长1.2%。",
  ),
  "articles/holiday.md": article(
    {
      title: "端午假期代县文旅市场升温",
      publisher: "测试晚报",
      date: "2024-06-13",
      url: "https://example.org/duanwu",
      region: "代县",
    },
    "端午假期三天，全县共接待游客18.4万人次，实现旅游收入1.36亿元。",
  ),
  "articles/year-tourism.md": article(
    {
      title: "代县文旅产业全年盘点",
      publisher: "测试报",
      date: "2025-01-10",
      url: "https://example.org/daixian-year",
      region: "代县",
    },
    "2024年，代县全年接待游客612.7万人次。",
  ),
  "articles/only-half.md": article(
    {
      title: "河曲县光伏产业加快发展",
      publisher: "测试报",
      date: "2024-08-20",
      url: "https://example.org/hequ",
      region: "河曲县",
    },
    ["今年1-7月，河曲县光伏发电量4.6亿千瓦时。", "2024年一季度，河曲县光伏发电量1.8亿千瓦时。"].join("\n\n"),
  ),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("the year a figure is for", () => {
  it("reads a work report given in 2025 as 2024's results and 2025's targets", () => {
    const years = articleYears({ title: "静乐县政府工作报告", date: "2025-01-18" });
    expect(periodOf("全年完成植树造林3.6万亩。", "2025-01-18", "last", years)).toBe("2024年");
    expect(periodOf("过去一年，全县地区生产总值完成91.7亿元", "2025-01-18", "last", years)).toBe("2024年");
    expect(periodOf("植树造林力争达到4.2万亩", "2025-01-18", "last", years)).toBe("2025年");
    expect(periodOf("今年全县地区生产总值增长5.5%左右", "2025-01-18", "last", years)).toBe("2025年");
  });

  it("answers a work report's result for the year it reviews, said with that year, not the year of the report", () => {
    const a = ask("静乐县2024年地区生产总值是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("91.7亿元");
    expect(a.answer).toMatch(/^2024年/);
    expect(a.period).toBe("2024年");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("answers a work report's target for the year it is given in", () => {
    const a = ask("静乐县2025年植树造林目标是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("4.2万亩");
  });

  it("reads a bulletin titled 2023年… as 2023's, published in 2024", () => {
    const a = ask("宁武县2023年粮食总产量是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("8.35万吨");
    expect(a.period).toBe("2023年");
    expect(ask("宁武县2024年粮食总产量是多少？").answer).not.toContain("8.35万吨");
  });

  it("reads 1-7月 with no year as of the article's year", () => {
    expect(periodOf("今年1-7月，河曲县光伏发电量4.6亿千瓦时。", "2024-08-20")).toBe("2024年1-7月");
    expect(periodOf("截至10月底，全县光伏装机120万千瓦。", "2024-11-05")).toBe("截至2024年10月底");
  });

  it("reads 去年全年 as last year's time, in an article titled for a quarter, and 较去年全年 as a comparison", () => {
    const years = articleYears({ title: "某县一季度经济运行开局良好", date: "2025-04-12" });
    expect(periodOf("去年全年，某县地区生产总值完成88.1亿元。", "2025-04-12", "last", years)).toBe("2024年");
    expect(periodOf("1-3月，全县地区生产总值完成20.3亿元。", "2025-04-12", "last", years)).toBe("2025年1-3月");
    expect(periodOf("今年1-3月，销售额较去年全年增长一成。", "2025-04-12", "last", years)).toBe("2025年1-3月");
    // 全年 is the whole year, whatever part of it the title names.
    expect(periodOf("确保全年地区生产总值增长6%左右", "2025-04-12", "last", years)).toBe("2025年");
  });
});

describe("a question that names no period", () => {
  it("gets the latest full year's figure, and a later part of a year's beside it, each with its period", () => {
    const a = ask("宁武县粮食总产量是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/^2023年.*8\.35万吨.*；2024年(上半年|1月至6月).*2\.14万吨/);
    expect(a.citations.map((c) => c.url).sort()).toEqual(["https://example.org/bulletin", "https://example.org/half"]);
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("gets the latest part of a year, with its period, when no full year's figure exists", () => {
    const a = ask("河曲县光伏发电量是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("4.6亿千瓦时");
    expect(a.answer).toContain("2024年1月至7月");
  });
});

describe("a figure of another frame is a near fact, never the answer", () => {
  it("does not answer a year's question with a holiday's figure", () => {
    const a = ask("代县2024年接待游客多少人次？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("612.7万人次");
    expect(a.answer).not.toContain("18.4万");
  });

  it("gives a holiday's figure for a year asked only as a near fact, said as such", () => {
    const a = ask("代县2024年实现旅游收入多少？");
    expect(a.answered).toBe(false);
    expect(a.reason).toBe("near");
    expect(a.near?.conflict).toBe("holiday");
    expect(a.near?.answer).toContain("1.36亿元");
  });

  it("does not answer a year with a part of it", () => {
    const a = ask("宁武县2024年粮食总产量是多少？");
    expect(a.answered).toBe(false);
    expect(a.near?.conflict).toBe("period");
    expect(a.near?.answer).toContain("2.14万吨");
  });

  it("does not answer a result asked with a target", () => {
    const a = ask("静乐县2025年植树造林实际完成多少？");
    expect(a.answered).toBe(false);
    expect(a.reason).toBe("near");
    expect(a.near?.conflict).toBe("target");
    expect(directAnswer(a)).toContain("目标或计划");
  });

  it("does not answer a target asked with a result", () => {
    const a = ask("静乐县2024年植树造林目标是多少？");
    expect(a.answered).toBe(false);
    expect(a.reason).toBe("near");
    expect(a.near?.conflict).toBe("result");
    expect(a.near?.answer).toContain("3.6万亩");
    expect(directAnswer(a)).toContain("实际完成的数字，不是目标或计划");
  });
});
