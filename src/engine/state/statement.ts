/**
 * The direct answer, cut from the quote itself as one sentence a person can read alone: the clauses that
 * hold the figure, reaching back to the clause that says whose figure it is; 今年 read as its year, 该市 and
 * 全市 as the place meant, the period said once. Every figure in it is the quote's own. A statement that
 * cannot be made whole (其中… with its whole in another sentence) is the quote itself.
 */
import {
  ACTION_OPENINGS,
  CONNECTIVES,
  ITEM_HEADS,
  ITEM_MEASURES,
  NOT_PLACE_OPENINGS,
  REFERRED_OTHERS,
  REFERRED_PLACES,
  REFERRING,
  REFERRING_OUT,
  REPORTING_CLAUSES,
  SPEAKER_ROLES,
  WHOLE_PLACES,
} from "../../lexicon/clauses.js";
import { alt } from "../../lexicon/match.js";
import { KNOWN_PLACES } from "../../lexicon/places.js";
import { FROM_OR_TO, OTHER_TIMES, PARTS_OF_YEAR, RELATIVE_YEARS, REPORTING } from "../../lexicon/time.js";
import { type Clause, groupStart, PLAN_PERIOD, type Span, splitClauses, TIME_CLAUSE } from "../read/clauses.js";
import { findFigures } from "../read/figures.js";
import { type ArticleYears, resolveRelativeYears } from "../read/periods.js";
import { respectiveItems, respectiveYear } from "../read/respective.js";
import { dropReadings, isTraditional, simplify, traditionalize } from "../text.js";

/** 该市, 该县 …: the place the article is about. */
const PLACE_REFERENCE = new RegExp(`${alt(REFERRING)}${alt(REFERRED_PLACES)}`, "g");
/** A subject that is not a place: 该公司, 该企业, 其. */
const OTHER_SUBJECT = `${alt([...REFERRING, "本"])}${alt(REFERRED_OTHERS)}`;
const OTHER_REFERENCE = new RegExp(`${OTHER_SUBJECT}|^其(?![中余餘])`);
const CONNECTIVE = new RegExp(`^${alt(CONNECTIVES)}`);
const REPORTED = new RegExp(`^${alt(REPORTING)}`);
const REPORTING_CLAUSE = new RegExp(`^${alt(REPORTING_CLAUSES)}|${alt(REPORTING_CLAUSES)}$`);
/** A time at the start of a clause: 今年前三季度, 截至4月29日, 年末, 一季度; never 从 or 到 alone. */
const MONTHS = String.raw`\d{1,2}月?(?:至|到|-)\d{1,2}月|\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|末)?`;
const TIME_PART = `(?:${alt(PARTS_OF_YEAR)}|${MONTHS}|${alt(OTHER_TIMES)})`;
const TIME_START = new RegExp(
  `^${alt(FROM_OR_TO)}?(?:(?:${alt(Object.keys(RELATIVE_YEARS))}|\\d{4}年)${TIME_PART}?|${TIME_PART})`,
);
const WHOLE_PLACE = new RegExp(`^${alt(WHOLE_PLACES)}`);
const PLACE_OPENING = new RegExp(`^(?:${alt(KNOWN_PLACES)}|${alt(WHOLE_PLACES)}|${PLACE_REFERENCE.source})`);
const NOT_PLACE = new RegExp(`^${alt(NOT_PLACE_OPENINGS)}`);
/** A body opening on a place of its own, known or not (扬州市常住人口…): that place's, whatever the article is about. */
const OWN_PLACE = /^\p{Script=Han}{2}(?:市|县|省)(?!场|民|区|委|级|域|政府)/u;
const OUTSIDE = new RegExp(`^${alt(REFERRING_OUT)}`);
/** A dateline or a heading before the text: 某某网5月22日电 (记者 某某), 某某网忻州讯, 【人口】. */
const DATELINE =
  /^(?:[^，,。；;\s]{2,16}?\d{1,2}月\d{1,2}日电|[^，,。；;\s]{2,16}?[讯訊](?=\s|记者|記者)|【[^】]{1,12}】)\s*(?:[（(](?:记者|記者|通讯员|通訊員)[^）)]*[）)])?\s*/;
