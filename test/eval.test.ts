/**
 * The question sets must keep their scores; judge() also holds every answered case to citation
 * integrity. test/eval holds the dev set (copied from ../shared/eval) and cases written blind to the
 * engine; test/fixtures/* add articles with no curated facts to the shipped knowledge and ask about them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCases, runEval } from "../src/eval/run.js";
import { NOW, engineFor } from "./helpers/engine.js";
import { SHIPPED, knowledgeDir, removeKnowledgeDirs } from "./helpers/knowledge.js";

/** The share of each set that must pass; raise a floor when the engine improves, never lower it quietly. */
const FLOORS: Record<string, number> = {
  "test/eval/dev.jsonl": 1.0,
  "test/eval/heldout.jsonl": 0.97,
  "test/eval/blind3.jsonl": 0.9,
  "test/fixtures/new-article/questions.jsonl": 0.95,
  "test/fixtures/blind2/questions-shipped.jsonl": 0.85,
  "test/fixtures/blind2/questions-wutai.jsonl": 0.8,
};
const DEFAULT_FLOOR = 0.85;

afterAll(removeKnowledgeDirs);

function check(engine: Awaited<ReturnType<typeof engineFor>>, set: ReturnType<typeof readCases>[number]) {
  const report = runEval(engine, [set], NOW);
  const failures = report.failures.map((f) => `${f.id} ${f.q}: ${f.why}`).join("\n");
  expect(report.passed / report.total, failures).toBeGreaterThanOrEqual(FLOORS[set.file] ?? DEFAULT_FLOOR);
}

describe("question sets on the shipped knowledge", async () => {
  const engine = await engineFor();
  for (const set of readCases([])) it(`${set.file} scores at least its floor`, () => check(engine, set));
});

const FIXTURES = "test/fixtures";
for (const fixture of readdirSync(FIXTURES).sort()) {
  describe(`question sets with the articles of ${fixture} added`, async () => {
    const dir = path.join(FIXTURES, fixture);
    const files = Object.fromEntries(
      readdirSync(path.join(dir, "articles")).map((name) => [`articles/${name}`, readFileSync(path.join(dir, "articles", name))]),
    );
    const engine = await engineFor(knowledgeDir(files, SHIPPED));
    for (const set of readCases([], dir)) it(`${set.file} scores at least its floor`, () => check(engine, set));
  });
}
