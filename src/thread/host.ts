/**
 * The engine in a worker thread of its own (worker.ts), asked by messages. The thread that talks to
 * Telegram then never builds, restores or garbage-collects an index: a reload of a large knowledge base
 * cannot stall it, and a question that hangs or crashes the engine costs one worker, not the bot.
 */
import v8 from "node:v8";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { Answer } from "../engine/index.js";
import type { FolderContents } from "../knowledge/load.js";
import type { AnsweringEngine, InPlace, Opened, OpenKnowledge, OpenRequest } from "../live.js";
import { formatProblem, type KnowledgeSummary, type Problem } from "../model/knowledge.js";

export interface ThreadOptions {
  readonly knowledgeDir: string;
  readonly dataDir: string;
  /** Where the users are (IANA): questions that say 今年 mean the year there. */
  readonly timeZone: string;
  /**
   * Where the worker's notes go (a snapshot not used or not written, a question timed out, a worker lost,
   * replaced or stopped).
   */
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
      return {
        ok: false,
        problems: [
          {
            file: options.knowledgeDir,
            line: 0,
            message: `the engine thread stopped while loading: ${(e as Error).message}`,
          },
        ],
      };
    }
    const { worker, first } = started;
    if (first.type !== "ready") void worker.terminate();
    if (first.type === "invalid") return { ok: false, problems: first.problems };
    if (first.type === "checked") return { ok: true, summary: first.summary };
    return {
      ok: true,
      summary: first.summary,
      engine: threadEngine(options, worker, first),
      source: first.source,
    } satisfies Opened;
  };
}

/** What a worker is asked to open: the folder, or (`contents`) the files given. */
type StartRequest = OpenRequest & { readonly contents?: SharedArrayBuffer };

/**
 * A worker that has opened the knowledge. After a large build the worker's heap stays grown to the
 * build's peak (100k passages: about 150 MB more than the engine needs), so that worker is let go and a
 * fresh one restores the snapshot it wrote.
 */
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
function threadEngine(
  options: ThreadOptions,
  first: Worker,
  ready: Extract<FromWorker, { type: "ready" }>,
): AnsweringEngine {
  return new ThreadEngine(options, first, ready);
}

class ThreadEngine implements AnsweringEngine {
  readonly #options: ThreadOptions;
  readonly #timeoutMs: number;
  readonly #heartbeatMs: number;
  readonly #stuckAfterMs: number;
  readonly #waiting = new Map<number, Waiting>();
  /** Updates asked of the worker, by id; a lost or busy worker leaves them to a rebuild. */
  readonly #updating = new Map<number, { done: (outcome: InPlace) => void; timer: NodeJS.Timeout }>();
  #worker: Worker;
  #summary: KnowledgeSummary;
  #examples: string[];
  /** The files of the knowledge it answers from: a replacement starts from these, whatever the folder holds now. */
  #good: SharedArrayBuffer;
  #nextId = 0;
  #state: State = { kind: "open" };
  #closed: Promise<void> | undefined;
  #lastHeard = performance.now();
  #lastTick = performance.now();
  readonly #watch: NodeJS.Timeout;

  constructor(options: ThreadOptions, first: Worker, ready: Extract<FromWorker, { type: "ready" }>) {
    this.#options = options;
    this.#timeoutMs = options.askTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
    this.#heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.#stuckAfterMs = options.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
    this.#worker = first;
    this.#summary = ready.summary;
    this.#examples = ready.examples;
    this.#good = ready.contents;
    this.#watch = setInterval(() => this.#heartbeatTick(), this.#heartbeatMs);
    this.#watch.unref();
    this.#attach(first);
  }

  get summary(): KnowledgeSummary {
    return this.#summary;
  }

  get broken(): string | undefined {
    return this.#state.kind === "broken" ? this.#state.why : undefined;
  }

  get examples(): string[] {
    return this.#examples;
  }

