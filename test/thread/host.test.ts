/**
 * The engine in a worker thread, as the bot runs it: it answers as the engine does in this thread,
 * writes and reuses its snapshot, reports a broken folder, and survives a worker that crashes or hangs.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/config.js";
import type { Engine } from "../../src/engine/index.js";
import { createLiveKnowledge } from "../../src/live.js";
import { formatProblem } from "../../src/model/knowledge.js";
import { snapshotPath } from "../../src/snapshots.js";
import { openInThread, type ThreadOptions } from "../../src/thread/host.js";
import { engineFor, NOW } from "../helpers/engine.js";
import { article, GOOD, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const FAULTY = new URL("../helpers/faulty-worker.ts", import.meta.url);
/** How long "slow!" keeps the faulty worker busy. */
const SLOW_MS = 2500;
const QUESTIONS = ["忻州新能源装机有多少？", "忻州市长是谁", "How many tourists visited Xinzhou?", "北京GDP多少"];

let local: Engine;
const notes: string[] = [];
const options = (overrides: Partial<ThreadOptions> = {}): ThreadOptions => ({
  knowledgeDir: SHIPPED,
  dataDir: knowledgeDir(),
  timeZone: DEFAULT_TIME_ZONE,
  note: (level, message) => void notes.push(`${level}: ${message}`),
  ...overrides,
});

beforeAll(async () => {
  local = await engineFor();
});
afterAll(removeKnowledgeDirs);

async function opened(o: ThreadOptions) {
  const r = await openInThread(o)({ build: true });
  if (!r.ok || !r.engine) throw new Error(`not opened: ${JSON.stringify(r)}`);
  return r;
}

