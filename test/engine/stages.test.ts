/**
 * Each stage of the engine alone, on a small invented knowledge base (test/helpers/small-kb.ts):
 * understand (text → Question), retrieve (Question → hits), read (hits → candidates), judge
 * (candidates → a judgment), state (judgment → Answer), and the options the engine is made with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/index.js";
import { type Judgment, judge } from "../../src/engine/judge/judge.js";
import { DEFAULT_OPTIONS, engineOptions } from "../../src/engine/options.js";
import { type Candidate, read } from "../../src/engine/read/candidates.js";
import type { Indexes } from "../../src/engine/retrieve/indexes.js";
import { retrieve } from "../../src/engine/retrieve/search.js";
import { state } from "../../src/engine/state/answer.js";
import { parseQuestion, type Question } from "../../src/engine/understand/question.js";
import type { KnowledgeBase } from "../../src/model/knowledge.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";
import { indexesOf, SMALL_NOW, smallKnowledge } from "../helpers/small-kb.js";

let kb: KnowledgeBase;
let ix: Indexes;
beforeAll(async () => {
  kb = await smallKnowledge();
  ix = indexesOf(kb);
});
afterAll(removeKnowledgeDirs);

const understand = (text: string): Question => parseQuestion(text, ix, SMALL_NOW);
const readAll = (q: Question): Candidate[] => read(ix, q, retrieve(ix, q, ix.options), ix.options);
const judged = (text: string): Judgment => {
  const q = understand(text);
  return judge(q, q.concepts.length ? readAll(q) : [], ix.options.confidence.threshold, ix.options);
};
const figureOf = (c: Candidate) => c.spans.map((s) => c.quote.slice(s.index, s.index + s.length)).join("、");

describe("understand", () => {
  it.each([
    ["忻州新能源装机容量是多少", { places: ["忻州"], years: [], kind: "amount", concepts: ["装机容量", "新能源"] }],
    [
      "原平2024年上半年接待游客多少人次",
      { places: ["原平"], years: [2024], kind: "amount", concepts: ["接待游客", "人次"] },
    ],
    ["定襄2024年失业率是多少", { places: ["定襄"], years: [2024], kind: "amount", concepts: ["失业率"] }],
    ["装机占全省比重多少", { places: [], years: [], kind: "share", concepts: ["装机容量", "占全省"] }],
    ["宏达法兰公司哪一年成立", { places: [], years: [], kind: "time", concepts: ["宏达法兰公司", "成立"] }],
  ])("%s → %j", (text, want) => {
    const q = understand(text);
    expect({
      places: q.places.map((g) => g[0]),
      years: q.years,
      kind: q.kinds[0],
      concepts: q.concepts.map((c) => c.text),
    }).toEqual(want);
  });

  it("a place in the glossary comes with its other names, so evidence saying any of them is about it", () => {
    expect(understand("原平接待游客多少").places).toEqual([["原平", "原平市", "yuanping"]]);
  });

  it("a when-question is about its event, and evidence may say another verb of it", () => {
    const q = understand("宏达法兰公司哪一年成立");
    expect(q.event.map((c) => c.text)).toEqual(["成立"]);
    expect(q.searchText.split(" ")).toContain("创立");
  });
});

describe("retrieve", () => {
  it.each([
    ["忻州新能源装机容量是多少", "忻州市新能源装机容量达到1350万千瓦"],
    ["原平2024年上半年接待游客多少人次", "原平市接待游客320万人次"],
    ["宏达法兰公司哪一年成立", "宏达法兰公司创立于1998年"],
    ["定襄失业率是多少", "城镇登记失业率为3.2%"],
  ])("%s finds the sentence holding the answer", (text, holding) => {
    const hits = retrieve(ix, understand(text), ix.options);
    const sentences = hits.sentences.map((h) => ix.sentenceList[h.id]!.text);
    expect(sentences.some((s) => s.includes(holding))).toBe(true);
    for (const h of hits.sentences) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it("a question with nothing to search for finds nothing", () => {
    expect(retrieve(ix, understand("多少来着"), ix.options)).toEqual({ facts: [], sentences: [] });
  });
});

describe("read", () => {
  it.each([
    ["忻州新能源装机容量是多少", "新能源装机容量达到1350万千瓦", "1350万千瓦"],
    ["装机占全省比重多少", "占全省比重为21.5%", "21.5%"],
    ["风电发电量增长了多少", "同比增长12.4%", "12.4%"],
    ["原平2024年上半年接待游客多少人次", "接待游客320万人次", "320万人次"],
    ["天涯山登山步道多少公里", "全长12公里", "12公里"],
    ["宏达法兰公司哪一年成立", "创立于1998年", "1998年"],
  ])("%s: the sentence saying %s first, its figure %s", (text, says, figure) => {
    const [first] = readAll(understand(text));
    expect(first?.quote).toContain(says);
    expect(figureOf(first!)).toBe(figure);
  });

  it("the best candidate is first: scores fall down the list", () => {
    const candidates = readAll(understand("原平接待游客多少"));
    expect(candidates.length).toBeGreaterThan(1);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("a sentence of 前三季度 is read with its article's year", () => {
    expect(readAll(understand("忻州新能源装机容量是多少"))[0]?.period).toBe("2025年1-9月");
  });
});

describe("judge", () => {
  it("answers a question the base covers, with the covering sentence", () => {
    const j = judged("忻州新能源装机容量是多少");
    expect(j.verdict).toBe("answer");
    if (j.verdict === "answer") expect(figureOf(j.best)).toBe("1350万千瓦");
  });

  it("refuses the period when the evidence is of another year than asked", () => {
    const j = judged("忻州2019年新能源装机容量是多少");
    expect(j.verdict).toBe("period");
    if (j.verdict === "period") expect(j.near.some((c) => c.quote.includes("1350万千瓦"))).toBe(true);
  });

  it("refuses the topic when nothing covers the question", () => {
    expect(judged("忻州的房价是多少").verdict).toBe("topic");
  });

  it("calls a question that names nothing vague", () => {
    expect(judged("多少来着").verdict).toBe("vague");
  });

  it("is unsure between two figures of the same thing that read equally well", () => {
    expect(judged("定襄通信基站有多少").verdict).toBe("unsure");
  });
});

describe("state", () => {
  const stated = (text: string) => {
    const q = understand(text);
    const j = judge(q, readAll(q), ix.options.confidence.threshold, ix.options);
    return state({ ix, q, raw: text, lang: "zh", part: false, threshold: ix.options.confidence.threshold }, j, 3);
  };

  it("turns an answer into an Answer whose figure stands in its citation's quote", () => {
    const [a] = stated("原平2024年上半年接待游客多少人次");
    expect(a?.answered).toBe(true);
    expect(a?.figure).toBe("320万人次");
    expect(a?.citations[0]?.quote).toContain(a!.figure!);
    expect(a?.citations[0]?.url).toBe("https://example.org/yp-tour");
    expect(a?.answer).toContain("320万人次");
    expect(a?.period).toBe("2024年1-6月");
  });

  it("every answer of several stands in its own quote", () => {
    const answers = stated("原平接待游客多少");
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.citations[0]?.quote).toContain(a.figure!);
  });

  it("turns a refusal of the period into an Answer naming the years missing", () => {
    const [a] = stated("忻州2019年新能源装机容量是多少");
    expect(a).toMatchObject({ answered: false, reason: "period", missingYears: [2019], answer: "" });
  });
});

describe("options", () => {
  const covering = "风电发电量和充电站";

  it("the default answers a question covered in part", () => {
    expect(createEngine(kb).ask(covering, SMALL_NOW).answered).toBe(true);
  });

  it("a higher minCoverage refuses the same question", () => {
    const strict = createEngine(kb, { options: { minCoverage: 0.99 } }).ask(covering, SMALL_NOW);
    expect(strict.answered).toBe(false);
    expect(strict.reason).toBe("topic");
  });

  it("a confidence threshold of -100 answers what the default is unsure of", () => {
    const question = "定襄通信基站有多少";
    expect(createEngine(kb).ask(question, SMALL_NOW).reason).toBe("unsure");
    const bold = createEngine(kb, { options: { confidence: { threshold: -100 } } }).ask(question, SMALL_NOW);
    expect(bold.answered).toBe(true);
    expect(["120个", "80个"]).toContain(bold.figure);
  });

  it("an override leaves the other options of its group at their defaults", () => {
    const o = engineOptions({ confidence: { threshold: -100 }, minCoverage: 0.99 });
    expect(o.confidence).toEqual({ ...DEFAULT_OPTIONS.confidence, threshold: -100 });
    expect(o.minCoverage).toBe(0.99);
    expect(o.score).toEqual(DEFAULT_OPTIONS.score);
  });
});