/** How a zone's or a park's name is said short (经济区 for 太忻一体化经济区). */
const SHORT_NAMES = ["经济区", "經濟區", "开发区", "開發區", "示范区", "示範區", "产业园", "產業園"];
/** A speaker's label before what they say (记者:, 岢岚县农委副主任高利君:): who speaks, not whose figure. */
const SPEAKER = new RegExp(`^\\p{Script=Han}{0,14}(?:${alt(SPEAKER_ROLES)})\\p{Script=Han}{0,3}$`, "u");
/** 这里 at the start of a statement: the place its article is about (這里生產的鍛鋼法蘭…). */
/** 这里 as a place's subject (这里的…, 这里有…); 这里是… names what is here, not the place. */
const HERE = /^(?:这里|這里|這裡|这儿|這兒)(?!是)/;
const THIS_TIME = /^(?:此次|本次|这次|這次)(?!\p{Script=Han}*第[一二三四五六七八九十]批|\p{Script=Han}*首批)/u;
const PART_OPENING = /^其中[，,、]\s*(.+)$/su;
/** A whole with its count (首批集中开工的重大项目共183个): the whole, without the count. */
const COUNTED_WHOLE = /^(.+?)(?:共计|共有|共|达到|达|为)?[\d.,]+(?:万|亿)?(?:个|项|家|户|座|所|条|人)$/u;
const REFERRED_THING = new RegExp(`^${alt(REFERRING)}?(${alt(ITEM_HEADS)})`);
/** A name up to the last figure in it and that figure's unit (山西某某有限公司年产5万吨): what a statement leaves out. */
const FIGURE_IN_NAME = /^.*\d[\d.]*(?:万|亿|千|百)?(?:吨|千瓦|兆瓦|瓦|辆|台|套|平方米|亩|个|件|只)?/u;
/** A time over years gone by (近年来): of no one year. */
const YEARS_GONE_BY = /^(?:近年来|近年|近几年|近些年|多年来|这些年)/;
/** A goal's words in a statement: a goal of no time of its own is not dated by its article. */
const GOAL = /目标|力争|争取/;
/** Words that lean on a clause before them (太原机场更是有…): left out when the statement starts after it. */
const LEANING = /^([^，,；;]{2,12}?)(?:更是|则是|也是|同样)(?=有|达|为|是|\p{Script=Han})/u;
/** A figure for when something is done (达产后, 建成后, 届时): of no year, so none is put before it. */
const ONCE_DONE = /(?:达产|建成|投产|运营|竣工)(?:后|以后)|届时/;
const ACTION_OPENING = new RegExp(`^${alt(ACTION_OPENINGS)}`);
const ENUMERATED =
  /^((?:\d{4}年[^，,]*[，,])?\p{Script=Han}{2,8}?(?:市|县|縣|区|區))[一二三四五六]是(?=\p{Script=Han})/u;
/** A time that is the article's now: 目前, 截至目前, 当前, 如今, 现在 (alone, at the start). */
const NOW_WORD = /^(?:截至|截止)?(?:目前|当前|如今|现在)(?=$|[，,])/;
/** Where a statement reaching back for its subject stops growing: past it, the figure is lost in the sentence. */
const MAX_REACH = 120;
/** A clause that names its own measure before its figure (第二产业增加值35.47亿元), not one that goes on (增长5.1%). */
const OWN_MEASURE =
  /^(?!其|该|此|同比|增长|增加|下降|减少|占|比|较|分别|达|为|年?可|能|将|实现|完成|带动|累计|已)\p{Script=Han}{3,}[^\d，,；;]*\d/u;
/** A sentence counting a batch of projects: its parts (产业类项目112个) are the batch's, not the place's. */
const BATCH_WHOLE = /批|项目|項目/;

