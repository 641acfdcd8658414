/**
 * Preparing an import in a worker thread of its own, with a time limit: parsing a page and reading it
 * with Readability take seconds on a large or deeply nested page, and the bot's thread answers every
 * other chat meanwhile. A page that takes too long is given up on (its thread is stopped); one that
 * runs the worker out of memory or crashes it costs that worker only. A worker that prepared a page is
 * kept for the next.
 */
import type { Worker } from "node:worker_threads";
import { besideScript, newWorker } from "../thread/host.js";
import type { ImportOptions, ImportSource, PreparedImport } from "./import.js";

/**
 * What the worker is given: a source already in hand (bytes, or an article extracted before). A link is
 * fetched by the caller, whose checked fetcher decides each address (with a resolver tests may replace,
 * functions no thread boundary carries); the worker never opens a connection, so it takes no address policy.
 */
export interface PrepareJob {
  readonly source: Exclude<ImportSource, string>;
  readonly options: Omit<ImportOptions, "limits" | "addresses">;
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

/** The worker kept between jobs (starting one takes a while), and the jobs, one at a time. */
let idle: Worker | undefined;
/** Lets go of the kept worker if it stops while it waits (out of memory, killed). */
let forget: (() => void) | undefined;
/** Stops the kept worker after IDLE_MS without a job: a large page leaves its heap grown. */
let retire: NodeJS.Timeout | undefined;
const IDLE_MS = 60_000;
let queue: Promise<unknown> = Promise.resolve();

/**
 * prepareImport in a worker thread; it never throws, and gives up after the time limit (counted from
 * when the job starts: jobs run one after another).
 */
export function prepareIsolated(job: PrepareJob, options: IsolatedOptions = {}): Promise<PrepareOutcome> {
  const failed = (e: unknown): PrepareOutcome => ({ ok: false, reason: "failed", message: String(e) });
  const done = queue.then(() => run(job, options)).catch(failed);
  queue = done;
  return done;
}

function run(job: PrepareJob, options: IsolatedOptions): Promise<PrepareOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const worker =
    idle ??
    newWorker(besideScript("prepare-worker", import.meta.url), undefined, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
    });
  if (forget) worker.off("exit", forget);
  clearTimeout(retire);
  idle = undefined;
  worker.ref();
  return new Promise<PrepareOutcome>((resolve) => {
    const onMessage = (m: PrepareOutcome) => finish(m, m.ok);
    const onError = (e: Error) => finish({ ok: false, reason: "failed", message: e.message }, false);
    const onExit = (code: number) => finish({ ok: false, reason: "failed", message: `it stopped (${code})` }, false);
    const finish = (outcome: PrepareOutcome, keep: boolean) => {
      clearTimeout(timer);
      // Only these listeners: the worker's own (which start its port) must stay.
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (keep) {
        // Kept for the next job; it does not keep the process alive.
        worker.unref();
        idle = worker;
        forget = () => {
          if (idle === worker) idle = undefined;
        };
        worker.once("exit", forget);
        retire = setTimeout(() => {
          if (idle !== worker) return;
          idle = undefined;
          void worker.terminate();
        }, IDLE_MS).unref();
      } else {
        // An error while it stops has nothing more to say.
        worker.on("error", () => {});
        void worker.terminate();
      }
      resolve(outcome);
    };
    const message = `reading the page took more than ${timeoutMs / 1000} s`;
    const timer = setTimeout(() => finish({ ok: false, reason: "timeout", message }, false), timeoutMs);
    worker.once("message", onMessage).once("error", onError).once("exit", onExit);
    worker.postMessage(job);
  });
}
