/**
 * A file of JSON records, one a line, appended to in order and bounded: at `maxBytes` it becomes its
 * older file (replacing that one) and a new one starts, so at most two files' worth is kept. A last
 * line cut short (power loss, a full disk) is closed before the next record, so that record is not
 * glued to it; reading skips a line that is not a record, and says so, instead of losing the file.
 */
import { appendFile, type FileHandle, mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";

export interface RotatingLog {
  /** Appends one record after those before it; rejects when the file cannot be written. */
  append(record: object): Promise<void>;
  /** The records of the older file, then of the current one, each as `parse` makes it; bad lines left out. */
  read<T>(parse: (value: unknown) => T | undefined): Promise<T[]>;
  /** Resolves once every append so far has been tried. */
  settled(): Promise<void>;
}

export interface RotatingLogOptions {
  /** At this size the file becomes `older`. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Told of a line skipped on reading, or of a file that could not be read (not of one that does not exist). */
  readonly onProblem?: (e: Error) => void;
}

/** `file` and its `older` file, both in `dir` (made on the first append). */
export function rotatingLog(dir: string, file: string, older: string, options: RotatingLogOptions = {}): RotatingLog {
  const current = path.join(dir, file);
  const previous = path.join(dir, older);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const onProblem = options.onProblem ?? (() => {});
  /** The current file's size, learned on the first append; and whether it ends in a line break. */
  let state: { bytes: number; open: boolean } | undefined;
  let writing: Promise<void> = Promise.resolve();

  const append = async (line: string) => {
    state ??= await tailOf(dir, current);
    const lead = state.open ? "\n" : "";
    const bytes = Buffer.byteLength(line) + lead.length;
    if (state.bytes > 0 && state.bytes + bytes > maxBytes) {
      await rename(current, previous).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
      });
      state = { bytes: 0, open: false };
      return append(line);
    }
    // Taken as written before the write: a write that fails may have left part of the line.
    state = { bytes: state.bytes + bytes, open: true };
    await appendFile(current, lead + line);
    state.open = false;
  };

  const linesOf = async (name: string, parse: (value: unknown) => unknown, into: unknown[]) => {
    let text: string;
    try {
      text = await readFile(path.join(dir, name), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") onProblem(e as Error);
      return;
    }
    const bad: number[] = [];
    text.split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      let record: unknown;
      try {
        record = parse(JSON.parse(line));
      } catch {
        record = undefined;
      }
      if (record === undefined) bad.push(i + 1);
      else into.push(record);
    });
    // Which lines, never what they hold: they may quote what people asked.
    if (!bad.length) return;
    onProblem(new Error(`${name}: ${bad.length} line(s) not a record, skipped (line ${bad.slice(0, 5).join(", ")})`));
  };

  return {
    append(record) {
      const done = writing.then(() => append(`${JSON.stringify(record)}\n`));
      writing = done.catch(() => {});
      return done;
    },
    async read<T>(parse: (value: unknown) => T | undefined) {
      await writing;
      const records: T[] = [];
      await linesOf(older, parse, records);
      await linesOf(file, parse, records);
      return records;
    },
    settled: () => writing,
  };
}

/** The size of `file` and whether its last line is unfinished, without reading it whole. */
async function tailOf(dir: string, file: string): Promise<{ bytes: number; open: boolean }> {
  await mkdir(dir, { recursive: true });
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { bytes: 0, open: false };
    throw e;
  }
  try {
    const { size } = await handle.stat();
    if (!size) return { bytes: 0, open: false };
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return { bytes: size, open: last[0] !== 0x0a };
  } finally {
    await handle.close();
  }
}