/** Strips quotation marks at either end that close or open nothing inside the text. */
export function trimQuotes(text: string): string {
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

/** A clause as a statement reads its opening: without a dateline, a connective or a time. */
function opening(text: string): string {
  const t = trimQuotes(text.replace(DATELINE, "")).replace(CONNECTIVE, "");
  return t.replace(TIME_START, "");
}

/** A clause that only says when or who reported: what follows it starts afresh. */
export function isPreamble(text: string): boolean {
  const t = trimQuotes(text.replace(DATELINE, ""));
  return !t || TIME_CLAUSE.test(t) || REPORTING_CLAUSE.test(t) || SPEAKER.test(t);
}

/** Whether a clause says whose figure it is: a place, 该公司, 全市. */
function saysWhose(text: string, names: readonly string[]): boolean {
  return placeLed(text, names) || OTHER_REFERENCE.test(opening(text));
}

/** Whether a clause opens with a place: its own name, 全县, 该市 or a place of the lexicon. */
function placeLed(text: string, names: readonly string[]): boolean {
  const t = opening(text);
  return PLACE_OPENING.test(t) || ACTION_OPENING.test(t) || names.some((n) => n && t.startsWith(n));
}

/**
 * The first clause of the statement: the figure's own when it says whose figure it is, else the nearest
 * clause before it that does (全县洗选企业达到30户，产能…) or, with none, the start of its part of the sentence.
 * Parts after a semicolon that none before names (…；农村居民人均可支配收入…) share the sentence's subject.
 */
function subjectStart(quote: string, clauses: readonly Clause[], lo: number, names: readonly string[]): number {
  if (saysWhose(clauses[lo]!.text, names) || isPreamble(clauses[lo]!.text)) return lo;
  let partStart = -1;
  for (let i = lo - 1; i >= 0; i--) {
    const c = clauses[i]!;
    if (partStart < 0 && /[;；]/.test(quote[clauses[i + 1]!.start - 1] ?? "")) partStart = i + 1;
    if (isPreamble(c.text)) return partStart >= 0 ? partStart : i + 1;
    if (saysWhose(c.text, names)) return i;
  }
  return Math.max(partStart, 0);
}

/** The year that `period` is of, for a time the quote says without one. */
function yearOf(period: string): string {
  return period.match(/(\d{4})年/)?.[1] ?? "";
}

/** A time said without its year, with it: 一季度 → 2019年一季度, 全年 → 2023年, 截至4月29日 → 截至2019年4月29日. */
function withYear(text: string, year: string): string {
  if (!year || /^(?:\D{0,3})\d{4}年/.test(text)) return text;
  const m = text.match(new RegExp(`^(${alt(FROM_OR_TO)}?)(全年|年末|年底|年初|${alt(PARTS_OF_YEAR)}|\\d{1,2}月)`));
  if (!m) return text;
  const said = m[2] === "全年" ? "" : m[2]!.replace(/^年/, "");
  return `${m[1]}${year}年${said}${text.slice(m[0].length)}`;
}

interface Cut {
  lo: number;
  hi: number;
}

/** The clauses that hold the figure: from the first span's clause group to the last span's clause. */
function figureClauses(quote: string, clauses: readonly Clause[], spans: readonly Span[]): Cut {
  const first = spans.length ? Math.min(...spans.map((s) => s.index)) : 0;
  const last = spans.length ? Math.max(...spans.map((s) => s.index + s.length)) : quote.length;
  let lo = clauses.findIndex((c) => c.end > first);
  let hi = clauses.findIndex((c) => c.end >= last);
  if (lo < 0) lo = 0;
  if (hi < lo) hi = clauses.length - 1;
  lo = groupStart(clauses, lo);
  // A clause that is only the figure (1835年11月29日，慈禧太后出生) says what it is in the next one.
  const han = (s: string) => s.replace(/[^\p{Script=Han}]/gu, "").length;
  const spanned = spans.reduce((n, s) => n + han(quote.slice(s.index, s.index + s.length)), 0);
  if (hi === lo && hi + 1 < clauses.length && han(clauses[hi]!.text) - spanned < 2) hi++;
  return { lo, hi };
}

export interface StatementInput {
  quote: string;
  spans: readonly Span[];
  /** The place the article is about (忻州市; 忻州市(忻州古城) names 忻州市). */
  subject: string;
  /** Other names of the subject that count as naming it (忻州 for 忻州市). */
  subjectNames: readonly string[];
  period: string;
  articleDate: string;
  /** The years its article speaks of: 上年 in a bulletin on 2024 is 2023, 过去一年 in a work report of 2025 is 2024. */
  years?: ArticleYears;
  /** The sentence before, when the quote opens by referring back to what it names (该项目…). */
  referent?: string;
  /** The batch its article's title names (第二批重点项目集中开工): what 此次 is. */
  batch?: string;
}

export function statement(input: StatementInput): string {
  const { quote, articleDate } = input;
  const subject = input.subject.replace(/[（(][^）)]*[）)]/g, "").trim();
  // The place is put in the quote's own script: 定襄縣 in a traditional quote, never 定襄县鍛鋼法蘭.
  const place = isTraditional(quote) ? traditionalize(subject) : subject;
  const names = [place, subject, ...input.subjectNames].filter(Boolean);
  const clauses = splitClauses(quote);
  const cut = figureClauses(quote, clauses, input.spans);
  const english = /^[^\p{Script=Han}]*$/u.test(quote);
  if (english) return englishStatement(quote, clauses, cut);
  const item = listItem(clauses, cut, input.spans) ?? respectiveItem(quote, input.spans);
  if (item) return `${item}。`;
  const ordinal = ordinalItem(quote, input.spans, place, input.period);
  if (ordinal) return `${ordinal}。`;
  // When the answer is itself a date, an earlier date of the quote (1913年1月，…于1916年…结婚) is another time:
  // the statement does not reach back over it.
  const answersWhen = input.spans.some((s) => /\d年|\d月\d{1,2}[日号]/.test(quote.slice(s.index, s.index + s.length)));
  const lo = answersWhen ? cut.lo : subjectStart(quote, clauses, cut.lo, names);
  const ownPart = lo === 0 && isOwnPart(quote, clauses[cut.lo]!, cut.lo, input.referent);
  const reach = ownPart || quote.slice(clauses[lo]!.start, clauses[cut.hi]!.end).length > MAX_REACH ? cut.lo : lo;
  const cutText = trimQuotes(quote.slice(clauses[reach]!.start, clauses[cut.hi]!.end).replace(DATELINE, ""));
  // 其中，… after a sentence that counts a whole (此次首批集中开工的重大项目共183个) is a part of that whole: said so,
  // also for the parts after a semicolon (其中，A类71个…；B类112个…).
  const whole = PART_OPENING.test(trimQuotes(quote))
    ? wholeOf(thisBatch(input.referent ?? "", input.batch))
    : undefined;
  const part = reach === 0 ? cutText.match(PART_OPENING)?.[1] : cutText;
  const raw = whole && part ? `${whole}中，${part}` : cutText;
  const here = Boolean(place) && HERE.test(raw);
  const lone = OUTSIDE.test(raw) && reach === 0 && !here;
  if (!ownPart && (lone || (reach === cut.lo && reach !== lo && !saysWhose(raw, names) && !here))) {
    return verbatim(quote, clauses, cut.hi);
  }
  // A note to the reader (（下同）: the same below) is not part of what is stated.
  // After a clause left behind, 更是 leans on nothing, and 其中 (of which) is of a whole the statement does not say.
  const leaning = (reach > 0 && !whole ? raw.replace(LEANING, "$1").replace(/^其中[，,、]?\s*/, "") : raw).replace(
    /[（(](?:下同|下同。)[）)]/g,
    "",
  );
  let body = dropReadings(
    resolveRelativeYears(thisBatch(leaning, input.batch).replace(CONNECTIVE, ""), articleDate, input.years),
  );
  const named = namedReferent(body, input.referent ?? "");
  const renamed = named !== body;
  body = named;
  if (place) body = body.replace(PLACE_REFERENCE, place).replace(HERE, place);
  // A clause reached back to for its subject (云岭机场…，旅客吞吐量…) has its own; the place goes before no other.
  const own = renamed || (!whole && reach < cut.lo && !placeLed(clauses[reach]!.text, names)) ? "" : place;
  body = namePlace(body, own, names, quote.slice(0, clauses[reach]!.start));
  // An enumeration after the subject (宁武县一是加快…) is the article's outline, not the statement's.
  body = body.replace(ENUMERATED, "$1");

  const timed = timeSaid(body, { clauses, reach }, answersWhen, input);
  body = timed.body;
  const lead = timed.lead;
  const sentence = `${lead ? `${lead}，` : ""}${body}`.replace(/[,，;；:：。！？!?]+$/, "");
  return `${sentence}。`;
}

