/**
 * Reading articles nobody curated: the subject from where a sentence stands, the figure in the unit
 * asked, periods only from the text, place references only for places, every part of a question
 * accounted for. Each article here is made up for the test; none has facts or glossary entries.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { findFigures } from "../../src/engine/read/figures.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { toPlainText } from "../../src/render/plain.js";
import { answerHtml } from "../../src/render/telegram.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor, NOW } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

let engine: Engine;
const files = {
  "articles/plant.md": article(
    { title: "锦地罗", publisher: "维基百科", date: "2018-05-01", url: "https://zh.wikipedia.org/wiki/jindiluo" },
    "锦地罗是茅膏菜科茅膏菜属的植物。\n\n生长于海拔50米至1,520米的地区，多生长在山坡草地。全长通常只有2cm，每株有叶片20片左右。",
  ),
  "articles/company.md": article(
    {
      title: "原平光伏企业扩产",
      publisher: "忻州日报",
      date: "2025-10-20",
      url: "https://example.org/yp-pv",
      region: "原平市",
    },
    "原平市一家光伏企业今年扩建了第二条生产线。\n\n该公司今年前三季度生产光伏组件360万片，厂区占地面积320亩，员工1200人。",
  ),
  "articles/history.md": article(
    { title: "建筑十书", publisher: "维基百科", date: "2018-05-01", url: "https://zh.wikipedia.org/wiki/shishu" },
    "《建筑十书》在1414年被人文学家重新发现，1486年在罗马重新出版，1520年被翻译成意大利语。\n\n在50个缔约国中，有22个国家不能参与表决。\n\n狄托在1980年5月4日过世，享年88岁，结束37年总统职务。",
  ),
  "articles/people.md": article(
    { title: "人物与球队", publisher: "维基百科", date: "2018-05-01", url: "https://zh.wikipedia.org/wiki/renwu" },
    "1913年1月，伊迪丝和罗纳德正式订婚。伊迪丝于1971年死后，罗纳德回忆起她。\n\n溜马球队于1967年成立，加入美国篮球协会，于1970年及1972年两次获得总冠军。\n\n双核处理器的速度为4.7 GHz，性能提高100%。",
  ),
  "articles/war.md": article(
    { title: "南北战争", publisher: "维基百科", date: "2018-05-01", url: "https://zh.wikipedia.org/wiki/nanbei" },
    "美国南北战争后，北部获得了经济和政治上的胜利。\n\n棉花的利润加深了南方对种植的依赖。1932年富兰克林在纽约当选为总统，令南方进入了新时代。",
  ),
  "articles/bulletin.md": article(
    {
      title: "某市2024年统计公报",
      publisher: "某市统计局",
      date: "2025-03-01",
      url: "https://example.org/bulletin",
      region: "定襄县",
    },
    "初步核算，全年全县地区生产总值138.7亿元，比上年增长5.3%。按常住人口计算，全年人均地区生产总值52561元。\n\n全年原煤产量完成1260万吨，比上年增长2.1%。",
  ),
  "articles/county.md": article(
    {
      title: "定襄县法兰产业",
      publisher: "忻州日报",
      date: "2025-09-01",
      url: "https://example.org/dx",
      region: "定襄县",
    },
    "定襄县是中国法兰之乡。\n\n全县法兰企业达到260家，年产法兰120万吨。",
  ),
  "articles/oats.md": article(
    {
      title: "静乐县莜面飘香",
      publisher: "测试农报",
      date: "2025-06-01",
      url: "https://example.org/oats",
      region: "静乐县",
    },
    "测试农报6月1日电 年加工销售莜面制品2.4万吨,实现产值1.9亿元,带动农户3000余户。",
  ),
};

beforeAll(async () => {
  engine = await engineFor(knowledgeDir(files, SHIPPED));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("figures", () => {
  it("reads lengths, areas, ranges, race times and traditional units as figures", () => {
    const texts = (s: string) => findFigures(s).map((f) => [f.text, f.measure]);
    expect(texts("生长于海拔50米至1,520米的地区")).toEqual([["50米至1,520米", "length"]]);
    expect(texts("總占地面積1133.87畝")).toEqual([["1133.87畝", "area"]]);
    expect(texts("以3分33秒62的成績")).toEqual([["3分33秒62", undefined]]);
    expect(texts("距離精度±10m，速度為4.7 GHz")).toEqual([
      ["±10m", "length"],
      ["4.7 GHz", "frequency"],
    ]);
    expect(texts("generated 17.85 billion kWh, up 21.3 percent, and 2.9 billion yuan")).toEqual([
      ["17.85 billion kWh", "energy"],
      ["21.3 percent", "percent"],
      ["2.9 billion yuan", "money"],
    ]);
  });

  it("reads years counted as a duration and a year named as a time, and a date's day as neither", () => {
    const texts = (s: string) => findFigures(s).map((f) => [f.text, f.kind]);
    expect(texts("狄托在1980年5月4日過世，享年88歲，結束37年南斯拉夫總統職務")).toEqual([
      ["88歲", "amount"],
      ["37年", "duration"],
    ]);
    expect(texts("德川幕府自此建立長達250年的統治，1603年家康創立德川幕府")).toEqual([["250年", "duration"]]);
    expect(texts("民國32年設韶關市")).toEqual([]);
    // A relay's name is no figure; its time is.
    expect(texts("打破4x100米自由式接力世界紀錄，時間為3分33秒62")).toEqual([["3分33秒62", "duration"]]);
  });
});

describe("sentences", () => {
  it("keeps a thousands comma inside its number when cutting clauses", async () => {
    const { splitClauses } = await import("../../src/engine/read/clauses.js");
    expect(splitClauses("1931年建立了11,000間新的房屋，其中80%由政府資助").map((c) => c.text)).toEqual([
      "1931年建立了11,000間新的房屋",
      "其中80%由政府資助",
    ]);
  });
});

describe("document context", () => {
  it("takes the subject from the article's title when the sentence leaves it out", () => {
    const a = ask("锦地罗生长的地区海拔约是多少米？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("50米至1,520米");
    expect(a.citations[0]?.url).toContain("jindiluo");
  });

  it("answers about a county whose sentences say 全县", () => {
    expect(ask("定襄县有多少家法兰企业？").answer).toContain("260家");
  });
});

describe("which figure answers", () => {
  it("mends a word mistyped by its sound (原媒 for 原煤) when the corpus writes the word", () => {
    const a = ask("定襄县2024年原媒产量是多少");
    expect(a.figure).toBe("1260万吨");
    // Beside a place's name too; the name itself is left as typed.
    expect(ask("定襄县原媒产量有多少").figure).toBe("1260万吨");
  });

  it("reads an industry's yearly output in a sentence that names only the product and 产值", () => {
    // 莜面产业 is spoken of as 莜面, 一年产值 as 产值.
    const a = ask("静乐莜面产业一年产值多少？");
    expect(a.figure).toBe("1.9亿元");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("gives the latest figure when no time is asked, and takes a plan for a later year as no figure of now", async () => {
    const dir = knowledgeDir(
      {
        "articles/old.md": article(
          {
            title: "旧闻",
            publisher: "忻州日报",
            date: "2023-05-01",
            url: "https://example.org/old",
            region: "定襄县",
          },
          "2022年，定襄县法兰年产量达到100万吨。",
        ),
        "articles/new.md": article(
          {
            title: "新闻",
            publisher: "忻州日报",
            date: "2025-05-01",
            url: "https://example.org/new",
            region: "定襄县",
          },
          "2024年，定襄县法兰年产量达到120万吨。到2030年，定襄县法兰年产量计划达到200万吨。",
        ),
      },
      SHIPPED,
    );
    const fresh = await engineFor(dir);
    expect(fresh.ask("定襄县法兰年产量是多少？", NOW).answer).toContain("120万吨");
    expect(fresh.ask("2022年定襄县法兰年产量是多少？", NOW).answer).toContain("100万吨");
  });

  it("gives the date whose own clause says what happened, not the one that opens the sentence", () => {
    const a = ask("《建筑十书》在哪一年于罗马重新出版？");
    expect(a.answer).toContain("1486年");
    expect(a.answer).not.toContain("1414年");
  });

  it("takes another verb of the same event for the one asked (过世: 死), and a date for the dateless clauses after it", () => {
    expect(ask("伊迪丝在哪一年过世？").answer).toContain("1971年");
    expect(ask("溜马球队于何年加入美国篮球协会？").answer).toContain("1967年");
  });

  it("holds a place the base is not about to the sentence's context, not to the clause", () => {
    expect(ask("富兰克林在哪一年当选美国总统？").answer).toContain("1932年");
  });

  it("gives a total, not the per-person figure, and no growth for a speed", () => {
    const gdp = ask("定襄县2024年地区生产总值是多少？").answer;
    expect(gdp).toContain("138.7亿元");
    expect(gdp).not.toContain("52561元");
    expect(ask("双核处理器的速度是多少？").answer).toContain("4.7 GHz");
  });

  it("does not answer with a figure the question states", () => {
    const a = ask("在50个缔约国中，有多少个国家不能参与表决？");
    expect(a.answer).toContain("22个");
  });

  it("does not give an age for how long something lasted", () => {
    expect(ask("狄托的总统职务有多久？").answer).toContain("37年");
    expect(findFigures("享年88歲").map((f) => f.measure)).toEqual(["age"]);
  });

  it("gives the figure in the unit or measure the question asks for, not its neighbour", () => {
    expect(ask("锦地罗全长是多少厘米？").answer).toContain("2cm");
    expect(ask("原平那家光伏企业厂区占地多少亩？").answer).toContain("320亩");
    expect(ask("原平那家光伏企业有多少员工？").answer).toContain("1200人");
  });
});

describe("statements", () => {
  it("keeps a company as its subject instead of naming the place (该公司)", () => {
    const a = ask("原平那家光伏企业今年前三季度生产了多少光伏组件？");
    expect(a.answer).toContain("360万片");
    expect(a.answer).toContain("该公司");
    expect(a.answer).not.toMatch(/原平市(2025年前三季度)?生产/);
  });

  it("gives a sentence with no time of its own no period", () => {
    // The article says 叶片; asked with 叶子 alone (a synonym the engine does not know), the figure is below
    // the judge's threshold.
    const a = ask("锦地罗每株有多少片叶片？");
    expect(a.answer).toContain("20片");
    expect(a.answer).not.toMatch(/截至|2018年/);
  });

  it("turns 该市 into the place it stands for", () => {
    const a = ask("忻州战略性新兴产业增加值增长多少");
    expect(a.answer).not.toContain("该市");
  });

  it("frames an English question's answer in English and keeps the quote verbatim", () => {
    const a = ask("How much new energy capacity does Xinzhou have?");
    expect(directAnswer(a)).toMatch(/^The figure for new energy installed capacity: 1200万千瓦 \(Jan–Sep 2024\)/);
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });
});

describe("questions of several parts", () => {
  it("says which part the base does not answer, in the same reply", () => {
    const a = ask("忻州新能源装机有多少？忻州GDP是多少？");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("1200万千瓦");
    expect(a.unansweredParts).toEqual(["忻州GDP是多少"]);
    expect(toPlainText(a)).toContain("知识库里没有这部分的答案：忻州GDP是多少");
    expect(answerHtml(a)).toContain("知识库里没有这部分的答案：忻州GDP是多少");
  });
});

describe("bounded work", () => {
  it("reads at most a few parts and concepts of a huge question, and still replies", () => {
    const parts = Array.from({ length: 12 }, (_, i) => `忻州第${i}号新能源装机和游客和投资和收入和人口有多少`).join(
      "？",
    );
    const a = ask(`${parts}？`.repeat(50));
    expect(directAnswer(a).length).toBeGreaterThan(0);
    expect((a.unansweredParts ?? []).length).toBeLessThanOrEqual(3);
  });
});
