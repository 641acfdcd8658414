/**
 * Knowledge faults during a reload: each ends in a clear error with the old base kept, or in a working
 * new base; never a crash or a half-loaded base.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/config.js";
import { createLiveKnowledge, type LiveKnowledge } from "../../src/live.js";
import { formatProblem } from "../../src/model/knowledge.js";
import { openInThread } from "../../src/thread/host.js";
import { NOW } from "../helpers/engine.js";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

let dir: string;
let live: LiveKnowledge;
let version: string;

beforeEach(async () => {
  dir = knowledgeDir({}, SHIPPED);
  // As the bot runs it: the engine in a worker thread, reloads in another.
  const open = openInThread({
    knowledgeDir: dir,
    dataDir: knowledgeDir(),
    timeZone: DEFAULT_TIME_ZONE,
    note: () => {},
  });
  const opened = await open({ build: true });
  if (!opened.ok || !opened.engine) throw new Error("shipped knowledge invalid");
  live = createLiveKnowledge(opened.engine, open);
  version = opened.summary.version;
});

afterEach(() => live.close());

async function expectOldBaseKept(message: RegExp) {
  const result = await live.reload();
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problems.map(formatProblem).join("\n")).toMatch(message);
  expect(live.summary.version).toBe(version);
  expect((await live.ask("忻州新能源装机有多少？", NOW)).answer).toContain("1200万千瓦");
}

describe("knowledge faults during a reload", () => {
  it("a file deleted after it was listed (a link to nowhere): reported, old base kept", async () => {
    symlinkSync(path.join(dir, "articles", "gone.md.target"), path.join(dir, "articles", "gone.md"));
    await expectOldBaseKept(/articles\/gone\.md:1: cannot read the file \(ENOENT\)/);
  });

  it("a folder where a file should be: reported, old base kept", async () => {
    mkdirSync(path.join(dir, "articles", "folder.md"));
    await expectOldBaseKept(/articles\/folder\.md:1: cannot read the file \(EISDIR\)/);
  });

  it("a file truncated in its front matter: reported, old base kept", async () => {
    const file = path.join(dir, "articles", "xinzhou-sixin-2024.md");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 40));
    await expectOldBaseKept(/xinzhou-sixin-2024\.md:1: front matter is not closed/);
  });

  it("a file truncated inside a character: reported as not UTF-8 with its line, old base kept", async () => {
    truncateSync(path.join(dir, "articles", "xinzhou-sixin-2024.md"), 60);
    await expectOldBaseKept(/xinzhou-sixin-2024\.md:3: the file is not UTF-8 text/);
  });

  it("a file truncated in its text: the facts that quote the lost text are reported, old base kept", async () => {
    const file = path.join(dir, "articles", "xinzhou-sixin-2024.md");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 2000));
    await expectOldBaseKept(/facts\/xinzhou-sixin-2024\.yaml:\d+: quote is not in article/);
  });

  it("a 50 MB article: refused with its size, old base kept", async () => {
    const big = article(GOOD, "忻州市接待游客100万人次。".repeat(1_800_000));
    expect(Buffer.byteLength(big)).toBeGreaterThan(50 * 1024 * 1024);
    writeFileSync(path.join(dir, "articles", "huge.md"), big);
    await expectOldBaseKept(/articles\/huge\.md:1: the article is \d+\.\d MB; the limit is 5\.0 MB/);
  });

  it("duplicate ids across files: reported, old base kept", async () => {
    writeFileSync(path.join(dir, "articles", "copy.md"), article({ ...GOOD, id: "xinzhou-sixin-2024" }));
    await expectOldBaseKept(
      /^[^\n]*articles\/(copy|xinzhou-sixin-2024)\.md:\d+: duplicate article id "xinzhou-sixin-2024"[^\n]*$/,
    );
  });

  it("10,000 small articles: a working new base", async () => {
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(
        path.join(dir, "articles", `small-${i}.md`),
        article({ ...GOOD, url: `https://example.org/${i}`, region: "原平市" }, `原平市第${i}号项目投资${i + 1}万元。`),
      );
    }
    const result = await live.reload();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.articles).toBe(10_002);
    expect(live.summary.version).not.toBe(version);
    expect((await live.ask("忻州新能源装机有多少？", NOW)).answer).toContain("1200万千瓦");
  }, 300_000);

  it("a fault repaired: the next reload takes the new base", async () => {
    writeFileSync(path.join(dir, "articles", "later.md"), article({ ...GOOD, date: "2024-02-31" }));
    await expectOldBaseKept(/later\.md:4: date "2024-02-31"/);
    writeFileSync(
      path.join(dir, "articles", "later.md"),
      article({ ...GOOD, region: "定襄县" }, "定襄县今年新增法兰企业17家。"),
    );
    const result = await live.reload();
    expect(result.ok).toBe(true);
    expect(live.summary.articles.map((a) => a.id)).toContain("later");
    rmSync(path.join(dir, "articles", "later.md"));
  });
});
