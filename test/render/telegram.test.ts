import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { readCases } from "../../src/eval/run.js";
import { summarize } from "../../src/model/knowledge.js";
import { clip } from "../../src/render/clip.js";
import { toPlainText } from "../../src/render/plain.js";
import {
  answerHtml,
  renderAnswer,
  renderInlineResults,
  sourcesHtml,
  splitMessage,
  topicsHtml,
} from "../../src/render/telegram.js";
import { engineFor, NOW } from "../helpers/engine.js";
import { telegramHtmlProblems } from "../helpers/telegram-html.js";

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor();
});

const questions = () => [
  ...readCases([]).flatMap((s) => s.cases.map((c) => c.q)),
  "<script>alert(1)</script>",
  'a & b < c > d " e',
  "😀".repeat(300),
  "忻州".repeat(2000),
];

describe("Telegram rendering", () => {
  it("makes valid Telegram HTML within the limits for every question of the sets and hostile ones", () => {
    for (const q of questions()) {
      const answer = engine.ask(q, NOW);
      const { chunks, keyboard } = renderAnswer(answer, (x) => `q:${x}`.slice(0, 20));
      for (const chunk of chunks) expect(telegramHtmlProblems(chunk), q).toEqual([]);
      expect(keyboard.length).toBeLessThanOrEqual(4);
      for (const row of keyboard) for (const b of row) if ("url" in b) expect(b.url).toMatch(/^https?:\/\//);
      expect(toPlainText(answer).length).toBeLessThanOrEqual(1500);
    }
  });

  it("puts the answer in bold, the quote in a blockquote and links the source", () => {
    const html = answerHtml(engine.ask("忻州市长是谁", NOW));
    expect(html).toMatch(
      /^<b>.*李建国.*<\/b>\n\n<blockquote>.*<\/blockquote>\n\n来源：<a href="https:\/\/theory\.sxrb\.com\/BIG5\/319829\/10250344\.html">山西经济日报 · 2024-11-20<\/a>$/s,
    );
  });

  it("splits long messages at paragraph boundaries, each part valid", () => {
    const paragraphs = Array.from(
      { length: 300 },
      (_, i) => `<b>第${i}段</b> ${"忻州经济".repeat(10)} &amp; <a href="https://example.org/${i}">链接</a>`,
    );
    const chunks = splitMessage(paragraphs.join("\n\n"));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(c)).toEqual([]);
    }
    expect(chunks.join("\n\n")).toBe(paragraphs.join("\n\n"));
  });

  it("cuts a single over-long line as plain text without breaking an entity or an emoji", () => {
    const chunks = splitMessage(`${"&amp;😀".repeat(1200)}`);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(c)).toEqual([]);
      expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it("lists sources and topics in valid parts, however many articles there are", () => {
    const kb = summarize(engine.kb);
    const many = {
      ...kb,
      articles: Array.from({ length: 400 }, (_, i) => ({ ...kb.articles[0]!, id: `a${i}`, title: `文章<${i}>` })),
    };
    for (const chunk of [...sourcesHtml(many), ...topicsHtml(kb)]) expect(telegramHtmlProblems(chunk)).toEqual([]);
    expect(sourcesHtml(many).length).toBeGreaterThan(1);
  });

  it("renders inline results with unique ids of at most 64 bytes and valid messages", () => {
    const results = renderInlineResults(engine.askMany("忻州 新能源", NOW, 10), () => "same-id");
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const r of results) {
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      expect(telegramHtmlProblems((r.input_message_content as { message_text: string }).message_text)).toEqual([]);
    }
  });

  it("never cuts an emoji or a character beyond the BMP in half in button labels and inline titles", () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    // 38 characters, then the emoji on units 39-40: the old cut at 39 units kept its first half.
    const question = `${"忻".repeat(38)}😀多少`;
    const answered = engine.ask("忻州市长是谁", NOW);
    const { keyboard } = renderAnswer({ ...answered, related: [question] }, (x) => `q:${x}`.slice(0, 20));
    const label = keyboard.flat().find((b) => "callback_data" in b)!.text;
    expect(label).toBe(`${"忻".repeat(38)}…`);

    const title = `${"9".repeat(99)}😀`;
    const unanswered = engine.ask("伦敦的房价是多少", NOW);
    const [withTitle, withDescription] = renderInlineResults(
      [
        { ...answered, figure: title, facts: [] },
        // A refusal names the place asked: a long name of characters beyond the BMP is cut at the limit.
        { ...unanswered, reason: "place" as const, foreignPlace: `${"𠀀".repeat(99)}𠀁𠀂` },
      ],
      (a) => (a.answered ? "a" : "n"),
    );
    expect(withTitle!.title).toBe("9".repeat(99));
    expect(withDescription!.description!.length).toBeLessThanOrEqual(200);
    expect(withDescription!.description).toMatch(/^我的资料只涉及.*“(𠀀)+$/u);
    for (const text of [label, withTitle!.title, withDescription!.description!]) expect(text).not.toMatch(lone);
  });

  it("keeps joined emoji whole when it shortens text", () => {
    const family = "👨‍👩‍👧";
    expect(clip(`ab${family}`, 4, "…")).toBe("ab…");
    expect(clip(`ab${family}cd`, 2 + family.length + 1)).toBe(`ab${family}c`);
    expect(clip(`ab${family}cd`, 2 + family.length - 1)).toBe("ab");
  });
});
