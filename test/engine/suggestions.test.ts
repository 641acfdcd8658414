/**
 * Replies in the asker's language, refusals that name what the sources lack, and suggestions chosen for the
 * question that the engine answers when they are asked. All text here is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Engine } from "../../src/engine/index.js";
import { integrityProblems } from "../../src/eval/judge.js";
import { toPlainText } from "../../src/render/plain.js";
import { answerHtml } from "../../src/render/telegram.js";
import { directAnswer, unitGlosses } from "../../src/render/words.js";
import { COUNTY_FILES, hanOutsideQuotes } from "../helpers/county.js";
import { engineFor } from "../helpers/engine.js";
import { knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

const NOW = new Date("2025-06-01T08:00:00Z");
const HAN = /\p{Script=Han}/u;

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(knowledgeDir(COUNTY_FILES));
});
afterAll(removeKnowledgeDirs);

const ask = (q: string) => engine.ask(q, NOW);

/** Every suggestion is answered when asked, and none is the question itself. */
function expectAnswerable(a: Answer) {
  expect(a.related.length).toBeGreaterThan(0);
  for (const s of a.related) {
    expect(s).not.toBe(a.question);
    expect(ask(s).answered, s).toBe(true);
  }
}

describe("an English question", () => {
  it("is answered in English: the measure named, the unit glossed, the figure as the source writes it", () => {
    const a = ask("What is Dingxiang's installed capacity?");
    expect(a.answered).toBe(true);
    expect(directAnswer(a)).toMatch(/^The figure for new energy installed capacity: 85万千瓦 \(2024\)\. /);
    // The unit's gloss follows in the reply's text; the direct answer holds only figures its quote states.
    expect(integrityProblems(a, engine.kb)).toEqual([]);
    for (const text of [toPlainText(a), answerHtml(a)]) {
      expect(text).toContain("Units: “万千瓦” = 10 MW.");
      expect(hanOutsideQuotes(text)).toEqual([]);
      // English labels take an English colon.
      expect(text).not.toContain("：");
    }
  });

  it("gets English suggestions, each answered when asked", () => {
    const a = ask("What is Dingxiang's installed capacity?");
    for (const s of a.related) expect(s).not.toMatch(HAN);
    expectAnswerable(a);
  });

  it("is refused in one English sentence naming the measure and the place, with English suggestions", () => {
    const a = ask("Who is the mayor of Dingxiang?");
    expect(a.answered).toBe(false);
    expect(directAnswer(a)).toBe("My sources have nothing on the mayor of Dingxiang.");
    for (const s of a.related) expect(s).not.toMatch(HAN);
    expectAnswerable(a);
    expect(hanOutsideQuotes(toPlainText(a))).toEqual([]);
  });
});

describe("a Chinese question", () => {
  it("is refused in one sentence naming what is missing", () => {
    const a = ask("定襄县的失业率是多少？");
    expect(a.answered).toBe(false);
    expect(directAnswer(a)).toBe("我的资料里没有定襄县失业率的信息。");
    expectAnswerable(a);
  });

  it("in traditional characters gets Chinese too", () => {
    const a = ask("定襄縣的失業率是多少？");
    expect(a.lang).toBe("zh");
    expect(directAnswer(a)).toMatch(/^我的资料里没有.+的信息。$/);
  });

  it("names nothing when it asks nothing it can name", () => {
    const a = ask("是多少？");
    expect(a.answered).toBe(false);
    expect(a.lacking).toBeUndefined();
  });

  it("gets suggestions near what it asked, never one without a measure", () => {
    const tourism = ask("定襄县2019年游客有多少？");
    expect(tourism.answered).toBe(false);
    expect(tourism.related[0]).toMatch(/游客|旅游/);
    const energy = ask("定襄县2019年新能源装机多少？");
    expect(energy.related[0]).toMatch(/装机/);
    expect(energy.related).not.toEqual(tourism.related);
    for (const a of [tourism, energy]) {
      expectAnswerable(a);
      for (const s of a.related) expect(s).not.toMatch(/^[^的]*(县|市|区)是多少？$/);
    }
  });
});

describe("unit glosses", () => {
  it.each([
    ["1200万千瓦", ["“万千瓦” = 10 MW"]],
    ["28.6亿元", ["“亿元” = 100 million yuan"]],
    ["50余万人次", ["“万人次” = 10,000 visits"]],
    ["17.38%", []],
    ["1.87 million kilowatts", []],
  ])("%s → %j", (figure, glosses) => {
    expect(unitGlosses(figure)).toEqual(glosses);
  });
});
