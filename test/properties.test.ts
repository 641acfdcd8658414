/** Properties that hold for any input (fast-check): the normalizer, the tokenizer, figures, rendering, the engine. */

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer, Engine } from "../src/engine/index.js";
import { engineOptions } from "../src/engine/options.js";
import { coverage } from "../src/engine/read/coverage.js";
import { findFigures } from "../src/engine/read/figures.js";
import { normalize, tokenize } from "../src/engine/text.js";
import { integrityProblems } from "../src/eval/judge.js";
import { renderAnswer, renderInlineResults } from "../src/render/telegram.js";
import { directAnswer } from "../src/render/words.js";
import { engineFor, NOW } from "./helpers/engine.js";
import { telegramHtmlProblems } from "./helpers/telegram-html.js";

const han = fc.constantFrom(..."忻州市新能源装机游客增长全省第一占比亿元万千瓦的了是和年月今前三季度太原區經濟");
const chinese = fc
  .array(fc.oneof(han, fc.constantFrom(",", "，", "。", "、", " ", "%", ".", "/", "(", "“", "”")), { maxLength: 60 })
  .map((a) => a.join(""));
const number = fc.oneof(
  fc.integer({ min: 1, max: 99999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([a, b]) => `${a}/${b}`),
);
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  chinese,
);

describe("normalize and tokenize", () => {
  it("never throw, and normalizing twice changes nothing", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
        expect(once).not.toMatch(/\s{2}|^\s|\s$/);
        tokenize(s);
      }),
    );
  });

  it("keep every number whole, with its percent sign", () => {
    fc.assert(
      fc.property(chinese, number, fc.boolean(), chinese, (before, n, percent, after) => {
        const figure = `${n}${percent ? "%" : ""}`;
        expect(tokenize(`${before}忻州${figure}万亩${after}`)).toContain(figure);
      }),
    );
  });
});

describe("coverage", () => {
  const o = engineOptions();
  const small = fc.constantFrom(..."忻州新能源装机增长亿元ab1 ");
  const word = fc.array(small, { minLength: 1, maxLength: 4 }).map((a) => a.join(""));
  const evidence = fc.array(small, { maxLength: 40 }).map((a) => a.join(""));

  it("counts a whole form exactly when the evidence writes it", () => {
    fc.assert(
      fc.property(word, evidence, (f, text) => {
        fc.pre(!/^[a-z0-9' -]+$/.test(f));
        const concept = { text: f, forms: [f], weight: 1, grams: [] };
        expect(coverage([concept], text, o)).toBe(text.includes(f) ? 1 : 0);
      }),
    );
  });

  it("counts a word not written whole by the share of its bigrams the evidence writes", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 4 }), evidence, (grams, text) => {
        const whole = grams.join("");
        fc.pre(!text.includes(whole) && !/^[a-z0-9' -]+$/.test(whole));
        const concept = { text: whole, forms: [whole], weight: 1, grams };
        const met = grams.filter((g) => text.includes(g)).length;
        expect(coverage([concept], text, o)).toBeCloseTo(met / grams.length, 12);
      }),
    );
  });
});

describe("figures", () => {
  it("are always found where they are written", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(chinese, number, fc.constantFrom("万千瓦", "亿元", "%", "个", "第三", "连续6年", "三分之一")),
          { maxLength: 12 },
        ),
        (parts) => {
          const sentence = parts.join("");
          for (const f of findFigures(sentence)) expect(sentence.slice(f.index, f.index + f.text.length)).toBe(f.text);
        },
      ),
    );
  });
});

describe("rendering", () => {
  const answer: fc.Arbitrary<Answer> = fc.record({
    question: anyText,
    answered: fc.boolean(),
    answer: fc.string({ unit: "grapheme", maxLength: 200 }),
    lang: fc.constantFrom("zh" as const, "en" as const),
    figure: fc.string({ maxLength: 20 }),
    citations: fc.array(
      fc.record({
        title: anyText,
        publisher: anyText,
        date: fc.constant("2024-11-20"),
        url: fc.webUrl(),
        quote: fc.string({ unit: "grapheme", maxLength: 3000 }),
      }),
      { maxLength: 2 },
    ),
    facts: fc.constant([]),
    others: fc.constant([]),
    related: fc.array(anyText, { maxLength: 3 }),
    didYouMean: fc.string({ maxLength: 20 }),
  });

  it("always makes valid Telegram HTML within Telegram's limits", () => {
    fc.assert(
      fc.property(answer, (a) => {
        const { chunks, keyboard } = renderAnswer(a, (q) => `q:${q}`.slice(0, 30));
        for (const c of chunks) expect(telegramHtmlProblems(c)).toEqual([]);
        for (const row of keyboard) for (const b of row) expect(b.text.length).toBeGreaterThan(0);
        for (const r of renderInlineResults([a], () => "id")) {
          expect(telegramHtmlProblems((r.input_message_content as { message_text: string }).message_text)).toEqual([]);
        }
      }),
    );
  });
});

describe("the engine", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor();
  });

  it("answers anything without throwing, briefly, and only with figures its quotes state", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.tuple(chinese, fc.constantFrom("多少", "是谁", "排名第几", "有哪些"), chinese).map((p) => p.join("")),
        ),
        (q) => {
          const a = engine.ask(q, NOW);
          // The reply's first sentence: the engine's statement, or a refusal in the asker's language.
          expect(directAnswer(a).length).toBeGreaterThan(0);
          expect(directAnswer(a).length).toBeLessThanOrEqual(200);
          expect(integrityProblems(a, engine.kb)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers questions made from its own sentences, each within integrity", () => {
    // A sentence with a figure, its figure taken out and a question word put in, in words cut anywhere:
    // most such questions have an answer, so integrity is held on real answers, not on refusals.
    const sentences = engine.kb.articles
      .flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)))
      .filter((t) => findFigures(t).length);
    let answered = 0;
    let asked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sentences),
        fc.nat(),
        fc.constantFrom("是多少", "多少", "有多少？", "排名第几", "增长多少"),
        (sentence, cut, ask) => {
          const figure = findFigures(sentence)[0]!;
          const before = sentence
            .slice(Math.max(0, figure.index - 8 - (cut % 12)), figure.index)
            .replace(/^[，,。、]/, "");
          const a = engine.ask(`${before}${ask}`, NOW);
          asked++;
          if (a.answered) answered++;
          expect(integrityProblems(a, engine.kb)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    expect(answered / asked).toBeGreaterThan(0.5);
  });
});
