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

/** `file:line: message`, or `file: message` for a problem of the whole file (line 0). */
export function formatProblem(p: Problem): string {
  return p.line ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

export function sentencesOf(kb: KnowledgeBase): Sentence[] {
  return kb.articles.flatMap((a) => a.paragraphs.flatMap((p) => (p.heading ? [] : p.sentences)));
}

/**
 * What the bot shows about its knowledge (/start, /sources, /topics, /stats) without holding it: the
 * knowledge and its engine live in a worker thread, and this small copy travels to the bot.
 */
export interface KnowledgeSummary {
  readonly version: string;
  readonly articles: readonly Pick<Article, "id" | "title" | "publisher" | "date" | "url" | "region">[];
  readonly facts: readonly Pick<Fact, "subject" | "metric">[];
  /** The name articles use for each place of the glossary. */
  readonly places: readonly string[];
}

export function summarize(kb: KnowledgeBase): KnowledgeSummary {
  return {
    version: kb.version,
    articles: kb.articles.map(({ id, title, publisher, date, url, region }) => ({
      id,
      title,
      publisher,
      date,
      url,
      ...(region ? { region } : {}),
    })),
    facts: kb.facts.map(({ subject, metric }) => ({ subject, metric })),
    places: kb.glossary.places.map((g) => g[0]!),
  };
}
