/**
 * The engine in a worker thread of its own (worker.ts), asked by messages. The thread that talks to
 * Telegram then never builds, restores or garbage-collects an index: a reload of a large knowledge base
 * cannot stall it, and a question that hangs or crashes the engine costs one worker, not the bot.
 */
import { Worker } from "node:worker_threads";
import type { Answer } from "../engine/index.js";
import type { KnowledgeSummary, Problem } from "../knowledge/types.js";
import type { AnsweringEngine, Opened, OpenKnowledge, OpenRequest } from "../live.js";

export interface ThreadOptions {
  readonly knowledgeDir: string;
  readonly dataDir: string;
  /** Where the worker's notes go (a snapshot not used or not written, a worker lost and replaced). */
  readonly note: (level: "warn" | "error", message: string, details?: Record<string, unknown>) => void;
  /** How long a question may take before its worker is taken for stuck and replaced. Default 10 s. */
  readonly askTimeoutMs?: number;
  /** The worker's script. Default worker.ts beside this file; tests pass a misbehaving stand-in. */
  readonly script?: URL;
}

/** What the worker is started with. */
export interface WorkerInput extends OpenRequest {
  readonly knowledgeDir: string;
  readonly dataDir: string;
}

/** A question for the worker; `limit` asks for several answers (inline mode). */
export interface Question {
  readonly id: number;
  readonly question: string;
  /** Milliseconds since the epoch: the clock stays on this side. */
  readonly now: number;
  readonly limit?: number;
}

export type FromWorker =
  | { type: "invalid"; problems: Problem[] }
  | { type: "checked"; summary: KnowledgeSummary }
  | {
      type: "ready";
      summary: KnowledgeSummary;
      examples: string[];
      source: "snapshot" | "built";
      /** A large build wrote its snapshot: a fresh worker restoring it holds much less memory. */
      restoreAfterBuild: boolean;
    }
  | { type: "note"; message: string; details?: Record<string, unknown> }
  | { type: "answers"; id: number; answers: Answer[] }
  | { type: "failed"; id: number; message: string };

type First = Extract<FromWorker, { type: "invalid" | "checked" | "ready" }>;

const DEFAULT_ASK_TIMEOUT_MS = 10_000;

/** Opens engines on `options.knowledgeDir`, each in a worker thread of its own. */
export function openInThread(options: ThreadOptions): OpenKnowledge {
  return async (request) => {
    let started: { worker: Worker; first: First };
    try {
      started = await start(options, request);
    } catch (e) {
      return { ok: false, problems: [{ file: options.knowledgeDir, line: 0, message: `the engine thread stopped while loading: ${(e as Error).message}` }] };
    }
    const { worker, first } = started;
    if (first.type !== "ready") void worker.terminate();
    if (first.type === "invalid") return { ok: false, problems: first.problems };
    if (first.type === "checked") return { ok: true, summary: first.summary };
    return { ok: true, summary: first.summary, engine: threadEngine(options, worker, first), source: first.source } satisfies Opened;
  };
}

/**
 * A worker that has opened the knowledge. After a large build the worker's heap stays grown to the
 * build's peak (100k passages: about 150 MB more than the engine needs), so that worker is let go and a
 * fresh one restores the snapshot it wrote.
 */
async function start(options: ThreadOptions, request: OpenRequest): Promise<{ worker: Worker; first: First }> {
  const started = await spawn(options, request);
  if (started.first.type !== "ready" || !started.first.restoreAfterBuild) return started;
  await started.worker.terminate();
  return spawn(options, request);
}

