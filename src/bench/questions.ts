/**
 * The fixed mix of questions the benchmark times: every question set under test/eval, and synthetic keyword
 * questions.
 */
import { readCases } from "../eval/run.js";
import { syntheticQuestions } from "./corpus.js";

export function questionMix(): string[] {
  return [...readCases([]).flatMap((s) => s.cases.map((c) => c.q)), ...syntheticQuestions(100)];
}
