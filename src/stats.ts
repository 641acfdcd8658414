/**
 * What people asked and what they thought of the answers: counts, the questions the bot could not
 * answer, and the counts of 👍/👎 (what a 👎 was about is the feedback store's, feedback.ts). `Stats` is
 * the store's interface; this file keeps the embedded default, a file under DATA_DIR for one process
 * (cluster/stats.ts keeps the same in Redis, for replicas). User ids are stored as keyed hashes
 * (users.ts). Everything kept is bounded: the file is rotated at a size (records/rotating-log.ts), and
 * memory holds a limited number of distinct questions and days.
 */
import { rotatingLog } from "./records/rotating-log.js";
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

/** A user's verdict on an answer (the 👍/👎 buttons under it), as counted: whether it helped, and when. */
export interface Feedback {
  readonly helpful: boolean;
  readonly at: Date;
}

export interface Stats {
  /** A question and whether it was answered. Never waits for storage and never throws. */
  record(question: string, answered: boolean, userId: number | undefined, at: Date): void;
  /** Counts a vote on an answer. Never waits for storage and never throws. */
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
  /** Told of a file that cannot be written or read, or of a line in it that is not a record. */
  readonly onError?: (e: unknown) => void;
  /** At this size the file becomes its `.1` file (replacing it) and a new one starts. Default 1 MiB. */
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
      day = { answered: 0, unanswered: 0 };
      perDay.set(key, day);
      if (perDay.size > MAX_DAYS) perDay.delete(perDay.keys().next().value!);
    }
    return day;
  };

  const log = rotatingLog(dataDir, UNANSWERED_FILE, UNANSWERED_OLDER_FILE, {
    maxBytes: maxFileBytes,
    onProblem: onError,
  });
  for (const e of await log.read(parseEntry)) {
    remember(e.question);
    dayAt(e.at).unanswered++;
  }

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
      const who = userId ? { u: hashUser(userId) } : {};
      const entry: Entry = { t: at.toISOString(), q: question.slice(0, MAX_QUESTION_CHARS), ...who };
      log.append(entry).catch(onError);
    },
    feedback({ helpful: yes }) {
      if (yes) helpful++;
      else unhelpful++;
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
    flush: () => log.settled(),
    unansweredLog: () => log.read(parseEntry),
  };
}

/** A line of the file as a record, or undefined when it is not one. */
function parseEntry(value: unknown): UnansweredRecord | undefined {
  const e = value as Partial<Entry> | null;
  if (typeof e?.q !== "string" || typeof e.t !== "string" || Number.isNaN(Date.parse(e.t))) return undefined;
  return { at: new Date(e.t), question: e.q, ...(typeof e.u === "string" && e.u ? { user: e.u } : {}) };
}

/** The `n` most asked, most asked first. */
export function topOf(counts: Iterable<[string, number]>, n: number): { question: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([question, count]) => ({ question, count }));
}

/** The question asked least; of those, the one counted first. */
function leastAsked(counts: Map<string, number>): string {
  let least: [string, number] | undefined;
  for (const entry of counts) if (!least || entry[1] < least[1]) least = entry;
  return least![0];
}