describe("the engine in a worker thread", () => {
  it("answers exactly as the engine in this thread, one answer or several", async () => {
    const { engine } = await opened(options());
    try {
      for (const q of QUESTIONS) expect(await engine!.ask(q, NOW)).toEqual(local.ask(q, NOW));
      expect(await engine!.askMany("忻州 新能源", NOW, 5)).toEqual(local.askMany("忻州 新能源", NOW, 5));
      expect(engine!.examples).toEqual(local.examples());
      expect(engine!.summary.articles.map((a) => a.id)).toEqual(local.kb.articles.map((a) => a.id));
    } finally {
      await engine!.close();
    }
  });

  it("builds and writes the snapshot the first time, and opens from it the next", async () => {
    const o = options();
    const first = await opened(o);
    await first.engine!.close();
    expect(first.source).toBe("built");
    expect(existsSync(snapshotPath(o.dataDir, first.summary.version))).toBe(true);
    const second = await opened(o);
    expect(second.source).toBe("snapshot");
    expect((await second.engine!.ask(QUESTIONS[0]!, NOW)).answer).toContain("1200万千瓦");
    await second.engine!.close();
  });

  it("reports a broken folder as file:line problems, and only checks when asked to", async () => {
    const dir = knowledgeDir({ "articles/bad.md": article({ ...GOOD, date: "2024-13-01" }) }, SHIPPED);
    const broken = await openInThread(options({ knowledgeDir: dir }))({ build: true });
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.problems.map(formatProblem).join("\n")).toContain(
        `${path.join(dir, "articles", "bad.md")}:4: date "2024-13-01"`,
      );

    const checked = await openInThread(options())({ build: false });
    expect(checked.ok && checked.engine).toBe(undefined);
    if (checked.ok) expect(checked.summary.articles).toHaveLength(local.kb.articles.length);
    const unchanged = await openInThread(options())({ build: true, unlessVersion: local.kb.version });
    expect(unchanged.ok && unchanged.engine).toBe(undefined);
  });

  it("reads 今年 in the time zone it is given: on New Year's night in 忻州, the new year", async () => {
    const dir = knowledgeDir(
      {
        "articles/yp2026.md": article(
          { ...GOOD, date: "2026-12-01", url: "https://example.org/2026" },
          "2026年原平市接待游客100万人次。",
        ),
        "articles/yp2027.md": article(
          { ...GOOD, date: "2027-12-01", url: "https://example.org/2027" },
          "2027年原平市接待游客200万人次。",
        ),
      },
      SHIPPED,
    );
    // 01:00 on 1 January 2027 in Shanghai; still 2026 in UTC.
    const newYear = new Date("2026-12-31T17:00:00Z");
    const question = "原平市今年接待游客多少人次？";
    for (const [timeZone, figure] of [
      ["Asia/Shanghai", "200万人次"],
      ["UTC", "100万人次"],
    ] as const) {
      const { engine } = await opened(options({ knowledgeDir: dir, timeZone }));
      try {
        expect((await engine!.ask(question, newYear)).answer).toContain(figure);
      } finally {
        await engine!.close();
      }
    }
  });

  it("reports a worker that dies while loading, without throwing", async () => {
    const r = await openInThread(options({ script: new URL("../helpers/broken-worker.ts", import.meta.url) }))({
      build: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatProblem(r.problems[0]!)).toMatch(
        /the engine thread stopped while loading: .*out of memory \(simulated\)/,
      );
  });

  it("fails the question that crashed its worker, then answers from a fresh one", async () => {
    notes.length = 0;
    const { engine } = await opened(options({ script: FAULTY }));
    try {
      await expect(engine!.ask("crash!", NOW)).rejects.toThrow(/engine thread was lost \(exited with code 3\)/);
      expect((await engine!.ask(QUESTIONS[0]!, NOW)).answer).toContain("1200万千瓦");
      expect(notes).toContain("warn: engine thread replaced");
    } finally {
      await engine!.close();
    }
  });

  it("fails a question that hangs alone, replaces the worker once it falls silent, and answers the next", async () => {
    notes.length = 0;
    const { engine } = await opened(
      options({ script: FAULTY, askTimeoutMs: 1000, heartbeatMs: 100, stuckAfterMs: 2000 }),
    );
    try {
      const started = performance.now();
      const [hung, waiting] = await Promise.allSettled([engine!.ask("hang!", NOW), engine!.ask(QUESTIONS[1]!, NOW)]);
      expect(hung.status === "rejected" && String(hung.reason)).toMatch(/no answer in 1000 ms/);
      // The question queued behind the stuck one times out too: the same worker held it.
      expect(waiting.status).toBe("rejected");
      expect(performance.now() - started).toBeLessThan(2000);
      // Two seconds without a heartbeat: the worker is taken for stuck and replaced.
      await vi.waitFor(() => expect(notes).toContain("warn: engine thread replaced"), { timeout: 60_000 });
      expect(notes.some((n) => /^error: engine thread lost \(silent for \d+ ms\)/.test(n))).toBe(true);
      expect((await engine!.ask(QUESTIONS[1]!, NOW)).answer).toEqual(local.ask(QUESTIONS[1]!, NOW).answer);
    } finally {
      await engine!.close();
    }
  });

  it("times out a slow question alone: the questions in flight with it are answered, by the same worker", async () => {
    notes.length = 0;
    // The worker is busy with "slow!" for SLOW_MS, longer than a question may take, but it is not stuck.
    const { engine } = await opened(
      options({ script: FAULTY, askTimeoutMs: 2000, heartbeatMs: 100, stuckAfterMs: 10_000 }),
    );
    try {
      const started = performance.now();
      const slow = engine!.ask("slow!", NOW);
      await new Promise((r) => setTimeout(r, 1500));
      // Asked before the slow one times out; answered when the worker is done with it.
      const inFlight = engine!.ask(QUESTIONS[1]!, NOW);
      await expect(slow).rejects.toThrow(/no answer in 2000 ms/);
      expect((await inFlight).answer).toEqual(local.ask(QUESTIONS[1]!, NOW).answer);
      expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS);
      expect(notes.filter((n) => /lost|replaced/.test(n))).toEqual([]);
      expect(notes.filter((n) => n.startsWith("warn: a question got no answer"))).toHaveLength(1);
    } finally {
      await engine!.close();
    }
  });

  it("closes while a question hangs: that question fails after its timeout and the worker's thread stops", async () => {
    const seen: { message: string; details?: Record<string, unknown> }[] = [];
    const { engine } = await opened(
      options({
        script: FAULTY,
        askTimeoutMs: 1000,
        stuckAfterMs: 60_000,
        note: (_, message, details) => void seen.push({ message, details }),
      }),
    );
    const hung = engine!.ask("hang!", NOW);
    hung.catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await engine!.close();
    expect(performance.now() - started).toBeLessThan(3000);
    await expect(hung).rejects.toThrow(/no answer in 1000 ms/);
    await expect(engine!.ask(QUESTIONS[0]!, NOW)).rejects.toThrow(/closed/);
    // Node says 'exit' once the thread has stopped.
    await vi.waitFor(() => expect(seen.map((n) => n.message)).toContain("engine thread stopped"));
  });

  it("closes only after the questions already asked are answered", async () => {
    const { engine } = await opened(options());
    const asked = QUESTIONS.map((q) => engine!.ask(q, NOW));
    await engine!.close();
    expect((await Promise.all(asked)).map((a) => a.answer)).toEqual(QUESTIONS.map((q) => local.ask(q, NOW).answer));
    await expect(engine!.ask(QUESTIONS[0]!, NOW)).rejects.toThrow(/closed/);
  });

  it("keeps answering from the old engine while a reload opens the new one, then answers from the new", async () => {
    const dir = knowledgeDir({}, SHIPPED);
    const open = openInThread(options({ knowledgeDir: dir }));
    const first = await open({ build: true });
    if (!first.ok || !first.engine) throw new Error("not opened");
    const live = createLiveKnowledge(first.engine, open);
    try {
      // Three files: more than an update in place takes, so a new engine is opened.
      writeFileSync(
        path.join(dir, "articles", "later.md"),
        article({ ...GOOD, region: "定襄县" }, "定襄县今年新增法兰企业17家。"),
      );
      writeFileSync(
        path.join(dir, "articles", "later2.md"),
        article({ ...GOOD, region: "定襄县" }, "定襄县今年新增锻造企业9家。"),
      );
      writeFileSync(
        path.join(dir, "articles", "later3.md"),
        article({ ...GOOD, region: "定襄县" }, "定襄县今年新增物流企业4家。"),
      );
      let reloaded = false;
      const reload = live.reload().then((r) => {
        reloaded = true;
        return r;
      });
      // Asked after the reload began: answered by the old engine before the new one is ready.
      const during = await live.ask(QUESTIONS[0]!, NOW);
      expect(reloaded).toBe(false);
      expect(during.answer).toContain("1200万千瓦");
      expect(live.summary.articles).toHaveLength(local.kb.articles.length);
      const result = await reload;
      expect(result).toMatchObject({ ok: true });
      expect(result).not.toHaveProperty("inPlace");
      expect(live.summary.articles).toHaveLength(local.kb.articles.length + 3);
      expect((await live.ask("定襄县今年新增法兰企业多少家？", NOW)).answer).toContain("17家");
    } finally {
      await live.close();
    }
  });

  it("takes one added, replaced or removed article in place, in the same thread, and writes its snapshot after", async () => {
    const dir = knowledgeDir({}, SHIPPED);
    const o = options({ knowledgeDir: dir });
    const open = openInThread(o);
    const first = await open({ build: true });
    if (!first.ok || !first.engine) throw new Error("not opened");
    const live = createLiveKnowledge(first.engine, open);
    const stopped = () => notes.filter((n) => n.includes("engine thread stopped")).length;
    const before = stopped();
    const file = path.join(dir, "articles", "later.md");
    try {
      writeFileSync(file, article({ ...GOOD, region: "定襄县" }, "定襄县今年新增法兰企业17家。"));
      const added = await live.reload();
      expect(added).toMatchObject({ ok: true, inPlace: ["articles/later.md"], articles: local.kb.articles.length + 1 });
      expect((await live.ask("定襄县今年新增法兰企业多少家？", NOW)).answer).toContain("17家");
      expect(live.summary.version).toBe(added.ok && added.version);

      writeFileSync(file, article({ ...GOOD, region: "定襄县" }, "定襄县今年新增法兰企业23家。"));
      expect(await live.reload()).toMatchObject({ ok: true, inPlace: ["articles/later.md"] });
      expect((await live.ask("定襄县今年新增法兰企业多少家？", NOW)).answer).toContain("23家");
      expect(await live.reload()).toMatchObject({ ok: true, unchanged: true });

      // The snapshot of the new version is written once the questions pause; a fresh open restores it.
      const replaced = await live.reload().then(() => live.summary.version);
      await vi.waitFor(() => expect(existsSync(snapshotPath(o.dataDir, replaced))).toBe(true), { timeout: 5000 });
      const reopened = await opened(o);
      expect(reopened.source).toBe("snapshot");
      const fresh = await engineFor(dir);
      for (const q of [...QUESTIONS, "定襄县今年新增法兰企业多少家？"])
        expect(await reopened.engine!.ask(q, NOW)).toEqual(fresh.ask(q, NOW));
      await reopened.engine!.close();

      rmSync(file);
      expect(await live.reload()).toMatchObject({
        ok: true,
        inPlace: ["articles/later.md"],
        articles: local.kb.articles.length,
      });
      expect((await live.ask("定襄县今年新增法兰企业多少家？", NOW)).answer).not.toContain("23家");
      expect(stopped()).toBe(before + 1); // only the reopened one
    } finally {
      await live.close();
    }
  });
});
