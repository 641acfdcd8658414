/**
 * Removing an article moves several files; whatever stops it halfway (a move that fails, a process
 * killed between two moves), the folder loads afterwards with the article whole or gone whole.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JOURNAL } from "../../src/knowledge/journal.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { endRemoval, moveToRemoved, planRemoval, removalOrder } from "../../src/knowledge/remove.js";
import { formatProblem } from "../../src/model/knowledge.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

const ID = "taixin-competitiveness-2022";
const AT = new Date("2024-12-01T08:00:00Z");

/** The shipped folder, and a removed/ folder beside it; the plan of removing ID. */
async function folder() {
  const dir = knowledgeDir({}, SHIPPED);
  const removed = mkdtempSync(path.join(tmpdir(), "removed-"));
  const plan = await planRemoval(dir, ID);
  if (!plan.ok) throw new Error(plan.reason);
  return { dir, removed, files: removalOrder(plan) };
}

async function loaded(dir: string) {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return { articles: result.kb.articles.map((a) => a.id).sort(), facts: result.kb.facts.length };
}

describe("removing an article", () => {
  it("moves its facts first and the article last, and is written down until it is kept", async () => {
    const { dir, removed, files } = await folder();
    expect(files).toEqual([`facts/${ID}.yaml`, `articles/${ID}.md`]);
    const moves = await moveToRemoved(dir, files, { removedDir: removed, at: AT });
    expect(existsSync(path.join(dir, JOURNAL))).toBe(true);
    expect((await loaded(dir)).articles).toEqual(["xinzhou-sixin-2024"]);
    await endRemoval(dir);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
    expect(readdirSync(removed).sort()).toEqual(moves.map((m) => path.basename(m.to)).sort());
  });

  it("a move that fails halfway puts back the files moved before it, and the folder loads as before", async () => {
    const { dir, removed, files } = await folder();
    const before = await loaded(dir);
    let calls = 0;
    const failing = async (from: string, to: string) => {
      if (++calls === 2) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      await rename(from, to);
    };
    await expect(moveToRemoved(dir, files, { removedDir: removed, at: AT, move: failing })).rejects.toThrow("EACCES");
    expect(calls).toBe(2);
    expect(await loaded(dir)).toEqual(before);
    expect(readdirSync(removed)).toEqual([]);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
  });

  it("a process killed between two moves: the next load undoes the removal", async () => {
    const { dir, removed, files } = await folder();
    const before = await loaded(dir);
    // A child process moves the first file, then stops in the second move until it is killed.
    const script = `
      const { rename } = await import("node:fs/promises");
      const { moveToRemoved } = await import(${JSON.stringify(path.resolve("src/knowledge/remove.ts"))});
      let calls = 0;
      const move = async (from, to) => {
        if (++calls === 2) { process.stdout.write("between\\n"); return new Promise(() => {}); }
        await rename(from, to);
      };
      const [dir, files, removed] = ${JSON.stringify([dir, files, removed])};
      await moveToRemoved(dir, files, { removedDir: removed, at: new Date(), move });
    `;
    const args = ["--import", "tsx", "--input-type=module", "-e", script];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("between") && resolve());
      child.on("exit", (code) => reject(new Error(`the child exited (${code}) before its second move`)));
    });
    child.kill("SIGKILL");
    await exited;
    expect(existsSync(path.join(dir, "facts", `${ID}.yaml`))).toBe(false);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(true);

    expect(await loaded(dir)).toEqual(before);
    expect(existsSync(path.join(dir, "facts", `${ID}.yaml`))).toBe(true);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
    expect(readdirSync(removed)).toEqual([]);
  });

  it("a removal under way in a running process is not undone by a load meanwhile", async () => {
    const { dir, removed, files } = await folder();
    let release = () => {};
    let calls = 0;
    const paused = async (from: string, to: string) => {
      if (++calls === 2) await new Promise<void>((resolve) => (release = resolve));
      await rename(from, to);
    };
    const removing = moveToRemoved(dir, files, { removedDir: removed, at: AT, move: paused });
    while (calls < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await loaded(dir);
    expect(existsSync(path.join(dir, "facts", `${ID}.yaml`))).toBe(false);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(true);
    release();
    await removing;
    await endRemoval(dir);
    expect((await loaded(dir)).articles).toEqual(["xinzhou-sixin-2024"]);
    expect(readdirSync(removed)).toHaveLength(2);
  });

  it("an engine restarted from the files given leaves the folder alone; a load of the folder settles it", async () => {
    const { dir, removed, files } = await folder();
    const earlier = await loadKnowledge(dir);
    if (!earlier.ok) throw new Error("the shipped folder does not load");
    // A removal another machine began an hour ago and never finished: the facts moved, the article not yet.
    const moves = files.map((rel) => ({ from: path.join(dir, rel), to: path.join(removed, path.basename(rel)) }));
    await rename(moves[0]!.from, moves[0]!.to);
    const owner = { host: "another-machine", pid: 1, started: 0 };
    const note = { owner, at: new Date(Date.now() - 3_600_000).toISOString(), moves };
    writeFileSync(path.join(dir, JOURNAL), JSON.stringify(note));

    const restarted = await loadKnowledge(dir, { contents: earlier.contents });
    expect(restarted.ok && restarted.kb.articles.length).toBe(2);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(true);
    expect(existsSync(path.join(dir, "facts", `${ID}.yaml`))).toBe(false);

    expect((await loaded(dir)).articles).toContain(ID);
    expect(existsSync(path.join(dir, "facts", `${ID}.yaml`))).toBe(true);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
  });
});
