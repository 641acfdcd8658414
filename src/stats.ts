/**
 * What people asked and what they thought of the answers: counts, the questions the bot could not
 * answer, and feedback on answers. `Stats` is the store's interface; this file keeps the embedded
 * default, files under DATA_DIR for one process (cluster/stats.ts keeps the same in Redis, for
 * replicas). User ids are stored as keyed hashes (users.ts). Everything kept is bounded: the files are
 * rotated at a size, and memory holds a limited number of distinct questions and days.
 */
import { appendFile, mkdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { HashUser } from "./users.js";

export interface StatsSnapshot {
  /** Since when `answered` and `unanswered` count. */
  readonly since: Date;
  /** Whose questions the counts hold: this process's (files) or every replica's (Redis). */
  readonly scope: "process" | "replicas";
  readonly answered: number;
  readonly unanswered: number;
  readonly answeredToday: number;
  readonly unansweredToday: number;
  /** Feedback on answers since `since`. */
  readonly helpful: number;
  readonly unhelpful: number;
  /** Most frequent unanswered questions (of those kept), most asked first. */
  readonly topUnanswered: readonly { readonly question: string; readonly count: number }[];
}

/** A user's verdict on an answer (the 👍/👎 buttons under it). */
export interface Feedback {
  readonly question: string;
  /** Which answer was judged (an id the bot gave it, such as a hash of its text and source). */
  readonly answerId: string;
  readonly helpful: boolean;
  readonly userId: number | undefined;
  readonly at: Date;
}

export interface Stats {
  /** A question and whether it was answered. Never waits for storage and never throws. */
  record(question: string, answered: boolean, userId: number | undefined, at: Date): void;
  /** Feedback on an answer. Never waits for storage and never throws. */
  feedback(entry: Feedback): void;
  /** Rejects when the store cannot be read (Redis down). */
  snapshot(at: Date): Promise<StatsSnapshot>;
  /** Resolves when every record so far is stored, or the store is unreachable for now. */
  flush(): Promise<void>;
  /** Records waiting for the store (Redis down); absent for the files. */
  readonly pending?: number;
  /** Every unanswered question kept (the rotated file, then the current one; or Redis's stream), oldest first. */
  unansweredLog(): Promise<UnansweredRecord[]>;
}

/** An unanswered question as kept: when, what, and the sender's hash (users.ts). */
export interface UnansweredRecord {
  readonly at: Date;
  readonly question: string;
  readonly user?: string;
}

export interface StatsOptions {
  /** Where the users are (IANA): the calendar day that /stats calls today. */
  readonly timeZone: string;
  /** How a user id is written into the file. */
  readonly hashUser: HashUser;
  readonly onError?: (e: unknown) => void;
  /** At this size a file becomes its `.1` file (replacing it) and a new one starts. Default 1 MiB. */
  readonly maxFileBytes?: number;
  /** Distinct unanswered questions counted in memory; past it the least asked is forgotten. Default 1000. */
  readonly maxQuestions?: number;
  /** The start of the counts (the process's start). Default: now. */
  readonly since?: Date;
}

interface Entry {
  t: string;
  q: string;
  u?: string;
}

export const UNANSWERED_FILE = "unanswered.jsonl";
export const UNANSWERED_OLDER_FILE = "unanswered.1.jsonl";
export const FEEDBACK_FILE = "feedback.jsonl";
export const FEEDBACK_OLDER_FILE = "feedback.1.jsonl";
/** The longest question kept, in characters (both stores). */
export const MAX_QUESTION_CHARS = 200;
/** Days counted; only today is shown. */
const MAX_DAYS = 7;

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string): (at: Date) => string {
  const calendar = new Intl.DateTimeFormat("sv-SE", { timeZone });
  return (at) => calendar.format(at);
}

