/**
 * A worker thread that prepares one import (isolated.ts): the page parsed, its article extracted and
 * checked with the whole folder, away from the thread that talks to Telegram.
 */
import { parentPort, workerData } from "node:worker_threads";
import { prepareImport } from "./import.js";
import type { PrepareJob, PrepareOutcome } from "./isolated.js";

const { source, options } = workerData as PrepareJob;
let outcome: PrepareOutcome;
try {
  outcome = { ok: true, prepared: await prepareImport(source, options) };
} catch (e) {
  outcome = { ok: false, reason: "failed", message: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(outcome);
