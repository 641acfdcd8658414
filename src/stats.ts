/**
 * What people asked: counts since start and today, and the questions the bot could not answer, kept
 * in an append-only file under DATA_DIR so they survive restarts. User ids are stored hashed.
 */
import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface StatsSnapshot {
  readonly answered: number;
  readonly unanswered: number;
  readonly answeredToday: number;
  readonly unansweredToday: number;
  /** Most frequent unanswered questions, all time, most asked first. */
  readonly topUnanswered: readonly { readonly question: string; readonly count: number }[];
}

export interface Stats {
  record(question: string, answered: boolean, userId: number | undefined, at: Date): void;
  snapshot(at: Date): StatsSnapshot;
  /** Resolves when every record so far is on disk. */
  flush(): Promise<void>;
}

interface Entry {
  t: string;
  q: string;
  u?: string;
}

const FILE = "unanswered.jsonl";
const MAX_KEPT = 200;

/** The calendar day in China, where the bot's users are. */
const dayOf = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

export function hashUser(id: number): string {
  return createHash("sha256").update(`xinzhou-bot-user:${id}`).digest("hex").slice(0, 16);
}

export async function openStats(dataDir: string, onError: (e: unknown) => void = () => {}): Promise<Stats> {
  const file = path.join(dataDir, FILE);
  const unansweredCounts = new Map<string, number>();
  const perDay = new Map<string, { answered: number; unanswered: number }>();
  let answered = 0;
  let unanswered = 0;

  const remember = (question: string) => {
    const key = question.trim().slice(0, MAX_KEPT);
    unansweredCounts.set(key, (unansweredCounts.get(key) ?? 0) + 1);
  };

  try {
    for (const line of (await readFile(file, "utf8")).split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as Entry;
        if (typeof e.q === "string") remember(e.q);
        if (typeof e.t === "string") {
          const day = perDay.get(dayOf(new Date(e.t))) ?? { answered: 0, unanswered: 0 };
          day.unanswered++;
          perDay.set(dayOf(new Date(e.t)), day);
        }
      } catch {
        // A line cut short by a crash: skip it, keep the rest.
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") onError(e);
  }
  await mkdir(dataDir, { recursive: true }).catch(onError);

  let writing: Promise<void> = Promise.resolve();
  return {
    record(question, ok, userId, at) {
      const day = perDay.get(dayOf(at)) ?? { answered: 0, unanswered: 0 };
      perDay.set(dayOf(at), day);
      if (ok) {
        answered++;
        day.answered++;
        return;
      }
      unanswered++;
      day.unanswered++;
      if (!question.trim()) return;
      remember(question);
      const entry: Entry = { t: at.toISOString(), q: question.slice(0, MAX_KEPT), ...(userId ? { u: hashUser(userId) } : {}) };
      writing = writing.then(() => appendFile(file, `${JSON.stringify(entry)}\n`)).catch(onError);
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
  };
}
