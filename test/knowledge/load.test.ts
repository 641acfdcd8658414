import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem, sentencesOf } from "../../src/model/knowledge.js";
import { standsIn } from "../../src/model/numbers.js";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const dir = knowledgeDir(files);
  const result = await loadKnowledge(dir);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  // Problems name files relative to the folder given, as an admin would type them.
  return result.problems.map(formatProblem).map((p) => p.replaceAll(path.normalize(dir) + path.sep, ""));
}

describe("the shipped knowledge", () => {
  it("loads both source articles with their facts and glossary", async () => {
    const result = await loadKnowledge(SHIPPED);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { kb } = result;
    expect(kb.articles.map((a) => a.id).sort()).toEqual(["taixin-competitiveness-2022", "xinzhou-sixin-2024"]);
    expect(kb.facts.length).toBeGreaterThanOrEqual(80);
    expect(sentencesOf(kb).length).toBeGreaterThan(60);
    expect(kb.glossary.places.length).toBeGreaterThan(5);
    expect(kb.articles.find((a) => a.id === "xinzhou-sixin-2024")?.url).toBe(
      "https://theory.sxrb.com/BIG5/319829/10250344.html",
    );
  });

  it("holds every fact's quote word for word in its article and every value in its quote", async () => {
    const result = await loadKnowledge(SHIPPED);
    if (!result.ok) throw new Error("shipped knowledge is invalid");
    for (const fact of result.kb.facts) {
      const a = result.kb.articles.find((x) => x.id === fact.articleId)!;
      expect(
        a.paragraphs.some((p) => p.text.includes(fact.quote)),
        fact.id,
      ).toBe(true);
      for (const v of fact.values) expect(standsIn(v, fact.quote), `${fact.id} ${v}`).toBe(true);
    }
  });

  it("keeps the article text free of page furniture", async () => {
    const result = await loadKnowledge(SHIPPED);
    if (!result.ok) throw new Error("shipped knowledge is invalid");
    const text = result.kb.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join("\n");
    for (const junk of ["猜您喜欢", "点分享", "版权声明", "验证码", "公众号转载", "摄"])
      expect(text).not.toContain(junk);
  });

  it("gives the same version for the same files and another for changed ones", async () => {
    const a = await loadKnowledge(SHIPPED);
    const b = await loadKnowledge(knowledgeDir({}, SHIPPED));
    const c = await loadKnowledge(knowledgeDir({ "articles/extra.md": article(GOOD) }, SHIPPED));
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid knowledge");
    expect(b.kb.version).toBe(a.kb.version);
    expect(c.kb.version).not.toBe(a.kb.version);
  });
});

