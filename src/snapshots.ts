/**
 * Where built indexes are kept: DATA_DIR/index/<knowledge version>.snapshot. A start with unchanged
 * knowledge loads the snapshot; a missing, stale, truncated or corrupt one is rebuilt and rewritten,
 * never served.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createEngine, engineFromSnapshot, type Engine } from "./engine/index.js";
import type { KnowledgeBase } from "./knowledge/types.js";

export type Note = (message: string, details?: Record<string, unknown>) => void;

export const snapshotPath = (dataDir: string, version: string) => path.join(dataDir, "index", `${version}.snapshot`);

/** The engine for `kb`: from its snapshot when there is a good one, else built and snapshotted. */
export async function openEngine(kb: KnowledgeBase, dataDir: string, note: Note = () => {}): Promise<{ engine: Engine; source: "snapshot" | "built" }> {
  const file = snapshotPath(dataDir, kb.version);
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes) {
    const restored = engineFromSnapshot(kb, bytes);
    if ("engine" in restored) return { engine: restored.engine, source: "snapshot" };
    note(`snapshot ${file} not used: ${restored.reason}; rebuilding`);
  }
  const engine = createEngine(kb);
  await saveSnapshot(dataDir, kb.version, engine.snapshot()).catch((e: unknown) => note("snapshot not written", { err: e }));
  return { engine, source: "built" };
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

/**
 * Builds and writes the snapshot of `knowledgeDir` in a worker thread, so that a reload of a large
 * base is ready to load at the next start without serializing on the thread that answers questions.
 */
export function snapshotInBackground(knowledgeDir: string, dataDir: string): Promise<{ ok: boolean; message: string }> {
  const fromSource = import.meta.url.endsWith(".ts");
  const script = new URL(`./snapshot-worker${fromSource ? ".ts" : ".js"}`, import.meta.url);
  // Run from the TypeScript sources (npm start, tests), the worker registers tsx before loading its script.
  const worker = fromSource
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})` +
          `.then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`,
        { eval: true, workerData: { knowledgeDir, dataDir } },
      )
    : new Worker(script, { workerData: { knowledgeDir, dataDir } });
  return new Promise((resolve) => {
    worker.once("message", (m: { ok: boolean; message: string }) => resolve(m));
    worker.once("error", (e) => resolve({ ok: false, message: String(e) }));
    worker.once("exit", (code) => resolve({ ok: code === 0, message: `worker exited with ${code}` }));
  });
}
