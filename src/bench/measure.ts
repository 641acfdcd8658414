/**
 * One measurement of the benchmark, in a process of its own so that its memory is its own:
 *   engine DIR SNAPSHOT   build the engine, time questions, write the snapshot
 *   load DIR SNAPSHOT     restore the engine from the snapshot (three times; the median)
 *   baseline DIR          build the bare-MiniSearch baseline, time the same questions
 *   reload DIR SNAPSHOT   reload a changed copy of DIR while answering, and report the longest stall
 * Prints one JSON object.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createEngine, engineFromSnapshot, type Engine } from "../engine/index.js";
import { loadKnowledge } from "../knowledge/load.js";
import { sentencesOf, type KnowledgeBase } from "../knowledge/types.js";
import { createLiveKnowledge } from "../live.js";
import { buildBaselineIndex } from "./baseline.js";
import { questionMix } from "./questions.js";
import { percentiles, round, timeQuestions } from "./engine.js";

const [mode, dir, snapshotFile] = process.argv.slice(2);
const now = new Date("2026-11-22T00:00:00Z");
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const currentRssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
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
      const rss_mb = currentRssMb();
      const peak_rss_mb = rssMb();
      writeFileSync(snapshotFile!, engine.snapshot());
      return { passages, build_ms, ...timing, rss_mb, peak_rss_mb };
    }
    case "load": {
      const bytes = readFileSync(snapshotFile!);
      const samples: number[] = [];
      let restored_rss_mb = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const engine = restore(kb, bytes);
        samples.push(performance.now() - t);
        // A restart's memory: the knowledge and one engine restored from its snapshot.
        if (i === 0) restored_rss_mb = (engine.ask(questions[0]!, now), currentRssMb());
      }
      return { load_ms: percentiles(samples).p50_ms, restored_rss_mb };
    }
    case "baseline": {
      const t = performance.now();
      const index = buildBaselineIndex(sentencesOf(kb).map((s) => s.text));
      const build_ms = round(performance.now() - t);
      const timing = timeQuestions((q) => index.search(q), questions, rounds(passages));
      return { build_ms, ...timing, rss_mb: currentRssMb(), peak_rss_mb: rssMb() };
    }
    case "reload": {
      const engine = restore(kb, readFileSync(snapshotFile!));
      // A changed copy of the folder, so that the reload has to build.
      const copy = mkdtempSync(path.join(tmpdir(), "reload-"));
      cpSync(dir!, copy, { recursive: true });
      writeFileSync(path.join(copy, "articles", "zz-reload.md"), "---\ntitle: 重新加载\npublisher: 基准\ndate: 2024-05-01\nurl: https://example.org/reload\n---\n\n忻州市今年新增企业123家。\n");
      const live = createLiveKnowledge(copy, engine);
      const delay = monitorEventLoopDelay({ resolution: 5 });
      let answered = 0;
      let slowest = 0;
      const asking = setInterval(() => {
        const t0 = performance.now();
        live.engine.ask(questions[answered % questions.length]!, now);
        slowest = Math.max(slowest, performance.now() - t0);
        answered++;
      }, 20);
      delay.enable();
      const t = performance.now();
      const result = await live.reload();
      const reload_ms = round(performance.now() - t);
      delay.disable();
      clearInterval(asking);
      rmSync(copy, { recursive: true, force: true });
      return { reload_ms, reload_max_stall_ms: round(delay.max / 1e6), answered_during_reload: answered, slowest_question_ms: round(slowest), ok: result.ok };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
