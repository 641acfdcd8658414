/**
 * Descriptive questions (是什么, 指什么, 有哪些, 为什么, 如何) answered by the sentence that says it, as written;
 * overviews of a place (经济怎么样, 概况) as its headline figures, each with its period and source; figure
 * questions about the same things unchanged. All text here is invented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJson } from "../../src/console.js";
import type { Engine } from "../../src/engine/index.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const NOW = new Date("2025-06-01T08:00:00Z");

const news = (slug: string, region: string, date: string, body: string[]) =>
  article(
    { title: `${region}发展纪事`, publisher: "测试日报", date, url: `https://example.org/${slug}`, region },
    body.join("\n\n"),
  );

const ZONE_DEFINED = "青岚新区是忻州市设立的省级新区，以数字经济和先进制造为主导产业。";
const ZONE_BELTS = "青岚新区的“三带两核”，即沿河生态带、数字产业带、文旅康养带和东西两个核心区。";
const ZONE_WHY = "为了承接京津冀产业转移，忻州市于2023年设立青岚新区。";
const ZONE_HOW = "青岚新区通过实施链长制、建设标准化厂房、设立产业基金，推动产业集聚发展。";
const ZONE_LIST = "新区重点发展新材料、智能装备、数据服务三大产业。";

const FILES = {
  "glossary.yaml": readFileSync(path.join(SHIPPED, "glossary.yaml")),
  "articles/zone.md": news("zone", "青岚新区", "2025-01-10", [
    `${ZONE_WHY}${ZONE_DEFINED}`,
    ZONE_BELTS,
    `${ZONE_HOW}${ZONE_LIST}`,
    "2024年，青岚新区地区生产总值86.5亿元，同比增长7.2%。",
  ]),
  "articles/county.md": news("county", "静乐县", "2025-02-15", [
    "2024年，静乐县地区生产总值52.3亿元，同比增长5.1%。",
    "2024年末，全县常住人口13.2万人。",
    "2024年，全县居民人均可支配收入18650元，同比增长6.3%。",
  ]),
  "articles/city.md": article(
    {
      title: "忻州市2024年国民经济和社会发展统计公报",
      publisher: "测试统计局",
      date: "2025-03-20",
      url: "https://example.org/bulletin-2024",
      region: "忻州市",
    },
    "全年全市地区生产总值1380.6亿元，比上年增长4.9%。\n\n年末全市常住人口265.8万人。",
  ),
  "articles/ningwu.md": news("ningwu", "宁武县", "2025-02-01", ["2024年末，宁武县常住人口31.5万人。"]),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(() => removeKnowledgeDirs());

const ask = (q: string) => engine.ask(q, NOW);

describe("a descriptive question", () => {
  it("是什么: the defining sentence, verbatim, with that sentence as the citation's quote", () => {
    const a = ask("青岚新区是什么？");
    expect(a.answered).toBe(true);
    expect(a.describing).toBe("define");
    expect(a.answer).toBe(ZONE_DEFINED);
    expect(a.citations[0]!.quote).toBe(ZONE_DEFINED);
    expect(a.figure).toBeUndefined();
  });

  it("指什么: the sentence where the term stands with 即, no date or subject put before it", () => {
    const a = ask("青岚新区的三带两核指什么");
    expect(a.answer).toBe(ZONE_BELTS);
    expect(a.citations.map((c) => c.url)).toEqual(["https://example.org/zone"]);
  });

  it("为什么: the sentence that gives the reason", () => {
    const a = ask("为什么设立青岚新区？");
    expect(a.describing).toBe("why");
    expect(a.answer).toContain("为了承接京津冀产业转移");
    expect(a.answer).not.toMatch(/^\d{4}年/);
  });

  it("如何: the sentence of measures", () => {
    const a = ask("青岚新区如何推动产业集聚？");
    expect(a.describing).toBe("how");
    expect(a.answer).toBe(ZONE_HOW);
  });

  it("有哪些: the sentence that lists them", () => {
    const a = ask("青岚新区的三大产业有哪些？");
    expect(a.describing).toBe("list");
    expect(a.answer).toBe(ZONE_LIST);
  });

  it("in English: the source's own words, quoted", () => {
    const a = answerJson(ask("What is 青岚新区?"));
    expect(a.answer).toContain(ZONE_DEFINED.replace(/。$/, ""));
  });

  it("how or why is not answered by a figure", () => {
    const a = ask("静乐县如何提高居民收入？");
    expect(a.answered).toBe(false);
    expect(a.figure).toBeUndefined();
  });

  it("is refused when no sentence says it", () => {
    expect(ask("白鹭湾是什么？").answered).toBe(false);
    expect(ask("青岚新区的吉祥物是什么？").answered).toBe(false);
  });
});

describe("figure questions about the same things", () => {
  it("how much is still the figure, not a description", () => {
    const a = ask("青岚新区地区生产总值是多少？");
    expect(a.describing).toBeUndefined();
    expect(a.figure).toBe("86.5亿元");
    expect(a.period).toBe("2024年");
  });

  it("what is … in English is a figure question when a figure answers it", () => {
    expect(ask("What is the GDP of Xinzhou?").figure).toBe("1380.6亿元");
  });

  it("a growth asked is the rate", () => {
    expect(ask("静乐县地区生产总值增长多少？").figure).toBe("5.1%");
  });
});

describe("an overview of a place", () => {
  it("lists its headline figures, each with its period and the quote it stands in", () => {
    const a = ask("静乐县经济怎么样？");
    expect(a.answered).toBe(true);
    const items = a.overview ?? [];
    const figures = Object.fromEntries(items.map((i) => [i.key, i.figure]));
    expect(figures).toMatchObject({ gdp: "52.3亿元", gdpGrowth: "5.1%", population: "13.2万人", income: "18650元" });
    for (const i of items) {
      expect(i.citation.quote).toContain(i.figure);
      expect(i.citation.url).toBe("https://example.org/county");
      expect(i.period).toMatch(/^2024年/);
    }
  });

  it("is asked in several ways, and never answers with another place's figures", () => {
    for (const q of ["静乐县概况", "介绍一下静乐县", "静乐县经济情况"]) {
      const a = ask(q);
      expect(a.overview?.length, q).toBeGreaterThanOrEqual(3);
      expect(
        a.citations.every((c) => c.url === "https://example.org/county"),
        q,
      ).toBe(true);
    }
  });

  it("in English, each line in English words with the figure as the source writes it", () => {
    const a = answerJson(ask("How is Xinzhou's economy doing?"));
    expect(a.overview?.map((i) => i.figure)).toEqual(expect.arrayContaining(["1380.6亿元", "4.9%", "265.8万人"]));
    expect(a.answer).toContain("· GDP: 1380.6亿元 (2024;");
  });

  it("with fewer than two headline figures, is not answered with one stray figure", () => {
    const a = ask("宁武县概况");
    expect(a.answered).toBe(false);
    expect(a.overview).toBeUndefined();
  });

  it("of a place the base does not cover is refused as such", () => {
    const a = ask("北京经济怎么样？");
    expect(a.answered).toBe(false);
    expect(a.reason).toBe("place");
  });

  it("asks about the economy as a whole: 静乐县旅游怎么样 is not an overview", () => {
    expect(ask("静乐县旅游怎么样？").overview).toBeUndefined();
  });
});
