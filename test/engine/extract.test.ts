import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ExtractedFact, extractFacts } from "../../src/engine/extract/index.js";
import { readArticles, readExpected, scoreExtraction } from "../../src/eval/extraction.js";
import { parseArticle } from "../../src/knowledge/article.js";

const SAMPLE = "test/fixtures/extraction";

function article(front: Record<string, string>, body: string) {
  const fields = {
    id: "a",
    title: "示例",
    publisher: "示例",
    date: "2024-11-05",
    url: "https://example.org/a",
    lang: "zh",
    ...front,
  };
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return parseArticle("a.md", `---\n${yaml}\n---\n\n${body}\n`, "a").article!;
}

const factOf = (facts: ExtractedFact[], value: string) => facts.find((f) => f.value === value)!;

describe("every figure of an article as a fact", () => {
  it("reads 全县 as the county of the article", () => {
    const facts = extractFacts(article({ region: "五寨县" }, "全县粮食产量12.5万吨。"));
    expect(factOf(facts, "12.5万吨").subject).toBe("五寨县");
  });

  it("reads 全县 as the county the title names when the article has no region", () => {
    const facts = extractFacts(article({ title: "岢岚县粮食丰收" }, "今年全县粮食产量8.1万吨。"));
    expect(factOf(facts, "8.1万吨").subject).toBe("岢岚县");
  });

  it("gives a work report's results to the year before it and its targets to its own year", () => {
    const facts = extractFacts(
      article(
        { title: "2024年示例市政府工作报告", region: "忻州市", date: "2024-01-20" },
        "全市地区生产总值完成1100亿元。\n\n今年力争地区生产总值增长6%。",
      ),
    );
    expect(factOf(facts, "1100亿元")).toMatchObject({ period: "2023年", status: "result" });
    expect(factOf(facts, "6%")).toMatchObject({ period: "2024年", status: "target" });
  });

  it("makes 今年前三季度 explicit from the article's date", () => {
    const facts = extractFacts(article({ region: "忻州市" }, "今年前三季度，全市地区生产总值完成900亿元。"));
    expect(factOf(facts, "900亿元").period).toBe("2024年前三季度");
  });

  it("reads 力争 as a target and 预计 as a forecast", () => {
    const facts = extractFacts(
      article({ region: "忻州市" }, "力争全年接待游客3000万人次。\n\n预计全年旅游收入300亿元。"),
    );
    expect(factOf(facts, "3000万人次").status).toBe("target");
    expect(factOf(facts, "300亿元").status).toBe("forecast");
  });

  it("reads 增长 as a growth of the measure before it, and 居全省第三 as a rank", () => {
    const facts = extractFacts(article({ region: "忻州市" }, "全市粮食产量130万吨，增长2.1%，居全省第三。"));
    expect(factOf(facts, "2.1%")).toMatchObject({ kind: "growth", canonical: "粮食产量" });
    expect(factOf(facts, "全省第三").kind).toBe("rank");
  });

  it("gives GDP and 生产总值 one canonical measure", () => {
    const facts = extractFacts(article({ region: "忻州市" }, "全市生产总值完成1200亿元。"));
    expect(factOf(facts, "1200亿元").canonical).toBe("地区生产总值");
  });

  it("keeps 城镇常住人口 apart from 常住人口", () => {
    const facts = extractFacts(article({ region: "忻州市" }, "年末常住人口266万人，其中城镇常住人口158万人。"));
    expect(factOf(facts, "266万人").canonical).toBe("常住人口");
    expect(factOf(facts, "158万人").canonical).toBe("城镇常住人口");
  });

  it("reaches its floors on the invented sample", () => {
    const score = scoreExtraction(
      readArticles(SAMPLE, (f) => !f.endsWith("-heldout.md") && !f.startsWith("blind-")),
      readExpected(path.join(SAMPLE, "expected.jsonl")),
      true,
    );
    expect(score.matched / score.extracted).toBeGreaterThanOrEqual(0.97);
    expect(score.matched / score.expected).toBeGreaterThanOrEqual(0.97);
    const floors = { subject: 0.95, measure: 0.88, period: 0.95, kind: 0.95, status: 0.95 };
    for (const [field, floor] of Object.entries(floors)) {
      const { right, checked } = score.fields[field as keyof typeof floors];
      expect(right / checked, field).toBeGreaterThanOrEqual(floor);
    }
  });
});
