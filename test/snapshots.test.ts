import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MINISEARCH_VERSION } from "../src/engine/retrieve/snapshot.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { KnowledgeBase } from "../src/model/knowledge.js";
import { openEngine, snapshotPath } from "../src/snapshots.js";
import { NOW } from "./helpers/engine.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "./helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

async function shipped(): Promise<KnowledgeBase> {
  const r = await loadKnowledge(SHIPPED);
  if (!r.ok) throw new Error("shipped knowledge invalid");
  return r.kb;
}

const QUESTIONS = [
  "忻州新能源装机有多少？",
  "太忻一体化经济区重大项目总投资多少",
  "北京GDP",
  "How many tourists did Xinzhou receive?",
];

describe("index snapshots under DATA_DIR", () => {
  it("builds and writes a snapshot the first time, loads it the next, with the same answers", async () => {
    const kb = await shipped();
    const dataDir = knowledgeDir();
    const first = await openEngine(kb, dataDir);
    expect(first.source).toBe("built");
    expect(existsSync(snapshotPath(dataDir, kb.version))).toBe(true);
    const second = await openEngine(kb, dataDir);
    expect(second.source).toBe("snapshot");
    for (const q of QUESTIONS) expect(second.engine.ask(q, NOW)).toEqual(first.engine.ask(q, NOW));
  });

  it.each([
    ["corrupt", (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 10 ? x ^ 0xff : x)))],
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["empty", () => Buffer.alloc(0)],
    ["garbage", () => Buffer.from("not a snapshot at all")],
  ])("never serves a %s snapshot: it rebuilds and rewrites it", async (_, spoil) => {
    const kb = await shipped();
    const dataDir = knowledgeDir();
    await openEngine(kb, dataDir);
    const file = snapshotPath(dataDir, kb.version);
    writeFileSync(file, spoil(readFileSync(file)));
    const notes: string[] = [];
    const reopened = await openEngine(kb, dataDir, (m) => notes.push(m));
    expect(reopened.source).toBe("built");
    expect(notes.join()).toMatch(/not used/);
    expect((await openEngine(kb, dataDir)).source).toBe("snapshot");
  });

  it("rebuilds when the snapshot cannot be read, and says why; a missing one is no news", async () => {
    const kb = await shipped();
    const dataDir = knowledgeDir();
    const notes: string[] = [];
    await openEngine(kb, dataDir, (m) => notes.push(m));
    expect(notes).toEqual([]);
    // A directory where the file should be: reading it fails with EISDIR, as an unreadable disk would.
    const file = snapshotPath(dataDir, kb.version);
    rmSync(file);
    mkdirSync(file);
    const reopened = await openEngine(kb, dataDir, (m) => notes.push(m));
    expect(reopened.source).toBe("built");
    expect(notes[0]).toMatch(/not read \(EISDIR\); rebuilding/);
  });

  it("does not use the snapshot of other knowledge, and removes it", async () => {
    const kb = await shipped();
    const dataDir = knowledgeDir();
    await openEngine(kb, dataDir);
    const changed = await loadKnowledge(
      knowledgeDir(
        {
          "articles/extra.md":
            "---\ntitle: t\npublisher: p\ndate: 2024-01-01\nurl: https://example.org/x\n---\n\n忻州市新增企业5家。\n",
        },
        SHIPPED,
      ),
    );
    if (!changed.ok) throw new Error("invalid");
    const opened = await openEngine(changed.kb, dataDir);
    expect(opened.source).toBe("built");
    expect(readdirSync(path.join(dataDir, "index"))).toEqual([`${changed.kb.version}.snapshot`]);
  });

  it("reads MiniSearch's private fields only for the version it was written for", () => {
    const entry = createRequire(import.meta.url).resolve("minisearch");
    const pkg = JSON.parse(
      readFileSync(path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json"), "utf8"),
    );
    expect(pkg.version).toBe(MINISEARCH_VERSION);
  });
});
