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
/**
 * The flags `npm start` runs the bot with (package.json; a test keeps them equal); the engine's measurements run
 * with them too.
 */
export const BOT_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=8", "--v8-pool-size=1"];

function child(args: string[], input?: string, env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BOT_TOKEN: "", ...env },
  });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.slice(-2000)}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/**
 * One measurement in a process of its own, from the built JavaScript as the bot runs; the baseline as a bare
 * script would run.
 */
function measure(mode: "engine" | "load" | "serve" | "reload" | "add" | "import" | "baseline", ...args: string[]) {
  const flags = mode === "baseline" ? [] : BOT_FLAGS;
  return JSON.parse(
    child(["--expose-gc", ...flags, "dist/bench/measure.js", mode, ...args])
      .stdout.trim()
      .split("\n")
      .pop()!,
  );
}

function build(): void {
  const r = spawnSync(
    process.execPath,
    [path.join("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`the build failed: ${r.stdout}${r.stderr}`);
}

/**
 * Milliseconds from process start to "knowledge ready", as main.ts logs it: the median of three starts
 * of the built bot (`node dist/main.js`, what `npm start` and the Docker image run), the first without
 * a snapshot; and, for comparison, from the TypeScript sources through tsx.
 */
function startup(): { startup_ms: number; startup_first_ms: number; startup_tsx_ms: number } {
  const dataDir = mkdtempSync(path.join(tmpdir(), "startup-"));
  const ready = (args: string[]) => {
    const { stderr } = child(args, "", { DATA_DIR: dataDir, LOG_LEVEL: "info" });
    const line = stderr.split("\n").find((l) => l.includes('"knowledge ready"'));
    if (!line) throw new Error(`no "knowledge ready" line in: ${stderr.slice(0, 500)}`);
    return JSON.parse(line).ready_ms as number;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    const startup_first_ms = ready([...BOT_FLAGS, "dist/main.js"]);
    return {
      startup_ms: median([0, 1, 2].map(() => ready([...BOT_FLAGS, "dist/main.js"]))),
      startup_first_ms,
      startup_tsx_ms: median([0, 1, 2].map(() => ready([...BOT_FLAGS, ...TSX, "src/main.ts"]))),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runBench(options: { sizes: number[]; root: string; log: (line: string) => void }) {
  mkdirSync(options.root, { recursive: true });
  options.log("building the bot (npm run build)…");
  build();
  const corpus = [];
  let largest: { dir: string; data: string } | undefined;
  for (const size of options.sizes) {
    options.log(`corpus of ${size} passages…`);
    const dir = ensureCorpus(options.root, size, "knowledge");
    const data = path.join(options.root, `data-${size}`);
    const engine = measure("engine", dir, data);
    const { load_ms } = measure("load", dir, data);
    const serve = measure("serve", dir, data);
    const baseline = measure("baseline", dir);
    const row = {
      passages: engine.passages,
      build_ms: engine.build_ms,
      load_ms,
      p50_ms: engine.p50_ms,
      p99_ms: engine.p99_ms,
      rss_mb: serve.rss_mb,
      heap_mb: engine.heap_mb,
      thread_p99_ms: serve.p99_ms,
      build_rss_mb: engine.rss_mb,
      build_peak_rss_mb: engine.peak_rss_mb,
      baseline: {
        build_ms: baseline.build_ms,
        p50_ms: baseline.p50_ms,
        p99_ms: baseline.p99_ms,
        rss_mb: baseline.rss_mb,
        peak_rss_mb: baseline.peak_rss_mb,
      },
    };
    options.log(JSON.stringify(row));
    corpus.push(row);
    largest = { dir, data };
  }
  options.log("reload of the largest corpus…");
  const reload = measure("reload", largest!.dir, largest!.data);
  options.log(JSON.stringify(reload));
  options.log("one article added to the largest corpus…");
  const add = measure("add", largest!.dir, largest!.data);
  options.log(JSON.stringify(add));
  options.log("pages imported while another chat asks…");
  const imports = measure("import", "knowledge", path.join(options.root, "data-import"));
  options.log(JSON.stringify(imports));
  options.log("start-up on the shipped knowledge…");
  const start = startup();
  return {
    corpus,
    reload_max_stall_ms: reload.reload_max_stall_ms,
    add_article_ms: add.add_article_ms,
    add_article_rss_peak_mb: add.add_article_rss_peak_mb,
    startup_ms: start.startup_ms,
    imports,
    details: { ...reload, add_article: add, ...start },
  };
}
