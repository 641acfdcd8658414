/**
 * The question sets under test/eval (the dev set copied from ../shared/eval and the project's own
 * cases) must keep their scores; each answered case is also held to citation integrity by judge().
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine/index.js";
import { readCases, runEval } from "../src/eval/run.js";
import { NOW, engineFor } from "./helpers/engine.js";

/** The share of each set that must pass; raise a floor when the engine improves, never lower it quietly. */
const FLOORS: Record<string, number> = {
  "test/eval/dev.jsonl": 1.0,
  "test/eval/heldout.jsonl": 0.88,
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor();
});

describe("question sets", () => {
  for (const set of readCases([])) {
    it(`${set.file} scores at least its floor`, () => {
      const report = runEval(engine, [set], NOW);
      const floor = FLOORS[set.file] ?? 0.9;
      const failures = report.failures.map((f) => `${f.id} ${f.q}: ${f.why}`).join("\n");
      expect(report.passed / report.total, failures).toBeGreaterThanOrEqual(floor);
    });
  }
});
