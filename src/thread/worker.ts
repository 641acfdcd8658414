/**
 * The worker thread that holds the knowledge and its engine (see host.ts): it reads the folder, opens
 * the engine from its snapshot or builds it (writing the snapshot), says so, then answers questions.
 * Building here, not on the thread that talks to Telegram, is what keeps a reload from stalling the bot.
 * Asked to update, it reads the folder again and takes a change of an article or a facts file or two in
 * place; anything more is left to a new worker.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Engine } from "../engine/index.js";
import { DEFAULT_OPTIONS } from "../engine/options.js";
import { changedFiles, loadKnowledge } from "../knowledge/load.js";
import type { InPlace } from "../live.js";
import { sentencesOf, summarize } from "../model/knowledge.js";
import { openEngine, saveSnapshot } from "../snapshots.js";
import { type FromWorker, packContents, type ToWorker, unpackContents, type WorkerInput } from "./host.js";

const input = workerData as WorkerInput;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const note = (message: string, details?: Record<string, unknown>) => post({ type: "note", message, details });

/** At most this many files changed (an article and its facts file) are taken in place; more is a build. */
const IN_PLACE_FILES = 2;
/** After an update, the snapshot is written once no question has come for this long (or after SNAPSHOT_AT_MOST_MS). */
const SNAPSHOT_IDLE_MS = 1000;
const SNAPSHOT_AT_MOST_MS = 30_000;

const loaded = await loadKnowledge(input.knowledgeDir, {
  ...(input.extra ? { extra: input.extra } : {}),
  ...(input.contents ? { contents: unpackContents(input.contents) } : {}),
});
if (!loaded.ok) {
  post({ type: "invalid", problems: loaded.problems });
} else if (!input.build || loaded.kb.version === input.unlessVersion) {
  post({ type: "checked", summary: summarize(loaded.kb) });
} else {
  const { engine, source, saved } = await openEngine(loaded.kb, input.dataDir, note);
  const restoreAfterBuild =
    source === "built" && saved && sentencesOf(loaded.kb).length >= DEFAULT_OPTIONS.index.largeCorpus;
  const snapshots = laterSnapshots(engine);
  let files = loaded.files;
  /** The files the engine now answers from, for the host to start another worker from. */
  let good = packContents(loaded.contents);

  const update = async (): Promise<InPlace> => {
    const next = await loadKnowledge(input.knowledgeDir, { previous: files });
    if (!next.ok) return { kind: "rebuild", reason: "the folder has problems" };
    const changed = changedFiles(files, next.files);
    if (!changed.length) return { kind: "unchanged" };
    if (changed.length > IN_PLACE_FILES) return { kind: "rebuild", reason: `${changed.length} files changed` };
    if (changed.some((f) => !/^(articles|facts)[\\/]/.test(f)))
      return { kind: "rebuild", reason: "the glossary changed" };
    const updated = engine.update(next.kb);
    if (!updated.ok) return { kind: "rebuild", reason: updated.reason };
    files = next.files;
    snapshots.stale();
    good = packContents(next.contents);
    return { kind: "updated", summary: summarize(next.kb), examples: engine.examples(), changed };
  };

  port.on("message", (m: ToWorker) => {
    if ("type" in m) {
      post({ type: "updating", id: m.id });
      update().then(
        (outcome) => {
          const contents = outcome.kind === "updated" ? { contents: good } : {};
          post({ type: "updated", id: m.id, outcome, ...contents });
        },
        (e: unknown) => {
          // An update that failed half-way leaves the engine unusable: this worker goes, the host opens another.
          note("update in place failed; the engine thread stops", { err: String(e) });
          process.exit(1);
        },
      );
      return;
    }
    snapshots.busy();
    const { id, question, now, limit } = m;
    try {
      const at = new Date(now);
      post({
        type: "answers",
        id,
        answers:
          limit === undefined
            ? [engine.ask(question, at, input.timeZone)]
            : engine.askMany(question, at, limit, input.timeZone),
      });
    } catch (e) {
      post({ type: "failed", id, message: e instanceof Error ? e.message : String(e) });
    }
  });
  const summary = summarize(loaded.kb);
  post({ type: "ready", summary, examples: engine.examples(), source, restoreAfterBuild, contents: good });
  // The host takes a worker that stays silent for long for stuck (a question that never ends blocks this thread).
  setInterval(() => post({ type: "alive" }), input.heartbeatMs);
}

/**
 * The snapshot after an update is written off the answering path: serializing a large index holds this
 * thread for a few hundred milliseconds, so it waits for a pause in the questions. Until then a restart
 * finds no snapshot of this version and builds.
 */
function laterSnapshots(engine: Engine) {
  let timer: NodeJS.Timeout | undefined;
  let since = 0;
  const write = () => {
    timer = undefined;
    const { version } = engine.kb;
    saveSnapshot(input.dataDir, version, engine.snapshot()).catch((e: unknown) =>
      note("snapshot not written", { err: String(e), version }),
    );
  };
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(write, Math.max(0, Math.min(SNAPSHOT_IDLE_MS, since + SNAPSHOT_AT_MOST_MS - performance.now())));
  };
  return {
    stale() {
      if (!timer) since = performance.now();
      wait();
    },
    busy() {
      if (timer) wait();
    },
  };
}
