/**
 * Stating an overview of a place: its headline figures (output and its growth, population, income, …), each the
 * answer the engine gives to that figure's own question about the place, so that each passed the same checks of
 * place, period and frame. A list of them with their periods and sources; never one stray sentence.
 */
import { OVERVIEW_MAX, OVERVIEW_MIN } from "../../lexicon/describe.js";
import type { Answer, Asked } from "./answer.js";
import type { Citation } from "./facts.js";

export interface OverviewItem {
  /** Which headline it is (lexicon/describe.ts): the renderer words its label. */
  readonly key: string;
  /** The statement the figure question was answered with, cut from the quote. */
  readonly answer: string;
  /** The figure as the quote writes it. */
  readonly figure: string;
  readonly period?: string;
  readonly citation: Citation;
}

/** The overview from the headline questions' answers, or undefined when fewer than OVERVIEW_MIN answer. */
export function overviewOf(
  asked: Pick<Asked, "ix" | "raw" | "lang">,
  headlines: readonly { readonly key: string; readonly answer: Answer }[],
): Answer | undefined {
  const { ix, raw, lang } = asked;
  const items: OverviewItem[] = [];
  const facts: Answer["facts"][number][] = [];
  for (const { key, answer } of headlines) {
    const citation = answer.citations[0];
    if (!answer.answered || !answer.figure || !citation || items.length >= OVERVIEW_MAX) continue;
    // One figure serves one headline: a growth rate met again for another question is not a second fact.
    if (items.some((i) => i.figure === answer.figure && i.citation.quote === citation.quote)) continue;
    items.push({
      key,
      answer: answer.answer,
      figure: answer.figure,
      ...(answer.period ? { period: answer.period } : {}),
      citation,
    });
    facts.push(...answer.facts.slice(0, 1));
  }
  if (items.length < OVERVIEW_MIN) return undefined;
  const max = ix.options.limits.answerChars;
  // The direct answer: the statements, as many as fit; each figure in it stands in its quote.
  let direct = "";
  for (const i of items) if ((direct + i.answer).length <= max) direct += i.answer;
  const citations = items.map((i) => i.citation).filter((c, n, all) => all.findIndex((x) => x.quote === c.quote) === n);
  return {
    question: raw,
    answered: true,
    answer: direct,
    lang,
    citations,
    facts,
    others: [],
    related: [],
    overview: items,
  };
}
