/**
 * A passage: a sentence ready to be read as evidence, with its figures, its clauses (each with its own
 * words, its neighbours and its period) and the context it stands in (title, region, the subjects
 * before it). Worked out once per sentence and kept with the index (retrieve/indexes.ts).
 */
import {
  BARE_REFERENCES,
  BEFORE_A_NAME,
  COMPANY_ENDINGS,
  COMPANY_REFERENCES,
  FOUNDING_VERBS,
  REFERRING,
  REFERRING_OUT,
} from "../../lexicon/clauses.js";
import { ENGLISH_COMPANY, ENGLISH_COMPANY_REFERENCE } from "../../lexicon/english.js";
import { alt } from "../../lexicon/match.js";
import type { Article, Sentence } from "../../model/knowledge.js";
import { normalize } from "../text.js";
import { type Clause, groupStart, splitClauses } from "./clauses.js";
import { type Figure, findFigures } from "./figures.js";
import { type ArticleYears, articleYears, periodOf } from "./periods.js";

/** A sentence ready to be evidence: its figures, clauses and periods, worked out when first needed. */
export interface Passage {
  readonly sentence: Sentence;
  readonly article: Article;
  readonly figures: readonly Figure[];
  /** Each clause with its own words, its group (with the clauses it goes on from) and its neighbours, normalized. */
  readonly clauses: readonly ClauseView[];
  /** The first clause, normalized: where the sentence's subject usually stands. */
  readonly lead: string;
  /** The whole sentence, normalized. */
  readonly norm: string;
  readonly regionNorm: string;
  /**
   * Where the passage stands, normalized: its article's title and region, and the first clause of its
   * article, its paragraph and the sentence before it. 该市, 其 and a subject left out refer here.
   */
  readonly context: string;
  /**
   * The sentence before, as written, when this one opens by referring back to what it names (该项目…, 其…):
   * that is the passage's subject, said there. "" otherwise.
   */
  readonly referent: string;
}

export interface ClauseView extends Clause {
  readonly own: string;
  readonly window: string;
  /** The period of the sentence up to this clause: the latest time named before a figure is its time. */
  readonly period: string;
}

export function makePassage(sentence: Sentence, article: Article, regionNorm: string): Passage {
  const clauses = splitClauses(sentence.text);
  const norms = clauses.map((c) => normalize(c.text));
  const years = articleYears(article);
  let carried: string | undefined;
  const periodAt = (end: number) => {
    const own = periodOf(sentence.text.slice(0, end), article.date, "last", years);
    if (own) return own;
    carried ??= carriedPeriod(sentence, article, years);
    return carried;
  };
  return {
    sentence,
    article,
    figures: findFigures(sentence.text),
    clauses: clauses.map((c, i) => ({
      ...c,
      period: periodAt(c.end),
      own: norms.slice(groupStart(clauses, i), i + 1).join(" "),
      // The sentence's first clause, where its subject stands, is part of every clause's window; its neighbours are,
      // unless a semicolon parts them (…总投资412.6亿元；基础设施类项目29个…: another item).
      window: [
        ...(i > 1 ? [norms[0]!] : []),
        ...(i > 0 && !partedBefore(sentence.text, c) ? [norms[i - 1]!] : []),
        norms[i]!,
        ...(i + 1 < norms.length && !partedBefore(sentence.text, clauses[i + 1]!) ? [norms[i + 1]!] : []),
      ].join(" "),
    })),
    lead: norms[0] ?? "",
    norm: norms.join(" "),
    regionNorm,
    context: normalize(contextOf(sentence, article)),
    referent: REFERS_BACK.test(sentence.text) ? sentenceBefore(sentence, article) : "",
  };
}

const COMPANY_NAME = new RegExp(
  `[^\\s\\p{P}${BEFORE_A_NAME.join("")}]{2,16}${alt(COMPANY_ENDINGS)}|${ENGLISH_COMPANY.source}`,
  "u",
);
const COMPANY_REFERENCE = new RegExp(`${alt(COMPANY_REFERENCES)}|${ENGLISH_COMPANY_REFERENCE.source}`);
const REFERS_BACK = new RegExp(`^(?:${alt([...REFERRING_OUT, ...REFERRING, ...BARE_REFERENCES])})`);
const companies = new WeakMap<Article, string>();

