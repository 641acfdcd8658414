/**
 * Time in sentences and questions. Articles say 今年 and 去年; they are read against the article's
 * date. Questions say 今年 too; they are read against `now`, which the caller passes in.
 */

import { TARGET_WORDS } from "../../lexicon/frame.js";
import { alt, anyWord, anyWordLatinWhole } from "../../lexicon/match.js";
import {
  AS_OF_NOW,
  COMPARISON_WORDS,
  ENGLISH_PARTS_OF_YEAR,
  MONTH_SPANS,
  MONTHS,
  RELATIVE_YEARS,
  REVIEWED_YEAR,
  UNTIL,
  YEAR_IN_REVIEW_TITLES,
} from "../../lexicon/time.js";

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 三 → 3, 二十 → 20; undefined when it is not a small Chinese numeral. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch]!;
    else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === "千") {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

const RELATIVE_YEAR = RELATIVE_YEARS;
const RELATIVE_YEAR_WORD = anyWord(Object.keys(RELATIVE_YEARS), "g");

/**
 * The years an article speaks of where a sentence names none. A bulletin titled 2024年… is of 2024. A work
 * report given in 2025 reviews 2024 (its results, 过去一年) and sets 2025's targets. Other articles: their date's.
 */
export interface ArticleYears {
  /** The year of a result that names no time; undefined: the sentence has no period of its own. */
  readonly result?: number;
  /** The year of a target that names no time. */
  readonly target?: number;
  /** The year the article reviews, for 过去一年 (a work report's year before). */
  readonly reviewed?: number;
  /** The part of the year its title names (上半年各市经济: 1-6月), which its sentences speak of too. */
  readonly span?: string;
}

const REVIEW_TITLE = anyWord(YEAR_IN_REVIEW_TITLES);

/** The years an article's sentences speak of where they name none, from its title and date. */
export function articleYears(article: { readonly title: string; readonly date: string }): ArticleYears {
  // A title's 去年 (山西忻州去年GDP达…) is a year as surely as 2024年.
  const title =
    article.title.search(RELATIVE_YEAR_WORD) >= 0 ? resolveRelativeYears(article.title, article.date) : article.title;
  const named = titleYear(title);
  if (REVIEW_TITLE.test(article.title)) {
    // The year a work report is given in is its title's (2025年政府工作报告), or its date's.
    const given = named ?? Number(article.date.slice(0, 4));
    return { result: given - 1, target: given, reviewed: given - 1 };
  }
  // An article titled 上半年… speaks of that half of its year (or of the year its title names).
  const span = monthSpan(englishTimes(article.title, article.date));
  if (span) {
    const year = named ?? Number(article.date.slice(0, 4));
    return { result: year, target: year, span };
  }
  return named === undefined ? {} : { result: named, target: named };
}

const REVIEWED = anyWord(REVIEWED_YEAR, "g");

/**
 * Rewrites 今年/去年/前年 in `text` as years, read against `date` (YYYY-MM-DD), and a review's 过去一年 as
 * the year it reviews.
 */
export function resolveRelativeYears(text: string, date: string, years: ArticleYears = {}): string {
  const year = Number(date.slice(0, 4));
  // In a report on an earlier year (a bulletin on 2024, published in 2025), 上年 is the year before that one.
  const report = years.result;
  const before = report !== undefined && report < year ? report - 1 : year - 1;
  const reviewed = years.reviewed === undefined ? text : text.replace(REVIEWED, `${years.reviewed}年`);
  return reviewed.replace(RELATIVE_YEAR_WORD, (w) => `${w === "上年" ? before : year + RELATIVE_YEAR[w]!}年`);
}

const MONTH_SPAN: readonly (readonly [RegExp, string])[] = MONTH_SPANS.map(({ span, words }) => [anyWord(words), span]);

/** The span of a year that a text names (前三季度 → 1-9月), or "". */
export function monthSpan(text: string): string {
  for (const [pattern, span] of MONTH_SPAN) if (pattern.test(text)) return span;
  // Any other span of months: 1至8月, 1-8月, 3月至5月; a normalized question's 1-5月 reads 1 5月.
  const m = text.match(/(?<!\d)(\d{1,2})\s*月?\s*(?:-|—|～|~|至|到|\s)\s*(\d{1,2})\s*月/);
  return m && Number(m[1]) < Number(m[2]) && Number(m[2]) <= 12 ? `${Number(m[1])}-${Number(m[2])}月` : "";
}

/**
 * The period a sentence speaks of, resolved against its article's date: 2024年1-9月, 截至2024年10月底,
 * 2023年; 目前 as of the article's month (截至2024年11月); where it names no time, the year its article
 * speaks of (`years`), else "".
 */
export function periodOf(
  sentence: string,
  date: string,
  which: "first" | "last" = "first",
  years: ArticleYears = {},
): string {
  // A year named only as the base of a comparison (是去年同期的2.3倍, 较2023年增长) is not the period.
  const resolved = resolveRelativeYears(englishTimes(sentence, date).replace(COMPARISON, " "), date, years);
  const pick = (re: RegExp) => {
    const all = [...resolved.matchAll(new RegExp(re.source, "g"))];
    return which === "first" ? all[0] : all[all.length - 1];
  };
  const until = pick(/截至(\d{4})年(\d{1,2})月(底|末)?/);
  const year = pick(/(\d{4})年/);
  if (until && (!year || until.index! + 2 >= year.index!)) return `截至${until[1]}年${until[2]}月${until[3] ?? ""}`;
  if (year && Number(year[1]) >= 1900 && Number(year[1]) <= 2100) return `${year[1]}年${monthSpan(resolved)}`;
  // 截至7月底, 前三季度 or 1-7月 with no year of its own is of the article's year.
  const untilMonth = year ? null : resolved.match(UNTIL_MONTH);
  if (untilMonth) return `截至${Number(date.slice(0, 4))}年${Number(untilMonth[1])}月${untilMonth[2] ?? ""}`;
  const span = monthSpan(resolved);
  if (span) return `${Number(date.slice(0, 4))}年${span}`;
  // 目前 is the article's day; a sentence that names no time has no period of its own.
  if (AS_OF.test(resolved)) return `截至${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;
  // A bulletin titled 2024年… speaks of 2024 wherever a sentence names no time; a work report's targets are
  // of the year it is given in, its results of the year before.
  const undated = TARGET.test(resolved) ? (years.target ?? years.result) : years.result;
  // 全年 is the whole of that year, whatever part of it the article's title speaks of (确保全年增长6.5%).
  const whole = WHOLE_YEAR_WORD.test(resolved);
  if (whole && (undated !== undefined || years.span)) return `${undated ?? Number(date.slice(0, 4))}年`;
  return undated === undefined ? "" : `${undated}年${years.span ?? ""}`;
}

/** The one year an article's title names (忻州市2024年国民经济和社会发展统计公报), if it names exactly one. */
export function titleYear(title: string): number | undefined {
  const years = [...new Set([...title.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : undefined;
}

const MONTH_NAMES = MONTHS;

/**
 * English times rewritten as the Chinese the rest of this file reads: last year → 2024年, by the end of May →
 * 截至2025年5月底.
 */
/** The English names of parts of a year (the first three quarters, January to June) and the Chinese they are read as. */
const ENGLISH_PART_NAMES = new Map(
  ENGLISH_PARTS_OF_YEAR.filter(([, zh]) => zh !== "底").flatMap(([names, zh]) => names.map((n) => [n, zh] as const)),
);
const ENGLISH_PART = new RegExp(`\\b${alt([...ENGLISH_PART_NAMES.keys()])}\\b`, "gi");

function englishTimes(text: string, date: string): string {
  if (!/[A-Za-z]{3}/.test(text)) return text;
  const year = Number(date.slice(0, 4));
  return text
    .replace(/\b(?:by|as of|at) the end of (\w+)/gi, (whole, month: string) => {
      const m = MONTH_NAMES.indexOf(month.toLowerCase());
      return m >= 0 ? `截至${year}年${m + 1}月底` : /^(the )?year$/i.test(month) ? `${year}年` : whole;
    })
    .replace(ENGLISH_PART, (part) => ENGLISH_PART_NAMES.get(part.toLowerCase()) ?? part)
    .replace(/\b(?:the )?(?:full|whole) year\b/gi, "全年")
    .replace(/\blast year\b/gi, `${year - 1}年`)
    .replace(/\bthis year\b/gi, `${year}年`)
    .replace(/(?<![\d.,])((?:19|20)\d\d)(?![\d年])/g, "$1年");
}

const AS_OF = anyWord(AS_OF_NOW);
const WHOLE_YEAR_WORD = /全年/;
const TARGET = anyWordLatinWhole(TARGET_WORDS, "i");
const UNTIL_MONTH = new RegExp(`${alt(UNTIL)}(\\d{1,2})月(底|末)?`);

const PAST_YEAR = `(?:${alt(Object.keys(RELATIVE_YEARS).filter((w) => RELATIVE_YEARS[w]! < 0))}|(?:19|20)\\d\\d年)`;
const C = COMPARISON_WORDS;
// 去年同期 alone is a base (去年同期为…); 去年全年 alone is a time (去年全年，全县…), a base only with 与/较 or 相比.
const COMPARISON = new RegExp(
  [
    `${alt(C.before)}${PAST_YEAR}${alt(C.sameTime)}${alt(C.after)}?`,
    `${PAST_YEAR}${alt(C.sameTime)}${alt(C.after)}`,
    `${PAST_YEAR}同期`,
    `${alt(C.against)}${PAST_YEAR}`,
  ].join("|"),
  "g",
);

/** The first year a period names. */
export function yearOf(period: string): number | undefined {
  const m = period.match(/(\d{4})年/);
  return m ? Number(m[1]) : undefined;
}

/** The years a question asks about: explicit (2023年, 2023), or 今年/去年 read against `now`. */
export function questionYears(normalizedQuestion: string, now: Date): number[] {
  const years = new Set<number>();
  for (const m of normalizedQuestion.matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g)) years.add(Number(m[1]));
  const thisYear = now.getUTCFullYear();
  for (const m of normalizedQuestion.matchAll(RELATIVE_YEAR_WORD)) years.add(thisYear + RELATIVE_YEAR[m[0]]!);
  if (/\bthis year\b/.test(normalizedQuestion)) years.add(thisYear);
  if (/\blast year\b/.test(normalizedQuestion)) years.add(thisYear - 1);
  return [...years];
}
