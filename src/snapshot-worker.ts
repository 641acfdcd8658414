/** A worker thread that builds the engine of a knowledge folder and writes its snapshot (see snapshots.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "./engine/index.js";
import { loadKnowledge } from "./knowledge/load.js";
import { saveSnapshot } from "./snapshots.js";

const { knowledgeDir, dataDir } = workerData as { knowledgeDir: string; dataDir: string };
const loaded = await loadKnowledge(knowledgeDir);
if (!loaded.ok) {
  parentPort?.postMessage({ ok: false, message: `knowledge changed again and is invalid (${loaded.problems.length} problems)` });
} else {
  await saveSnapshot(dataDir, loaded.kb.version, createEngine(loaded.kb).snapshot());
  parentPort?.postMessage({ ok: true, message: `snapshot written for version ${loaded.kb.version}` });
}
