/**
 * The sentences a person reads around what the engine found, one table per language: the framing of an
 * English answer, every refusal, the labels of a reply. The engine returns data and reasons
 * (engine/state/answer.ts); every renderer (plain text, Telegram, the JSON answer) words them here.
 */
import type { Answer, Lacking, Language, NoAnswerReason, OverviewItem, SeriesPoint } from "../engine/index.js";
import type { Conflict } from "../engine/read/frame.js";
import type { Compared } from "../engine/state/compare.js";
import { displayPeriod } from "../engine/state/statement.js";
import { UNIT_GLOSSES } from "../lexicon/english.js";

/** The longest direct answer, as the engine cuts its own statements. */
const MAX_DIRECT = 200;

interface Words {
  readonly refusal: Record<Exclude<NoAnswerReason, "place" | "period" | "near">, string>;
  /** Only a near figure: what it is, then the figure as the source states it. */
  readonly near: (conflict: Conflict, statement: string) => string;
  readonly place: (place: string) => string;
  readonly period: (years: string) => string;
  /**
   * A refusal in one sentence naming what was asked (its place, its measure, as the question says them):
   * the sources lack it, hold nothing sure on it, or nothing for the years asked.
   */
  readonly lacking: (reason: "topic" | "unsure" | "period", lacking: Lacking, years: string) => string;
  /** An English reply names the figure and its period before the article's own words. */
  readonly figure?: (figure: string, period: string, measure?: string) => string;
  /** How a reply in this language brings in a source written in another: its words quoted as they stand. */
  readonly foreign?: (quote: string) => string;
  /** After a comparison's figures: which side the question's word describes, or why none is named. */
  readonly compared: (c: Compared) => string;
  /** A figure over the years: each period with its figure, as the quotes write them. */
  readonly series: (points: readonly SeriesPoint[]) => string;
  /** An overview of a place: one line a headline figure, with its period, as the quotes write them. */
  readonly overview: (items: readonly OverviewItem[]) => string;
}

/** What the knowledge covers, as a refusal of another place names it. */
const COVERED_ZH = "忻州市和太忻一体化经济区";

const WORDS: Record<Language, Words> = {
  zh: {
    refusal: {
      empty: "请提一个关于忻州经济的问题。",
      greeting: "你好！请问忻州经济的问题。",
      vague: "想了解哪方面？请说出一项指标，最好带上地区和年份。",
      topic: "抱歉，知识库里没有这个问题的答案。",
      unsure: "抱歉，资料里找不到把握足够的答案。",
    },
    place: (place) => `我的资料只涉及${COVERED_ZH}，没有关于“${place}”的信息。`,
    near: (conflict, statement) => {
      const asked = `这个问题问的数字${NEAR_ZH[conflict]}`;
      return `资料里没有${asked}。相近的是：${statement}`;
    },
    period: (years) => `知识库里没有${years}年的相关数据。`,
    lacking: (reason, { place, measure }, years) => {
      const what = `${place ?? ""}${measure ?? "这方面"}`;
      if (reason === "period") return `我的资料里没有${what}${years}年的数据。`;
      if (reason === "unsure") return `关于${what}，我的资料里找不到有把握的数字。`;
      return `我的资料里没有${what}的信息。`;
    },
    series: (points) => `${points.map((p) => `${displayPeriod(p.period)}：${p.figure}`).join("；")}。`,
    overview: (items) =>
      items
        .map((i) => {
          const source = `${i.citation.publisher} ${i.citation.date}`;
          return `· ${HEADLINES_ZH[i.key] ?? i.key}：${i.figure}（${i.period ? `${displayPeriod(i.period)}，` : ""}${source}）`;
        })
        .join("\n"),
    compared: (c) => {
      if (c.winner) return `${c.winner}更${c.word}。`;
      if (c.incomparable) return "两个数字不是同一时期或同一计量，不能直接比较。";
      return `资料里没有${missingOf(c).join("、")}的这个数字。`;
    },
  },
  en: {
    refusal: {
      empty: "Please ask a question about Xinzhou's economy.",
      greeting: "Hello! Ask me about the economy of Xinzhou.",
      vague: "What would you like to know? Name one measure, with the place and the year if you can.",
      topic: "I don't know: the knowledge base does not say.",
      unsure: "I am not sure enough of any figure to answer that.",
    },
    place: (place) => `I only know about Xinzhou and the Taiyuan–Xinzhou zone, not ${place}.`,
    near: (conflict, statement) => `My sources do not give that figure${NEAR_EN[conflict]}. The nearest: ${statement}`,
    period: (years) => `I have no figures for ${years} on this.`,
    lacking: (reason, { place, measure }, years) => {
      const named = measure ? quotedHan(measure) : "";
      const what = named && place ? `the ${named} of ${place}` : named ? `the ${named}` : `this for ${place}`;
      if (reason === "period") return `My sources have no figures on ${what} for ${years}.`;
      if (reason === "unsure") return `My sources have no figure on ${what} that I am sure of.`;
      return `My sources have nothing on ${what}.`;
    },
    // The period stays written 2024年1月至9月: a bare number that no quote holds would read as a figure.
    figure: (figure, period, measure) => {
      const when = englishPeriod(period);
      const name = measure ? ` for ${quotedHan(acronym(measure))}` : "";
      return `The figure${name}: ${figure}${when ? ` (${when})` : ""}.`;
    },
    foreign: (quote) => `The source says: «${quote}»`,
    series: (points) =>
      `By period: ${points.map((p) => `${englishPeriod(p.period) || displayPeriod(p.period)}: ${p.figure}`).join("; ")}.`,
    overview: (items) =>
      items
        .map((i) => {
          const when = i.period ? englishPeriod(i.period) : "";
          const source = `${i.citation.publisher}, ${i.citation.date}`;
          return `· ${HEADLINES_EN[i.key] ?? i.key}: ${i.figure} (${when ? `${when}; ` : ""}${source})`;
        })
        .join("\n"),
    compared: (c) => {
      if (c.winner) return `${c.winner} is ${c.word}.`;
      if (c.incomparable) return "The two figures are for different periods or measures, so they are not compared.";
      return `My sources give no such figure for ${missingOf(c).join(" or ")}.`;
    },
  },
};

