/**
 * The knowledge the bot answers from right now, and reloading it without a pause: the new engine is
 * opened (in the bot: in a worker thread of its own, see thread/host.ts) while the old one keeps
 * answering, then swapped in at once and the old one closed. A folder with problems never replaces a
 * good engine. Changes to the folder take turns: reloads and added files run one after another, so each
 * reload reads the folder as it is when it starts, and every added file is checked with the others.
 */
import type { Answer } from "./engine/index.js";
import type { LoadOptions } from "./knowledge/load.js";
import type { KnowledgeSummary, Problem } from "./model/knowledge.js";

/** An engine answering somewhere: in a worker thread (the bot) or in this one (the console tool). */
export interface AnsweringEngine {
  readonly summary: KnowledgeSummary;
  /** A few questions the knowledge base answers, for /start and inline mode. */
  readonly examples: readonly string[];
  ask(question: string, now: Date): Promise<Answer>;
  /** The answer and up to `limit - 1` more from other evidence, best first. */
  askMany(question: string, now: Date, limit: number): Promise<Answer[]>;
  /** Lets the questions already asked be answered or time out, then frees the engine. */
  close(): Promise<void>;
  /** Why it cannot answer, when it cannot (its thread was lost and did not come back): a reload must open a new one. */
  readonly broken?: string;
  /**
   * Reads the folder again and, when only an article or a facts file or two changed, takes the change
   * in place (engine/update.ts) instead of opening a new engine; "rebuild" says it did not.
   */
  update?(): Promise<InPlace>;
}

export type InPlace =
  | { kind: "updated"; summary: KnowledgeSummary; examples: readonly string[]; changed: readonly string[] }
  | { kind: "unchanged" }
  | { kind: "rebuild"; reason: string };

export interface OpenRequest {
  /** Files to check as if they were in the folder (an upload before it is written). */
  readonly extra?: LoadOptions["extra"];
  /** False: only check the folder. */
  readonly build: boolean;
  /** Build nothing when the folder still has this version. */
  readonly unlessVersion?: string;
}

export type Opened =
  | { ok: true; summary: KnowledgeSummary; engine?: AnsweringEngine; source?: "snapshot" | "built" }
  | { ok: false; problems: Problem[] };

/** Reads the knowledge folder and, when asked, opens an engine on it. */
export type OpenKnowledge = (request: OpenRequest) => Promise<Opened>;

export type ReloadResult =
  | {
      ok: true;
      articles: number;
      facts: number;
      version: string;
      ms: number;
      unchanged?: boolean;
      inPlace?: readonly string[];
      spread?: Spread;
    }
  | { ok: false; problems: Problem[]; ms: number };

/**
 * With several replicas (cluster/knowledge.ts): how far a change reached the others. `replicas` is
 * every live replica with the version it answers from once they caught up, or when waiting ended.
 */
export type Spread = { ok: true; replicas: { id: string; version: string }[] } | { ok: false; reason: "unavailable" };

/**
 * With several replicas, a change to the folder waits for the other replicas' changes; this is
 * thrown when it waited too long (`busy`, with the replica that holds the folder) or when the
 * replicas cannot agree whose turn it is (`unavailable`: Redis is down). Nothing was written.
 */
export class KnowledgeBusy extends Error {
  override name = "KnowledgeBusy";
  constructor(
    readonly reason: "busy" | "unavailable",
    readonly holder?: string,
  ) {
    super(
      reason === "busy"
        ? `the knowledge folder is being changed by replica ${holder}`
        : "the knowledge lock is unavailable (redis is down)",
    );
  }
}

