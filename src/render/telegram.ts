/**
 * Answer → Telegram: HTML with only the tags Telegram knows, every text escaped; messages split at
 * paragraph boundaries under Telegram's 4,096 UTF-16 units; inline results; button rows.
 */

import type { InlineKeyboardButton, InlineQueryResultArticle } from "grammy/types";
import type { Answer, Citation, Language, SeriesPoint } from "../engine/index.js";
import { displayPeriod } from "../engine/state/statement.js";
import type { KnowledgeSummary } from "../model/knowledge.js";
import { clip } from "./clip.js";
import { directAnswer, englishPeriod, LABELS, understoodLine, unitNote } from "./words.js";

export const MAX_MESSAGE = 4096;
export const MAX_CALLBACK_BYTES = 64;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface RenderedMessage {
  /** One or more HTML messages, each within Telegram's limit. */
  readonly chunks: readonly string[];
  readonly keyboard: InlineKeyboardButton[][];
}

/** A source as a link to its page, named by its publisher and date. */
function sourceLink(c: Citation): string {
  return `<a href="${escapeHtml(c.url)}">${escapeHtml(c.publisher)} · ${escapeHtml(c.date)}</a>`;
}

/** The body of an answer as Telegram HTML: the answer in bold, the quote, the source line. */
export function answerHtml(answer: Answer): string {
  const l = LABELS[answer.lang];
  // Telegram refuses a message without visible text; the engine never answers with nothing, but a renderer
  // must not fail.
  const parts = [`<b>${escapeHtml(directAnswer(answer).trim() || "…")}</b>`];
  const units = unitNote(answer);
  if (units) parts.push(escapeHtml(units));
  // English labels take an English colon and brackets (l.colon, l.open, l.close).
  const sep = answer.lang === "en" ? "; " : "；";
  if (answer.unansweredParts?.length)
    parts.push(`${l.unanswered}${l.colon}${answer.unansweredParts.map(escapeHtml).join(sep)}`);
  for (const c of answer.citations) {
    parts.push(`<blockquote>${escapeHtml(c.quote)}</blockquote>`);
    parts.push(`${l.source}${l.colon}${sourceLink(c)}`);
  }
  for (const o of answer.others)
    parts.push(`${l.others}${l.colon}${escapeHtml(o.answer)}${l.open}${sourceLink(o.citation)}${l.close}`);
  if (!answer.answered && answer.didYouMean?.trim())
    parts.push(`${l.didYouMean}${l.colon}${escapeHtml(answer.didYouMean)}`);
  const related = answer.related.filter((q) => q.trim());
  if (!answer.answered && related.length)
    parts.push(`${l.examples}${l.colon.trimEnd()}\n${related.map((q) => `• ${escapeHtml(q)}`).join("\n")}`);
  return parts.join("\n\n");
}

/** Callback data for a button about a question (bot/callbacks.ts), at most 64 bytes. */
export type ButtonData = (question: string) => string;

/**
 * The message for a chat: the answer, a button to the article, a 📈 button for the series over the years
 * (callback data from `chart`, when given), and the related questions as buttons whose callback data
 * `encode` makes (at most 64 bytes).
 */
export function renderAnswer(
  answer: Answer,
  encode: ButtonData,
  chart?: ButtonData,
  understood?: string,
): RenderedMessage {
  const l = LABELS[answer.lang];
  const keyboard: InlineKeyboardButton[][] = [];
  const url = answer.citations[0]?.url;
  if (url) keyboard.push([{ text: `${l.read} ↗`, url }]);
  if (chart && answer.overTime?.length) keyboard.push([{ text: l.chart, callback_data: chart(answer.question) }]);
  // Each related question is a button; a button needs a label.
  for (const q of answer.related.filter((x) => x.trim()).slice(0, 3))
    keyboard.push([{ text: clipButton(q.trim()), callback_data: encode(q) }]);
  // A follow-up's reply says first how it was taken, so that a wrong reading is seen at once.
  const taken = understood ? `${escapeHtml(understoodLine(answer.lang, understood))}\n` : "";
  return { chunks: splitMessage(`${taken}${answerHtml(answer)}`), keyboard };
}

/** A photo's caption may be 1,024 characters at most. */
export const MAX_CAPTION = 1024;

/**
 * The caption of a series' chart: each point's figure with its source's title and date, so that every
 * figure drawn can be traced; plain text (a caption is sent without parse mode).
 */
export function chartCaption(points: readonly SeriesPoint[], title: string, lang: Language = "zh"): string {
  const lines = points.map((p) =>
    lang === "en"
      ? `${englishPeriod(p.period) || displayPeriod(p.period)} ${p.figure}: source 《${p.citation.title}》 ${p.citation.date}`
      : `${displayPeriod(p.period)} ${p.figure}：《${p.citation.title}》${p.citation.date}`,
  );
  return clip([title, ...lines].join("\n"), MAX_CAPTION, "…");
}

