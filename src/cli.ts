/**
 * Command-line tools: `ask` (one question, or one a line from standard input), `kb:check` (validate
 * a knowledge folder), `kb:import` (an article from a page, a capture or a link) and `eval` (score
 * question sets). Each loads the knowledge base once.
 */
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.js";
import { answerJson, runConsole } from "./console.js";
import { createEngine } from "./engine/index.js";
import type { ExternalSetName } from "./eval/external.js";
import { readCases, runEval } from "./eval/run.js";
import { prepareImport, saveImport } from "./import/import.js";
import { reportImport } from "./import/report.js";
import { loadKnowledge } from "./knowledge/load.js";
import { formatProblem, type KnowledgeBase } from "./model/knowledge.js";
import { toPlainText } from "./render/plain.js";
import { inThisThread } from "./thread/local.js";

const DEFAULT_KNOWLEDGE = process.env.KNOWLEDGE_DIR || "./knowledge";

/** TIME_ZONE as the bot reads it: 今年 means the same year in every tool. */
function timeZone(): string {
  try {
    return loadConfig({ TIME_ZONE: process.env.TIME_ZONE }).timeZone;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`configuration error: ${e.message}\n`);
    process.exit(1);
  }
}

/** REDIS_URL and REDIS_PREFIX as the bot reads them, when set: the tools then work with the replicas. */
function redisConfig(): { url: string; prefix: string } | undefined {
  try {
    const { REDIS_URL, REDIS_PREFIX } = process.env;
    // The tools hash no user: a stand-in key satisfies the check that replicas share one.
    return loadConfig({ REDIS_URL, REDIS_PREFIX, USER_HASH_SECRET: "not-used-by-the-tools" }).redis;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`configuration error: ${e.message}\n`);
    process.exit(1);
  }
}