export async function openStats(dataDir: string, options: StatsOptions): Promise<Stats> {
  const { hashUser, onError = () => {} } = options;
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const maxQuestions = options.maxQuestions ?? 1000;
  const since = options.since ?? new Date();
  const dayOf = dayIn(options.timeZone);
  const unansweredCounts = new Map<string, number>();
  const perDay = new Map<string, { answered: number; unanswered: number }>();
  let answered = 0;
  let unanswered = 0;
  let helpful = 0;
  let unhelpful = 0;

  const remember = (question: string) => {
    const key = question.trim().slice(0, MAX_QUESTION_CHARS);
    const count = unansweredCounts.get(key);
    if (count !== undefined) return void unansweredCounts.set(key, count + 1);
    if (unansweredCounts.size >= maxQuestions) unansweredCounts.delete(leastAsked(unansweredCounts));
    unansweredCounts.set(key, 1);
  };
  const dayAt = (at: Date) => {
    const key = dayOf(at);
    let day = perDay.get(key);
    if (!day) {
      perDay.set(key, (day = { answered: 0, unanswered: 0 }));
      if (perDay.size > MAX_DAYS) perDay.delete(perDay.keys().next().value!);
    }
    return day;
  };

  const unansweredLog = rotatingLog(path.join(dataDir, UNANSWERED_FILE), path.join(dataDir, UNANSWERED_OLDER_FILE), maxFileBytes);
  const feedbackLog = rotatingLog(path.join(dataDir, FEEDBACK_FILE), path.join(dataDir, FEEDBACK_OLDER_FILE), maxFileBytes);
  for (const line of await unansweredLog.read(onError)) {
    try {
      const e = JSON.parse(line) as Entry;
      if (typeof e.q === "string") remember(e.q);
      if (typeof e.t === "string") dayAt(new Date(e.t)).unanswered++;
    } catch {
      // A line cut short by a crash: skip it, keep the rest.
    }
  }
  await feedbackLog.size(onError);
  await mkdir(dataDir, { recursive: true }).catch(onError);

  let writing: Promise<void> = Promise.resolve();
  const write = (log: RotatingLog, entry: object) => {
    writing = writing.then(() => log.append(`${JSON.stringify(entry)}\n`)).catch(onError);
  };
  return {
    record(question, ok, userId, at) {
      const day = dayAt(at);
      if (ok) {
        answered++;
        day.answered++;
        return;
      }
      unanswered++;
      day.unanswered++;
      if (!question.trim()) return;
      remember(question);
      write(unansweredLog, { t: at.toISOString(), q: question.slice(0, MAX_QUESTION_CHARS), ...(userId ? { u: hashUser(userId) } : {}) } satisfies Entry);
    },
    feedback({ question, answerId, helpful: yes, userId, at }) {
      if (yes) helpful++;
      else unhelpful++;
      write(feedbackLog, { t: at.toISOString(), q: question.slice(0, MAX_QUESTION_CHARS), a: answerId, v: yes ? 1 : -1, ...(userId ? { u: hashUser(userId) } : {}) });
    },
    async snapshot(at) {
      const today = perDay.get(dayOf(at)) ?? { answered: 0, unanswered: 0 };
      return {
        since,
        scope: "process",
        answered,
        unanswered,
        answeredToday: today.answered,
        unansweredToday: today.unanswered,
        helpful,
        unhelpful,
        topUnanswered: topOf(unansweredCounts, 10),
      };
    },
    flush: () => writing,
    async unansweredLog() {
      await writing;
      const records: UnansweredRecord[] = [];
      for (const line of await unansweredLog.read(onError)) {
        try {
          const e = JSON.parse(line) as Entry;
          if (typeof e.q === "string" && typeof e.t === "string") records.push({ at: new Date(e.t), question: e.q, ...(e.u ? { user: e.u } : {}) });
        } catch {
          // A line cut short by a crash.
        }
      }
      return records;
    },
  };
}

/** The `n` most asked, most asked first. */
export function topOf(counts: Iterable<[string, number]>, n: number): { question: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([question, count]) => ({ question, count }));
}

interface RotatingLog {
  /** The lines of the older file, then of the current one. */
  read(onError: (e: unknown) => void): Promise<string[]>;
  /** Learns the current file's size without reading it whole. */
  size(onError: (e: unknown) => void): Promise<void>;
  append(line: string): Promise<void>;
}

/** An append-only file that becomes `older` (replacing it) when it would pass `maxBytes`. */
function rotatingLog(file: string, older: string, maxBytes: number): RotatingLog {
  let bytes = 0;
  const readText = async (name: string, onError: (e: unknown) => void) => {
    try {
      return await readFile(name, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") onError(e);
      return "";
    }
  };
  return {
    async read(onError) {
      const lines: string[] = [];
      for (const name of [older, file]) {
        const text = await readText(name, onError);
        if (name === file) bytes = Buffer.byteLength(text);
        lines.push(...text.split("\n").filter((l) => l.trim()));
      }
      return lines;
    },
    async size(onError) {
      bytes = await stat(file).then(
        (s) => s.size,
        (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? 0 : (onError(e), 0)),
      );
    },
    async append(line) {
      const size = Buffer.byteLength(line);
      if (bytes > 0 && bytes + size > maxBytes) {
        await rename(file, older).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== "ENOENT") throw e;
        });
        bytes = 0;
      }
      await appendFile(file, line);
      bytes += size;
    },
  };
}

/** The question asked least; of those, the one counted first. */
function leastAsked(counts: Map<string, number>): string {
  let least: [string, number] | undefined;
  for (const entry of counts) if (!least || entry[1] < least[1]) least = entry;
  return least![0];
}
