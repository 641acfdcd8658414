/**
 * A worker thread that prepares imports (isolated.ts), one job after another: the page parsed, its
 * article extracted and checked with the whole folder, away from the thread that talks to Telegram.
 */
import { parentPort } from "node:worker_threads";
import { prepareImport } from "./import.js";
import type { PrepareJob, PrepareOutcome } from "./isolated.js";

parentPort!.on("message", async ({ source, options }: PrepareJob) => {
  let outcome: PrepareOutcome;
  try {
    outcome = { ok: true, prepared: await prepareImport(source, options) };
  } catch (e) {
    outcome = { ok: false, reason: "failed", message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(outcome);
});
