/**
 * What people asked: counts since start and today, and the questions the bot could not answer, kept
 * in an append-only file under DATA_DIR so they survive restarts. User ids are stored as keyed hashes
 * (users.ts). Everything kept is bounded: the file is rotated at a size, and memory holds a limited
 * number of distinct questions and days.
 */
import { appendFile, mkdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { HashUser } from "./users.js";

export interface StatsSnapshot {
  readonly answered: number;
  readonly unanswered: number;
  readonly answeredToday: number;
  readonly unansweredToday: number;
  /** Most frequent unanswered questions (of those kept), most asked first. */
  readonly topUnanswered: readonly { readonly question: string; readonly count: number }[];
}

export interface Stats {
  record(question: string, answered: boolean, userId: number | undefined, at: Date): void;
  snapshot(at: Date): StatsSnapshot;
  /** Resolves when every record so far is on disk. */
  flush(): Promise<void>;
  /** Every unanswered question kept (the rotated file, then the current one), oldest first. */
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
  /** At this size unanswered.jsonl becomes unanswered.1.jsonl (replacing it) and a new one starts. Default 1 MiB. */
  readonly maxFileBytes?: number;
  /** Distinct unanswered questions counted in memory; past it the least asked is forgotten. Default 1000. */
  readonly maxQuestions?: number;
}

interface Entry {
  t: string;
  q: string;
  u?: string;
}

export const UNANSWERED_FILE = "unanswered.jsonl";
export const UNANSWERED_OLDER_FILE = "unanswered.1.jsonl";
const MAX_QUESTION_CHARS = 200;
/** Days counted; only today is shown. */
const MAX_DAYS = 7;

export async function openStats(dataDir: string, options: StatsOptions): Promise<Stats> {
  const { hashUser, onError = () => {} } = options;
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const maxQuestions = options.maxQuestions ?? 1000;
  const file = path.join(dataDir, UNANSWERED_FILE);
  const older = path.join(dataDir, UNANSWERED_OLDER_FILE);
  const calendar = new Intl.DateTimeFormat("sv-SE", { timeZone: options.timeZone });
  const dayOf = (d: Date) => calendar.format(d);
  const unansweredCounts = new Map<string, number>();
  const perDay = new Map<string, { answered: number; unanswered: number }>();
  let answered = 0;
  let unanswered = 0;
  let fileBytes = 0;

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

  for (const name of [older, file]) {
    let text: string;
    try {
      text = await readFile(name, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") onError(e);
      continue;
    }
    if (name === file) fileBytes = Buffer.byteLength(text);
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as Entry;
        if (typeof e.q === "string") remember(e.q);
        if (typeof e.t === "string") dayAt(new Date(e.t)).unanswered++;
      } catch {
        // A line cut short by a crash: skip it, keep the rest.
      }
    }
  }
  await mkdir(dataDir, { recursive: true }).catch(onError);

  const append = async (line: string) => {
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

  let writing: Promise<void> = Promise.resolve();
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
      const entry: Entry = { t: at.toISOString(), q: question.slice(0, MAX_QUESTION_CHARS), ...(userId ? { u: hashUser(userId) } : {}) };
      writing = writing.then(() => append(`${JSON.stringify(entry)}\n`)).catch(onError);
    },
    snapshot(at) {
      const today = perDay.get(dayOf(at)) ?? { answered: 0, unanswered: 0 };
      const topUnanswered = [...unansweredCounts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([question, count]) => ({ question, count }));
      return { answered, unanswered, answeredToday: today.answered, unansweredToday: today.unanswered, topUnanswered };
    },
    flush: () => writing,
    async unansweredLog() {
      await writing;
      const records: UnansweredRecord[] = [];
      for (const name of [older, file]) {
        const text = await readFile(name, "utf8").catch(() => "");
        for (const line of text.split("\n")) {
          if (!line.trim()) continue;
          try {
            const e = JSON.parse(line) as Entry;
            if (typeof e.q === "string" && typeof e.t === "string") records.push({ at: new Date(e.t), question: e.q, ...(e.u ? { user: e.u } : {}) });
          } catch {
            // A line cut short by a crash.
          }
        }
      }
      return records;
    },
  };
}

/** The question asked least; of those, the one counted first. */
function leastAsked(counts: Map<string, number>): string {
  let least: [string, number] | undefined;
  for (const entry of counts) if (!least || entry[1] < least[1]) least = entry;
  return least![0];
}
