/**
 * The engine in a worker thread of its own (worker.ts), asked by messages. The thread that talks to
 * Telegram then never builds, restores or garbage-collects an index: a reload of a large knowledge base
 * cannot stall it, and a question that hangs or crashes the engine costs one worker, not the bot.
 */
import v8 from "node:v8";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { FolderContents } from "../knowledge/load.js";
import type { Answer } from "../engine/index.js";
import { formatProblem, type KnowledgeSummary, type Problem } from "../model/knowledge.js";
import type { AnsweringEngine, InPlace, Opened, OpenKnowledge, OpenRequest } from "../live.js";

export interface ThreadOptions {
  readonly knowledgeDir: string;
  readonly dataDir: string;
  /** Where the users are (IANA): questions that say 今年 mean the year there. */
  readonly timeZone: string;
  /** Where the worker's notes go (a snapshot not used or not written, a question timed out, a worker lost, replaced or stopped). */
  readonly note: (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;
  /** How long one question may take before it fails, alone. Default 10 s. */
  readonly askTimeoutMs?: number;
  /** How often the worker says it is alive. Default 1 s. */
  readonly heartbeatMs?: number;
  /**
   * How long the worker may go without a word (heartbeat or answer) before it is taken for stuck: the
   * questions it holds fail and a fresh worker replaces it. Default 15 s.
   */
  readonly stuckAfterMs?: number;
  /** The worker's script. Default worker.ts beside this file; tests pass a misbehaving stand-in. */
  readonly script?: URL;
}

/** What the worker is started with. */
export interface WorkerInput extends OpenRequest {
  readonly knowledgeDir: string;
  readonly dataDir: string;
  readonly timeZone: string;
  /** Once ready, the worker posts `alive` this often. */
  readonly heartbeatMs: number;
  /** The files to load instead of the folder's (packContents): a replacement starts from the last good knowledge. */
  readonly contents?: SharedArrayBuffer;
}

/**
 * A folder's files in one shared buffer: the worker hands the host the files its engine answers from,
 * and the host hands them to a replacement, without copying them or reading them on its own thread.
 */
export function packContents(contents: FolderContents): SharedArrayBuffer {
  const bytes = v8.serialize(contents);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

export function unpackContents(shared: SharedArrayBuffer): FolderContents {
  return v8.deserialize(Buffer.from(shared)) as FolderContents;
}

/** A question for the worker; `limit` asks for several answers (inline mode). */
export interface Question {
  readonly id: number;
  readonly question: string;
  /** Milliseconds since the epoch: the clock stays on this side. */
  readonly now: number;
  readonly limit?: number;
}

/** Asks the worker to read its folder again and take a small change in place (live.ts, InPlace). */
export interface UpdateRequest {
  readonly type: "update";
  readonly id: number;
}

export type ToWorker = Question | UpdateRequest;

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
      /** The files it answers from (packContents). */
      contents: SharedArrayBuffer;
    }
  | { type: "note"; message: string; details?: Record<string, unknown> }
  | { type: "alive" }
  /** The worker took update `id` up: it is not stuck in a question. */
  | { type: "updating"; id: number }
  /** `contents`: the files the engine answers from after an update taken in place. */
  | { type: "updated"; id: number; outcome: InPlace; contents?: SharedArrayBuffer }
  | { type: "answers"; id: number; answers: Answer[] }
  | { type: "failed"; id: number; message: string };

type First = Extract<FromWorker, { type: "invalid" | "checked" | "ready" }>;

const DEFAULT_ASK_TIMEOUT_MS = 10_000;
const DEFAULT_HEARTBEAT_MS = 1000;
const DEFAULT_STUCK_AFTER_MS = 15_000;
/** A worker that has not taken an update up after this long is busy: the reload opens a new engine. */
const UPDATE_TAKEN_UP_MS = 2000;

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
/** What a worker is asked to open: the folder, or (`contents`) the files given. */
type StartRequest = OpenRequest & { readonly contents?: SharedArrayBuffer };

async function start(options: ThreadOptions, request: StartRequest): Promise<{ worker: Worker; first: First }> {
  const started = await spawn(options, request);
  if (started.first.type !== "ready" || !started.first.restoreAfterBuild) return started;
  await started.worker.terminate();
  return spawn(options, request);
}

function spawn(options: ThreadOptions, request: StartRequest): Promise<{ worker: Worker; first: First }> {
  const workerData: WorkerInput = {
    ...request,
    knowledgeDir: options.knowledgeDir,
    dataDir: options.dataDir,
    timeZone: options.timeZone,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
  };
  const worker = newWorker(options.script ?? besideScript("worker", import.meta.url), workerData);
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
export function newWorker(script: URL, workerData: unknown, options: Omit<WorkerOptions, "workerData" | "eval"> = {}) {
  if (!script.pathname.endsWith(".ts")) return new Worker(script, { ...options, workerData });
  const source =
    `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(source, { ...options, eval: true, workerData });
}

/** A script beside `base` (import.meta.url), as .ts when run from the sources and .js when built. */
export function besideScript(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith(".ts") ? ".ts" : ".js"}`, base);
}

interface Waiting {
  resolve(answers: Answer[]): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

type State =
  | { kind: "open" }
  | { kind: "replacing"; done: Promise<void> }
  | { kind: "broken"; why: string }
  /** No new questions; the worker goes when the last question held is answered or has timed out. */
  | { kind: "closing"; drained: () => void }
  | { kind: "closed" };

/**
 * Questions go to the worker by message and come back by id. A question that takes longer than its
 * timeout fails alone: the worker may still be busy with it and answer the others after it. A worker
 * that dies, or says nothing (no heartbeat, no answer) for `stuckAfterMs`, fails every question it holds
 * and is replaced by a fresh one on the same files: those the lost one answered from, not the folder as
 * it is now, which an admin may be editing.
 */
function threadEngine(options: ThreadOptions, first: Worker, ready: Extract<FromWorker, { type: "ready" }>): AnsweringEngine {
  const timeoutMs = options.askTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const stuckAfterMs = options.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
  const waiting = new Map<number, Waiting>();
  let worker = first;
  let summary = ready.summary;
  let examples = ready.examples;
  /** The files of the knowledge it answers from: a replacement starts from these, whatever the folder holds now. */
  let good = ready.contents;
  let nextId = 0;
  let state: State = { kind: "open" };
  let closed: Promise<void> | undefined;
  let lastHeard = performance.now();

  /** Takes question `id` off the list; the last one off lets a closing engine go. */
  const settle = (id: number): Waiting | undefined => {
    const w = waiting.get(id);
    if (!w) return undefined;
    waiting.delete(id);
    clearTimeout(w.timer);
    if (state.kind === "closing" && !waiting.size) state.drained();
    return w;
  };
  const failAll = (why: string) => {
    for (const id of [...waiting.keys()]) settle(id)?.reject(new Error(why));
    for (const [id, { done, timer }] of updating) updating.delete(id), clearTimeout(timer), done({ kind: "rebuild", reason: `the engine thread was lost (${why})` });
  };

  /** Updates asked of the worker, by id; a lost or busy worker leaves them to a rebuild. */
  const updating = new Map<number, { done: (outcome: InPlace) => void; timer: NodeJS.Timeout }>();
  const onMessage = (m: FromWorker) => {
    if (m.type === "note") return options.note("warn", m.message, m.details);
    if (m.type === "updating") return clearTimeout(updating.get(m.id)?.timer);
    if (m.type === "updated") {
      const asked = updating.get(m.id);
      if (!asked) return; // given up on: a new engine is being opened
      updating.delete(m.id);
      if (m.outcome.kind === "updated") {
        summary = m.outcome.summary;
        examples = [...m.outcome.examples];
        if (m.contents) good = m.contents;
      }
      return asked.done(m.outcome);
    }
    if (m.type !== "answers" && m.type !== "failed") return;
    const w = settle(m.id);
    if (!w) return; // timed out earlier: the answer came too late
    if (m.type === "answers") w.resolve(m.answers);
    else w.reject(new Error(`the engine failed: ${m.message}`));
  };
  const attach = (w: Worker) => {
    const threadId = w.threadId;
    lastHeard = performance.now();
    w.on("message", (m: FromWorker) => {
      if (w === worker) lastHeard = performance.now();
      onMessage(m);
    })
      .on("error", (e) => lose(w, `error: ${e.message}`))
      .on("exit", (code) => {
        // Node emits 'exit' once the thread has stopped: its memory is given back.
        options.note("info", "engine thread stopped", { threadId, code, version: summary.version });
        lose(w, `exited with code ${code}`);
      });
  };

  /**
   * The heartbeat watch. When this thread itself was held up (a late tick), the worker's messages may
   * still be queued behind the tick: it is not judged then.
   */
  let lastTick = performance.now();
  const watch = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick > 2 * heartbeatMs;
    lastTick = now;
    if (late) lastHeard = now;
    else if (now - lastHeard > stuckAfterMs) lose(worker, `silent for ${Math.round(now - lastHeard)} ms`);
  }, heartbeatMs);
  watch.unref();