function spawn(options: ThreadOptions, request: OpenRequest): Promise<{ worker: Worker; first: First }> {
  const workerData: WorkerInput = { ...request, knowledgeDir: options.knowledgeDir, dataDir: options.dataDir };
  const worker = newWorker(options.script ?? new URL(`./worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url), workerData);
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === "note") return options.note("warn", m.message, m.details);
      if (m.type !== "invalid" && m.type !== "checked" && m.type !== "ready") return;
      worker.off("message", onMessage).off("error", reject).off("exit", onExit);
      resolve({ worker, first: m });
    };
    const onExit = (code: number) => reject(new Error(`worker exited with code ${code}`));
    worker.on("message", onMessage).once("error", reject).once("exit", onExit);
  });
}

/** Run from the TypeScript sources (npm start, tests), a worker registers tsx before loading its script. */
function newWorker(script: URL, workerData: WorkerInput): Worker {
  if (!script.pathname.endsWith(".ts")) return new Worker(script, { workerData });
  const source =
    `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(source, { eval: true, workerData });
}

interface Waiting {
  resolve(answers: Answer[]): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
  settled: Promise<unknown>;
}

/**
 * Questions go to the worker by message and come back by id. A worker that dies or takes longer than
 * the timeout fails the questions it holds and is replaced by a fresh one on the same folder.
 */
function threadEngine(options: ThreadOptions, first: Worker, ready: Extract<FromWorker, { type: "ready" }>): AnsweringEngine {
  const timeoutMs = options.askTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
  const waiting = new Map<number, Waiting>();
  let worker = first;
  let summary = ready.summary;
  let examples = ready.examples;
  let nextId = 0;
  let state: { kind: "open" } | { kind: "replacing"; done: Promise<void> } | { kind: "broken"; why: string } | { kind: "closed" } = { kind: "open" };

  const onMessage = (m: FromWorker) => {
    if (m.type === "note") return options.note("warn", m.message, m.details);
    if (m.type !== "answers" && m.type !== "failed") return;
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    clearTimeout(w.timer);
    if (m.type === "answers") w.resolve(m.answers);
    else w.reject(new Error(`the engine failed: ${m.message}`));
  };
  const attach = (w: Worker) => {
    w.on("message", onMessage)
      .on("error", (e) => lose(w, `error: ${e.message}`))
      .on("exit", (code) => lose(w, `exited with code ${code}`));
  };

  /** The worker `w` is gone or stuck: fail what it holds, and start another unless one is already starting. */
  const lose = (w: Worker, why: string) => {
    if (w !== worker || state.kind !== "open") return;
    for (const [id, held] of waiting) {
      clearTimeout(held.timer);
      held.reject(new Error(`the engine thread was lost (${why})`));
      waiting.delete(id);
    }
    void w.terminate();
    options.note("error", `engine thread lost (${why}); starting another`, { version: summary.version });
    const done = start(options, { build: true }).then(
      ({ worker: next, first: m }) => {
        if (m.type !== "ready") {
          void next.terminate();
          state = { kind: "broken", why: `the knowledge folder is ${m.type === "invalid" ? "invalid" : "unreadable"}; reload after fixing it` };
          return;
        }
        worker = next;
        summary = m.summary;
        examples = m.examples;
        attach(next);
        state = { kind: "open" };
        options.note("warn", "engine thread replaced", { version: summary.version, source: m.source });
      },
      (e: Error) => {
        state = { kind: "broken", why: e.message };
      },
    );
    state = { kind: "replacing", done };
  };

  const request = async (question: string, now: Date, limit?: number): Promise<Answer[]> => {
    if (state.kind === "replacing") await state.done;
    if (state.kind === "broken") throw new Error(`no engine: ${state.why}`);
    if (state.kind === "closed") throw new Error("the engine was closed");
    const id = nextId++;
    const asked = worker;
    let hold!: Omit<Waiting, "timer" | "settled">;
    const settled = new Promise<Answer[]>((resolve, reject) => (hold = { resolve, reject }));
    const timer = setTimeout(() => lose(asked, `no answer in ${timeoutMs} ms`), timeoutMs);
    waiting.set(id, { ...hold, timer, settled: settled.catch(() => {}) });
    asked.postMessage({ id, question, now: now.getTime(), ...(limit === undefined ? {} : { limit }) } satisfies Question);
    return settled;
  };

  attach(first);
  return {
    get summary() {
      return summary;
    },
    get examples() {
      return examples;
    },
    ask: async (question, now) => (await request(question, now))[0]!,
    askMany: (question, now, limit) => request(question, now, limit),
    async close() {
      if (state.kind === "replacing") await state.done;
      state = { kind: "closed" };
      await Promise.all([...waiting.values()].map((w) => w.settled));
      await worker.terminate();
    },
  };
}
