/**
 * Whose figure: a county's question is answered from its county's article, also where the sentence says only
 * 全县 or nothing; a county's figure never answers for the city, nor the city's for a county; a figure of another
 * place named in a sentence is that place's. Articles without a region get the place their title or lead names.
 * All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/model/knowledge.js";
import { article, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-12-01T08:00:00Z");
const fields = (title: string, url: string) => ({ title, publisher: "测试报", date: "2024-11-20", url });

const FILES = {
  // No region: the title names the county.
  "articles/county-forging.md": article(
    fields("繁峙：小铸件铸出大产业", "https://example.org/fanshi"),
    [
      "繁峙是远近闻名的铸造之乡。",
      "目前，全县共有铸造企业210余家，其中规模以上企业47户，从业人员约1.2万人。",
      "今年该县铸造产业实现产值86.5亿元。",
    ].join("\n\n"),
  ),
  // No region, and a title that names no place: the lead does.
  "articles/county-lead.md": article(
    fields("小杂粮做成大产业", "https://example.org/millet"),
    [
      "近日，偏关县召开杂粮产业推进会。",
      "今年全县谷子种植面积达到18.4万亩。",
      "该县地处晋西北，东临河曲，北靠内蒙古，常住人口约10.2万人。",
    ].join("\n\n"),
  ),
  "articles/city.md": article(
    { ...fields("忻州市前三季度工业运行", "https://example.org/city"), region: "忻州市" },
    ["前三季度，全市规模以上工业企业达到612户。", "全市工业用电量增长6.1%。"].join("\n\n"),
  ),
  "articles/holiday.md": article(
    { ...fields("国庆假期忻州文旅市场红火", "https://example.org/holiday"), date: "2024-10-08", region: "忻州市" },
    [
      "五台山风景区7天累计接待游客40.6万人次，同比增长11.2%。",
      "国庆假期，全市共接待游客305.2万人次，实现旅游收入25.3亿元。",
    ].join("\n\n"),
  ),
  // An article on the city, about a fair held in another city, that describes the other city.
  "articles/fair.md": article(
    { ...fields("忻州赴扬州举办招商推介会", "https://example.org/fair"), region: "忻州市" },
    [
      "11月18日，忻州市在扬州举办招商推介会，现场签约项目9个，总投资43亿元。",
      "扬州市常住人口458万，地区生产总值7423亿元。",
    ].join("\n\n"),
  ),
};

let engine: Engine;
let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledge(knowledgeDir(FILES));
  if (!loaded.ok) throw new Error("the invented knowledge did not load");
  kb = loaded.kb;
  engine = createEngine(kb);
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("an article without a region", () => {
  it("is about the place its title names, or else its lead", () => {
    expect(kb.articles.find((a) => a.id === "county-forging")?.region).toBe("繁峙县");
    expect(kb.articles.find((a) => a.id === "county-lead")?.region).toBe("偏关县");
  });
});

describe("a county's question", () => {
  it("is answered from its county's article, where the sentence says only 全县", () => {
    const a = ask("繁峙县有多少家规模以上铸造企业？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("47户");
    expect(a.answer).toContain("繁峙县");
  });

  it("is answered by its short name too, from an article whose lead names the county", () => {
    const a = ask("偏关谷子种植面积有多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("18.4万亩");
  });

  it("is answered where the sentence names its neighbours before the figure", () => {
    const a = ask("偏关县常住人口有多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("10.2万人");
  });

  it("is not answered by the city's 全市 figure", () => {
    const a = ask("繁峙县规模以上工业企业有多少户？");
    expect(a.answer ?? "").not.toContain("612户");
  });
});

describe("the city's question", () => {
  it("is answered by the city's figure", () => {
    const a = ask("忻州市规模以上工业企业有多少户？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("612户");
  });

  it("is not answered by a county's figure", () => {
    const a = ask("忻州市铸造产业产值是多少？");
    expect(a.answer ?? "").not.toContain("86.5亿元");
  });

  it("is not answered by the figure of another city a sentence names", () => {
    const a = ask("忻州常住人口有多少？");
    expect(a.answer ?? "").not.toContain("458万");
    // The other city's own question is still its figure's.
    expect(ask("扬州常住人口有多少？").answer ?? "").not.toContain("忻州市扬州");
  });
});

describe("a question about a place within the city (a scenic area)", () => {
  it("is answered by its own figure, not the whole city's, nor by the days it counts", () => {
    const a = engine.ask("2024年国庆假期五台山接待了多少游客？", NOW);
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("40.6万人次");
    expect(a.answer).not.toContain("305.2万人次");
  });

  it("with no figure of its own, is not answered by the whole city's", () => {
    const a = engine.ask("2024年国庆假期五台山实现旅游收入多少？", NOW);
    expect(a.answer ?? "").not.toContain("25.3亿元");
  });
});