describe("a broken knowledge folder", () => {
  it("names a missing field with its file and line", async () => {
    const { title: _t, ...rest } = GOOD;
    expect(await problemsOf({ "articles/a.md": article(rest) })).toEqual([`articles/a.md:2: missing title`]);
  });

  it("rejects a date that is not a date, on its line", async () => {
    expect(await problemsOf({ "articles/a.md": article({ ...GOOD, date: "2024-13-01" }) })).toEqual([
      `articles/a.md:4: date "2024-13-01" is not a date (YYYY-MM-DD)`,
    ]);
  });

  it("rejects a link that is not http(s)", async () => {
    expect(await problemsOf({ "articles/a.md": article({ ...GOOD, url: "ftp://example.org/x" }) })).toEqual([
      `articles/a.md:5: url "ftp://example.org/x" is not an http(s) link`,
    ]);
  });

  it("rejects an unknown field, naming it", async () => {
    expect(await problemsOf({ "articles/a.md": article({ ...GOOD, titel: "x" }) })).toEqual([
      `articles/a.md:6: unknown field "titel"`,
    ]);
  });

  it("rejects an article without front matter or without text", async () => {
    expect(await problemsOf({ "articles/a.md": "忻州\n" })).toEqual([
      "articles/a.md:1: an article must start with front matter: a line '---', the fields, then '---'",
    ]);
    expect(await problemsOf({ "articles/a.md": article(GOOD, "") })).toEqual([
      "articles/a.md:7: the article has no text after its front matter",
    ]);
  });

  it("rejects duplicate article ids across files", async () => {
    const problems = await problemsOf({
      "articles/a.md": article({ ...GOOD, id: "same" }),
      "articles/b.md": article({ ...GOOD, id: "same" }),
    });
    expect(problems).toEqual([`articles/b.md:6: duplicate article id "same" (also articles/a.md)`]);
  });

  it("reports a YAML syntax error with its line", async () => {
    const problems = await problemsOf({ "articles/a.md": `---\ntitle: [unclosed\npublisher: x\n---\n\ntext\n` });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^articles\/a\.md:[23]: YAML: /);
  });

  it("reports YAML aliases that expand to too much (a billion laughs) at the first alias, in any file", async () => {
    const bomb = (indent: string) =>
      [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`]
        .concat(
          [1, 2, 3, 4, 5].map(
            (i) =>
              `${indent}l${i}: &l${i} [${Array(9)
                .fill(`*l${i - 1}`)
                .join(", ")}]`,
          ),
        )
        .join("\n");
    const front = Object.entries(GOOD)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n");
    expect(
      await problemsOf({ "articles/a.md": `---\n${front}\n${bomb("")}\n---\n\n忻州市今年接待游客100万人次。\n` }),
    ).toEqual(["articles/a.md:7: YAML: its aliases expand to too much (more than 100 aliases)"]);
    const facts = `article: a\nfacts: []\n${bomb("")}\n`;
    expect(await problemsOf({ "articles/a.md": article(GOOD), "facts/a.yaml": facts })).toEqual([
      "facts/a.yaml:4: YAML: its aliases expand to too much (more than 100 aliases)",
    ]);
  });

  it("reports a file where the facts folder should be", async () => {
    const problems = await problemsOf({ "articles/a.md": article(GOOD), facts: "not a folder" });
    expect(problems).toEqual(["facts:1: this is a file, where a folder should be"]);
  });

  it("loads the same base again from the contents an earlier load read, whatever the folder holds now", async () => {
    const dir = knowledgeDir({ "articles/a.md": article(GOOD) });
    const first = await loadKnowledge(dir);
    if (!first.ok) throw new Error("not loaded");
    writeFileSync(path.join(dir, "articles", "b.md"), article({ ...GOOD, date: "9999-99-99" }));
    const again = await loadKnowledge(dir, { contents: first.contents });
    expect(again.ok && again.kb.version).toBe(first.kb.version);
  });

  it("reports a file that is not UTF-8 with the line of the bad byte", async () => {
    const bytes = Buffer.concat([Buffer.from(article(GOOD)), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    expect(await problemsOf({ "articles/a.md": bytes })).toEqual([
      "articles/a.md:9: the file is not UTF-8 text (save it as UTF-8)",
    ]);
  });

  it("reports an empty folder", async () => {
    expect(await problemsOf({ "articles/.keep": "" })).toEqual(["articles:1: the folder holds no articles (*.md)"]);
    expect(await problemsOf({})).toEqual(["articles:1: no articles folder here"]);
  });

  const fact = (fields: Record<string, unknown>) =>
    `article: a\nfacts:\n  - subject: 忻州市\n    metric: 接待游客\n    period: 2024年\n` +
    Object.entries(fields)
      .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
      .join("\n") +
    "\n";

  it("rejects a fact that points to an unknown article", async () => {
    const problems = await problemsOf({
      "articles/a.md": article(GOOD),
      "facts/f.yaml": fact({ article: "nope", value: 100, unit: "万人次", quote: "忻州市今年接待游客100万人次。" }),
    });
    expect(problems).toEqual([`facts/f.yaml:3: article "nope" is not the id of any article`]);
  });

  it("rejects a quote that is not in its article word for word", async () => {
    const problems = await problemsOf({
      "articles/a.md": article(GOOD),
      "facts/f.yaml": fact({ value: 100, unit: "万人次", quote: "忻州今年接待游客100万人次。" }),
    });
    expect(problems[0]).toMatch(/^facts\/f\.yaml:3: quote is not in article "a" word for word/);
  });

  it("rejects a value that is not in its quote", async () => {
    const problems = await problemsOf({
      "articles/a.md": article(GOOD),
      "facts/f.yaml": fact({ value: 1000, unit: "万人次", quote: "忻州市今年接待游客100万人次。" }),
    });
    expect(problems).toEqual(["facts/f.yaml:3: value 1000 is not in its quote"]);
  });

  it("rejects a bad fact field on its own line", async () => {
    const problems = await problemsOf({
      "articles/a.md": article(GOOD),
      "facts/f.yaml": fact({ value: 100, kind: "weird", quote: "忻州市今年接待游客100万人次。" }),
    });
    expect(problems[0]).toMatch(/^facts\/f\.yaml:7: kind "weird" must be one of amount,/);
  });

  it("reports every problem at once, and never yields a partial base", async () => {
    const dir = knowledgeDir({
      "articles/good.md": article(GOOD),
      "articles/bad.md": article({ ...GOOD, date: "yesterday" }),
      "facts/f.yaml": fact({ value: 7, quote: "nowhere" }),
    });
    const result = await loadKnowledge(dir);
    expect(result.ok).toBe(false);
    expect("kb" in result).toBe(false);
    if (!result.ok) expect(result.problems.length).toBe(1);
    // The fact is checked once the articles are valid: fixing the date shows the next problem.
    const fixed = await loadKnowledge(
      knowledgeDir({
        "articles/bad.md": article(GOOD),
        "articles/good.md": article({ ...GOOD, id: "g" }),
        "facts/f.yaml": fact({ value: 7, quote: "nowhere" }),
      }),
    );
    expect(fixed.ok).toBe(false);
  });

  it("loads a new article that has no facts", async () => {
    const result = await loadKnowledge(knowledgeDir({ "articles/new.md": article(GOOD) }, SHIPPED));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.kb.articles.map((a) => a.id)).toContain("new");
  });
});
