/** The knowledge base as the engine sees it: plain, immutable data made by the loader. */

export interface Sentence {
  /** `${articleId}:${paragraph}:${index}`, unique in the knowledge base. */
  readonly id: string;
  readonly articleId: string;
  /** Index of the paragraph in its article. */
  readonly paragraph: number;
  /** Exactly as in the article: quotes are copied from here. */
  readonly text: string;
  /** Line of the paragraph in the article file. */
  readonly line: number;
}

export interface Paragraph {
  readonly text: string;
  /** A `## heading` line, kept for context but never quoted as evidence. */
  readonly heading: boolean;
  readonly line: number;
  readonly sentences: readonly Sentence[];
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** YYYY-MM-DD; relative time in the text (今年, 去年) is read against it. */
  readonly date: string;
  readonly url: string;
  readonly lang: "zh" | "en";
  readonly author?: string;
  readonly region?: string;
  /** The file it came from, as the admin would type it. */
  readonly file: string;
  readonly paragraphs: readonly Paragraph[];
}

export const FACT_KINDS = [
  "amount",
  "count",
  "share",
  "growth",
  "rank",
  "fraction",
  "duration",
  "list",
  "person",
  "text",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A value as the article writes it: a number, or a text (a name, 1/9, 全省第一). */
export type FactValue = number | string;

export interface Fact {
  readonly id: string;
  readonly articleId: string;
  readonly subject: string;
  readonly metric: string;
  readonly aliases: readonly string[];
  readonly kind: FactKind;
  readonly values: readonly FactValue[];
  readonly unit: string;
  readonly period: string;
  /** A sentence of the article, copied exactly; every value stands in it. */
  readonly quote: string;
  readonly role?: string;
  readonly file: string;
  readonly line: number;
}

export interface Glossary {
  /** Places the knowledge base covers; the first name of a group is the one articles use. */
  readonly places: readonly (readonly string[])[];
  readonly organisations: readonly (readonly string[])[];
  readonly people: readonly (readonly string[])[];
  readonly terms: readonly (readonly string[])[];
}

export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly facts: readonly Fact[];
  readonly glossary: Glossary;
  /** A hash of every knowledge file: the same files give the same version. */
  readonly version: string;
}

/** Something wrong in a knowledge file, for the admin who wrote it. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export function sentencesOf(kb: KnowledgeBase): Sentence[] {
  return kb.articles.flatMap((a) => a.paragraphs.flatMap((p) => (p.heading ? [] : p.sentences)));
}
