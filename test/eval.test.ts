/**
 * The question sets must keep their scores; judge() also holds every answered case to citation
 * integrity (the format and the rules: test/eval/README.md). test/eval holds the shared dev set and
 * cases written blind to the engine; test/fixtures/* add articles with no curated facts to the shipped
 * knowledge and ask about them; test/fixtures/external holds public reading-comprehension sets, scored
 * right / wrong / none.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine/index.js";
import { buildExternalSet, type ExternalSetName, runExternal } from "../src/eval/external.js";
import { integrityProblems } from "../src/eval/judge.js";
import { readCases, runEval } from "../src/eval/run.js";
import { engineFor, NOW } from "./helpers/engine.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "./helpers/knowledge.js";

/** The share of each set that must pass: a minimum, raised when the engine improves, never lowered quietly. */
const FLOORS: Record<string, number> = {
  "test/eval/dev.jsonl": 1.0,
  "test/eval/heldout.jsonl": 0.97,
  "test/eval/blind3.jsonl": 0.94,
  "test/fixtures/new-article/questions.jsonl": 0.95,
  "test/fixtures/blind2/questions-shipped.jsonl": 0.93,
  "test/fixtures/blind2/questions-wutai.jsonl": 0.88,
  "test/fixtures/blind4-bulletin/questions.jsonl": 0.94,
  "test/fixtures/blind4-company/questions.jsonl": 0.88,
  "test/fixtures/blind4-english/questions.jsonl": 0.77,
  "test/fixtures/blind4-traditional/questions.jsonl": 0.88,
  "test/fixtures/blind4-workreport/questions.jsonl": 1.0,
  "test/fixtures/blind5-county-report/questions.jsonl": 0.83,
  "test/fixtures/blind5-page-capture/questions.jsonl": 1.0,
  "test/fixtures/blind5-project-list/questions.jsonl": 0.88,
  "test/fixtures/blind5-tourism-holiday/questions.jsonl": 0.88,
  "test/fixtures/blind5-traditional-company/questions.jsonl": 0.83,
  "test/fixtures/blind6-county-bulletin/questions.jsonl": 0.83,
  "test/fixtures/blind6-county-profile/questions.jsonl": 0.83,
  "test/fixtures/blind6-english-release/questions.jsonl": 0.66,
  "test/fixtures/blind6-halfyear-county/questions.jsonl": 0.88,
  "test/fixtures/blind6-project-news/questions.jsonl": 0.61,
  "test/fixtures/blind6-traditional-tourism/questions.jsonl": 0.66,
  "test/fixtures/blind7-county-news/questions.jsonl": 0.72,
  "test/fixtures/blind7-english-county/questions.jsonl": 0.61,
  "test/fixtures/blind7-traditional-bulletin/questions.jsonl": 0.83,
  "test/fixtures/blind7-work-report/questions.jsonl": 0.5,
};
const DEFAULT_FLOOR = 0.85;
/** The cases that pass, each by name (test/eval/passing.json): which cases pass cannot change silently. */
const PASSING: Record<string, string[]> = JSON.parse(readFileSync("test/eval/passing.json", "utf8"));

/** Public sets, all splits: right at least, wrong at most, as shares of the questions (the bar: 65% and 6%). */
const EXTERNAL: Record<ExternalSetName, { right: number; wrong: number }> = {
  "cmrc-trial": { right: 0.78, wrong: 0.04 },
  "drcd-test": { right: 0.7, wrong: 0.06 },
};

afterAll(removeKnowledgeDirs);

function check(engine: Engine, set: ReturnType<typeof readCases>[number]) {
  const report = runEval(engine, [set], NOW);
  const failures = report.failures.map((f) => `${f.id} ${f.q}: ${f.why}`).join("\n");
  expect(report.passed / report.total, failures).toBeGreaterThanOrEqual(FLOORS[set.file] ?? DEFAULT_FLOOR);
  const lost = report.failures.filter((f) => PASSING[set.file]?.includes(f.id));
  expect(lost.map((f) => `${f.id} ${f.q}: ${f.why}`)).toEqual([]);
}

/** Each engine is built before its tests run, so that listing the tests stays quick; on a busy machine a build can take minutes. */
const BUILD_TIMEOUT = 180_000;

describe("question sets on the shipped knowledge", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor();
  }, BUILD_TIMEOUT);
  for (const set of readCases([]))
    it(`${set.file} scores at least its floor and keeps its passing cases`, () => check(engine, set));
});

const FIXTURES = "test/fixtures";
for (const fixture of readdirSync(FIXTURES, { withFileTypes: true })
  .filter((f) => f.isDirectory() && f.name !== "external" && existsSync(path.join(FIXTURES, f.name, "articles")))
  .map((f) => f.name)
  .sort()) {
  describe(`question sets with the articles of ${fixture} added`, () => {
    const dir = path.join(FIXTURES, fixture);
    let engine: Engine;
    beforeAll(async () => {
      const files = Object.fromEntries(
        readdirSync(path.join(dir, "articles")).map((name) => [
          `articles/${name}`,
          readFileSync(path.join(dir, "articles", name)),
        ]),
      );
      engine = await engineFor(knowledgeDir(files, SHIPPED));
    }, BUILD_TIMEOUT);
    for (const set of readCases([], dir))
      it(`${set.file} scores at least its floor and keeps its passing cases`, () => check(engine, set));
  });
}

for (const [name, bar] of Object.entries(EXTERNAL) as [ExternalSetName, { right: number; wrong: number }][]) {
  describe(`${name}, its articles added to the shipped knowledge`, () => {
    let set: ReturnType<typeof buildExternalSet>;
    let engine: Engine;
    beforeAll(async () => {
      set = buildExternalSet(name);
      engine = await engineFor(knowledgeDir(set.files, SHIPPED));
    }, BUILD_TIMEOUT);
    it(`answers at least ${bar.right * 100}% right and at most ${bar.wrong * 100}% wrong, every answer within integrity`, () => {
      const report = runExternal((q) => engine.ask(q, NOW), set.cases);
      expect(report.right / report.total).toBeGreaterThanOrEqual(bar.right);
      expect(report.wrong / report.total).toBeLessThanOrEqual(bar.wrong);
      const broken = set.cases.flatMap((c) =>
        integrityProblems(engine.ask(c.q, NOW), engine.kb).map((p) => `${c.id}: ${p}`),
      );
      expect(broken).toEqual([]);
    });
  });
}