/**
 * The statement's time: the year made explicit where the body says a time (…，上半年… → 2024年上半年), else the time
 * clause before it with its year, else the period in front. No year before years gone by (近年来), a plan's period
 * (“十二五”期间), a time once something is done (达产后) or a goal that names no time of its own.
 */
function timeSaid(
  text: string,
  { clauses, reach }: { readonly clauses: readonly Clause[]; readonly reach: number },
  answersWhen: boolean,
  input: StatementInput,
): { body: string; lead: string } {
  let body = text;
  const year = yearOf(input.period) || yearOf(resolveRelativeYears("今年", input.articleDate));
  const said = sayYear(body, yearOf(input.period));
  const saidTime = said !== undefined;
  let lead = "";
  if (said !== undefined) body = said;
  else if (!answersWhen) lead = leadTime(clauses, reach, input);
  if (lead && !YEARS_GONE_BY.test(lead)) lead = withYear(lead, yearOf(input.period) || year);
  // 目前 is the date its article gives it (截至2024年12月), said once instead of 2024年目前.
  if (NOW_WORD.test(lead) && input.period.startsWith("截至")) lead = displayPeriod(input.period);
  else if (!lead && said !== undefined && input.period.startsWith("截至"))
    body = body.replace(NOW_WORD, displayPeriod(input.period));
  // A time the quote says without a year (从除夕到初五) keeps its words, after the year it is of.
  const undated = !saidTime && !/\d{4}年/.test(lead + body) && !PLAN_PERIOD.test(lead) && !ONCE_DONE.test(body);
  if (undated && !YEARS_GONE_BY.test(lead) && !GOAL.test(body)) {
    lead = lead && year ? `${year}年${lead}` : displayPeriod(input.period);
  }
  return { body, lead };
}

