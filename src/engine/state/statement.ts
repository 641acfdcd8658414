/**
 * The direct answer, cut from the quote itself: the clauses that hold the figure, with 今年 read as
 * its year, 该市 as the place meant, and the period in front. Every figure in it is the quote's own.
 */
import { CONNECTIVES, REFERRED_OTHERS, REFERRED_PLACES, REFERRING } from "../../lexicon/clauses.js";
import { alt } from "../../lexicon/match.js";
import { REPORTING } from "../../lexicon/time.js";
import { groupStart, type Span, splitClauses, TIME_CLAUSE } from "../read/clauses.js";
import { resolveRelativeYears } from "../read/periods.js";

/** 该市, 该县 …: the place the article is about. */
const PLACE_REFERENCE = new RegExp(`${alt(REFERRING)}${alt(REFERRED_PLACES)}`, "g");
/** A subject that is not a place: 该公司, 该企业, 其. */
const OTHER_SUBJECT = `${alt([...REFERRING, "本"])}${alt(REFERRED_OTHERS)}`;
const OTHER_REFERENCE = new RegExp(`${OTHER_SUBJECT}|^其`);
const OWN_PLACE = /^\p{Script=Han}{2}(?:市|县|省)(?!场|民|区|委|级|域|政府)/u;
const CONNECTIVE = new RegExp(`^${alt(CONNECTIVES)}`);
const REPORTED = new RegExp(`^${alt(REPORTING)}`);
/** Strips quotation marks at either end that close or open nothing inside the text. */
function trimQuotes(text: string): string {
  let t = text.trim();
  for (;;) {
    const before = t;
    if (/^“[^“”]*”$/.test(t.replace(/[。！？!?]+”$/, "”"))) t = t.slice(1, -1).replace(/[。！？!?]+$/, "");
    if (/^[“‘"']/.test(t) && !/[”’"']/.test(t.slice(1))) t = t.slice(1);
    if (/^[”’]/.test(t)) t = t.slice(1);
    if (/[”’"']$/.test(t) && !/[“‘"']/.test(t.slice(0, -1))) t = t.slice(0, -1);
    if (/[“‘…]$/.test(t)) t = t.slice(0, -1);
    t = t.trim();
    if (t === before) return t;
  }
}

export function statement(input: {
  quote: string;
  spans: readonly Span[];
  subject: string;
  /** Other names of the subject that count as naming it (忻州 for 忻州市). */
  subjectNames: readonly string[];
  period: string;
  articleDate: string;
  /** The one year the article's title names: 上年 in a bulletin on 2024 is 2023. */
  reportYear?: number;
}): string {
  const { quote, spans, subject, articleDate } = input;
  const clauses = splitClauses(quote);
  const first = spans.length ? Math.min(...spans.map((s) => s.index)) : 0;
  const last = spans.length ? Math.max(...spans.map((s) => s.index + s.length)) : quote.length;
  let lo = clauses.findIndex((c) => c.end > first);
  let hi = clauses.findIndex((c) => c.end >= last);
  if (lo < 0) lo = 0;
  if (hi < lo) hi = clauses.length - 1;
  lo = groupStart(clauses, lo);
  // A clause that is only the figure (1835年11月29日，慈禧太后出生) says what it is in the next one.
  const figureOnly = (i: number) =>
    clauses[i]!.text.replace(/[^\p{Script=Han}]/gu, "").length -
      spans.reduce(
        (n, s) => n + quote.slice(s.index, s.index + s.length).replace(/[^\p{Script=Han}]/gu, "").length,
        0,
      ) <
    2;
  if (hi === lo && hi + 1 < clauses.length && figureOnly(hi)) hi++;

  let body = quote.slice(clauses[lo]!.start, clauses[hi]!.end).replace(CONNECTIVE, "");
  body = trimQuotes(body);
  let time = "";
  for (let i = lo - 1; i >= 0; i--) {
    const text = trimQuotes(clauses[i]!.text);
    if (TIME_CLAUSE.test(text)) {
      time = text.replace(REPORTED, "");
      break;
    }
  }

  body = resolveRelativeYears(body, articleDate, input.reportYear);
  // Only a place reference becomes the place; 该公司 or 其 has a subject of its own, and keeps it.
  if (subject) body = body.replace(PLACE_REFERENCE, subject);
  // An English sentence is quoted as it stands: its subject and time are its own words.
  if (/^[^\p{Script=Han}]*$/u.test(body)) return `${body.replace(/[,;:.!?]+$/, "")}.`;
  const named = [subject, ...input.subjectNames].some((n) => n && body.includes(n));
  // A subject that is not a place, named earlier in the quote (该公司现有员工…，去年研发投入…), is the subject.
  const earlier = quote.slice(0, clauses[lo]!.start).match(new RegExp(OTHER_SUBJECT, "g"));
  if (!OTHER_REFERENCE.test(body) && earlier) body = earlier[earlier.length - 1]! + body;
  // A body that opens on a place of its own (扬州市常住人口…) is that place's, whatever the article is about.
  else if (subject && !named && !OTHER_REFERENCE.test(body) && !OWN_PLACE.test(body)) body = subject + body;

  // When the answer is itself a date, an earlier date of the quote (1913年1月，…于1916年…结婚) is another time, not its own.
  const answersWhen = spans.some((s) => /\d年|\d月\d{1,2}[日号]/.test(quote.slice(s.index, s.index + s.length)));
  let lead = time && !answersWhen ? resolveRelativeYears(time, articleDate, input.reportYear) : "";
  if (!/\d{4}年/.test(lead + body)) lead = displayPeriod(input.period);
  const sentence = `${lead ? `${lead}，` : ""}${body}`.replace(/[,，;；:：。！？!?]+$/, "");
  return `${sentence}。`;
}

/** 2024年1-9月 → 2024年1月至9月, so that no bare number stands in a period. */
export function displayPeriod(period: string): string {
  return period.replace(/(\d{1,2})\s*[-—~～至到]\s*(\d{1,2})月/, "$1月至$2月");
}
