/**
 * What users thought of answers: 👍 and 👎 under each answer. A 👎 is kept with the question, the
 * answer and its article, so an admin can see what went wrong; a 👍 only as a count. Stored behind
 * a small interface (record, list) so that a shared store (Redis) can take the file's place.
 *
 * The file store appends to DATA_DIR/feedback.jsonl, rotated at a size into feedback.1.jsonl (the
 * older one replaced), as stats.ts does with the unanswered questions. User ids arrive hashed.
 */
import { appendFile, mkdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";

export interface FeedbackEntry {
  readonly at: Date;
  readonly vote: "up" | "down";
  /** The article the answer cites (its id), if it cites one. */
  readonly article?: string;
  /** Kept for 👎 only. */
  readonly question?: string;
  readonly answer?: string;
  /** The user's hash (users.ts), for 👎 only. */
  readonly user?: string;
}

export interface FeedbackStore {
  record(entry: FeedbackEntry): Promise<void>;
  /** Everything kept, oldest first. */
  list(): Promise<FeedbackEntry[]>;
}

export const FEEDBACK_FILE = "feedback.jsonl";
export const FEEDBACK_OLDER_FILE = "feedback.1.jsonl";
const MAX_TEXT_CHARS = 500;

interface Line {
  t: string;
  v: "up" | "down";
  a?: string;
  q?: string;
  r?: string;
  u?: string;
}

/** The store in `dataDir`; at `maxFileBytes` (default 1 MiB) the file becomes the older one. */
export function fileFeedback(dataDir: string, options: { maxFileBytes?: number } = {}): FeedbackStore {
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const file = path.join(dataDir, FEEDBACK_FILE);
  const older = path.join(dataDir, FEEDBACK_OLDER_FILE);
  let fileBytes: number | undefined;
  let writing: Promise<void> = Promise.resolve();

  const append = async (line: string) => {
    if (fileBytes === undefined) {
      await mkdir(dataDir, { recursive: true });
      fileBytes = await stat(file).then((s) => s.size, () => 0);
    }
    const bytes = Buffer.byteLength(line);
    if (fileBytes > 0 && fileBytes + bytes > maxFileBytes) {
      await rename(file, older).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
      });
      fileBytes = 0;
    }
    await appendFile(file, line);
    fileBytes += bytes;
  };

  return {
    record(entry) {
      const clip = (s: string | undefined) => s?.slice(0, MAX_TEXT_CHARS);
      const line: Line = {
        t: entry.at.toISOString(),
        v: entry.vote,
        ...(entry.article ? { a: entry.article } : {}),
        ...(entry.question ? { q: clip(entry.question) } : {}),
        ...(entry.answer ? { r: clip(entry.answer) } : {}),
        ...(entry.user ? { u: entry.user } : {}),
      };
      const done = writing.then(() => append(`${JSON.stringify(line)}\n`));
      writing = done.catch(() => {});
      return done;
    },
    async list() {
      await writing;
      const entries: FeedbackEntry[] = [];
      for (const name of [older, file]) {
        const text = await readFile(name, "utf8").catch(() => "");
        for (const raw of text.split("\n")) {
          if (!raw.trim()) continue;
          try {
            const l = JSON.parse(raw) as Line;
            if (l.v !== "up" && l.v !== "down") continue;
            entries.push({
              at: new Date(l.t),
              vote: l.v,
              ...(l.a ? { article: l.a } : {}),
              ...(l.q ? { question: l.q } : {}),
              ...(l.r ? { answer: l.r } : {}),
              ...(l.u ? { user: l.u } : {}),
            });
          } catch {
            // A line cut short by a crash.
          }
        }
      }
      return entries;
    },
  };
}

/** The counts and the answers most voted down, most first, for /stats. */
export function summarizeFeedback(entries: readonly FeedbackEntry[], top = 5) {
  const up = entries.filter((e) => e.vote === "up").length;
  const downs = entries.filter((e) => e.vote === "down");
  const byAnswer = new Map<string, { question: string; answer: string; article?: string; count: number }>();
  for (const e of downs) {
    const key = `${e.answer ?? ""}\u0000${e.article ?? ""}`;
    const seen = byAnswer.get(key);
    if (seen) seen.count++;
    else byAnswer.set(key, { question: e.question ?? "", answer: e.answer ?? "", ...(e.article ? { article: e.article } : {}), count: 1 });
  }
  const worst = [...byAnswer.values()].sort((a, b) => b.count - a.count).slice(0, top);
  return { up, down: downs.length, worst };
}