/** The engine answering now, whichever it is, and reloading it. */
export interface LiveKnowledge extends AnsweringEngine {
  /** When the engine now answering was opened. */
  readonly loadedAt: Date;
  /**
   * Reads the folder again once the change before it (reload or added files) is done; reloads asked
   * while one waits to start share it. Each result is of a reload that began after it was asked for.
   */
  reload(): Promise<ReloadResult>;
  /**
   * Checks the folder with `files` added (relative path → text); only when it is still valid, `write`
   * puts them in the folder and it is reloaded. No other change runs meanwhile (with several
   * replicas, on any of them: it may reject with KnowledgeBusy).
   */
  add(
    files: NonNullable<LoadOptions["extra"]>,
    write: () => Promise<void>,
  ): Promise<{ checked: ReloadResult; reloaded?: ReloadResult }>;
  /**
   * Changes the folder with `write` (a removal: nothing to check beforehand) and reloads, in turn with
   * the other changes; when the folder does not load, `undo` puts it back and the old engine keeps answering.
   */
  change(write: () => Promise<void>, undo: () => Promise<void>): Promise<ReloadResult>;
}

export function createLiveKnowledge(initial: AnsweringEngine, open: OpenKnowledge): LiveKnowledge {
  return new Live(initial, open);
}

class Live implements LiveKnowledge {
  loadedAt = new Date();
  /** The changes to the folder, one after another. */
  private turns: Promise<unknown> = Promise.resolve();
  /** A reload asked for that has not started yet. */
  private nextReload: Promise<ReloadResult> | undefined;

  constructor(
    private engine: AnsweringEngine,
    private readonly open: OpenKnowledge,
  ) {}

  get summary() {
    return this.engine.summary;
  }

  get examples() {
    return this.engine.examples;
  }

  get broken() {
    return this.engine.broken;
  }

  ask(question: string, now: Date) {
    return this.engine.ask(question, now);
  }

  askMany(question: string, now: Date, limit: number) {
    return this.engine.askMany(question, now, limit);
  }

  reload(): Promise<ReloadResult> {
    this.nextReload ??= this.inTurn(() => {
      this.nextReload = undefined;
      return this.attempt({ build: true, unlessVersion: this.current() });
    });
    return this.nextReload;
  }

  add(files: NonNullable<LoadOptions["extra"]>, write: () => Promise<void>) {
    return this.inTurn(async (): Promise<{ checked: ReloadResult; reloaded?: ReloadResult }> => {
      const checked = await this.attempt({ extra: files, build: false });
      if (!checked.ok) return { checked };
      await write();
      return { checked, reloaded: await this.attempt({ build: true, unlessVersion: this.current() }) };
    });
  }

  change(write: () => Promise<void>, undo: () => Promise<void>): Promise<ReloadResult> {
    return this.inTurn(async () => {
      await write();
      const reloaded = await this.attempt({ build: true, unlessVersion: this.current() });
      if (!reloaded.ok) await undo();
      return reloaded;
    });
  }

  close() {
    return this.engine.close();
  }

  private inTurn<T>(change: () => Promise<T>): Promise<T> {
    const done = this.turns.then(change);
    this.turns = done.catch(() => {});
    return done;
  }

  /** The version a reload need not open again; none while the engine is broken, which any reload replaces. */
  private current(): string | undefined {
    return this.engine.broken === undefined ? this.engine.summary.version : undefined;
  }

  private async attempt(request: OpenRequest): Promise<ReloadResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    // A reload first asks the engine to take a small change in place; it opens a new one only if not.
    const inPlace = request.build && !request.extra ? await this.engine.update?.() : undefined;
    if (inPlace && inPlace.kind !== "rebuild") {
      if (inPlace.kind === "updated") this.loadedAt = new Date();
      const change = inPlace.kind === "updated" ? { inPlace: inPlace.changed } : { unchanged: true };
      return { ...counted(this.engine.summary), ms: ms(), ...change };
    }
    const opened = await this.open(request);
    if (!opened.ok) return { ok: false, problems: opened.problems, ms: ms() };
    const unchanged = opened.summary.version === this.engine.summary.version && !this.engine.broken;
    if (opened.engine) {
      const old = this.engine;
      this.engine = opened.engine;
      this.loadedAt = new Date();
      void old.close();
    }
    return { ...counted(opened.summary), ms: ms(), ...(unchanged ? { unchanged } : {}) };
  }
}

/** What a reload reports of the knowledge it reached. */
function counted(summary: AnsweringEngine["summary"]) {
  return {
    ok: true as const,
    articles: summary.articles.length,
    facts: summary.facts.length,
    version: summary.version,
  };
}
