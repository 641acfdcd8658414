/**
 * Whose figure, which item and which time: a scenic area's or a company's figure named before it is not its
 * place's; the city's 全市 figure is not a county's; lists said respectively (分别) give each figure its year or
 * item; a sentence that names no time goes on in its paragraph's; English parts of a year are read on both
 * sides; a part (exports) is never answered by the whole made of it (imports and exports). All text is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { findFigures } from "../../src/engine/read/figures.js";
import { periodOf } from "../../src/engine/read/periods.js";
import { respectiveItems, respectiveYear } from "../../src/engine/read/respective.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { splitSentences } from "../../src/knowledge/sentences.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const NOW = new Date("2025-12-01T08:00:00Z");

const FILES = {
  "articles/holiday.md": article(
    {
      title: "2025年端午假期某市文旅市场升温",
      publisher: "测试日报",
      date: "2025-06-04",
      url: "https://example.org/duanwu",
      region: "忻州市",
    },
    [
      "端午假期3天，全市累计接待游客88.6万人次，同比增长9.1%；日均接待游客29.5万人次。",
      "假期期间，芦芽山景区共接待游客6.2万人次，同比增长12.4%；芦芽山景区门票收入520万元。",
    ].join("\n\n"),
  ),
  "articles/county-profile.md": article(
    {
      title: "偏关县概况",
      publisher: "测试百科",
      date: "2025-05-01",
      url: "https://example.org/pianguan",
      region: "偏关县",
    },
    [
      "2021年、2022年、2023年，偏关县地区生产总值分别为41.2亿元、45.8亿元、47.3亿元。[3]2024年，全县地区生产总值49.06亿元。其中，第二产业增加值27.14亿元。[3]",
      "2024年，全县粮食播种面积31.5万亩；谷子、糜子、莜麦种植面积分别为6.4万亩、3.9万亩、2.7万亩。",
      "2024年，全县城镇居民人均可支配收入28760元。",
    ].join("\n\n"),
  ),
  "articles/city-holiday.md": article(
    {
      title: "五台县国庆假期旅游市场火爆",
      publisher: "测试晚报",
      date: "2024-10-08",
      url: "https://example.org/guoqing",
      region: "五台县",
    },
    "国庆假期，全市共接待游客301.5万人次，实现旅游收入26.4亿元；五台县接待游客58.2万人次。",
  ),
  "articles/half-year.md": article(
    {
      title: "神池县上半年经济运行平稳",
      publisher: "测试报",
      date: "2025-07-22",
      url: "https://example.org/shenchi",
      region: "神池县",
    },
    "1-6月，全县规模以上工业增加值同比增长8.3%。",
  ),
  "articles/projects.md": article(
    {
      title: "某经济区2025年第二批重点项目集中开工",
      publisher: "测试报",
      date: "2025-06-20",
      url: "https://example.org/batch2",
      region: "忻州市",
    },
    [
      "## 两地同步",
      "北片区开工项目31个，总投资142.6亿元。此外，偏关县、河曲县、保德县等其他县同步开工项目12个，总投资33.1亿元。",
      "第一批集中开工项目90个、总投资401.2亿元，第二批总投资增长12.5%。",
      "作为本批最大的项目，山西某某新材料有限公司年产5万吨石墨负极项目总投资21.3亿元。项目达产后预计年产值可达32亿元。",
    ].join("\n\n"),
  ),
  "articles/company.md": article(
    {
      title: "静乐县一家杂粮企业的成长",
      publisher: "测试报",
      date: "2025-03-02",
      url: "https://example.org/company",
      region: "静乐县",
    },
    "山西某某杂粮有限公司成立于2009年。公司占地面积85亩，现有员工164人。",
  ),
  "articles/county-en.md": article(
    {
      title: "Jingle county's economy grows steadily",
      publisher: "Test Daily",
      date: "2025-03-10",
      url: "https://example.org/jingle-en",
      region: "静乐县",
      lang: "en",
    },
    [
      "Jingle county's GDP reached 9.86 billion yuan in 2024, up 4.8 percent, behind Ningwu county, whose GDP stood at 12.4 billion yuan.",
      "Shanxi Fenghe Oats Co Ltd, the county's largest food maker, produced 31,000 tonnes of oat flakes in 2024.",
    ].join("\n\n"),
  ),
  "articles/overview.md": article(
    {
      title: "某市2024年城市建设概览",
      publisher: "测试报",
      date: "2025-03-20",
      url: "https://example.org/green",
      region: "忻州市",
    },
    [
      "2024年，忻州市城市绿地面积达到3126公顷（下同）。",
      "作为对照，同为山西省城市的省会太原市，2024年城市绿地面积为18340公顷。",
    ].join("\n\n"),
  ),
  "articles/trade-en.md": article(
    {
      title: "City's foreign trade up 9.8% in first three quarters",
      publisher: "Test Daily",
      date: "2025-10-20",
      url: "https://example.org/trade",
      region: "忻州市",
      lang: "en",
    },
    [
      "Xinzhou's total imports and exports reached 8.21 billion yuan in the first three quarters of 2025, up 9.8 percent year-on-year.",
      "Exports amounted to 5.96 billion yuan, up 13.2 percent, while imports stood at 2.25 billion yuan.",
    ].join("\n\n"),
  ),
};

let engine: Engine;
beforeAll(async () => {
  // On the shipped knowledge too: its glossary names the measures a typo is mended into.
  engine = await engineFor(knowledgeDir(FILES, SHIPPED));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("whose figure it is", () => {
  it("answers the city's visitors with the whole city's figure, not a scenic area's nor the daily average", () => {
    const a = ask("忻州2025年端午假期共接待游客多少人次？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("88.6万人次");
    expect(a.answer).not.toContain("6.2万");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("answers the daily average only when it is asked", () => {
    const a = ask("忻州2025年端午假期日均接待游客多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("29.5万人次");
  });

  it("says a scenic area's figure, the only one there is, as another subject's, not as the city's", () => {
    const a = ask("忻州2025年端午假期门票收入是多少？");
    expect(a.answered).toBe(false);
    expect(a.near?.conflict).toBe("subject");
    expect(directAnswer(a)).toContain("景区、企业或单位");
  });

  it("answers a scenic area's figure when the question names the area", () => {
    const a = ask("2025年端午假期芦芽山接待了多少游客？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("6.2万人次");
  });

  it("never gives the city's 全市 figure for a county", () => {
    const a = ask("五台县2024年国庆假期旅游收入是多少？");
    expect(a.answered).toBe(false);
    expect(a.near?.conflict).toBe("place");
    expect(a.near?.answer).toContain("26.4亿元");
  });
});

describe("lists said respectively", () => {
  const years = "2021年、2022年、2023年，偏关县地区生产总值分别为41.2亿元、45.8亿元、47.3亿元。";
  const crops = "谷子、糜子、莜麦种植面积分别为6.4万亩、3.9万亩、2.7万亩。";

  it("reads each figure's year from the list of years before 分别", () => {
    const figures = findFigures(years);
    expect(figures.map((f) => respectiveYear(years, figures, f))).toEqual(["2021年", "2022年", "2023年"]);
  });

  it("reads each figure's item from the list before 分别, and nothing when the counts differ", () => {
    const figures = findFigures(crops);
    expect(respectiveItems(crops, figures, figures[1]!)).toEqual({ items: ["谷子", "糜子", "莜麦种植面积"], at: 1 });
    const uneven = "谷子、糜子种植面积分别为6.4万亩、3.9万亩、2.7万亩。";
    const f = findFigures(uneven);
    expect(respectiveItems(uneven, f, f[0]!)).toBeUndefined();
  });

  it("answers a year of the list with that year's figure alone", () => {
    const a = ask("偏关县2022年GDP是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toBe("2022年，偏关县地区生产总值为45.8亿元。");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("answers an item of the list with its own figure", () => {
    const a = ask("偏关县2024年糜子种植面积是多少？");
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain("3.9万亩");
    expect(a.answer).toContain("3.9万亩");
  });
});

describe("the time a sentence goes on in", () => {
  it("gives a 其中-sentence its paragraph's year, and says its part alone with the place", () => {
    const a = ask("偏关县2024年第二产业增加值是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toBe("2024年，偏关县第二产业增加值27.14亿元。");
  });

  it("ends a sentence at an encyclopedia's reference mark, which is not quoted", () => {
    expect(splitSentences("全县地区生产总值49.06亿元。[3]其中，第二产业增加值27.14亿元。[3]")).toEqual([
      "全县地区生产总值49.06亿元。",
      "其中，第二产业增加值27.14亿元。",
    ]);
  });

  it("reads English parts of a year in evidence", () => {
    expect(
      periodOf("Exports reached 5.96 billion yuan in the first three quarters of 2025", "2025-10-20", "last"),
    ).toBe("2025年1-9月");
    expect(periodOf("Exports rose from January to June", "2025-07-20", "last")).toBe("2025年1-6月");
  });
});

describe("a part and the whole made of it", () => {
  it("answers exports with the exports figure, never the total of imports and exports", () => {
    const a = ask("By how much did Xinzhou's exports grow in the first three quarters of 2025?");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("13.2");
    expect(a.answer).not.toContain("9.8");
  });

  it("answers foreign trade with the total of imports and exports", () => {
    const a = ask("What was the value of Xinzhou's foreign trade in January-September 2025?");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("8.21");
  });

  it("does not answer a question of 1-5月 with a figure of 1-6月", () => {
    expect(ask("神池县2025年1-6月规上工业增加值增长了多少？").answer).toContain("8.3%");
    const a = ask("神池县2025年1-5月规上工业增加值增长了多少？");
    expect(a.answered).toBe(false);
    expect(a.near?.citation.quote).toContain("8.3%");
  });
});

describe("batches, projects and places listed together", () => {
  it("reads a sentence of 开工 in an article titled for the second batch as the batch's", () => {
    const a = ask("第二批集中开工中北片区的项目总投资是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("142.6亿元");
  });

  it("gives no one county the figure of several counties listed together", () => {
    const a = ask("河曲县第二批集中开工项目总投资是多少？");
    expect(a.answered).toBe(false);
    expect(a.near?.conflict).toBe("place");
  });

  it("takes 比第一批 as the base of a comparison, not a qualifier", () => {
    const a = ask("2025年第二批开工项目的总投资比第一批增长了多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("12.5%");
  });

  it("names the project a sentence opening with 项目 speaks of, and puts no year before a figure for once it is done", () => {
    const a = ask("石墨负极项目达产以后年产值能有多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toBe("石墨负极项目达产后预计年产值可达32亿元。");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });
});

describe("companies and their dates", () => {
  it("answers both parts of 占地面积多大，有多少员工 and says no founding year for them", () => {
    const a = ask("静乐县某某杂粮公司占地面积多大，有多少员工？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("85亩");
    expect(a.answer).toContain("164人");
    expect(a.answer).not.toContain("2009年");
  });

  it("never gives an English company's output, nor the place after 'whose', as the county's", () => {
    const gdp = ask("What was Jingle county's GDP in 2024?");
    expect(gdp.answered).toBe(true);
    expect(gdp.answer).toContain("9.86");
    expect(gdp.answer).not.toContain("12.4");
    const g = ask("How many tonnes of grain did Jingle county produce in 2024?");
    expect(g.answered).toBe(false);
    expect(g.near?.conflict).toBe("subject");
    expect(ask("How many tonnes of oat flakes did Fenghe produce in 2024?").answer).toContain("31,000");
  });
});

describe("a typo at a word's end", () => {
  it("mends a name's last character typed as a question word's (可支配收如)", () => {
    const a = ask("偏关县2024年城镇居民人均可支配收如是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("28760元");
  });
});

describe("another place as the topic", () => {
  it("never gives the figure of a place that ends the clause before it (…的省会太原市，2024年…) for the city asked", () => {
    const a = ask("忻州市2024年城市绿地面积是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("3126公顷");
    expect(a.answer).not.toContain("下同");
    expect(a.answer).not.toContain("18340");
  });

  it("reads urban residents' income as 城镇居民's, in English", () => {
    const a = ask("What was the per capita disposable income of urban residents in Pianguan County in 2024?");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("28760");
  });
});
