import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { MAX_SENTENCE, splitSentences } from "../../src/knowledge/sentences.js";
import { NOW } from "../helpers/engine.js";
import { knowledgeWithOneLongSentence, removeKnowledgeDirs } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

describe("sentences of bounded length", () => {
  it("leaves a sentence under the bound whole", () => {
    const s = `${"忻州市".repeat(300)}接待游客1200万人次。`;
    expect(s.length).toBeLessThan(MAX_SENTENCE);
    expect(splitSentences(s)).toEqual([s]);
  });

  it("cuts a long sentence at clause marks into exact pieces under the bound", () => {
    const long = Array.from({ length: 200 }, (_, i) => `第${i}项工程投资${i + 1}亿元`).join("，");
    const pieces = splitSentences(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(long).toContain(p);
    }
    expect(pieces.join("")).toBe(long);
  });

  it("cuts a run with no clause mark at the bound, never inside a number", () => {
    const run = `${"甲".repeat(MAX_SENTENCE - 3)}123456789乙`;
    const pieces = splitSentences(run);
    expect(pieces.join("")).toBe(run);
    expect(pieces.some((p) => p.includes("123456789"))).toBe(true);
  });
});

describe("a question over a 60 KB sentence with no punctuation", () => {
  it("is answered with the figure the text states, quickly enough for a chat", async () => {
    const dir = knowledgeWithOneLongSentence();
    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) throw new Error("the knowledge did not load");
    const engine = createEngine(loaded.kb);
    const started = performance.now();
    const answer = engine.ask("宁武县粮食总产量是多少？", NOW);
    const took = performance.now() - started;
    expect(answer.answered).toBe(true);
    expect(answer.figure).toBe("42.5万吨");
    // Quadratic reading took over ten seconds here; linear reading takes a fraction of one.
    expect(took).toBeLessThan(3000);
  });
});