  /** The worker `w` is gone or stuck: fail what it holds, and start another unless it was being let go. */
  const lose = (w: Worker, why: string) => {
    if (w !== worker || (state.kind !== "open" && state.kind !== "closing")) return;
    failAll(`the engine thread was lost (${why})`);
    void w.terminate();
    if (state.kind === "closing") return; // failAll has let it go
    options.note("error", `engine thread lost (${why}); starting another`, { version: summary.version });
    const done = start(options, { build: true, contents: good }).then(
      ({ worker: next, first: m }) => {
        if (m.type !== "ready") {
          void next.terminate();
          const why = m.type === "invalid" ? m.problems.slice(0, 3).map(formatProblem).join("; ") : "no engine opened";
          state = { kind: "broken", why: `the last good knowledge did not load again (${why}); reload` };
          return;
        }
        worker = next;
        summary = m.summary;
        examples = m.examples;
        good = m.contents;
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
    if (state.kind === "closing" || state.kind === "closed") throw new Error("the engine was closed");
    const id = nextId++;
    return new Promise<Answer[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        settle(id);
        options.note("warn", `a question got no answer in ${timeoutMs} ms; it failed alone`, { id, version: summary.version });
        reject(new Error(`no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, question, now: now.getTime(), ...(limit === undefined ? {} : { limit }) } satisfies Question);
    });
  };

  /** The worker reads its folder again; a question asked meanwhile is answered by the engine as it was. */
  const update = async (): Promise<InPlace> => {
    if (state.kind === "replacing") await state.done;
    if (state.kind !== "open") return { kind: "rebuild", reason: `the engine is ${state.kind}` };
    const id = nextId++;
    return new Promise<InPlace>((resolve) => {
      // A worker busy with a question that hangs would hold the reload until it is found stuck: a new one opens instead.
      const timer = setTimeout(() => {
        updating.delete(id);
        resolve({ kind: "rebuild", reason: `the engine thread did not take the update up in ${UPDATE_TAKEN_UP_MS} ms` });
      }, UPDATE_TAKEN_UP_MS);
      updating.set(id, { done: resolve, timer });
      worker.postMessage({ type: "update", id } satisfies UpdateRequest);
    });
  };

  /** Lets the questions held be answered or time out, then stops the worker. */
  const close = async () => {
    if (state.kind === "replacing") await state.done;
    if (state.kind === "open") {
      let drained!: () => void;
      const empty = new Promise<void>((resolve) => (drained = resolve));
      state = { kind: "closing", drained };
      if (!waiting.size) drained();
      await empty;
    }
    state = { kind: "closed" };
    clearInterval(watch);
    await worker.terminate();
  };

  attach(first);
  return {
    get summary() {
      return summary;
    },
    get broken() {
      return state.kind === "broken" ? state.why : undefined;
    },
    get examples() {
      return examples;
    },
    ask: async (question, now) => (await request(question, now))[0]!,
    askMany: (question, now, limit) => request(question, now, limit),
    close: () => (closed ??= close()),
    update,
  };
}