  async ask(question: string, now: Date): Promise<Answer> {
    return (await this.#request(question, now))[0]!;
  }

  askMany(question: string, now: Date, limit: number): Promise<Answer[]> {
    return this.#request(question, now, limit);
  }

  close(): Promise<void> {
    this.#closed ??= this.#drainAndStop();
    return this.#closed;
  }

  /** The worker reads its folder again; a question asked meanwhile is answered by the engine as it was. */
  async update(): Promise<InPlace> {
    if (this.#state.kind === "replacing") await this.#state.done;
    if (this.#state.kind !== "open") return { kind: "rebuild", reason: `the engine is ${this.#state.kind}` };
    const id = this.#nextId++;
    return new Promise<InPlace>((resolve) => {
      // A worker busy with a question that hangs would hold the reload until it is found stuck:
      // a new one opens instead.
      const timer = setTimeout(() => {
        this.#updating.delete(id);
        resolve({
          kind: "rebuild",
          reason: `the engine thread did not take the update up in ${UPDATE_TAKEN_UP_MS} ms`,
        });
      }, UPDATE_TAKEN_UP_MS);
      this.#updating.set(id, { done: resolve, timer });
      this.#worker.postMessage({ type: "update", id } satisfies UpdateRequest);
    });
  }

  async #request(question: string, now: Date, limit?: number): Promise<Answer[]> {
    if (this.#state.kind === "replacing") await this.#state.done;
    if (this.#state.kind === "broken") throw new Error(`no engine: ${this.#state.why}`);
    if (this.#state.kind === "closing" || this.#state.kind === "closed") throw new Error("the engine was closed");
    const id = this.#nextId++;
    const timeoutMs = this.#timeoutMs;
    return new Promise<Answer[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#settle(id);
        const details = { id, version: this.#summary.version };
        this.#options.note("warn", `a question got no answer in ${timeoutMs} ms; it failed alone`, details);
        reject(new Error(`no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, { resolve, reject, timer });
      const asked: Question = { id, question, now: now.getTime(), ...(limit === undefined ? {} : { limit }) };
      this.#worker.postMessage(asked);
    });
  }

  /** Lets the questions held be answered or time out, then stops the worker. */
  async #drainAndStop(): Promise<void> {
    if (this.#state.kind === "replacing") await this.#state.done;
    if (this.#state.kind === "open") {
      let drained!: () => void;
      const empty = new Promise<void>((resolve) => (drained = resolve));
      this.#state = { kind: "closing", drained };
      if (!this.#waiting.size) drained();
      await empty;
    }
    this.#state = { kind: "closed" };
    clearInterval(this.#watch);
    await this.#worker.terminate();
  }

  /** Takes question `id` off the list; the last one off lets a closing engine go. */
  #settle(id: number): Waiting | undefined {
    const w = this.#waiting.get(id);
    if (!w) return undefined;
    this.#waiting.delete(id);
    clearTimeout(w.timer);
    if (this.#state.kind === "closing" && !this.#waiting.size) this.#state.drained();
    return w;
  }

  #failAll(why: string): void {
    for (const id of [...this.#waiting.keys()]) this.#settle(id)?.reject(new Error(why));
    for (const [id, { done, timer }] of this.#updating) {
      this.#updating.delete(id);
      clearTimeout(timer);
      done({ kind: "rebuild", reason: `the engine thread was lost (${why})` });
    }
  }

  #attach(w: Worker): void {
    const threadId = w.threadId;
    this.#lastHeard = performance.now();
    w.on("message", (m: FromWorker) => {
      if (w === this.#worker) this.#lastHeard = performance.now();
      this.#onMessage(m);
    })
      .on("error", (e) => this.#lose(w, `error: ${e.message}`))
      .on("exit", (code) => {
        // Node emits 'exit' once the thread has stopped: its memory is given back.
        this.#options.note("info", "engine thread stopped", { threadId, code, version: this.#summary.version });
        this.#lose(w, `exited with code ${code}`);
      });
  }

  #onMessage(m: FromWorker): void {
    if (m.type === "note") {
      this.#options.note("warn", m.message, m.details);
      return;
    }
    if (m.type === "updating") {
      clearTimeout(this.#updating.get(m.id)?.timer);
      return;
    }
    if (m.type === "updated") {
      this.#onUpdated(m);
      return;
    }
    if (m.type !== "answers" && m.type !== "failed") return;
    const w = this.#settle(m.id);
    if (!w) return; // timed out earlier: the answer came too late
    if (m.type === "answers") w.resolve(m.answers);
    else w.reject(new Error(`the engine failed: ${m.message}`));
  }

  #onUpdated(m: Extract<FromWorker, { type: "updated" }>): void {
    const asked = this.#updating.get(m.id);
    if (!asked) return; // given up on: a new engine is being opened
    this.#updating.delete(m.id);
    if (m.outcome.kind === "updated") {
      this.#summary = m.outcome.summary;
      this.#examples = [...m.outcome.examples];
      if (m.contents) this.#good = m.contents;
    }
    asked.done(m.outcome);
  }

  /**
   * The heartbeat watch. When this thread itself was held up (a late tick), the worker's messages may
   * still be queued behind the tick: it is not judged then.
   */
  #heartbeatTick(): void {
    const now = performance.now();
    const late = now - this.#lastTick > 2 * this.#heartbeatMs;
    const silent = now - this.#lastHeard;
    this.#lastTick = now;
    if (late) this.#lastHeard = now;
    else if (silent > this.#stuckAfterMs) this.#lose(this.#worker, `silent for ${Math.round(silent)} ms`);
  }

  /** The worker `w` is gone or stuck: fail what it holds, and start another unless it was being let go. */
  #lose(w: Worker, why: string): void {
    if (w !== this.#worker || (this.#state.kind !== "open" && this.#state.kind !== "closing")) return;
    this.#failAll(`the engine thread was lost (${why})`);
    void w.terminate();
    if (this.#state.kind === "closing") return; // failAll has let it go
    this.#options.note("error", `engine thread lost (${why}); starting another`, { version: this.#summary.version });
    const done = start(this.#options, { build: true, contents: this.#good }).then(
      ({ worker: next, first: m }) => this.#replaceWith(next, m),
      (e: Error) => {
        this.#state = { kind: "broken", why: e.message };
      },
    );
    this.#state = { kind: "replacing", done };
  }

  /** A fresh worker has opened the last good knowledge again, or has not: then the engine is broken. */
  #replaceWith(next: Worker, m: First): void {
    if (m.type !== "ready") {
      void next.terminate();
      const why = m.type === "invalid" ? m.problems.slice(0, 3).map(formatProblem).join("; ") : "no engine opened";
      this.#state = { kind: "broken", why: `the last good knowledge did not load again (${why}); reload` };
      return;
    }
    this.#worker = next;
    this.#summary = m.summary;
    this.#examples = m.examples;
    this.#good = m.contents;
    this.#attach(next);
    this.#state = { kind: "open" };
    this.#options.note("warn", "engine thread replaced", { version: this.#summary.version, source: m.source });
  }
}
