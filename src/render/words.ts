/**
 * The sentences a person reads around what the engine found, one table per language: the framing of an
 * English answer, every refusal, the labels of a reply. The engine returns data and reasons
 * (engine/state/answer.ts); every renderer (plain text, Telegram, the JSON answer) words them here.
 */
import type { Answer, Language, NoAnswerReason } from "../engine/index.js";
import { displayPeriod } from "../engine/state/statement.js";

/** The longest direct answer, as the engine cuts its own statements. */
const MAX_DIRECT = 200;

interface Words {
  readonly refusal: Record<Exclude<NoAnswerReason, "place" | "period">, string>;
  readonly place: (place: string) => string;
  readonly period: (years: string) => string;
  /** An English reply names the figure and its period before the article's own words. */
  readonly figure?: (figure: string, period: string) => string;
}

const WORDS: Record<Language, Words> = {
  zh: {
    refusal: {
      empty: "请提一个关于忻州经济的问题。",
      greeting: "你好！请问忻州经济的问题。",
      vague: "想了解哪方面？例如：",
      topic: "抱歉，知识库里没有这个问题的答案。",
      unsure: "抱歉，资料里找不到把握足够的答案。",
    },
    place: (place) => `我的资料只涉及忻州市和太忻一体化经济区，没有关于“${place}”的信息。`,
    period: (years) => `知识库里没有${years}年的相关数据。`,
  },
  en: {
    refusal: {
      empty: "Please ask a question about Xinzhou's economy.",
      greeting: "Hello! Ask me about the economy of Xinzhou.",
      vague: "What would you like to know? For example:",
      topic: "I don't know: the knowledge base does not say.",
      unsure: "I am not sure enough of any figure to answer that.",
    },
    place: (place) => `I only know about Xinzhou and the Taiyuan–Xinzhou zone, not ${place}.`,
    period: (years) => `I have no figures for ${years} on this.`,
    // The period stays written 2024年1月至9月: a bare number that no quote holds would read as a figure.
    figure: (figure, period) => `The figure: ${figure}${period ? ` (${displayPeriod(period)})` : ""}.`,
  },
};

/**
 * The direct answer a person reads first: the engine's statement (for an English question, after the
 * figure and its period), or the refusal in the asker's language.
 */
export function directAnswer(a: Answer): string {
  const w = WORDS[a.lang];
  if (!a.answered) {
    if (a.reason === "place") return w.place(a.foreignPlace ?? "");
    if (a.reason === "period") return w.period((a.missingYears ?? []).join("、"));
    return w.refusal[a.reason ?? "topic"];
  }
  if (!w.figure || !a.figure) return a.answer;
  const text = `${w.figure(a.figure, a.period ?? "")} ${a.answer}`;
  return text.length <= MAX_DIRECT ? text : `${text.slice(0, MAX_DIRECT - 1)}…`;
}
