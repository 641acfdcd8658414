/** A candidate as the answer's data: its citation and its fact (subject, metric, value, unit, period). */
import type { FactKind, FactValue } from "../../model/knowledge.js";
import type { Candidate } from "../read/candidates.js";
import { splitClauses } from "../read/clauses.js";

export interface Citation {
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  /** Copied from the article exactly. */
  readonly quote: string;
}

export interface AnswerFact {
  readonly subject: string;
  readonly metric: string;
  readonly value: FactValue | readonly FactValue[];
  readonly unit: string;
  readonly period: string;
  readonly kind: FactKind | "time";
  /** The link of the article it comes from. */
  readonly source: string;
}

export function citationOf(c: Candidate): Citation {
  const a = c.article;
  return { title: a.title, publisher: a.publisher, date: a.date, url: a.url, quote: c.quote };
}

export function factOf(c: Candidate): AnswerFact {
  if (c.fact) {
    const f = c.fact.fact;
    const value = f.values.length === 1 ? f.values[0]! : f.values;
    return {
      subject: f.subject,
      metric: f.metric,
      value,
      unit: f.unit,
      period: f.period,
      kind: f.kind,
      source: c.article.url,
    };
  }
  const span = c.spans[0];
  const text = span ? c.quote.slice(span.index, span.index + span.length) : c.quote;
  const figure = c.passage?.figures.find((f) => f.index === span?.index);
  return {
    subject: c.subject,
    metric: metricOf(c),
    value: figure ? figure.value : text,
    unit: figure?.unit ?? "",
    period: c.period,
    kind: c.kind,
    source: c.article.url,
  };
}

/** What a sentence's figure measures: its clause's words before it (该市 left out). */
export function metricOf(c: Candidate): string {
  const span = c.spans[0];
  if (!span) return "";
  const clause = splitClauses(c.quote).find((x) => x.start <= span.index && span.index < x.end);
  return clause
    ? c.quote
        .slice(clause.start, span.index)
        .replace(/^该市|^该/, "")
        .trim()
    : "";
}

/** The figure as the quote writes it; several joined with 、. */
export function figureOf(c: Candidate): string {
  return c.spans.map((s) => c.quote.slice(s.index, s.index + s.length)).join("、");
}