/**
 * The direct answer a person reads first: the engine's statement (for an English question, after the
 * figure and its period), or the refusal in the asker's language.
 */
export function directAnswer(a: Answer): string {
  const w = WORDS[a.lang];
  if (!a.answered) {
    if (a.reason === "place") return w.place(asWritten(a.question, a.foreignPlace ?? ""));
    const years = (a.missingYears ?? []).join(a.lang === "en" ? ", " : "、");
    const named = a.reason === "topic" || a.reason === "unsure" || (a.reason === "period" && years);
    if (named && a.lacking) return clipped(w.lacking(a.reason as "topic" | "unsure" | "period", a.lacking, years));
    if (a.reason === "period") return w.period(years);
    if (a.reason === "near" && a.near) {
      return clipped(w.near(a.near.conflict, inOwnWords(w, a.near.answer, [a.near.citation])));
    }
    return w.refusal[a.reason === "near" || !a.reason ? "topic" : a.reason];
  }
  if (a.series?.length) return clipped(w.series(a.series));
  if (a.overview?.length) return w.overview(a.overview);
  if (a.comparison) {
    const sides = w.foreign && HAN.test(a.answer) ? w.foreign(a.answer) : a.answer;
    return clipped(`${sides}${a.lang === "en" ? " " : ""}${w.compared(a.comparison)}`);
  }
  const said = inOwnWords(w, a.answer, a.citations);
  if (!w.figure || !a.figure) return said === a.answer ? said : clipped(said);
  return clipped(`${w.figure(a.figure, a.period ?? "", a.measureName)} ${said}`);
}

/**
 * What the Chinese units of an English reply's figures mean (万千瓦 = 10 MW), said after the direct answer: the
 * direct answer holds only figures its quotes state.
 */
export function unitNote(a: Answer): string | undefined {
  if (a.lang !== "en" || !a.answered) return undefined;
  const figures = a.series?.length ? a.series.map((p) => p.figure) : [a.figure ?? ""];
  const glosses = [...new Set(figures.flatMap(unitGlosses))];
  return glosses.length ? `${LABELS.en.units}: ${glosses.join("; ")}.` : undefined;
}

/** Acronyms the engine gives in lower case, as they are written (gdp → GDP). */
function acronym(name: string): string {
  return name.replace(/\b(gdp|cpi|ppi|pv|soe|smes?)\b/g, (w) => w.toUpperCase());
}

/** A name the engine gives normalized (jingle county), as the question writes it (Jingle County). */
function asWritten(question: string, name: string): string {
  const at = question.toLowerCase().indexOf(name.toLowerCase());
  return at >= 0 && name ? question.slice(at, at + name.length) : name;
}

/** Chinese words in an English sentence, quoted as the source writes them: “新能源装机”. */
function quotedHan(text: string): string {
  return HAN.test(text) ? `“${text}”` : text;
}

/**
 * What the Chinese units of a figure mean in English (万千瓦 = 10 MW), from the lexicon: the figure itself stays
 * as the source writes it.
 */
