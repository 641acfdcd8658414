/** Shapes shared by the readers of pages, captures and Markdown, and by what they hand on. */

/** A value found in a source, with where it was found, so that a person can judge it. */
export interface Found {
  readonly value: string;
  /** Where it came from: `og:title`, `JSON-LD NewsArticle`, `the capture's header line`, `--date`. */
  readonly from: string;
}

/** The fields of an article's front matter that an import looks for. */
export const FIELDS = ["title", "publisher", "date", "url", "author", "region", "id"] as const;
export type Field = (typeof FIELDS)[number];

/** Every candidate found for each field, best first. */
export type Candidates = { [F in Field]: Found[] };

export function noCandidates(): Candidates {
  return { title: [], publisher: [], date: [], url: [], author: [], region: [], id: [] };
}

/** A block of text as a reader found it, in reading order, before the page furniture is taken out. */
export interface RawBlock {
  readonly text: string;
  /**
   * `heading`: marked up as one (<h2>, `## `); `item`: a list item (never read as a heading);
   * `caption`: a <figcaption>; `figure`: an image or video, with no text.
   */
  readonly kind: "text" | "heading" | "item" | "caption" | "figure";
  /** All of its text is the text of links: a menu entry, a related article. */
  readonly link?: boolean;
}
