/** Counts and the unanswered-questions file: today in the configured zone, and everything kept bounded. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStats, UNANSWERED_FILE, UNANSWERED_OLDER_FILE } from "../src/stats.js";
import { knowledgeDir, removeKnowledgeDirs } from "./helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

const hashUser = (id: number) => `h${id}`;
const AT = new Date("2026-11-22T08:00:00Z");

describe("stats", () => {
  it("count today in the zone they are given", async () => {
    // 23:30 on 21 November in New York is 22 November in UTC and in Shanghai.
    const late = new Date("2026-11-22T04:30:00Z");
    const ny = await openStats(knowledgeDir(), { timeZone: "America/New_York", hashUser });
    ny.record("忻州市长是谁", true, 1, late);
    expect((await ny.snapshot(new Date("2026-11-21T20:00:00Z"))).answeredToday).toBe(1);
    expect((await ny.snapshot(new Date("2026-11-22T06:00:00Z"))).answeredToday).toBe(0);
  });

  it("rotate the unanswered file at its size limit, and read both files after a restart", async () => {
    const dataDir = knowledgeDir();
    const options = { timeZone: "Asia/Shanghai", hashUser, maxFileBytes: 2000 };
    const stats = await openStats(dataDir, options);
    for (let i = 0; i < 60; i++) stats.record(`问题${i % 3}：巴黎的天气怎么样`, false, 7, AT);
    await stats.flush();
    const file = path.join(dataDir, UNANSWERED_FILE);
    expect(statSync(file).size).toBeLessThanOrEqual(2000);
    expect(existsSync(path.join(dataDir, UNANSWERED_OLDER_FILE))).toBe(true);
    expect(readFileSync(file, "utf8")).toContain('"u":"h7"');
    const reopened = await openStats(dataDir, options);
    const kept = (await reopened.snapshot(AT)).topUnanswered.reduce((n, u) => n + u.count, 0);
    // What both files hold: fewer than all 60, more than one file's worth.
    expect(kept).toBeGreaterThan(readFileSync(file, "utf8").trim().split("\n").length);
    expect(kept).toBeLessThan(60);
  });

  it("keep a bounded number of distinct questions, forgetting the least asked", async () => {
    const stats = await openStats(knowledgeDir(), { timeZone: "Asia/Shanghai", hashUser, maxQuestions: 3 });
    for (const q of ["A", "A", "A", "B", "B", "C", "D", "E"]) stats.record(q, false, 7, AT);
    expect((await stats.snapshot(AT)).topUnanswered).toEqual([
      { question: "A", count: 3 },
      { question: "B", count: 2 },
      { question: "E", count: 1 },
    ]);
    expect((await stats.snapshot(AT)).unanswered).toBe(8);
  });

  it("count 👍 and 👎 and keep nothing else of them: no question, no user, no file", async () => {
    const dataDir = knowledgeDir();
    const stats = await openStats(dataDir, { timeZone: "Asia/Shanghai", hashUser });
    stats.feedback({ helpful: true, at: AT });
    stats.feedback({ helpful: false, at: AT });
    await stats.flush();
    expect(await stats.snapshot(AT)).toMatchObject({ helpful: 1, unhelpful: 1, scope: "process" });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("start a new line after a last line cut short, and skip that line with a warning when reading", async () => {
    const t = AT.toISOString();
    const dataDir = knowledgeDir({ [UNANSWERED_FILE]: `{"t":"${t}","q":"巴黎的天气"}\n{"t":"${t}","q":"伦敦的` });
    const problems: unknown[] = [];
    const onError = (e: unknown) => void problems.push(e);
    const stats = await openStats(dataDir, { timeZone: "Asia/Shanghai", hashUser, onError });
    stats.record("东京的房价", false, 7, AT);
    await stats.flush();
    expect((await stats.unansweredLog()).map((r) => r.question)).toEqual(["巴黎的天气", "东京的房价"]);
    expect(String(problems[0])).toMatch(/unanswered\.jsonl: 1 line\(s\) not a record, skipped \(line 2\)/);
    // The warning says where, not what: the cut line quotes a question.
    expect(String(problems[0])).not.toContain("伦敦");
    const reopened = await openStats(dataDir, { timeZone: "Asia/Shanghai", hashUser });
    const kept = (await reopened.snapshot(AT)).topUnanswered.map((u) => u.question);
    expect(kept.sort()).toEqual(["东京的房价", "巴黎的天气"]);
  });
});
