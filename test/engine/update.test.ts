/**
 * An article or a facts file added, replaced or removed is taken in place (engine/update.ts): the
 * answers are then exactly those of an engine built on the new folder, and so are those of an engine
 * restored from the snapshot the updated one writes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine, type Engine, engineFromSnapshot } from "../../src/engine/index.js";
import { type KnowledgeFiles, loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem, type KnowledgeBase } from "../../src/model/knowledge.js";
import { NOW } from "../helpers/engine.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

const fixture = (name: string) => readFileSync(path.join("test/fixtures", name), "utf8");
const questionsOf = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
const QUESTIONS = [
  ...questionsOf("test/eval/dev.jsonl"),
  ...questionsOf("test/fixtures/new-article/questions.jsonl"),
  ...questionsOf("test/fixtures/blind2/questions-wutai.jsonl"),
  ...questionsOf("test/fixtures/blind4-company/questions.jsonl"),
  "北京GDP",
  "How many tourists did Xinzhou receive?",
];

/** The shipped knowledge with two articles nobody curated. */
function folder(): string {
  return knowledgeDir(
    {
      "articles/wutai-2025.md": fixture("blind2/articles/wutai-2025.md"),
      "articles/hengyue-forging-2025.md": fixture("blind4-company/articles/hengyue-forging-2025.md"),
    },
    SHIPPED,
  );
}

async function load(dir: string, previous?: KnowledgeFiles): Promise<{ kb: KnowledgeBase; files: KnowledgeFiles }> {
  const r = await loadKnowledge(dir, { previous });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r;
}

function expectSameAnswers(engine: Engine, fresh: Engine): void {
  for (const q of QUESTIONS) expect(engine.ask(q, NOW), q).toEqual(fresh.ask(q, NOW));
  for (const q of QUESTIONS.slice(0, 30)) expect(engine.askMany(q, NOW, 5), q).toEqual(fresh.askMany(q, NOW, 5));
}

/** The engine updated from `before` to the folder as `change` leaves it, checked against a fresh build, then its snapshot. */
async function updateAndCompare(change: (dir: string) => void, start: "built" | "snapshot" = "built") {
  const dir = folder();
  const before = await load(dir);
  let engine = createEngine(before.kb);
  if (start === "snapshot") {
    const restored = engineFromSnapshot(before.kb, engine.snapshot());
    if (!("engine" in restored)) throw new Error(restored.reason);
    engine = restored.engine;
  }
  change(dir);
  const after = await load(dir, before.files);
  const updated = engine.update(after.kb);
  expect(updated.ok).toBe(true);
  const fresh = createEngine((await load(dir)).kb);
  expect(engine.kb.version).toBe(fresh.kb.version);
  expectSameAnswers(engine, fresh);

  const restored = engineFromSnapshot(after.kb, engine.snapshot());
  if (!("engine" in restored)) throw new Error(restored.reason);
  expectSameAnswers(restored.engine, fresh);
  return { engine, updated };
}

const article = (dir: string, name: string) => path.join(dir, "articles", name);

describe("one article or facts file changed, taken in place", () => {
  it("an added article answers as in a fresh build, and so does the snapshot written after it", async () => {
    const { engine, updated } = await updateAndCompare((dir) =>
      writeFileSync(article(dir, "yuanping-2025.md"), fixture("new-article/articles/yuanping-2025.md")),
    );
    expect(updated).toMatchObject({ ok: true, removed: 0 });
    expect(engine.ask("原平市前三季度地区生产总值是多少？", NOW).citations[0]?.url).toBe(
      "https://example.org/test/yuanping-2025",
    );
  });

  it("a replaced article answers with its new text only", async () => {
    await updateAndCompare((dir) => {
      const file = article(dir, "wutai-2025.md");
      const text = readFileSync(file, "utf8");
      // Drop the last paragraph and change a figure.
      const paragraphs = text.trimEnd().split("\n\n");
      writeFileSync(
        file,
        `${paragraphs
          .slice(0, -1)
          .join("\n\n")
          .replace(/(\d)(\d)/, "$2$1")}\n`,
      );
    });
  });

  it("a removed article is no longer cited", async () => {
    const url = "https://example.org/jinbei/2025/09/hengyue-forging";
    const dir = folder();
    expect(createEngine((await load(dir)).kb).ask("恒岳重工有多少员工？", NOW).citations[0]?.url).toBe(url);
    const { engine } = await updateAndCompare((copy) => rmSync(article(copy, "hengyue-forging-2025.md")));
    for (const q of QUESTIONS) expect(engine.ask(q, NOW).citations.map((c) => c.url)).not.toContain(url);
  });

  it("a removed facts file, on an engine restored from its snapshot", async () => {
    await updateAndCompare((dir) => rmSync(path.join(dir, "facts", "xinzhou-sixin-2024.yaml")), "snapshot");
  });

  it("an added article, on an engine restored from its snapshot", async () => {
    await updateAndCompare(
      (dir) =>
        writeFileSync(
          article(dir, "a-first.md"),
          fixture("new-article/articles/yuanping-2025.md").replace(/^id: .*$/m, ""),
        ),
      "snapshot",
    );
  });

  it("refuses a changed glossary: that is a build", async () => {
    const dir = folder();
    const before = await load(dir);
    const engine = createEngine(before.kb);
    writeFileSync(
      path.join(dir, "glossary.yaml"),
      `${readFileSync(path.join(dir, "glossary.yaml"), "utf8")}\n`.replace("terms:", "terms:\n  - [测试词, 测验词]"),
    );
    const after = await load(dir, before.files);
    expect(engine.update(after.kb)).toEqual({ ok: false, reason: "the glossary changed" });
    expect(engine.kb.version).toBe(before.kb.version);
  });
});
