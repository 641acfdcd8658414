/**
 * Clauses: a sentence split at commas, semicolons and colons outside quotation marks and brackets, and
 * the groups a clause belongs to (同比增长6.7% goes on from the clause before it).
 */
import { ASIDE_ENDINGS, CONTINUING } from "../../lexicon/clauses.js";
import { HOLIDAYS } from "../../lexicon/frame.js";
import { alt } from "../../lexicon/match.js";
import { FROM_OR_TO, OTHER_TIMES, PARTS_OF_YEAR, RELATIVE_YEARS, REPORTING } from "../../lexicon/time.js";
import type { Fact } from "../../model/knowledge.js";
import { findFigures } from "./figures.js";

export interface Span {
  readonly index: number;
  readonly length: number;
}

export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const OPEN = "“‘《（(「『【";
const CLOSE = "”’》）)」』】";
const BREAK = ",，;；:：。！？!?";

/** Clauses of a sentence, split at commas, semicolons and colons outside quotation marks and brackets. */
export function splitClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    // A comma between digits groups thousands (11,000間): it splits nothing.
    else if (
      depth === 0 &&
      BREAK.includes(ch) &&
      !(ch === "," && /\d/.test(sentence[i - 1] ?? "") && /\d{3}/.test(sentence.slice(i + 1, i + 4)))
    ) {
      if (i > start) out.push({ start, end: i, text: sentence.slice(start, i) });
      start = i + 1;
    }
  }
  if (start < sentence.length) out.push({ start, end: sentence.length, text: sentence.slice(start) });
  return /\p{Script=Han}/u.test(sentence) ? out : out.flatMap(splitEnglish);
}

/** Where an English clause joins two figures' clauses: "…averaging 26,643 yuan and rural residents averaging …". */
const ENGLISH_JOIN = /\s+(?:and|whereas|while|with)\s+(?=[a-z][a-z\s-]*?\b\d)/gi;

/** An English clause split before each joining word whose part goes on to a figure of its own. */
function splitEnglish(c: Clause): Clause[] {
  if (!/\d[^\d]+\d/.test(c.text)) return [c];
  const out: Clause[] = [];
  let from = 0;
  for (const m of c.text.matchAll(ENGLISH_JOIN)) {
    if (!/\d/.test(c.text.slice(from, m.index))) continue;
    out.push({ start: c.start + from, end: c.start + m.index!, text: c.text.slice(from, m.index) });
    from = m.index! + m[0].length;
  }
  if (!out.length) return [c];
  out.push({ start: c.start + from, end: c.end, text: c.text.slice(from) });
  return out;
}

const HOLIDAY_WORDS = Object.values(HOLIDAYS)
  .flat()
  .filter((w) => /\p{Script=Han}/u.test(w));
/** A five-year plan's period: “十二五”期间, 十四五时期, “十三五”末. */
export const PLAN_PERIOD = /^[“"‘]?十[一二三四五六七八九]五[”"’]?(?:期间|時期|时期|末|以来|规划期)?$/;
/** A clause that only says when: 今年前三季度, 截至今年10月底, 2023年, 目前, “十二五”期间. */
export const TIME_CLAUSE = new RegExp(
  `^${alt(REPORTING)}?(?:${PLAN_PERIOD.source.slice(1, -1)}$|` +
    `${alt(FROM_OR_TO)}?(?:${alt(Object.keys(RELATIVE_YEARS))}|\\d{4}年)?` +
    `(?:${alt(PARTS_OF_YEAR)}|\\d{1,2}月(?:至|到|-)\\d{1,2}月|\\d{1,2}月(?:底|末)?|\\d{1,2}月\\d{1,2}日|${alt(OTHER_TIMES)})?` +
    // A holiday is a time too: 今年国庆中秋假期, 春节期间.
    `(?:(?:${alt(HOLIDAY_WORDS)}|除夕|初[一二三四五六七八九十]{1,2}|大年初[一二三四五六七八九十])(?:到|至|—|-)?){0,3}` +
    "(?:假期|期间|黄金周|长假)?$)",
);
/** A clause that goes on from the one before it and makes no sense alone. */
const CONTINUES = new RegExp(`^${alt(CONTINUING)}`);
/** A clause that says how the figure after it was reckoned (按不变价格计算): the group goes on across it. */
const ASIDE = new RegExp(`${alt(ASIDE_ENDINGS)}$`);
/** The first clause of the group that clause `i` belongs to: 同比增长6.7% goes on from the clause before. */
export function groupStart(clauses: readonly Clause[], i: number): number {
  let lo = i;
  while (lo > 0 && CONTINUES.test(clauses[lo]!.text.trimStart()) && !TIME_CLAUSE.test(clauses[lo - 1]!.text)) {
    lo--;
    if (lo > 0 && ASIDE.test(clauses[lo]!.text)) lo--;
  }
  return lo;
}

/** Where each of a fact's values is written in its quote, with its unit as the article writes it. */
export function valueSpans(fact: Fact): Span[] {
  const figures = findFigures(fact.quote);
  const spans: Span[] = [];
  for (const v of fact.values) {
    if (typeof v === "number" || /^\d+(\.\d+)?$/.test(v)) {
      const n = Number(v);
      const fig =
        figures.find((f) => f.value === n && f.unit === fact.unit.normalize("NFKC")) ??
        figures.find((f) => f.value === n) ??
        undefined;
      if (fig) {
        spans.push({ index: fig.index, length: fig.text.length });
        continue;
      }
    }
    const text = String(v);
    const index = fact.quote.indexOf(text);
    if (index >= 0) spans.push({ index, length: text.length });
  }
  return spans;
}
