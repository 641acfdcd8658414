/**
 * English questions over Chinese bulletins and English pages: the reports' English vocabulary (permanent
 * population, urbanization rate, installed capacity, farmland per farmer) finds the Chinese figure and the
 * English one, each as its article writes it, and a refusal is said in English. All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { directAnswer } from "../../src/render/words.js";
import { engineFor } from "../helpers/engine.js";
import { article, knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-12-01T08:00:00Z");

const FILES = {
  "articles/bulletin.md": article(
    {
      title: "静乐县2023年国民经济和社会发展统计公报",
      publisher: "测试统计局",
      date: "2024-03-25",
      url: "https://example.org/jingle-bulletin",
      region: "静乐县",
    },
    [
      "年末全县常住人口12.34万人，比上年末减少0.21万人。其中，城镇常住人口6.02万人，常住人口城镇化率为48.79%。",
      "全年全县固定资产投资比上年增长7.3%。",
      "全县耕地面积61万亩，农民人均耕地8.2亩。",
    ].join("\n\n"),
  ),
  "articles/energy-en.md": article(
    {
      title: "Jingle County bets on wind and sunshine",
      publisher: "Test Daily",
      date: "2025-02-14",
      url: "https://example.org/jingle-energy",
      region: "静乐县",
    },
    [
      "By the end of 2024, the county's installed new energy capacity had reached 1.87 million kilowatts, local officials said.",
      "This year, the county plans to add 420,000 kW of wind and solar capacity.",
    ].join("\n\n"),
  ),
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(FILES));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

describe("an English question over a Chinese bulletin", () => {
  it.each([
    ["What was the permanent population of Jingle County at the end of 2023?", "12.34万人"],
    ["What was Jingle County's urbanization rate in 2023?", "48.79%"],
    ["How much farmland does each farmer have on average in Jingle County?", "8.2亩"],
    ["How fast did fixed-asset investment grow in Jingle County in 2023?", "7.3%"],
  ])("%s → %s, from the bulletin", (q, figure) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.figure).toBe(figure);
    expect(a.citations[0]?.url).toBe("https://example.org/jingle-bulletin");
    expect(integrityProblems(a, engine.kb)).toEqual([]);
  });

  it("gives the Chinese source's own words, quoted, after the figure", () => {
    const a = ask("What was Jingle County's urbanization rate in 2023?");
    const quote = a.citations[0]!.quote;
    expect(directAnswer(a)).toBe(
      `The figure for permanent population urbanization rate: 48.79% (2023). The source says: «${quote}»`,
    );
  });
});

describe("an English question over an English article", () => {
  it.each([
    ["How much new energy capacity did Jingle County have installed at the end of 2024?", "1.87 million kilowatts"],
    ["Jingle plans to add how much wind and solar capacity in 2025?", "420,000 kW"],
  ])("%s → %s, as the article writes it", (q, figure) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.figure).toBe(figure);
    expect(a.citations[0]?.url).toBe("https://example.org/jingle-energy");
    expect(directAnswer(a)).toContain(`The figure: ${figure}`);
    expect(directAnswer(a)).not.toContain("The source says");
  });
});

describe("an English question the knowledge does not answer", () => {
  it("is refused in English", () => {
    const a = ask("What was Jingle County's urban unemployment rate in 2023?");
    expect(a.answered).toBe(false);
    // One sentence naming what was asked, in the question's words.
    expect(directAnswer(a)).toBe("My sources have nothing on the urban unemployment rate of Jingle County.");
    expect(directAnswer(a)).not.toMatch(/\p{Script=Han}{3}/u);
  });
});
