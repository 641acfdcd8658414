/** What a reader of one kind of source (HTML, capture, Markdown) hands to `extractArticle`. */
import type { Body } from "./body.js";
import type { Candidates } from "./types.js";

export interface Reading {
  /** Every candidate for each field, best first. */
  readonly candidates: Candidates;
  readonly body: Body;
  /** What the reader was unsure of. */
  readonly unsure: readonly string[];
  /** The language the source declares, if it does. */
  readonly lang?: "zh" | "en";
}
