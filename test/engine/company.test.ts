/**
 * A company story: its sentences say 公司 / 该公司 / 企业 and leave the company's name to the title and the
 * first paragraph, as such stories do; a clause about a project of the company (项目占地面积) is the project's,
 * and what a project will bring (将达到) is no answer to what the company has now. All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-11-01T08:00:00Z");

const FILES = {
  "articles/hongtai.md": article(
    {
      title: "定襄宏泰新材：一家法兰小厂的转型路",
      publisher: "测试经济报",
      date: "2025-10-12",
      url: "https://example.org/hongtai",
      region: "定襄县",
    },
    [
      "在定襄县经济开发区，山西宏泰新材料有限公司的新车间里，几条自动化生产线正在满负荷运转。",
      "宏泰新材成立于2006年，如今已是省内重要的环锻件供应商。该公司占地面积350亩，环锻件年产能达到6万吨。",
      "2024年，公司实现营业收入12.4亿元，同比增长9.6%。今年1至9月，企业实现营业收入10.1亿元，同比增长8.2%。",
      "去年5月，该公司开工建设总投资3.2亿元的精密环锻生产线，项目占地面积85亩，预计明年投产。项目建成后，公司环锻件年产能将达到8万吨。",
      "数据显示，定襄县城乡居民人均可支配收入分别增长4.1%和6.3%。",
    ].join("\n\n"),
  ),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(removeKnowledgeDirs);

describe("a company story answers for the company its title names", () => {
  it.each([
    ["宏泰新材2024年营业收入是多少", "12.4亿元"],
    ["宏泰新材今年1-9月营收多少？", "10.1亿元"],
    ["宏泰新材 占地面积", "350亩"],
    ["宏泰新材现在环锻件年产能是多少？", "6万吨"],
    // With no time asked, what the company has comes before what a project will bring.
    ["宏泰新材环锻件年产能是多少", "6万吨"],
  ])("%s → %s", (q, figure) => {
    const a = engine.ask(q, NOW);
    expect(a.answered).toBe(true);
    expect(a.figure).toBe(figure);
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("never gives a project's area for the company's", () => {
    const a = engine.ask("宏泰新材占地多少亩", NOW);
    expect(a.figure ?? "").not.toBe("85亩");
  });

  it("never gives the capacity a project will bring for the capacity now", () => {
    const a = engine.ask("宏泰新材目前年产能多少", NOW);
    expect(a.figure ?? "").not.toBe("8万吨");
  });
});