/**
 * A part after 其中 that names its own measure (其中，第一产业增加值6.83亿元，第二产业增加值35.47亿元): said alone, of
 * the place, for its whole (地区生产总值) is no count to say it with; never a part of a batch of projects.
 */
function isOwnPart(quote: string, clause: Clause, at: number, referent = ""): boolean {
  return (
    at > 0 &&
    PART_OPENING.test(trimQuotes(quote)) &&
    OWN_MEASURE.test(trimQuotes(clause.text)) &&
    !BATCH_WHOLE.test(`${referent} ${clause.text}`)
  );
}

/**
 * The body with the year made explicit in the time it says itself at the start of a clause (…，上半年地区
 * 生产总值… → …，2024年上半年…), or undefined when it says none: the period is then put in front.
 */
function sayYear(body: string, year: string): string | undefined {
  for (const c of splitClauses(body)) {
    const t = trimQuotes(c.text);
    if (TIME_START.exec(t)?.[0]) {
      const at = c.start + c.text.indexOf(t);
      return body.slice(0, at) + withYear(body.slice(at), year);
    }
  }
  return undefined;
}

/** The time clause before the statement (今年前三季度，…), its relative years read. */
function leadTime(clauses: readonly Clause[], lo: number, input: StatementInput): string {
  for (let i = lo - 1; i >= 0; i--) {
    const text = trimQuotes(clauses[i]!.text.replace(DATELINE, ""));
    if (TIME_CLAUSE.test(text) && text.replace(REPORTED, "")) {
      return resolveRelativeYears(text.replace(REPORTED, ""), input.articleDate, input.years);
    }
  }
  return "";
}

/**
 * The place as the subject: 全市 said as the place; the place before a clause that names none and opens
 * with what could be the place's (财政收入…), never before one whose subject is another (与…合作的项目, 其中…).
 */