export function unitGlosses(figure: string): string[] {
  const units = figure
    .split(/[、；;]/)
    .map((part) => part.replace(/^[^\p{Script=Han}]*/u, "").trim())
    .filter(Boolean);
  const glosses = units.map((unit) => {
    const known = Object.keys(UNIT_GLOSSES)
      .filter((k) => unit.endsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    return known ? `“${known}” = ${UNIT_GLOSSES[known]}` : "";
  });
  return [...new Set(glosses.filter(Boolean))];
}

/**
 * A statement made from a source in another script (a Chinese bulletin for an English question) is given as
 * the source's own words, quoted verbatim: the reply does not read as if written in the asker's language.
 */
function inOwnWords(w: Words, statement: string, citations: readonly { readonly quote: string }[]): string {
  if (!w.foreign || !HAN.test(statement)) return statement;
  const quote = citations.length === 1 ? citations[0]!.quote : "";
  return w.foreign(quote || statement);
}

const HAN = /\p{Script=Han}/u;

function missingOf(c: Compared): string[] {
  return c.sides.filter((s) => !s.answered).map((s) => s.name);
}

function clipped(text: string): string {
  return text.length <= MAX_DIRECT ? text : `${text.slice(0, MAX_DIRECT - 1)}…`;
}

/** The headline figures of an overview (lexicon/describe.ts HEADLINES), by key. */
const HEADLINES_ZH: Record<string, string> = {
  gdp: "地区生产总值",
  gdpGrowth: "地区生产总值增长",
  population: "常住人口",
  income: "居民人均可支配收入",
  industry: "规上工业增加值增长",
  budget: "一般公共预算收入",
};

const HEADLINES_EN: Record<string, string> = {
  gdp: "GDP",
  gdpGrowth: "GDP growth",
  population: "Resident population",
  income: "Per capita disposable income",
  industry: "Industrial value added (large firms), growth",
  budget: "General public budget revenue",
};

/** Why a near figure is not the answer, said after "the sources do not give that figure". */
const NEAR_ZH: Record<Conflict, string> = {
  period: "（资料里的是另一个时期的数字）",
  holiday: "（资料里的是另一个假期或时期的数字）",
  target: "（资料里的是目标或计划，不是实际完成的数字）",
  result: "（资料里的是实际完成的数字，不是目标或计划）",
  measure: "（资料里的是另一项指标）",
  place: "（资料里的是另一级地区的数字，如下辖县区或全市）",
  subject: "（资料里的是其中某个景区、企业或单位的数字，不是全地的）",
};

const NEAR_EN: Record<Conflict, string> = {
  period: " (they give one for another period)",
  holiday: " (they give one for another holiday or period)",
  target: " (they give a target or a plan, not what was achieved)",
  result: " (they give what was achieved, not a target or a plan)",
  measure: " (they give another measure)",
  place: " (they give another level's figure: a county's for the city, or the city's for a county)",
  subject: " (they give the figure of something within the place, such as a scenic area or a company)",
};

/** How a reply to a follow-up says the whole question it answered (engine/understand/followup.ts). */
export function understoodLine(lang: Language, question: string): string {
  return lang === "zh" ? `按“${question}”理解：` : `Taken as "${question}": `;
}

/** The labels of a reply, per language. `quoted` heads the quote in plain text, `source` the link in Telegram. */
export const LABELS = {
  zh: {
    colon: "：",
    open: "（",
    close: "）",
    source: "来源",
    quoted: "出处",
    read: "阅读原文",
    others: "其他时期",
    didYouMean: "你是不是想问",
    related: "你还可以问",
    examples: "你可以这样问",
    unanswered: "知识库里没有这部分的答案",
    series: "各时期",
    chart: "📈 历年变化",
    chartExpired: "这个按钮已过期，请直接发送问题。",
  },
  en: {
    colon: ": ",
    open: " (",
    close: ")",
    units: "Units",
    source: "Source",
    quoted: "Source",
    read: "Read the article",
    others: "Also",
    didYouMean: "Did you mean",
    related: "You could also ask",
    examples: "Try asking",
    unanswered: "Not in the knowledge base",
    series: "By period",
    chart: "📈 Over the years",
    chartExpired: "This button has expired: please send the question again.",
  },
} as const;

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HOLIDAYS_EN: Record<string, string> = {
  国庆中秋: "National Day and Mid-Autumn holiday",
  中秋国庆: "Mid-Autumn and National Day holiday",
  国庆: "National Day holiday",
  春节: "Spring Festival holiday",
  五一: "May Day holiday",
  中秋: "Mid-Autumn holiday",
  端午: "Dragon Boat holiday",
  清明: "Qingming holiday",
  元旦: "New Year holiday",
};

/**
 * A period in English words (2018, Jan–Sep 2024, as of end-Oct 2024, 2024 National Day holiday), or "" when it
 * has no English form: an English reply says no Chinese period rather than a mixed one.
 */
export function englishPeriod(period: string): string {
  const p = period.trim();
  let m = p.match(/^(\d{4})年$/);
  if (m) return m[1]!;
  m = p.match(/^(\d{4})年(\d{1,2})\s*[-—~～至到]\s*(\d{1,2})月$/);
  if (m) return `${MONTHS_EN[Number(m[2]) - 1]}–${MONTHS_EN[Number(m[3]) - 1]} ${m[1]}`;
  m = p.match(/^截至(\d{4})年(\d{1,2})月(?:底|末)?$/);
  if (m) return `as of end-${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
  m = p.match(/^(\d{4})年(\d{1,2})月$/);
  if (m) return `${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
  m = p.match(/^(\d{4})年(.+)$/);
  if (m && HOLIDAYS_EN[m[2]!.replace(/假期$/, "")]) return `${m[1]} ${HOLIDAYS_EN[m[2]!.replace(/假期$/, "")]}`;
  return "";
}
