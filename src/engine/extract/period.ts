/**
 * When a figure is of, made explicit: 今年前三季度 → 2024年前三季度, 截至10月底 → 截至2024年10月底, 国庆 →
 * 2024年国庆, “十四五” → 十四五. Read from the text before the figure, else its whole sentence, the section
 * heading, the title; a government work report's results are of the year before it, its targets of its year.
 */
import {
  AMBIGUOUS_HOLIDAY_WORDS,
  ENGLISH_PARTS,
  FIVE_YEAR_PLANS,
  HOLIDAY_EVE_WORDS,
  PAST_YEAR_WORDS,
} from "../../lexicon/extraction.js";
import { HOLIDAYS } from "../../lexicon/frame.js";
import { alt, anyWordLatinWhole } from "../../lexicon/match.js";
import { MONTH_SPANS } from "../../lexicon/time.js";
import { periodOf } from "../read/periods.js";
import type { ArticleContext } from "./context.js";

export type Status = "result" | "target" | "forecast";

const PLAN = new RegExp(alt(FIVE_YEAR_PLANS), "g");
const HOLIDAY_WORDS = Object.entries(HOLIDAYS).map(([name, words]) => {
  const own = [...words, ...(HOLIDAY_EVE_WORDS[name] ?? [])].filter((w) => !AMBIGUOUS_HOLIDAY_WORDS.includes(w));
  return [name, anyWordLatinWhole(own, "i")] as const;
});
const PAST_YEAR = anyWordLatinWhole(PAST_YEAR_WORDS, "i");
/** The named part of a year for each span of months periodOf writes (1-9月 → 前三季度). */
const SPAN_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  MONTH_SPANS.filter(({ words }) => /[季半个]/.test(words[0]!)).map(({ span, words }) => [span, words[0]!]),
);
const ENGLISH_PART = ENGLISH_PARTS.map(([en, zh]) => [new RegExp(`\\b${en}\\b`, "gi"), zh] as const);
const UNTIL = /截[至止](?:(\d{4})年)?(\d{1,2})月(\d{1,2}[日号]|底|末)?/g;
const YEAR_END = /截[至止](\d{4})年(底|末)/g;

/** The period a text names, or "": the last time named wins, since it is the nearest to the figure. */
export function namedPeriod(text: string, ctx: ArticleContext, which: "first" | "last" = "last"): string {
  const plans = [...text.matchAll(PLAN)];
  const plan = plans.length ? plans[plans.length - 1]![0] : "";
  const base = plan ? "" : untilOf(text, ctx) || yearOf(text, ctx, which);
  const holidays = holidaysIn(text);
  if (plan) return plan;
  if (!holidays) return base;
  return `${base ? base.replace(/年.*$/, "年") : `${ctx.year}年`}${holidays}`;
}

function untilOf(text: string, ctx: ArticleContext): string {
  const ends = [...text.matchAll(YEAR_END)];
  const all = [...text.replace(/今年|本年/g, `${ctx.year}年`).matchAll(UNTIL)];
  const m = all[all.length - 1];
  if (m) return `截至${m[1] ?? ctx.year}年${Number(m[2])}月${m[3] ?? ""}`;
  const e = ends[ends.length - 1];
  return e ? `截至${e[1]}年${e[2]}` : "";
}

function yearOf(written: string, ctx: ArticleContext, which: "first" | "last"): string {
  if (ctx.workReport && PAST_YEAR.test(written)) return `${ctx.year - 1}年`;
  const text = ENGLISH_PART.reduce((t, [re, zh]) => t.replace(re, zh), written);
  const found = periodOf(text, ctx.date, which);
  if (!found) return "";
  const m = found.match(/^(\d{4}年)(\d{1,2}-\d{1,2}月)$/);
  return m ? `${m[1]}${SPAN_NAMES[m[2]!] ?? m[2]}` : found;
}

/** The holidays a text names, in the lexicon's order (国庆中秋). */
export function holidaysIn(text: string): string {
  return HOLIDAY_WORDS.filter(([, re]) => re.test(text.replace(PLAN, "")))
    .map(([name]) => name)
    .join("");
}

/** Where a figure's period is read from, nearest first. */
export interface PeriodSources {
  /** The sentence up to the figure. */
  readonly before: string;
  readonly sentence: string;
  readonly heading: string;
}

export function periodOfFigure(src: PeriodSources, status: Status, ctx: ArticleContext): string {
  const own = namedPeriod(src.before, ctx) || namedPeriod(src.sentence, ctx, "first") || namedPeriod(src.heading, ctx);
  // 该县力争全年… speaks of the whole year, not of the holiday its article is about.
  if (own) return /全年|今年/.test(src.sentence) ? own : withTitleHoliday(own, ctx);
  // A work report reviews the year before it is given and sets targets for the year it is given in.
  if (ctx.workReport) return `${status === "result" ? ctx.year - 1 : ctx.year}年`;
  return namedPeriod(ctx.title, ctx) || (ctx.titleYear ? `${ctx.titleYear}年` : "");
}

/** A holiday article's figures are of the holiday its title names, when their own text names the year only. */
function withTitleHoliday(own: string, ctx: ArticleContext): string {
  if (!/^\d{4}年$/.test(own) || Number(own.slice(0, 4)) !== ctx.year) return own;
  const holiday = holidaysIn(ctx.title);
  return holiday ? `${own}${holiday}` : own;
}
