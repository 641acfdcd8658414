/**
 * What users thought of answers: 👍 and 👎 under each answer. A 👎 is kept with the question, the
 * answer and its article, so an admin can see what went wrong; a 👍 only as a vote on its article.
 * Stored behind a small interface (record, list): one process keeps its file, replicas keep the
 * stream in Redis that every replica's /stats reads (cluster/stats.ts). The counts of /stats come
 * from the stats store (stats.ts), which keeps no feedback of its own.
 *
 * The file store appends to DATA_DIR/feedback.jsonl, rotated at a size into feedback.1.jsonl (the
 * older one replaced; records/rotating-log.ts). User ids arrive hashed.
 */
import { rotatingLog } from "./records/rotating-log.js";

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
  /** Resolves once the vote is stored, or buffered for a store that is away (Redis). */
  record(entry: FeedbackEntry): Promise<void>;
  /** Everything kept, oldest first. */
  list(): Promise<FeedbackEntry[]>;
}

export const FEEDBACK_FILE = "feedback.jsonl";
export const FEEDBACK_OLDER_FILE = "feedback.1.jsonl";
const MAX_TEXT_CHARS = 500;

/** A record as the file and the stream keep it: short names, absent fields left out. */
interface Line {
  t: string;
  v: "up" | "down";
  a?: string;
  q?: string;
  r?: string;
  u?: string;
}

/** The entry as it is written: its texts clipped, what a 👍 does not keep left out. */
export function feedbackLine(entry: FeedbackEntry): Line {
  const clip = (s: string | undefined) => s?.slice(0, MAX_TEXT_CHARS);
  const down = entry.vote === "down";
  return {
    t: entry.at.toISOString(),
    v: entry.vote,
    ...(entry.article ? { a: entry.article } : {}),
    ...(down && entry.question ? { q: clip(entry.question) } : {}),
    ...(down && entry.answer ? { r: clip(entry.answer) } : {}),
    ...(down && entry.user ? { u: entry.user } : {}),
  };
}

/** A line read back (from the file or a stream entry's fields), or undefined when it is not one. */
export function parseFeedback(value: unknown): FeedbackEntry | undefined {
  if (!value || typeof value !== "object") return undefined;
  const l = value as Partial<Record<keyof Line, unknown>>;
  if ((l.v !== "up" && l.v !== "down") || typeof l.t !== "string" || Number.isNaN(Date.parse(l.t))) return undefined;
  const text = (s: unknown) => (typeof s === "string" && s ? s : undefined);
  const [article, question, answer, user] = [text(l.a), text(l.q), text(l.r), text(l.u)];
  return {
    at: new Date(l.t),
    vote: l.v,
    ...(article ? { article } : {}),
    ...(question ? { question } : {}),
    ...(answer ? { answer } : {}),
    ...(user ? { user } : {}),
  };
}

/** The store in `dataDir`; at `maxFileBytes` (default 1 MiB) the file becomes the older one. */
export function fileFeedback(
  dataDir: string,
  options: { maxFileBytes?: number; onProblem?: (e: Error) => void } = {},
): FeedbackStore {
  const log = rotatingLog(dataDir, FEEDBACK_FILE, FEEDBACK_OLDER_FILE, {
    ...(options.maxFileBytes ? { maxBytes: options.maxFileBytes } : {}),
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  });
  return {
    record: (entry) => log.append(feedbackLine(entry)),
    list: () => log.read(parseFeedback),
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
    else
      byAnswer.set(key, {
        question: e.question ?? "",
        answer: e.answer ?? "",
        ...(e.article ? { article: e.article } : {}),
        count: 1,
      });
  }
  const worst = [...byAnswer.values()].sort((a, b) => b.count - a.count).slice(0, top);
  return { up, down: downs.length, worst };
}