/** An answer of one period whose series is offered (`overTime`), as the answer over the years it offers. */
export function seriesAnswer(answer: Answer): Answer | undefined {
  const { overTime: series, ...rest } = answer;
  if (!series?.length) return undefined;
  // Every point's quote is cited, as for a question over the years: each figure listed stands in one of them.
  const citations = [...new Map(series.map((p) => [p.citation.quote, p.citation])).values()];
  return { ...rest, series, citations, others: [] };
}

/** A button's label: 40 units at most, cut between graphemes. */
export const clipButton = (text: string): string => clip(text, 40, "…");

/** Inline results, best first: title = figure and metric, description = period and source. */
export function renderInlineResults(
  answers: readonly Answer[],
  idOf: (a: Answer) => string,
): InlineQueryResultArticle[] {
  const seen = new Set<string>();
  const results: InlineQueryResultArticle[] = [];
  for (const a of answers.slice(0, 10)) {
    let id = idOf(a).slice(0, 64);
    while (seen.has(id)) id = `${id.slice(0, 60)}${results.length}`;
    seen.add(id);
    const fact = a.facts[0];
    const citation = a.citations[0];
    // An English result names its measure in English words where there are any (measureName), never in Chinese.
    const metric =
      a.lang === "en" ? (a.measureName && !/\p{Script=Han}/u.test(a.measureName) ? a.measureName : "") : fact?.metric;
    const title = a.answered
      ? clip([a.figure, metric].filter(Boolean).join(" · "), 100) || clip(directAnswer(a), 100)
      : a.lang === "en"
        ? "No answer in the knowledge base"
        : "知识库里没有答案";
    const description =
      a.answered && citation
        ? `${(a.lang === "en" ? englishPeriod(fact?.period ?? "") : fact?.period) ?? ""} · ${citation.publisher} ${citation.date}`
        : clip(directAnswer(a), 200);
    results.push({
      type: "article",
      id,
      title,
      description,
      input_message_content: {
        message_text: splitMessage(answerHtml(a))[0]!,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
      ...(citation
        ? { reply_markup: { inline_keyboard: [[{ text: `${LABELS[a.lang].read} ↗`, url: citation.url }]] } }
        : {}),
    });
  }
  return results;
}

/** Splits HTML made of paragraphs (self-contained tags) at paragraph, then line, boundaries. */
export function splitMessage(html: string, limit = MAX_MESSAGE): string[] {
  if (html.length <= limit) return [html];
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string, sep: string) => {
    if (!current) current = piece;
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  };
  for (const paragraph of html.split("\n\n")) {
    if (paragraph.length <= limit) {
      push(paragraph, "\n\n");
      continue;
    }
    for (const line of paragraph.split("\n")) {
      if (line.length <= limit) push(line, "\n");
      else for (const piece of hardSplit(line, limit)) push(piece, "");
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A single line longer than a message: cut as plain text, never inside a tag or an entity. */
function hardSplit(line: string, limit: number): string[] {
  const plain = line.replace(/<[^>]+>/g, "");
  const out: string[] = [];
  let rest = plain;
  while (rest.length > limit) {
    let cut = limit;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 8 && rest.indexOf(";", amp) >= cut) cut = amp;
    // Never leave half of a surrogate pair at the end.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? "")) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** The articles with their links, for /sources. */
export function sourcesHtml(kb: KnowledgeSummary): string[] {
  const lines = kb.articles.map(
    (a, i) =>
      `${i + 1}. <a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a>\n` +
      `${escapeHtml(a.publisher)} · ${escapeHtml(a.date)}`,
  );
  return splitMessage([`<b>知识库中的文章（${kb.articles.length} 篇）</b>`, ...lines].join("\n\n"));
}

/** What the knowledge base covers, for /topics: places, subjects and the metrics most often given. */
export function topicsHtml(kb: KnowledgeSummary): string[] {
  const count = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  };
  const subjects = count(kb.facts.map((f) => f.subject)).slice(0, 12);
  const metrics = count(kb.facts.map((f) => f.metric)).slice(0, 30);
  const places = kb.places.slice(0, 20);
  const regions = count(kb.articles.map((a) => a.region ?? "").filter(Boolean));
  const counts = `共 ${kb.articles.length} 篇文章、${kb.facts.length} 条整理过的数据`;
  const lines = [
    "<b>我能回答的主题</b>",
    `地区：${escapeHtml([...new Set([...regions, ...places])].join("、"))}`,
    subjects.length ? `对象：${escapeHtml(subjects.join("、"))}` : "",
    metrics.length ? `数据：${escapeHtml(metrics.join("、"))}` : "",
    `${counts}；文章里的其他数字也能回答。`,
  ].filter(Boolean);
  return splitMessage(lines.join("\n\n"));
}
