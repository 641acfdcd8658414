/**
 * The frame of a figure: a question is answered only by evidence of the part of the year, the holiday,
 * the status (result or target), the measure and the place it asks; evidence of another frame is given as
 * a near fact, never as the answer. All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-12-01T08:00:00Z");

const FILES = {
  "articles/city-q1.md": article(
    {
      title: "忻州市一季度经济运行情况",
      publisher: "测试报",
      date: "2024-04-20",
      url: "https://example.org/q1",
      region: "忻州市",
    },
    [
      "2024年一季度，忻州市社会消费品零售总额完成88.6亿元，同比增长5.1%。",
      "2024年一季度，全市城镇常住居民人均可支配收入10234元。",
    ].join("\n\n"),
  ),
  "articles/city-year.md": article(
    {
      title: "忻州市2024年国民经济统计公报",
      publisher: "测试统计局",
      date: "2025-03-20",
      url: "https://example.org/year",
      region: "忻州市",
    },
    [
      "全年全市一般公共预算收入172.4亿元，比上年增长3.2%。",
      "年末全市城镇常住人口150.2万人。",
      "全年全市规模以上工业增加值增长6.8%。",
    ].join("\n\n"),
  ),
  "articles/holiday.md": article(
    {
      title: "国庆假期忻州文旅市场火热",
      publisher: "测试晚报",
      date: "2024-10-08",
      url: "https://example.org/guoqing",
      region: "忻州市",
    },
    "国庆假期，忻州市共接待游客412.5万人次，实现旅游收入31.2亿元。",
  ),
  "articles/plan.md": article(
    {
      title: "忻州市新能源发展规划",
      publisher: "测试报",
      date: "2024-05-10",
      url: "https://example.org/plan",
      region: "忻州市",
    },
    "到2024年底，忻州市风电装机的目标是达到980万千瓦。",
  ),
  "articles/county.md": article(
    {
      title: "忻州市静乐县经济稳步增长",
      publisher: "测试县报",
      date: "2024-02-01",
      url: "https://example.org/county",
      region: "静乐县",
    },
    "2023年，全县地区生产总值完成68.7亿元，同比增长4.9%。\n\n目前，全县共有铸造企业85家，其中规模以上企业19户。",
  ),
  "articles/bulletin.md": article(
    {
      title: "忻州市2024年经济运行综述",
      publisher: "测试统计局",
      date: "2025-03-21",
      url: "https://example.org/review",
      region: "忻州市",
    },
    [
      "初步核算，全年全市地区生产总值1402.6亿元，按不变价格计算，比上年增长4.4%。",
      "按常住人口计算，全年人均地区生产总值53120元，比上年增长4.9%。",
      "全年全市农村居民人均可支配收入15630元，比上年增长6.6%。",
    ].join("\n\n"),
  ),
  "articles/wuzhai.md": article(
    {
      title: "五寨县2023年居民收入稳步增长",
      publisher: "测试县报",
      date: "2024-02-10",
      url: "https://example.org/wuzhai",
      region: "五寨县",
    },
    "按常住地分，2023年全县城镇居民人均可支配收入28120元，增长4.2%；农村居民人均可支配收入11030元，增长7.1%。",
  ),
  "articles/batch.md": article(
    {
      title: "忻州市重大项目集中开工",
      publisher: "测试报",
      date: "2024-04-02",
      url: "https://example.org/batch",
      region: "忻州市",
    },
    [
      "今年全市开工建设的重大项目共520个，总投资3120亿元。",
      "此次首批集中开工的重大项目共126个，总投资842亿元。其中，产业类项目74个，总投资531亿元。",
    ].join("\n\n"),
  ),
  "articles/batch2.md": article(
    {
      title: "忻州市第二批重点项目集中开工",
      publisher: "测试报",
      date: "2024-06-02",
      url: "https://example.org/batch2",
      region: "忻州市",
    },
    [
      "年初确定实施的重点工程项目共480个，总投资2610亿元。",
      "此次集中开工项目共58个，总投资236亿元，年度计划投资71亿元。",
      "其中，总投资12亿元的忻州市绿色铸造产业园项目由某某公司投资建设。",
      "该项目建成后预计年产值30亿元。",
    ].join("\n\n"),
  ),
  "articles/county-en.md": article(
    {
      title: "Jingle County at a glance",
      publisher: "Test Daily",
      date: "2024-03-01",
      url: "https://example.org/jingle-en",
      region: "静乐县",
    },
    "Jingle County has a per capita disposable income of 18,800 yuan, with urban residents averaging 29,650 yuan " +
      "and rural residents averaging 12,020 yuan.",
  ),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("evidence of another frame is a near fact, never the answer", () => {
  it.each([
    ["忻州市2024年全年社会消费品零售总额是多少？", "period", "88.6亿元"],
    ["忻州2024年城镇常住居民人均可支配收入是多少？", "period", "10234元"],
    ["忻州2024年春节接待游客多少人次？", "holiday", "412.5万人次"],
    ["忻州风电装机2024年一季度的目标是多少？", "period", "980万千瓦"],
    // A part of one batch (其中，产业类项目…) is no answer for a part of another, nor the batch's total for a part.
    ["忻州第二批集中开工项目中产业类项目有多少个", "measure", "74个"],
    ["忻州市2024年风电装机实际达到多少？", "target", "980万千瓦"],
    ["忻州2024年常住人口是多少？", "measure", "150.2万人"],
    ["忻州2024年一般公共预算支出是多少？", "measure", "172.4亿元"],
    ["忻州市2023年地区生产总值是多少？", "place", "68.7亿元"],
  ])("%s → refused as %s, with the near figure %s and its source", (q, conflict, figure) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.reason).toBe("near");
    expect(a.near?.conflict).toBe(conflict);
    expect(a.near?.answer).toContain(figure);
    // The near figure stands in its quote, and the reply says what the sources lack before giving it.
    expect(a.near?.citation.quote).toContain(figure);
    expect(directAnswer(a)).toMatch(/^资料里没有这个问题问的数字（.+）。相近的是：/);
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("says an English question's near figure in English", () => {
    const a = ask("How many tourists did Xinzhou receive during the Spring Festival of 2024?");
    if (a.reason !== "near") return expect(a.answered).toBe(false);
    expect(directAnswer(a)).toMatch(/^My sources do not give that figure \(/);
  });
});

describe("evidence of the frame asked still answers", () => {
  it.each([
    ["忻州市2024年一季度社会消费品零售总额是多少？", "88.6亿元"],
    ["忻州国庆假期接待游客多少人次？", "412.5万人次"],
    ["忻州市2024年风电装机目标是多少？", "980万千瓦"],
    ["忻州2024年城镇常住人口是多少？", "150.2万人"],
    ["忻州2024年一般公共预算收入是多少？", "172.4亿元"],
    ["静乐县2023年地区生产总值是多少？", "68.7亿元"],
    ["忻州2024年一季度城镇常住居民人均可支配收入是多少？", "10234元"],
    // The growth after an aside (按不变价格计算) is still the growth of the measure before it.
    ["忻州2024年地区生产总值增长多少？", "4.4%"],
    ["忻州2024年人均地区生产总值增长多少？", "4.9%"],
    // Of a sentence's figures, the one of the frame asked: the rural residents', not the county's total.
    ["What is the average disposable income of rural residents in Jingle County?", "12,020 yuan"],
    // 农民 and 农村居民 qualify the income alike.
    ["忻州2024年农民人均可支配收入增长多少？", "6.6%"],
    // Both sides asked together (城镇和农村) are asked as 城乡 asks them: each said apart.
    ["五寨县2023年城镇和农村居民人均可支配收入分别是多少？", "28120元"],
    ["五寨县2023年农村居民与城镇居民人均可支配收入各是多少", "11030元"],
    // 规上 is read apart from the trade it qualifies, as the sentence says them apart.
    ["静乐县有多少家规上铸造企业", "19户"],
    // 此次 is the batch the title names; a year's whole list is no batch.
    ["忻州第二批集中开工项目总投资是多少", "236亿元"],
    ["忻州首批集中开工的重大项目中产业类项目有多少个", "74个"],
    ["忻州第二批集中开工项目年度计划投资是多少", "71亿元"],
    // 该项目 is the project the sentence before names.
    ["忻州绿色铸造产业园项目建成后年产值多少", "30亿元"],
    // A first batch is not all projects; its items are counted in the sentence after it.
    ["忻州首批开工的重大项目总投资多少？", "842亿元"],
    ["忻州首批开工项目里产业类项目总投资多少", "531亿元"],
  ])("%s → %s", (q, figure) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.answer).toContain(figure);
  });
});

describe("an English sentence of several figures", () => {
  it("gives the figure of the residents asked, in the whole sentence", () => {
    const a = ask("What is the average disposable income of rural residents in Jingle County?");
    expect(a.figure).toBe("12,020 yuan");
    expect(a.answer).toMatch(/^Jingle County has a per capita disposable income/);
  });
});