function namePlace(body: string, place: string, names: readonly string[], before: string): string {
  // The time, with the comma after it (2025年1至5月，公司…): the place would stand after both.
  const time = TIME_START.exec(body)?.[0] ?? "";
  const comma = body.slice(time.length).match(/^[，,]\s*/)?.[0] ?? "";
  const rest = body.slice(time.length + comma.length);
  if (place && WHOLE_PLACE.test(rest)) return time + comma + rest.replace(WHOLE_PLACE, place);
  // 经济区… in an article on the 太忻一体化经济区 is the zone said short: said whole, not twice.
  const short = SHORT_NAMES.find((w) => simplify(place).endsWith(simplify(w)) && rest.startsWith(w));
  if (short) return time + comma + place + rest.slice(short.length);
  if (!place || names.some((n) => body.includes(n))) return body;
  // A subject that is not a place, named earlier in the quote (该公司现有员工…，去年研发投入…), is the subject.
  const earlier = before.match(new RegExp(OTHER_SUBJECT, "g"));
  if (!OTHER_REFERENCE.test(rest) && earlier) return time + comma + earlier[earlier.length - 1]! + rest;
  if (
    OTHER_REFERENCE.test(rest) ||
    NOT_PLACE.test(rest) ||
    PLACE_OPENING.test(rest) ||
    OWN_PLACE.test(rest) ||
    /^(?:当地|當地|本地)/.test(rest) ||
    /^[“「『"]/.test(rest)
  ) {
    return body;
  }
  return time + comma + place + rest;
}

/** An item of a list of projects: 总投资20亿元的国电轩岗风电项目, the figure before what it is of. */
const LIST_ITEM = new RegExp(
  `^(${alt(ITEM_MEASURES)})((?:约|近|超过|超)?[^的，,；;]{1,20}?)的([^，,；;]{2,60}(?:${alt(ITEM_HEADS)}))$`,
);

/**
 * A clause that is one item of a list (…;总投资20亿元的国电轩岗风电项目;…) said as a sentence of its own: the item,
 * then its measure and figure (国电轩岗风电项目总投资20亿元). Undefined for any other clause.
 */
function listItem(clauses: readonly Clause[], cut: Cut, spans: readonly Span[]): string | undefined {
  const first = spans[0]?.index ?? -1;
  const clause = clauses[cut.hi];
  if (!clause || first < clause.start) return undefined;
  const text = trimQuotes(clause.text).replace(/[。…]+$/, "");
  const m = text.match(LIST_ITEM);
  if (!m) return undefined;
  const at = clause.start + clause.text.indexOf(text);
  const figureEnd = at + m[1]!.length + m[2]!.length;
  if (!spans.every((s) => s.index >= at + m[1]!.length && s.index + s.length <= figureEnd)) return undefined;
  return `${m[3]}${m[1]}${m[2]}`;
}

/**
 * One figure of a list that follows a list of years, said for its year alone: 2021年、2022年、2023年，岢岚县地区生产
 * 总值分别为54.3亿元、61.8亿元、66.5亿元 → 2022年，岢岚县地区生产总值为61.8亿元. Undefined for any other quote.
 */
function respectiveItem(quote: string, spans: readonly Span[]): string | undefined {
  if (spans.length !== 1) return undefined;
  const figures = findFigures(quote);
  const figure = figures.find((f) => f.index === spans[0]!.index);
  const year = figure && respectiveYear(quote, figures, figure);
  if (!year || !figure) return undefined;
  const m = quote.match(/^(.*(?:19|20)\d\d年[，,]?)([^，,；;。]*?)(?:分[别別]|依次)([^\d，,；;。]*)/u);
  const measure = m?.[2]?.trim();
  if (!m || !measure) return undefined;
  return `${year}，${measure}${m[3]}${figure.text}`;
}

/** A list of ordinals before 分别 (第一、二、三产业增加值分别为…): the ordinals, and what they share (产业增加值). */
const ORDINAL_LIST =
  /(第[一二三四五六七八九十])((?:[、和及与][第]?[一二三四五六七八九十])+)([^，,；;。、]*?)(?:分[别別])[为為是达達]?/u;

/**
 * One figure of a list of ordinals said respectively, for its ordinal alone, with its period and place:
 * 第一、二、三产业增加值分别为132.46亿元、701.85亿元和552.21亿元 → 2024年，忻州市第三产业增加值552.21亿元.
 */
function ordinalItem(quote: string, spans: readonly Span[], place: string, period: string): string | undefined {
  if (spans.length !== 1) return undefined;
  const m = ORDINAL_LIST.exec(quote);
  // Only the first list: the figures after a second 分别 (分别增长4.3%…) are of another measure.
  const end = m ? m.index + m[0].length : 0;
  const next = quote.slice(end).search(/分[别別]/);
  if (!m || spans[0]!.index < end || (next >= 0 && spans[0]!.index > end + next)) return undefined;
  const figures = findFigures(quote);
  const figure = figures.find((f) => f.index === spans[0]!.index);
  const list = figure && respectiveItems(quote, figures, figure);
  // The items read 第一, 第二, 第三产业增加值: each ordinal is its item's first two characters.
  const ordinal = list?.items[list.at]?.slice(0, 2);
  if (!figure || !ordinal || !m[3]) return undefined;
  const year = yearOf(period);
  return `${year ? `${year}年，` : ""}${place}${ordinal}${m[3]}${figure.text}`;
}

/** 此次 (this batch) said as the batch its article's title names: 此次集中开工项目 → 第二批集中开工项目. */
function thisBatch(text: string, batch: string | undefined): string {
  return batch ? text.replace(THIS_TIME, batch) : text;
}

/**
 * The whole a sentence counts (…首批集中开工的重大项目共183个 → 首批集中开工的重大项目), of which the next sentence
 * (其中，…) gives a part; undefined when its first clause counts none.
 */
function wholeOf(before: string): string | undefined {
  const first = trimQuotes(splitClauses(before.replace(DATELINE, ""))[0]?.text ?? "").replace(CONNECTIVE, "");
  const m = first.match(COUNTED_WHOLE);
  return m && [...m[1]!.replace(/[^\p{Script=Han}]/gu, "")].length >= 2 ? m[1] : undefined;
}

/**
 * 该项目 said as the project the sentence before names (…的忻州市绿色铸造产业园项目由…建设。该项目建成后… →
 * 忻州市绿色铸造产业园项目建成后…): the last name of that kind there. The body as it is when there is none.
 */
function namedReferent(body: string, before: string): string {
  const m = body.match(REFERRED_THING);
  if (!m) return body;
  const head = m[1]!;
  const names = [...before.matchAll(new RegExp(`([^，,；;。、的由与和在“”]{2,30}?${head})`, "gu"))];
  // A figure in the name (年产5万吨石墨负极项目) is not the quote's: the name from after it, when that is a name still.
  const full = names[names.length - 1]?.[1];
  const name = full?.replace(FIGURE_IN_NAME, "");
  return name && [...name].length >= 4 ? name + body.slice(m[0].length) : body;
}

/** 其中 opening a sentence whose subject is named in full: a list (、) or a count of things (等6个项目). */
const NAMED_PART = /^其中[，,](?=[^，,；;。]*(?:、|等\d+[个项家座处]))/u;

/** The quote as it stands, or its sentence up to the figure's clause when the whole is too long to read first. */
const VERBATIM_WHOLE = 160;

function verbatim(quote: string, clauses: readonly Clause[], hi: number): string {
  // 其中 before a subject named in full (其中，华能某某、国电某某等6个项目已经并网…) leans on a whole said elsewhere.
  const text = dropReadings(quote.trim()).replace(NAMED_PART, "");
  if (text.length <= VERBATIM_WHOLE) return /[。！？!?…]$/.test(text) ? text : `${text}。`;
  return `${dropReadings(quote.slice(0, clauses[hi]!.end)).replace(/[,，;；:：]+$/, "")}……`;
}

/**
 * An English sentence is quoted as it stands, from the start of the part that holds the figure (after a
 * semicolon), so that it has its own subject; a leading "and" or a trailing ", of which" goes.
 */
function englishStatement(quote: string, clauses: readonly Clause[], cut: Cut): string {
  let lo = cut.lo;
  // Back over the clauses it goes on from: after a comma, or after a joining word (… and rural residents …).
  const joined = (i: number) =>
    quote[clauses[i]!.start - 1] === "," || /\s(?:and|whereas|while|with)\s$/i.test(quote.slice(0, clauses[i]!.start));
  while (lo > 0 && joined(lo)) lo--;
  if (quote.slice(clauses[lo]!.start, clauses[cut.hi]!.end).length > MAX_REACH + 60) lo = cut.lo;
  const body = quote
    .slice(clauses[lo]!.start, clauses[cut.hi]!.end)
    .trim()
    .replace(/^(?:and|or|whereas|while|but)\s+/i, "")
    .replace(/,?\s*(?:of which|including)$/i, "")
    .replace(/[,;:.!?]+$/, "");
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
}

/** 2024年1-9月 → 2024年1月至9月, so that no bare number stands in a period. */
export function displayPeriod(period: string): string {
  return period.replace(/(\d{1,2})\s*[-—~～至到]\s*(\d{1,2})月/, "$1月至$2月");
}
