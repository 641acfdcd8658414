/**
 * One measurement of the benchmark, in a process of its own so that its memory is its own:
 *   engine DIR DATA     build the engine, time questions, write the snapshot under DATA as the bot would
 *   load DIR DATA       restore the engine from that snapshot (three times; the median)
 *   serve DIR DATA      as the bot runs: the engine in a worker thread opened from that snapshot, the
 *                       question mix asked through it twice; the process's memory and the time per question
 *   baseline DIR        build the bare-MiniSearch baseline, time the same questions
 *   reload DIR DATA     as the bot runs: the engine in a worker thread opened from the snapshot; then a
 *                       copy of DIR, changed each time (an article and the glossary: a new engine is
 *                       built), is reloaded three times while questions keep
 *                       coming; reports the longest event-loop stall of this (the bot's) thread, and memory
 *   add DIR DATA        as the bot runs, opened from the snapshot: one new article is saved into a copy of
 *                       DIR and reloaded (taken in place); the time from the file's write to the first
 *                       answer that cites it, and the process's RSS, sampled every 10 ms meanwhile
 *   import DIR DATA     pages nested deeply or large prepared for import as the bot prepares them, while
 *                       another chat asks questions (bench/import.ts); the longest it waited for an answer
 * Prints one JSON object. Run with --expose-gc, so that memory can be measured without the garbage.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_TIME_ZONE } from "../config.js";
import { createEngine, type Engine, engineFromSnapshot } from "../engine/index.js";
import { loadKnowledge } from "../knowledge/load.js";
import { createLiveKnowledge } from "../live.js";
import { type KnowledgeBase, sentencesOf } from "../model/knowledge.js";
import { saveSnapshot, snapshotPath } from "../snapshots.js";
import { openInThread } from "../thread/host.js";
import { buildBaselineIndex } from "./baseline.js";
import { percentiles, round, timeQuestions } from "./engine.js";
import { measureImports } from "./import.js";
import { questionMix } from "./questions.js";

const [mode, dir, dataDir] = process.argv.slice(2);
const now = new Date("2026-11-22T00:00:00Z");
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const currentRssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** RSS once the garbage of building is collected: the memory the engine keeps while it answers. */
const keptRssMb = () => (globalThis.gc?.(), currentRssMb());
/** Rounds over the question mix: fewer on a large corpus, where a baseline search takes a tenth of a second. */
const rounds = (passages: number) => (passages >= 50_000 ? 1 : 5);

async function knowledge(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(dir!);
  if (!loaded.ok) throw new Error(`invalid knowledge in ${dir}`);
  return loaded.kb;
}

function restore(kb: KnowledgeBase, bytes: Buffer): Engine {
  const r = engineFromSnapshot(kb, bytes);
  if (!("engine" in r)) throw new Error(`snapshot not usable: ${r.reason}`);
  return r.engine;
}

