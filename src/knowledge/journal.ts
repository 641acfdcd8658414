/**
 * Changes to the knowledge folder that take more than one step (a removal moves an article and its fact
 * files) are written down first, in `<folder>/.changing.json`, and the note deleted once the change is
 * done or undone. A note left behind by a process that died meanwhile is undone the next time the folder
 * is loaded, so the folder is never left half-changed. Temporary files a killed save left are cleared too.
 */
import { randomBytes } from "node:crypto";
import { copyFile, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

export const JOURNAL = ".changing.json";

/** A file moved from `from` to `to` (absolute paths: the two may be on different volumes). */
export interface Move {
  readonly from: string;
  readonly to: string;
}

/** Who wrote a note: a process that is still running may be in the middle of its change. */
interface Owner {
  readonly host: string;
  readonly pid: number;
  /** When the process started, ms: in a container a restarted bot has the same pid, not the same start. */
  readonly started: number;
}

interface Note {
  readonly owner: Owner;
  readonly at: string;
  readonly moves: readonly Move[];
}

/** The same in every thread of a process: the engine's worker loads while the main thread removes. */
const self = (): Owner => ({ host: hostname(), pid: process.pid, started: Date.now() - process.uptime() * 1000 });

/** A note is taken for abandoned after this long, even if its owner cannot be asked (another machine). */
const ABANDONED_MS = 10 * 60 * 1000;
/** A temporary file this old is left from a save that was killed (a save takes milliseconds). */
const STALE_TEMPORARY_MS = 60 * 1000;

/** Writes the note of a change about to start; it appears whole or not at all. */
export async function beginChange(dir: string, moves: readonly Move[]): Promise<void> {
  const note: Note = { owner: self(), at: new Date().toISOString(), moves };
  const temporary = path.join(dir, `${JOURNAL}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, JSON.stringify(note, null, 2), { flag: "wx" });
    await rename(temporary, path.join(dir, JOURNAL));
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw e;
  }
}

/** The change is done, or undone: nothing is left to resolve. */
export async function endChange(dir: string): Promise<void> {
  await unlink(path.join(dir, JOURNAL)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
}

/** Moves each file back, last first; a move not made yet, or already undone, is skipped. */
export async function undoMoves(moves: readonly Move[]): Promise<void> {
  for (const m of [...moves].reverse()) {
    if (!(await exists(m.to))) continue;
    // Both: a copy across volumes was made and the original not yet deleted.
    if (await exists(m.from)) await unlink(m.to);
    else await moveFile(m.to, m.from);
  }
}

/**
 * rename, or copy and delete where the two are on different file systems (two Docker volumes). The copy
 * is renamed into place whole, so that where both files exist, both are complete.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    const temporary = path.join(path.dirname(to), `.${path.basename(to)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await copyFile(from, temporary);
      await rename(temporary, to);
    } catch (copying) {
      await unlink(temporary).catch(() => undefined);
      throw copying;
    }
    await unlink(from);
  }
}

/**
 * Undoes a change whose process died before it finished, and clears stale temporary files. Returns
 * what could not be undone, about the note, for the loader to report; a change still under way
 * elsewhere is left alone.
 */
export async function settleInterruptedChanges(dir: string, now = Date.now()): Promise<string[]> {
  await clearTemporaries(path.join(dir, "articles"), now);
  await clearTemporaries(dir, now);
  const file = path.join(dir, JOURNAL);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return [];
  const note = parseNote(text);
  if (note && !abandoned(note, now)) return [];
  try {
    if (note) await undoMoves(note.moves);
    await endChange(dir);
    return [];
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    const when = note?.at ?? "an unknown date";
    return [`a change interrupted on ${when} could not be undone (${why}); its moves are listed here`];
  }
}

function parseNote(text: string): Note | undefined {
  try {
    const note = JSON.parse(text) as Note;
    const move = (m: Move) => typeof m.from === "string" && typeof m.to === "string";
    const valid = Array.isArray(note.moves) && note.moves.every(move);
    return valid && typeof note.owner?.pid === "number" ? note : undefined;
  } catch {
    // A note cut short was never acted on: it is written before the first move, whole, by rename.
    return undefined;
  }
}

/** Whether the process that wrote the note is gone. */
function abandoned(note: Note, now: number): boolean {
  const me = self();
  const { owner } = note;
  if (owner.pid === me.pid && owner.host === me.host) return Math.abs(owner.started - me.started) > 5_000;
  // A change takes milliseconds: one this old was abandoned, whoever holds the pid now.
  if (now - Date.parse(note.at) > ABANDONED_MS) return true;
  if (owner.host !== me.host) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Deletes `.*.tmp` files older than a save could take: a killed save leaves them. */
async function clearTemporaries(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(".") && n.endsWith(".tmp"))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && now - info.mtimeMs > STALE_TEMPORARY_MS) await unlink(file).catch(() => undefined);
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