async function loadOrExit(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  if (result.ok) return result.kb;
  for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${dir}\n`);
  process.exit(1);
}

async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, knowledge: { type: "string", default: DEFAULT_KNOWLEDGE } },
  });
  const zone = timeZone();
  const engine = createEngine(await loadOrExit(values.knowledge));
  if (positionals.length) {
    const reply = answerJson(engine.ask(positionals.join(" "), new Date(), zone));
    process.stdout.write(values.json ? `${JSON.stringify(reply)}\n` : `${toPlainText(reply)}\n`);
    return;
  }
  await runConsole(inThisThread(engine, zone), { input: process.stdin, output: process.stdout, json: values.json });
}

async function check(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { knowledge: { type: "string", default: DEFAULT_KNOWLEDGE } } });
  const kb = await loadOrExit(values.knowledge);
  const paragraphs = kb.articles.flatMap((a) => a.paragraphs.filter((p) => !p.heading));
  const sentences = paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const glossary = Object.values(kb.glossary).reduce((n, groups) => n + groups.length, 0);
  process.stdout.write(
    `${values.knowledge}: ${kb.articles.length} articles, ${paragraphs.length} paragraphs, ${sentences} sentences, ` +
      `${kb.facts.length} facts, ${glossary} glossary entries (version ${kb.version})\n`,
  );
}

async function kbImport(args: string[]): Promise<void> {
  const text = { type: "string" } as const;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      knowledge: { type: "string", default: DEFAULT_KNOWLEDGE },
      "dry-run": { type: "boolean", default: false },
      url: text,
      title: text,
      publisher: text,
      date: text,
      author: text,
      region: text,
      id: text,
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write(
      "usage: npm run kb:import -- SOURCE [--knowledge DIR] [--url URL] [--title T] [--publisher P]" +
        " [--date YYYY-MM-DD] [--author A] [--region R] [--id ID] [--dry-run]\n" +
        "SOURCE: a .html/.htm page, a .txt page capture, a .md file, or an http(s) link\n",
    );
    process.exit(2);
  }
  const { knowledge, "dry-run": dryRun, ...given } = values;
  const source = positionals[0]!;
  // The operator's own tool fetches what it is told, even inside the network, but says so.
  const onInternal = (host: string, address: string) =>
    process.stderr.write(`note: ${host} is at an internal address (${address}); kb:import fetches it all the same\n`);
  const options = { knowledgeDir: knowledge, given, addresses: { onInternal }, timeZone: timeZone() };
  const prepared = await prepareImport(source, options);
  // The report goes to standard error, so that standard output is the article (--dry-run) or its path.
  for (const line of reportImport(source, prepared)) process.stderr.write(`${line}\n`);
  if (dryRun && prepared.article) process.stdout.write(prepared.article.text);
  if (prepared.problems.length) {
    process.stderr.write(`${dryRun ? "it would not be written" : "nothing written"}:\n`);
    for (const p of prepared.problems) process.stderr.write(`${p}\n`);
    process.exit(1);
  }
  if (dryRun || !prepared.article) return;
  const article = prepared.article;
  const redis = redisConfig();
  let saved: Awaited<ReturnType<typeof saveImport>>;
  if (redis) {
    // Beside running replicas: written under their lock, and announced so that each one reloads.
    const { writeSharedFolder } = await import("./cluster/tools.js");
    const shared = await writeSharedFolder({
      redis,
      knowledgeDir: knowledge,
      owner: `kb:import@${hostname()}`,
      write: () => saveImport(knowledge, article),
      changed: (s) => s.ok,
    });
    if (!shared.ok) {
      process.stderr.write(`${shared.why}\n`);
      process.exit(1);
    }
    saved = shared.value;
    if (shared.announced) process.stderr.write(`announced to the replicas: version ${shared.announced}\n`);
  } else saved = await saveImport(knowledge, article);
  if (!saved.ok) {
    process.stderr.write("nothing written:\n");
    for (const p of saved.problems) process.stderr.write(`${p}\n`);
    process.exit(1);
  }
  process.stdout.write(`${saved.path}\n`);
}

async function evaluate(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      knowledge: { type: "string", default: DEFAULT_KNOWLEDGE },
      json: { type: "boolean", default: false },
      external: { type: "string" },
      split: { type: "string", default: "dev" },
      show: { type: "string", default: "wrong" },
      calibrate: { type: "boolean", default: false },
      set: { type: "string" },
      extraction: { type: "boolean", default: false },
      review: { type: "string" },
      limit: { type: "string", default: "100" },
    },
  });
  if (values.calibrate) return calibrate(values.knowledge);
  if (values.extraction) return evaluateExtraction(values.show);
  const { knowledge, split, show, json } = values;
  if (values.set) return evaluateSet(values.set, { knowledge, split, show, json });
  if (values.review) return reviewSet(values.review, { knowledge, split, limit: Number(values.limit) });
  if (values.external) return evaluateExternal(values.external, { knowledge, split, show, json });
  const engine = createEngine(await loadOrExit(values.knowledge));
  const report = runEval(engine, readCases(positionals), new Date(), timeZone());
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  for (const f of report.failures) process.stdout.write(`FAIL ${f.id} ${f.q}\n     ${f.why}\n`);
  const pct = (p: number, t: number) => `${((100 * p) / Math.max(t, 1)).toFixed(1)}%`;
  const kinds = Object.entries(report.byKind)
    .map(([k, v]) => `${k} ${v.passed}/${v.total}`)
    .join(", ");
  process.stdout.write(`by kind: ${kinds}\n`);
  const { found, answerable } = report.retrieval;
  process.stdout.write(`score: ${report.passed}/${report.total} (${pct(report.passed, report.total)})`);
  process.stdout.write(` · gold sentence retrieved ${found}/${answerable} (${pct(found, answerable)})\n`);
  if (!positionals.length) await evaluateExtraction("none");
}

/** Where the extraction samples are (src/eval/extraction.ts); real-dev's pages are read where they lie. */
const EXTRACTION_SAMPLE = "test/fixtures/extraction";
const SHARED_EVAL = path.join("..", "shared", "eval");

/** Extraction precision, recall and field accuracy on the invented sample (tuning and held-out) and real-dev. */
async function evaluateExtraction(show: string): Promise<void> {
  const { formatScore, readArticles, readExpected, scoreExtraction, timeExtraction } = await import(
    "./eval/extraction.js"
  );
  const expected = readExpected(path.join(EXTRACTION_SAMPLE, "expected.jsonl"));
  const heldout = (f: string) => f.endsWith("-heldout.md");
  // Written without sight of the extractor and never tuned on: its own score, kept out of the tuning sample.
  const blind = (f: string) => f.startsWith("blind-");
  const runs: [string, () => ReturnType<typeof scoreExtraction> | undefined][] = [
    [
      "extraction, invented",
      () =>
        scoreExtraction(
          readArticles(EXTRACTION_SAMPLE, (f) => !heldout(f) && !blind(f)),
          expected,
          true,
        ),
    ],
    ["extraction, invented held-out", () => scoreExtraction(readArticles(EXTRACTION_SAMPLE, heldout), expected, true)],
    [
      "extraction, blind",
      () =>
        scoreExtraction(
          readArticles(EXTRACTION_SAMPLE, blind),
          readExpected(path.join(EXTRACTION_SAMPLE, "blind.jsonl")),
          true,
        ),
    ],
    [
      "extraction, real-dev",
      () => {
        const dir = path.join(SHARED_EVAL, "real-dev", "articles");
        if (!existsSync(dir)) return undefined;
        return scoreExtraction(readArticles(dir), readExpected(path.join(EXTRACTION_SAMPLE, "real-dev.jsonl")), false);
      },
    ],
  ];
  for (const [name, run] of runs) {
    const score = run();
    if (!score) {
      process.stdout.write(`${name}: skipped, ${SHARED_EVAL} is not there\n`);
      continue;
    }
    if (show !== "none") for (const m of score.misses) process.stdout.write(`  ${m}\n`);
    process.stdout.write(`${formatScore(name, score)}\n`);
  }
  const dirs = ["real-dev", "grown2"].map((d) => path.join(SHARED_EVAL, d, "articles"));
  process.stdout.write(`${timeExtraction(dirs)}\n`);
}

/** The knowledge folder with the articles of public sets added, as an admin would add them. */
async function withExternal<T>(
  knowledge: string,
  names: readonly ExternalSetName[],
  use: (kb: KnowledgeBase) => T,
): Promise<T> {
  const { buildExternalSet } = await import("./eval/external.js");
  return withFiles(knowledge, Object.assign({}, ...names.map((name) => buildExternalSet(name).files)), use);
}

/** A copy of the knowledge folder with `files` (paths relative to it) added, for as long as `use` runs. */
async function withFiles<T>(
  knowledge: string,
  files: Record<string, string | Buffer>,
  use: (kb: KnowledgeBase) => T,
): Promise<T> {
  const { mkdtempSync, cpSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(path.join(tmpdir(), "eval-set-"));
  try {
    cpSync(knowledge, dir, { recursive: true });
    mkdirSync(path.join(dir, "articles"), { recursive: true });
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
    return use(await loadOrExit(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How an evaluation of a set runs: on which knowledge, which split, which outcomes listed, and whether as JSON. */
interface EvalOptions {
  knowledge: string;
  split: string;
  show: string;
  json: boolean;
}

/** A public reading-comprehension set, its articles added to the knowledge folder: right / wrong / none. */
async function evaluateExternal(name: string, { knowledge, split, show, json }: EvalOptions): Promise<void> {
  const { EXTERNAL_SETS, buildExternalSet, formatExternal, runExternal } = await import("./eval/external.js");
  if (!(name in EXTERNAL_SETS) || !["dev", "heldout", "all"].includes(split)) {
    process.stderr.write(
      `usage: npm run eval -- --external ${Object.keys(EXTERNAL_SETS).join("|")}` +
        " [--split dev|heldout|all] [--show wrong|none|right|all]\n",
    );
    process.exit(2);
  }
  const set = buildExternalSet(name as ExternalSetName);
  const now = new Date();
  const cases = set.cases.filter((c) => split === "all" || c.split === split);
  const report = await withExternal(knowledge, [name as ExternalSetName], (kb) => {
    const engine = createEngine(kb);
    return runExternal((q) => engine.ask(q, now), cases);
  });
  if (json) return void process.stdout.write(`${JSON.stringify(report)}\n`);
  for (const o of report.outcomes) {
    if (show !== "all" && o.outcome !== show) continue;
    process.stdout.write(
      `${o.outcome.toUpperCase()} ${o.c.id} ${o.c.q} (gold ${o.c.gold}) -> ${o.answer.slice(0, 90)}\n`,
    );
  }
  process.stdout.write(`${name} ${split}: ${formatExternal(report)}\n`);
}

/**
 * A folder of articles and questions (test/eval/README.md), its articles added to the knowledge:
 * right / wrong / none.
 */
async function evaluateSet(dir: string, { knowledge, split, show, json }: EvalOptions): Promise<void> {
  const { formatTally, inSplit, readSet, runSet } = await import("./eval/sets.js");
  if (!["dev", "heldout", "all"].includes(split)) {
    process.stderr.write("usage: npm run eval -- --set DIR [--split dev|heldout|all] [--show wrong|none|right|all]\n");
    process.exit(2);
  }
  const set = readSet(dir);
  const now = new Date();
  const report = await withFiles(knowledge, set.files, (kb) => {
    const cases = set.cases.filter((c) => inSplit(set, c, split as "dev" | "heldout" | "all", kb));
    return runSet(createEngine(kb), cases, now);
  });
  if (json) return void process.stdout.write(`${JSON.stringify(report)}\n`);
  for (const o of report.outcomes) {
    if (show !== "all" && o.outcome !== show) continue;
    process.stdout.write(`${o.outcome.toUpperCase()} ${o.c.id} ${o.c.q} -> ${o.answer.slice(0, 90)}\n`);
  }
  for (const [group, tally] of Object.entries(report.groups).sort())
    process.stdout.write(`  ${group}: ${formatTally(tally)}\n`);
  for (const p of report.integrity) process.stdout.write(`INTEGRITY ${p}\n`);
  const { found, answerable } = report.retrieval;
  const recall = `${found}/${answerable} (${((100 * found) / Math.max(1, answerable)).toFixed(1)}%)`;
  process.stdout.write(`${dir} ${split}: ${formatTally(report)} · gold sentence retrieved ${recall}\n`);
}

/** The direct answers of a set beside their questions and quotes, for a reader to judge (src/eval/review.ts). */
async function reviewSet(dir: string, options: { knowledge: string; split: string; limit: number }): Promise<void> {
  const { inSplit, readSet } = await import("./eval/sets.js");
  const { formatReview, reviewBlocks } = await import("./eval/review.js");
  if (!["dev", "heldout", "all"].includes(options.split) || !(options.limit > 0)) {
    process.stderr.write("usage: npm run eval -- --review DIR [--split dev|heldout|all] [--limit N]\n");
    process.exit(2);
  }
  const set = readSet(dir);
  const now = new Date();
  const blocks = await withFiles(options.knowledge, set.files, (kb) => {
    const cases = set.cases.filter((c) => inSplit(set, c, options.split as "dev" | "heldout" | "all", kb));
    return reviewBlocks(createEngine(kb), cases, now, options.limit);
  });
  process.stdout.write(`${formatReview(blocks)}\n${blocks.length} answered questions of ${dir} (${options.split})\n`);
}

/** Fits the judge's weights and threshold on the dev splits and the project's own sets (src/eval/calibrate.ts). */
async function calibrate(knowledge: string): Promise<void> {
  const { collectSamples, fit, sweep } = await import("./eval/calibrate.js");
  const names: ExternalSetName[] = ["cmrc-trial", "drcd-test"];
  const own = readCases([]).flatMap((s) => s.cases);
  const samples = await withExternal(knowledge, names, (kb) => collectSamples(kb, names, own, new Date()));
  const model = fit(samples);
  const { rows, best, byCost } = sweep(samples, model.weights, model.bias);
  process.stdout.write(`${samples.length} answers (${samples.filter((s) => s.right).length} right)\n`);
  for (const r of rows) {
    if (Math.round(r.threshold * 100) % 25 === 0 || r === best)
      process.stdout.write(
        `threshold ${r.threshold.toFixed(2)}: right ${r.right}, wrong ${r.wrong}, own cases lost ${r.ownLost}\n`,
      );
  }
  process.stdout.write(
    `weights ${JSON.stringify(model.weights)}, bias ${model.bias}, ` +
      `threshold ${best.threshold} (best by cost: ${byCost.threshold})\n`,
  );
}

async function bench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      knowledge: { type: "string", default: DEFAULT_KNOWLEDGE },
      json: { type: "boolean", default: false },
      sizes: { type: "string", default: "1000,10000,100000" },
      shipped: { type: "boolean", default: false },
    },
  });
  if (values.shipped) {
    // The engine and the baseline on the shipped knowledge and the question sets: scores and timing.
    const { benchShipped } = await import("./bench/engine.js");
    const result = await benchShipped(
      values.knowledge,
      readCases([]).flatMap((s) => s.cases),
      new Date(),
    );
    if (values.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
    const { engine: e, baseline: b, knowledge: k } = result;
    process.stdout.write(
      [
        `knowledge: ${k.articles} articles, ${k.facts} facts; ${k.questions} questions from test/eval`,
        `engine:   ready ${e.ready_ms} ms (load ${e.load_ms} + build ${e.build_ms}), ` +
          `per question p50 ${e.p50_ms} ms, p99 ${e.p99_ms} ms, score ${(e.score * 100).toFixed(1)}%`,
        `baseline: per question p50 ${b.p50_ms} ms, p99 ${b.p99_ms} ms, score ${(b.score * 100).toFixed(1)}% ` +
          "(bare MiniSearch, CJK bigrams, top sentence)",
      ].join("\n") + "\n",
    );
    return;
  }
  const { runBench } = await import("./bench/run.js");
  const { tmpdir } = await import("node:os");
  const result = await runBench({
    sizes: values.sizes.split(",").map(Number),
    root: path.join(tmpdir(), "xinzhou-bot-bench"),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const { details, ...summary } = result;
  if (values.json) return void process.stdout.write(`${JSON.stringify(summary)}\n`);
  const table = summary.corpus.map(
    (c) =>
      `${String(c.passages).padStart(7)} passages | build ${c.build_ms} ms ` +
      `(baseline ${c.baseline.build_ms}, ratio ${(c.build_ms / c.baseline.build_ms).toFixed(2)}) | ` +
      `snapshot load ${c.load_ms} ms | ` +
      `p50 ${c.p50_ms} / p99 ${c.p99_ms} ms (baseline ${c.baseline.p50_ms} / ${c.baseline.p99_ms}) | ` +
      `bot RSS ${c.rss_mb} MiB, engine heap ${c.heap_mb} MiB (baseline RSS ${c.baseline.rss_mb})`,
  );
  process.stdout.write(
    [
      ...table,
      `3 reloads of the largest corpus: up to ${details.reload_ms} ms each, ` +
        `longest event-loop stall ${summary.reload_max_stall_ms} ms (${details.stalls_ms.join(", ")}), ` +
        `${details.answered_during_reload} questions answered meanwhile (slowest ${details.slowest_question_ms} ms); ` +
        `bot RSS ${details.steady_rss_mb} MiB before, ${details.reload_peak_rss_mb} MiB at most during, ` +
        `${details.after_reload_rss_mb} MiB right after, ${details.settled_rss_mb} MiB 20 s later`,
      "one article added to the largest corpus, taken in place: " +
        `${summary.add_article_ms} ms from saving it to its first answer; ` +
        `bot RSS ${details.add_article.rss_before_mb} MiB before, ` +
        `${summary.add_article_rss_peak_mb} MiB at most meanwhile, ` +
        `${details.add_article.snapshot_write_rss_peak_mb} MiB at most while the snapshot is written after`,
      `pages imported while another chat asks (ms to prepare / longest the other chat waited): ` +
        Object.keys(summary.imports)
          .filter((k) => k.endsWith("_other_chat_max_ms"))
          .map((k) => k.replace(/_other_chat_max_ms$/, ""))
          .map((p) => `${p} ${summary.imports[`${p}_ms`]} / ${summary.imports[`${p}_other_chat_max_ms`]}`)
          .join(", "),
      `start-up on the shipped knowledge (node dist/main.js): ${summary.startup_ms} ms to ready with a snapshot, ` +
        `${details.startup_first_ms} ms without; ` +
        `from the sources through tsx: ${details.startup_tsx_ms} ms`,
    ].join("\n") + "\n",
  );
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  ask,
  "kb:check": check,
  "kb:import": kbImport,
  eval: evaluate,
  bench,
};

const [commandName, ...rest] = process.argv.slice(2);
const command = commandName ? commands[commandName] : undefined;
if (!command) {
  process.stderr.write(`usage: tsx src/cli.ts <${Object.keys(commands).join("|")}> [options]\n`);
  process.exit(2);
}
try {
  await command(rest);
} catch (e) {
  // What the tools expect (a folder with problems, a page refused) they report themselves; the rest is one line too.
  process.stderr.write(`${commandName}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
