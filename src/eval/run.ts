/** Running question sets through the engine: the scores `npm run eval` prints and the tests hold. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Engine } from "../engine/index.js";
import { sentencesOf } from "../model/knowledge.js";
import { askCase } from "./conversation.js";
import { type EvalCase, judge, kindOf } from "./judge.js";
import { retrieved } from "./sets.js";

/** Question sets: the files named, or the project's copy of the dev set and its own cases. */
export function readCases(files: string[], dir = "test/eval"): { file: string; cases: EvalCase[] }[] {
  const chosen = files.length
    ? files
    : readdirSync(dir)
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .map((f) => path.join(dir, f));
  return chosen.map((file) => ({
    file,
    cases: readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as EvalCase),
  }));
}

export interface EvalReport {
  total: number;
  passed: number;
  byKind: Record<string, { total: number; passed: number }>;
  failures: { file: string; id: string; q: string; why: string }[];
  /** Answerable cases, and those whose gold sentence the retriever found (sets.ts). */
  retrieval: { answerable: number; found: number };
}

export function runEval(
  engine: Engine,
  sets: { file: string; cases: EvalCase[] }[],
  now: Date,
  timeZone?: string,
): EvalReport {
  const report: EvalReport = { total: 0, passed: 0, byKind: {}, failures: [], retrieval: { answerable: 0, found: 0 } };
  const sentences = sentencesOf(engine.kb);
  for (const { file, cases } of sets) {
    for (const c of cases) {
      if (!c.unanswerable && c.all?.length) {
        report.retrieval.answerable++;
        if (retrieved(engine, c, sentences, now)) report.retrieval.found++;
      }
      const verdict = judge(c, askCase(engine, c, now, timeZone), engine.kb);
      const kind = kindOf(c);
      report.byKind[kind] ??= { total: 0, passed: 0 };
      const k = report.byKind[kind]!;
      k.total++;
      report.total++;
      if (verdict.pass) {
        k.passed++;
        report.passed++;
      } else report.failures.push({ file, id: c.id, q: c.q, why: verdict.why ?? "" });
    }
  }
  return report;
}
