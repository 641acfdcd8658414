/**
 * `npm run bench [-- --json] [--sizes 1000,10000,100000]`: for each corpus size, the engine and the
 * bare-MiniSearch baseline side by side on the same corpus and questions, each measured in a process of
 * its own; then start-up on the shipped knowledge and the longest event-loop stall while reloading the
 * largest corpus. One run: compare the ratios, since the machine is shared.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureCorpus } from "./corpus.js";

const TSX = ["--import", "tsx"];

function child(args: string[], input?: string, env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BOT_TOKEN: "", ...env } });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.slice(-2000)}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

const measure = (...args: string[]) => JSON.parse(child([...TSX, "--expose-gc", "src/bench/measure.ts", ...args]).stdout.trim().split("\n").pop()!);

/**
 * Milliseconds from process start to "knowledge ready", as main.ts logs it: the median of three starts
 * of the built bot (`node dist/main.js`, what `npm start` and the Docker image run), the first without
 * a snapshot; and, for comparison, from the TypeScript sources through tsx.
 */
function startup(): { startup_ms: number; startup_first_ms: number; startup_tsx_ms: number } {
  const build = spawnSync(process.execPath, [path.join("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stdout}${build.stderr}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "startup-"));
  const ready = (args: string[]) => {
    const { stderr } = child(args, "", { DATA_DIR: dataDir, LOG_LEVEL: "info" });
    const line = stderr.split("\n").find((l) => l.includes('"knowledge ready"'));
    if (!line) throw new Error(`no "knowledge ready" line in: ${stderr.slice(0, 500)}`);
    return JSON.parse(line).ready_ms as number;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    const startup_first_ms = ready(["dist/main.js"]);
    return {
      startup_ms: median([0, 1, 2].map(() => ready(["dist/main.js"]))),
      startup_first_ms,
      startup_tsx_ms: median([0, 1, 2].map(() => ready([...TSX, "src/main.ts"]))),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runBench(options: { sizes: number[]; root: string; log: (line: string) => void }) {
  mkdirSync(options.root, { recursive: true });
  const corpus = [];
  let largest: { dir: string; data: string } | undefined;
  for (const size of options.sizes) {
    options.log(`corpus of ${size} passages…`);
    const dir = ensureCorpus(options.root, size, "knowledge");
    const data = path.join(options.root, `data-${size}`);
    const engine = measure("engine", dir, data);
    const { load_ms, restored_rss_mb } = measure("load", dir, data);
    const baseline = measure("baseline", dir);
    const row = {
      passages: engine.passages,
      build_ms: engine.build_ms,
      load_ms,
      p50_ms: engine.p50_ms,
      p99_ms: engine.p99_ms,
      rss_mb: engine.rss_mb,
      peak_rss_mb: engine.peak_rss_mb,
      restored_rss_mb,
      baseline: { build_ms: baseline.build_ms, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms, rss_mb: baseline.rss_mb, peak_rss_mb: baseline.peak_rss_mb },
    };
    options.log(JSON.stringify(row));
    corpus.push(row);
    largest = { dir, data };
  }
  options.log("reload of the largest corpus…");
  const reload = measure("reload", largest!.dir, largest!.data);
  options.log(JSON.stringify(reload));
  options.log("start-up on the shipped knowledge…");
  const start = startup();
  return { corpus, reload_max_stall_ms: reload.reload_max_stall_ms, startup_ms: start.startup_ms, details: { ...reload, ...start } };
}
