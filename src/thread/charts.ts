/**
 * Charts drawn in a worker thread of their own (chart-worker.ts): a render takes 130–250 ms, most of it
 * resvg reading the CJK font, and neither the thread that talks to Telegram nor the engine's thread that
 * answers should wait that long. The worker starts at the first chart and goes after IDLE_MS without one
 * (with ECharts and the font it holds about 100 MiB that an idle bot should not keep); one that fails or dies
 * fails the charts it holds, and the next chart starts a new one.
 */
import type { Worker } from "node:worker_threads";
import { type ChartSpec, renderChart } from "../render/chart.js";
import { besideScript, newWorker } from "./host.js";

export interface ChartRenderer {
  /** Each chart as PNG bytes, in order. */
  render(specs: readonly ChartSpec[]): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** What the chart worker is asked and answers. */
export interface ChartRequest {
  readonly id: number;
  readonly specs: readonly ChartSpec[];
}
export type ChartReply =
  | { readonly id: number; readonly ok: true; readonly pngs: readonly Uint8Array[] }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Charts in this thread: for the console and for tests that want no thread. */
export function chartsInThisThread(): ChartRenderer {
  return { render: async (specs) => specs.map(renderChart), close: async () => {} };
}

interface Pending {
  resolve(pngs: Buffer[]): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/** How long one request may take before it fails (a worker stuck for good is replaced). */
const RENDER_TIMEOUT_MS = 20_000;
/** How long the worker is kept without a chart to draw: long enough for a few questions in a row. */
const IDLE_MS = 60_000;

export function chartsInThread(timeoutMs = RENDER_TIMEOUT_MS, idleMs = IDLE_MS): ChartRenderer {
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    pending.clear();
  };
  const drop = (w: Worker, e: Error) => {
    if (worker !== w) return;
    worker = undefined;
    failAll(e);
    void w.terminate();
  };
  const start = (): Worker => {
    const w = newWorker(besideScript("chart-worker", import.meta.url), undefined);
    // A chart worker waiting for work does not keep the process alive.
    w.unref();
    w.on("message", (m: ChartReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (!pending.size) idle = setTimeout(() => drop(w, new Error("chart worker idle")), idleMs).unref();
      if (m.ok) p.resolve(m.pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
      else p.reject(new Error(`chart: ${m.error}`));
    });
    w.on("error", (e) => drop(w, e));
    w.on("exit", (code) => drop(w, new Error(`chart worker exited with code ${code}`)));
    return w;
  };
  return {
    render(specs) {
      clearTimeout(idle);
      worker ??= start();
      const w = worker;
      const id = ++next;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => drop(w, new Error(`chart: no PNG after ${timeoutMs} ms`)), timeoutMs);
        pending.set(id, { resolve, reject, timer });
        w.postMessage({ id, specs } satisfies ChartRequest);
      });
    },
    async close() {
      clearTimeout(idle);
      const w = worker;
      worker = undefined;
      failAll(new Error("chart renderer closed"));
      await w?.terminate();
    },
  };
}
