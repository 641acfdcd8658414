/** The engine on the shipped knowledge, built once per test file. */
import { createEngine, type Engine } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/model/knowledge.js";

export const NOW = new Date("2026-11-22T08:00:00Z");

export async function engineFor(dir = "knowledge"): Promise<Engine> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return createEngine(result.kb);
}