/** The first company an article names in full (山西某某科技有限公司), or "". */
function companyOf(article: Article): string {
  let name = companies.get(article);
  if (name === undefined) {
    name = "";
    for (const p of article.paragraphs) {
      const found = p.sentences.map((s) => s.text.match(COMPANY_NAME)?.[0]).find(Boolean);
      if (found) {
        name = found;
        break;
      }
    }
    companies.set(article, name);
  }
  return name;
}

/** A year that dates an event (成立于2008年, founded in 2008): no period for the sentences after it. */
const FOUNDED = new RegExp(
  `(?:${alt(FOUNDING_VERBS)})[于於在]?\\d{4}年|(?:19|20)\\d\\d年(?:${alt(FOUNDING_VERBS)})|\\b(?:founded|established|set up) in \\d{4}`,
  "i",
);

/** Whether a semicolon stands right before a clause. */
function partedBefore(text: string, c: Clause): boolean {
  return /[；;]/.test(text[c.start - 1] ?? "");
}

/**
 * The time a sentence that names none goes on in: the last one named by the sentences before it in its paragraph
 * (2024年，全县地区生产总值…。其中，第一产业增加值…), or by the sentence a paragraph opening with 其中 follows. "" when none.
 */
function carriedPeriod(sentence: Sentence, article: Article, years: ArticleYears): string {
  const paragraph = article.paragraphs[sentence.paragraph]?.sentences ?? [];
  const at = paragraph.findIndex((s) => s.id === sentence.id);
  for (let i = at - 1; i >= 0; i--) {
    const text = paragraph[i]!.text;
    const period = periodOf(text, article.date, "last", years);
    // A time goes on (2024年，全县…。其中…); the date of an event it tells (成立于2008年) does not.
    if (period) return FOUNDED.test(text) ? "" : period;
  }
  const opener = paragraph[0];
  if (opener && REFERS_BACK.test(opener.text))
    return periodOf(sentenceBefore(opener, article), article.date, "last", years);
  return "";
}

/** The sentence before this one in its paragraph, or the last of the paragraph before; "" at the start. */
function sentenceBefore(sentence: Sentence, article: Article): string {
  const paragraph = article.paragraphs[sentence.paragraph]?.sentences ?? [];
  const at = paragraph.findIndex((s) => s.id === sentence.id);
  if (at > 0) return paragraph[at - 1]!.text;
  const before = article.paragraphs[sentence.paragraph - 1]?.sentences;
  return before?.[before.length - 1]?.text ?? "";
}

/**
 * The title, and the first clauses (where a subject stands) of the article, the paragraph and the sentence
 * before; for a sentence that speaks of a company (公司实现产值…), the company its article names first.
 */
function contextOf(sentence: Sentence, article: Article): string {
  const firstClause = (text: string | undefined) => (text ? (splitClauses(text)[0]?.text ?? "") : "");
  const paragraph = article.paragraphs[sentence.paragraph]?.sentences ?? [];
  const at = paragraph.findIndex((s) => s.id === sentence.id);
  const opening = article.paragraphs.find((p) => !p.heading)?.sentences[0]?.text;
  // A paragraph that opens by referring back (其中，…) goes on from the last sentence before it; a sentence that
  // refers back (该项目…) speaks of what the whole sentence before it names.
  const opener = paragraph[0];
  const before = opener && REFERS_BACK.test(opener.text) ? sentenceBefore(opener, article) : "";
  const previous = at > 0 ? paragraph[at - 1]!.text : "";
  return [
    article.title,
    article.region ?? "",
    firstClause(opening),
    at > 0 ? firstClause(paragraph[0]!.text) : "",
    REFERS_BACK.test(sentence.text) ? previous : firstClause(previous),
    firstClause(before),
    COMPANY_REFERENCE.test(sentence.text) ? companyOf(article) : "",
  ].join(" ");
}