async function main(): Promise<object> {
  if (mode === "reload") return reload();
  if (mode === "add") return addArticle();
  if (mode === "serve") return serve();
  if (mode === "import") return measureImports(dir!, dataDir!, now);
  const kb = await knowledge();
  const passages = sentencesOf(kb).length;
  const questions = questionMix();
  switch (mode) {
    case "engine": {
      const t = performance.now();
      const engine = createEngine(kb);
      const build_ms = round(performance.now() - t);
      const timing = timeQuestions((q) => engine.ask(q, now), questions, rounds(passages));
      // RSS of the answering engine; the peak also holds the build's transient work.
      const rss_mb = keptRssMb();
      const heap_mb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
      const peak_rss_mb = rssMb();
      await saveSnapshot(dataDir!, kb.version, engine.snapshot());
      return { passages, build_ms, ...timing, rss_mb, heap_mb, peak_rss_mb };
    }
    case "load": {
      const bytes = readFileSync(snapshotPath(dataDir!, kb.version));
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        restore(kb, bytes);
        samples.push(performance.now() - t);
      }
      return { load_ms: percentiles(samples).p50_ms };
    }
    case "baseline": {
      const t = performance.now();
      const index = buildBaselineIndex(sentencesOf(kb).map((s) => s.text));
      const build_ms = round(performance.now() - t);
      const timing = timeQuestions((q) => index.search(q), questions, rounds(passages));
      return { build_ms, ...timing, rss_mb: keptRssMb(), peak_rss_mb: rssMb() };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

/** The engine in a worker thread on `dir`, opened from the snapshot in `data`, as the bot opens it. */
async function openAsTheBot(knowledgeDir: string, data: string) {
  const open = openInThread({
    knowledgeDir,
    dataDir: data,
    timeZone: DEFAULT_TIME_ZONE,
    note: (level, message) => process.stderr.write(`${level}: ${message}\n`),
  });
  const opened = await open({ build: true });
  if (!opened.ok || opened.source !== "snapshot")
    throw new Error(`the engine did not open from its snapshot: ${JSON.stringify(opened).slice(0, 500)}`);
  return createLiveKnowledge(opened.engine!, open);
}

async function serve(): Promise<object> {
  const questions = questionMix();
  const live = await openAsTheBot(dir!, dataDir!);
  const samples: number[] = [];
  // A warm-up round, as for the engine in this thread, then two timed rounds.
  for (let r = 0; r < 3; r++) {
    for (const q of questions) {
      const t = performance.now();
      await live.ask(q, now);
      if (r > 0) samples.push(performance.now() - t);
    }
  }
  // The whole process: this thread (the bot's) and the engine's worker. Only this thread's garbage is
  // collected first; the worker's heap is as its collector left it.
  const rss_mb = keptRssMb();
  await live.close();
  return { rss_mb, ...percentiles(samples) };
}

/** Reloads in a row, each of a changed folder: the stall reported is the longest of all of them. */
const RELOADS = 3;

async function reload(): Promise<object> {
  const questions = questionMix();
  // Copies, since the reload writes its own snapshot and removes the old one.
  const knowledgeDir = mkdtempSync(path.join(tmpdir(), "reload-knowledge-"));
  const data = mkdtempSync(path.join(tmpdir(), "reload-data-"));
  cpSync(dir!, knowledgeDir, { recursive: true });
  cpSync(dataDir!, data, { recursive: true });
  try {
    const live = await openAsTheBot(knowledgeDir, data);
    // Memory once the question mix has run (the engine keeps a bounded cache of passages).
    const askAll = async () => {
      for (const q of questions) await live.ask(q, now);
    };
    await askAll();
    const steady_rss_mb = keptRssMb();

    const stalls: number[] = [];
    const times: number[] = [];
    const tally = { answered: 0, slowest: 0, peakRss: 0 };
    let ok = true;
    for (let k = 1; k <= RELOADS; k++) {
      const one = await reloadOnce(live, { knowledgeDir, k, questions, tally });
      times.push(one.ms);
      stalls.push(one.stall);
      ok &&= one.ok;
    }
    const { answered, slowest, peakRss } = tally;
    // The old engine's worker is terminated once its questions are answered; give it a moment to go.
    await sleep(500);
    await askAll();
    const after_reload_rss_mb = keptRssMb();
    // The memory the process settles to once the engine's thread has collected in its own time.
    await sleep(20_000);
    await askAll();
    const settled_rss_mb = keptRssMb();
    await live.close();
    return {
      reload_ms: Math.max(...times),
      reload_max_stall_ms: Math.max(...stalls),
      stalls_ms: stalls,
      answered_during_reload: answered,
      slowest_question_ms: round(slowest),
      ok,
      steady_rss_mb,
      reload_peak_rss_mb: Math.max(peakRss, currentRssMb()),
      after_reload_rss_mb,
      settled_rss_mb,
    };
  } finally {
    rmSync(knowledgeDir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

/** One reload of a changed folder while questions are asked: its time, the longest stall, and whether it took. */
async function reloadOnce(
  live: Awaited<ReturnType<typeof openAsTheBot>>,
  at: {
    knowledgeDir: string;
    k: number;
    questions: readonly string[];
    tally: Record<"answered" | "slowest" | "peakRss", number>;
  },
): Promise<{ ms: number; stall: number; ok: boolean }> {
  const { knowledgeDir, k, questions, tally } = at;
  const added = 100 + k;
  // The glossary too: a reload that rebuilds is measured here (one changed article is taken in place; see add).
  appendFileSync(path.join(knowledgeDir, "glossary.yaml"), `\n# reload ${k}\n`);
  writeFileSync(
    path.join(knowledgeDir, "articles", "zz-reload.md"),
    "---\ntitle: 重新加载\npublisher: 基准\ndate: 2024-05-01\nurl: https://example.org/reload\n---\n\n" +
      `忻州市今年新增企业${added}家。\n`,
  );
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let asking = true;
  const ask = async () => {
    while (asking) {
      const t0 = performance.now();
      await live.ask(questions[tally.answered % questions.length]!, now);
      tally.slowest = Math.max(tally.slowest, performance.now() - t0);
      tally.answered++;
      tally.peakRss = Math.max(tally.peakRss, currentRssMb());
      await sleep(20);
    }
  };
  delay.enable();
  const t = performance.now();
  const questionsDone = ask();
  const result = await live.reload();
  const ms = round(performance.now() - t);
  asking = false;
  await questionsDone;
  delay.disable();
  const question = "忻州市今年新增企业多少家？";
  const ok = result.ok && (await live.ask(question, now)).answer.includes(String(added));
  return { ms, stall: round(delay.max / 1e6), ok };
}

/**
 * One article saved into the folder of an answering bot: how long until it is answered from, and the memory
 * meanwhile.
 */
async function addArticle(): Promise<object> {
  const questions = questionMix();
  const knowledgeDir = mkdtempSync(path.join(tmpdir(), "add-knowledge-"));
  const data = mkdtempSync(path.join(tmpdir(), "add-data-"));
  cpSync(dir!, knowledgeDir, { recursive: true });
  cpSync(dataDir!, data, { recursive: true });
  try {
    const live = await openAsTheBot(knowledgeDir, data);
    for (const q of questions) await live.ask(q, now);
    const rss_before_mb = keptRssMb();
    let peak = currentRssMb();
    const sampler = setInterval(() => (peak = Math.max(peak, currentRssMb())), 10);
    const url = "https://example.org/bench/added";
    const t = performance.now();
    writeFileSync(
      path.join(knowledgeDir, "articles", "zz-added.md"),
      `---\ntitle: 新增文章\npublisher: 基准\ndate: 2024-06-01\nurl: ${url}\nregion: 忻州市\n---\n\n` +
        "忻州市今年新增专精特新企业37家。\n",
    );
    const reloaded = await live.reload();
    const reload_ms = round(performance.now() - t);
    const answer = await live.ask("忻州市今年新增专精特新企业多少家？", now);
    const add_article_ms = round(performance.now() - t);
    peak = Math.max(peak, currentRssMb());
    clearInterval(sampler);
    const cited = answer.citations.some((c) => c.url === url);
    // After the answer, the worker writes the new snapshot once questions pause: its memory, for the record.
    let after = currentRssMb();
    const afterSampler = setInterval(() => (after = Math.max(after, currentRssMb())), 10);
    await sleep(5000);
    clearInterval(afterSampler);
    const version = live.summary.version;
    const snapshot_written = existsSync(snapshotPath(data, version));
    await live.close();
    return {
      add_article_ms,
      add_article_rss_peak_mb: peak,
      rss_before_mb,
      reload_ms,
      in_place: "inPlace" in reloaded,
      cited,
      snapshot_written,
      snapshot_write_rss_peak_mb: after,
    };
  } finally {
    rmSync(knowledgeDir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
