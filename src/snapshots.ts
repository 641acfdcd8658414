/**
 * Where built indexes are kept: DATA_DIR/index/<knowledge version>.snapshot. A start with unchanged
 * knowledge loads the snapshot; a missing, stale, truncated or corrupt one is rebuilt and rewritten,
 * never served.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createEngine, type Engine, engineFromSnapshot } from "./engine/index.js";
import type { KnowledgeBase } from "./model/knowledge.js";

export type Note = (message: string, details?: Record<string, unknown>) => void;

export const snapshotPath = (dataDir: string, version: string) => path.join(dataDir, "index", `${version}.snapshot`);

/**
 * The engine for `kb`: from its snapshot when there is a good one, else built and snapshotted
 * (`saved` says whether the snapshot was written).
 */
export async function openEngine(
  kb: KnowledgeBase,
  dataDir: string,
  note: Note = () => {},
): Promise<{ engine: Engine; source: "snapshot" | "built"; saved: boolean }> {
  const file = snapshotPath(dataDir, kb.version);
  const bytes = await readSnapshot(file, note);
  // What MiniSearch warns of goes to the bot's log, not to the console.
  const setup = { log: (level: "warn" | "error", message: string) => note(`search index ${level}: ${message}`) };
  if (bytes) {
    const restored = engineFromSnapshot(kb, bytes, setup);
    if ("engine" in restored) return { engine: restored.engine, source: "snapshot", saved: true };
    note(`snapshot ${file} not used: ${restored.reason}; rebuilding`);
  }
  const engine = createEngine(kb, setup);
  const saved = await saveSnapshot(dataDir, kb.version, engine.snapshot()).then(
    () => true,
    (e: unknown) => (note("snapshot not written", { err: e }), false),
  );
  return { engine, source: "built", saved };
}

/** The snapshot's bytes; undefined when there is none (ENOENT) or it cannot be read, which is noted. */
async function readSnapshot(file: string, note: Note): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    // Only a missing file is "no snapshot"; a permission or disk error is worth a line in the log.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT")
      note(`snapshot ${file} not read (${(e as NodeJS.ErrnoException).code ?? e}); rebuilding`, { err: e });
    return undefined;
  }
}

/** Writes a snapshot whole or not at all, and removes the snapshots of other knowledge versions. */
export async function saveSnapshot(dataDir: string, version: string, bytes: Buffer): Promise<void> {
  const file = snapshotPath(dataDir, version);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, bytes);
  await rename(`${file}.tmp`, file);
  for (const name of await readdir(path.dirname(file))) {
    if (name !== path.basename(file)) await rm(path.join(path.dirname(file), name), { force: true });
  }
}
