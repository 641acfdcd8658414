/**
 * Several figures in one answer: a figure over the years, a comparison of two places, a rank, a growth,
 * and two measures asked at once. All text here is invented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJson } from "../../src/console.js";
import type { Engine } from "../../src/engine/index.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const NOW = new Date("2025-06-01T08:00:00Z");

const bulletin = (year: number, date: string, body: string[]) =>
  article(
    {
      title: `忻州市${year}年国民经济和社会发展统计公报`,
      publisher: "测试统计局",
      date,
      url: `https://example.org/bulletin-${year}`,
      region: "忻州市",
    },
    body.join("\n\n"),
  );

const news = (slug: string, region: string, date: string, body: string) =>
  article(
    { title: `${region}经济社会发展综述`, publisher: "测试县报", date, url: `https://example.org/${slug}`, region },
    body,
  );

const FILES = {
  "glossary.yaml": readFileSync(path.join(SHIPPED, "glossary.yaml")),
  "articles/b2021.md": bulletin(2021, "2022-03-20", [
    "全年全市地区生产总值1102.3亿元，比上年增长8.6%。",
    "年末全市常住人口268.1万人。",
  ]),
  "articles/b2022.md": bulletin(2022, "2023-03-20", [
    "全年全市地区生产总值1205.6亿元，比上年增长4.1%，增速位列全省第3位。",
    "年末全市常住人口266.4万人。",
  ]),
  "articles/b2023.md": bulletin(2023, "2024-03-22", [
    "全年全市地区生产总值1316.9亿元，比上年增长4.7%。",
    "全年全市社会消费品零售总额438.5亿元。",
    "全年全市城镇居民人均可支配收入38210元，农村居民人均可支配收入15620元。",
  ]),
  "articles/h2024.md": article(
    {
      title: "忻州市上半年经济运行情况",
      publisher: "测试日报",
      date: "2024-07-25",
      url: "https://example.org/h2024",
      region: "忻州市",
    },
    "2024年上半年，全市地区生产总值642.5亿元，同比增长3.9%。",
  ),
  "articles/wutai.md": news("wutai", "五台县", "2024-02-10", "2023年，五台县常住人口28.4万人，地区生产总值98.7亿元。"),
  "articles/daixian.md": news("daixian", "代县", "2024-02-12", "2023年，代县常住人口19.2万人，地区生产总值76.3亿元。"),
  "articles/projects.md": article(
    {
      title: "忻州市重大项目集中开工",
      publisher: "测试日报",
      date: "2024-04-02",
      url: "https://example.org/projects",
      region: "忻州市",
    },
    "4月1日，忻州市新开工重大项目86个，总投资512亿元。",
  ),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("a figure over the years", () => {
  it.each(["忻州GDP这几年怎么变化？", "忻州历年地区生产总值", "How has Xinzhou's GDP changed over the years?"])(
    "%s → every year's level, oldest first, each with its bulletin",
    (q) => {
      const a = ask(q);
      expect(a.answered).toBe(true);
      expect(a.series?.map((p) => [p.period, p.figure])).toEqual([
        ["2021年", "1102.3亿元"],
        ["2022年", "1205.6亿元"],
        ["2023年", "1316.9亿元"],
      ]);
      // A half year is another kind of period: not a point of the yearly series.
      expect(a.series?.map((p) => p.figure)).not.toContain("642.5亿元");
      for (const p of a.series ?? []) {
        expect(p.quote).toContain(p.figure);
        expect(p.citation.title).toContain(p.period);
        expect(p.unit).toBe("亿元");
      }
      expect(directAnswer(a)).toContain("1102.3亿元");
      expect(directAnswer(a)).toContain("1316.9亿元");
    },
  );

  it("gives a growth rate's own series, not the levels", () => {
    const a = ask("忻州GDP增速历年");
    expect(a.series?.map((p) => p.figure)).toEqual(["8.6%", "4.1%", "4.7%"]);
  });

  it("puts the series in the JSON answer, and lists it with its sources in the text", () => {
    const json = answerJson(ask("忻州常住人口这几年怎么变化"));
    expect(json.series?.map((p) => ({ period: p.period, value: p.value, unit: p.unit }))).toEqual([
      { period: "2021年", value: 268.1, unit: "万人" },
      { period: "2022年", value: 266.4, unit: "万人" },
    ]);
    expect(json.text).toContain("《忻州市2021年国民经济和社会发展统计公报》");
    expect(json.text).toContain("《忻州市2022年国民经济和社会发展统计公报》");
  });

  it("gives the last two years to 近两年", () => {
    expect(ask("忻州近两年地区生产总值").series?.map((p) => p.period)).toEqual(["2022年", "2023年"]);
  });

  it("gives no series to a question that asks one figure", () => {
    expect(ask("忻州2023年地区生产总值是多少").series).toBeUndefined();
  });

  it("offers, with an answer of one year, its measure's series when the sources give three periods or more", () => {
    const a = ask("忻州2023年地区生产总值是多少");
    expect(a.figure).toBe("1316.9亿元");
    expect(a.overTime?.map((p) => p.figure)).toEqual(["1102.3亿元", "1205.6亿元", "1316.9亿元"]);
    // Two years of population are no more than the answer and its other figure say.
    expect(ask("忻州2022年常住人口是多少").overTime).toBeUndefined();
    // A question over the years has its series already.
    expect(ask("忻州GDP这几年怎么变化？").overTime).toBeUndefined();
  });
});

describe("a comparison of two places", () => {
  it("gives both figures of the same year, each with its source, and says which is higher", () => {
    const a = ask("五台和代县谁的人口多？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("28.4万人");
    expect(a.answer).toContain("19.2万人");
    expect(a.citations.map((c) => c.url)).toEqual(["https://example.org/wutai", "https://example.org/daixian"]);
    expect(a.comparison?.winner).toBe("五台");
    expect(directAnswer(a)).toContain("五台更多");
  });

  it("names the lower one when the question asks for it", () => {
    expect(ask("五台县和代县哪个地区生产总值低").comparison?.winner).toBe("代县");
  });

  it("gives the side it has and says the other is missing, never lending it a figure", () => {
    const a = ask("忻州和太原哪个GDP高？");
    expect(a.answered).toBe(true);
    expect(a.comparison?.sides.map((s) => [s.name, s.answered])).toEqual([
      ["忻州", true],
      ["太原", false],
    ]);
    expect(a.comparison?.winner).toBeUndefined();
    expect(directAnswer(a)).toContain("没有太原");
  });

  it("does not say which is higher when the two figures are of different years", () => {
    const a = ask("忻州和五台哪个常住人口多");
    expect(a.comparison?.sides.every((s) => s.answered)).toBe(true);
    expect(a.comparison?.winner).toBeUndefined();
    expect(a.comparison?.incomparable).toBe(true);
  });

  it("reads the English form", () => {
    expect(ask("Which is larger, Wutai's GDP or Daixian's GDP?").comparison?.winner).toBe("Wutai's GDP");
  });
});

describe("a rank is answered by a rank statement only", () => {
  it("gives the rank where one is stated", () => {
    const a = ask("忻州GDP增速在全省排第几？");
    expect(a.answered).toBe(true);
    expect(a.figure).toBe("全省第3位");
  });

  it("refuses where only amounts and growth rates are stated", () => {
    const a = ask("忻州社会消费品零售总额在全省排第几？");
    expect(a.answered).toBe(false);
    expect(a.answer).not.toContain("438.5");
  });
});

describe("a growth is answered by a growth figure only", () => {
  it("gives the rate where one is stated", () => {
    const a = ask("忻州2023年地区生产总值增长多少？");
    expect(a.figure).toBe("4.7%");
  });

  it("refuses where only the amount is stated", () => {
    const a = ask("忻州社会消费品零售总额涨了多少？");
    expect(a.answered).toBe(false);
    expect(directAnswer(a)).not.toContain("438.5亿元");
  });
});

describe("two measures in one question", () => {
  it("gives both incomes asked with 分别, each from its quote", () => {
    const a = ask("忻州城乡居民人均可支配收入分别是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("38210元");
    expect(a.answer).toContain("15620元");
    expect(a.citations[0]?.quote).toContain("15620元");
  });

  it("gives the count and the investment asked as 有几个、总投资多少, said once", () => {
    const a = ask("忻州新开工重大项目有几个、总投资多少？");
    expect(a.answer).toContain("86个");
    expect(a.answer).toContain("512亿元");
    expect(a.answer.split("86个").length).toBe(2);
    expect(a.unansweredParts).toBeUndefined();
  });

  it("says which measure is missing", () => {
    const a = ask("忻州新开工重大项目有几个？平均工期多少天？");
    expect(a.answer).toContain("86个");
    expect(a.unansweredParts).toEqual(["平均工期多少天"]);
  });
});
