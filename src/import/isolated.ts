/**
 * Preparing an import in a worker thread of its own, with a time limit: parsing a page and reading it
 * with Readability take seconds on a large or deeply nested page, and the bot's thread answers every
 * other chat meanwhile. A page that takes too long is given up on (its thread is stopped); one that
 * runs the worker out of memory or crashes it costs that worker only.
 */
import { besideScript, newWorker } from "../thread/host.js";
import type { ImportOptions, ImportSource, PreparedImport } from "./import.js";

/** What the worker is given: a source already in hand (bytes, or an article extracted before). */
export interface PrepareJob {
  readonly source: Exclude<ImportSource, string>;
  readonly options: Omit<ImportOptions, "limits">;
}

export type PrepareOutcome =
  | { readonly ok: true; readonly prepared: PreparedImport }
  | { readonly ok: false; readonly reason: "timeout" | "failed"; readonly message: string };

export interface IsolatedOptions {
  /** How long one preparation may take. Default 60 s: a 4 MB page took 30 s on a machine loaded 13 times over. */
  readonly timeoutMs?: number;
  /** The worker's heap limit. Default 1 GiB: a page of 5 MB needs a few hundred MB as a DOM. */
  readonly maxHeapMb?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_HEAP_MB = 1024;

/** prepareImport in a worker thread; it never throws, and gives up after the time limit. */
export function prepareIsolated(job: PrepareJob, options: IsolatedOptions = {}): Promise<PrepareOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const worker = newWorker(besideScript("prepare-worker", import.meta.url), job, {
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
  });
  return new Promise<PrepareOutcome>((resolve) => {
    const done = (outcome: PrepareOutcome) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      // An error after the outcome (the thread stopping) has nothing more to say.
      worker.on("error", () => {});
      void worker.terminate();
      resolve(outcome);
    };
    const message = `reading the page took more than ${timeoutMs / 1000} s`;
    const timer = setTimeout(() => done({ ok: false, reason: "timeout", message }), timeoutMs);
    worker.once("message", (m: PrepareOutcome) => done(m));
    worker.once("error", (e) => done({ ok: false, reason: "failed", message: e.message }));
    worker.once("exit", (code) => done({ ok: false, reason: "failed", message: `the thread stopped (${code})` }));
  });
}
