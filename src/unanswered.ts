/**
 * The questions the bot could not answer, grouped by what they ask: the same words once NFKC,
 * traditional → simplified, punctuation and question words are taken out (北京GDP是多少？ and
 * 北京 GDP 多少 are one group). Pure: records in, groups and CSV text out.
 */
import { normalize } from "./engine/text.js";
import type { UnansweredRecord } from "./stats.js";

/** Words that say a question is asked, not what it asks; longest first so that 是多少 goes before 多少. */
const QUESTION_WORDS = [
  "请问一下",
  "请问",
  "是多少",
  "有多少",
  "多少",
  "是什么",
  "什么",
  "有哪些",
  "哪些",
  "哪个",
  "哪里",
  "哪儿",
  "是谁",
  "谁",
  "怎么样",
  "怎样",
  "怎么",
  "如何",
  "是否",
  "有没有",
  "是不是",
  "几",
  "吗",
  "呢",
  "呀",
  "啊",
  "吧",
  "么",
  "的",
  "了",
  "how many",
  "how much",
  "what is",
  "what",
  "which",
  "who",
].sort((a, b) => b.length - a.length);
const QUESTION_WORD = new RegExp(QUESTION_WORDS.map((w) => w.replace(/\s/g, "\\s")).join("|"), "g");

/** What a question asks, as a key: equal for questions that differ only in form. */
export function questionKey(question: string): string {
  const key = normalize(question).replace(QUESTION_WORD, " ").replace(/\s+/g, "");
  return key || normalize(question).replace(/\s+/g, "");
}

export interface QuestionGroup {
  readonly key: string;
  readonly count: number;
  /** The most recent question of the group, as asked. */
  readonly example: string;
  readonly last: Date;
}

/** Groups of the questions asked in the `days` before `now`, most asked first (then most recent). */
export function groupUnanswered(records: readonly UnansweredRecord[], now: Date, days: number): QuestionGroup[] {
  const since = now.getTime() - days * 24 * 60 * 60 * 1000;
  const groups = new Map<string, { key: string; count: number; example: string; last: Date }>();
  for (const r of records) {
    const t = r.at.getTime();
    if (!(t > since && t <= now.getTime())) continue;
    const key = questionKey(r.question);
    if (!key) continue;
    const g = groups.get(key);
    if (!g) groups.set(key, { key, count: 1, example: r.question, last: r.at });
    else {
      g.count++;
      if (t >= g.last.getTime()) Object.assign(g, { example: r.question, last: r.at });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.last.getTime() - a.last.getTime());
}

/**
 * One CSV field: quoted when it must be, quotes doubled. A spreadsheet runs a cell that starts with
 * = + - @ as a formula, and one that starts with a tab, CR or LF too once it strips them: those get a '.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** time, question, user hash, answered (whether the knowledge answers it now), one row per record. */
export function unansweredCsv(
  records: readonly UnansweredRecord[],
  answeredNow: (question: string) => boolean | undefined,
): string {
  const rows = [["time", "question", "user_hash", "answered"]];
  for (const r of records) {
    const answered = answeredNow(r.question);
    rows.push([r.at.toISOString(), r.question, r.user ?? "", answered === undefined ? "" : answered ? "yes" : "no"]);
  }
  // A byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
