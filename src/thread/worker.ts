/**
 * The worker thread that holds the knowledge and its engine (see host.ts): it reads the folder, opens
 * the engine from its snapshot or builds it (writing the snapshot), says so, then answers questions.
 * Building here, not on the thread that talks to Telegram, is what keeps a reload from stalling the bot.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LARGE_CORPUS } from "../engine/search.js";
import { loadKnowledge } from "../knowledge/load.js";
import { sentencesOf, summarize } from "../model/knowledge.js";
import { openEngine } from "../snapshots.js";
import type { FromWorker, Question, WorkerInput } from "./host.js";

const input = workerData as WorkerInput;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

const loaded = await loadKnowledge(input.knowledgeDir, { extra: input.extra });
if (!loaded.ok) {
  post({ type: "invalid", problems: loaded.problems });
} else if (!input.build || loaded.kb.version === input.unlessVersion) {
  post({ type: "checked", summary: summarize(loaded.kb) });
} else {
  const { engine, source, saved } = await openEngine(loaded.kb, input.dataDir, (message, details) => post({ type: "note", message, details }));
  const restoreAfterBuild = source === "built" && saved && sentencesOf(loaded.kb).length >= LARGE_CORPUS;
  port.on("message", ({ id, question, now, limit }: Question) => {
    try {
      const at = new Date(now);
      post({ type: "answers", id, answers: limit === undefined ? [engine.ask(question, at, input.timeZone)] : engine.askMany(question, at, limit, input.timeZone) });
    } catch (e) {
      post({ type: "failed", id, message: e instanceof Error ? e.message : String(e) });
    }
  });
  post({ type: "ready", summary: summarize(loaded.kb), examples: engine.examples(), source, restoreAfterBuild });
  // The host takes a worker that stays silent for long for stuck (a question that never ends blocks this thread).
  setInterval(() => post({ type: "alive" }), input.heartbeatMs);
}
