/**
 * Stating a description: the sentences that say what was asked, as the article writes them, are the direct
 * answer; nothing is put before them (no date, no subject) and nothing rewritten in them. A sentence too long
 * for a direct answer starts at the clause where the thing asked stands and ends at a clause, with ….
 */
import type { Judgment } from "../judge/judge.js";
import type { Candidate } from "../read/candidates.js";
import { splitClauses, TIME_CLAUSE } from "../read/clauses.js";
import type { Described } from "../read/describe.js";
import type { Passage } from "../read/passage.js";
import type { Question } from "../understand/question.js";
import { type Answer, type Asked, refusal } from "./answer.js";
import type { Citation } from "./facts.js";
import { suggestionsFor } from "./related.js";
import { isPreamble, trimQuotes } from "./statement.js";

/**
 * The answer to a descriptive question: the sentences that say it, when reading found any; else, when the
 * judge's answer is a sentence's (not a curated fact's), that sentence as it stands. A list a curated fact gives
 * (七大产业集群有哪些) stays the fact's answer; a figure never answers how or why. `undefined`: the usual answer
 * stands.
 */
export function describedAnswer(
  asked: Asked,
  described: readonly Described[],
  judgment: Judgment,
  usual: Answer,
): Answer | undefined {
  const { q } = asked;
  const kind = q.describing?.kind;
  if (!kind) return undefined;
  const best = judgment.verdict === "answer" ? judgment.best : undefined;
  if (kind === "list" && best?.fact && best.kind === "list") return undefined;
  // "What is" asks for a figure as often as for a meaning (What is the GDP of Xinzhou?): a figure found answers.
  if (kind === "define" && best && FIGURES.has(best.kind) && !/\p{Script=Han}/u.test(q.raw)) return undefined;
  if (described.length)
    return fromSentences(
      asked,
      described.map((d) => ({ passage: d.passage, at: d.at })),
    );
  if (best && !best.fact && best.passage && (best.kind === "text" || best.kind === "list") && usual.answered) {
    return fromSentences(asked, [{ passage: best.passage, at: thingIn(best, q) }]);
  }
  // A figure says neither how nor why (忻州如何发展新能源 is not answered by a rank): no sentence says it.
  if ((kind === "how" || kind === "why") && best && FIGURES.has(best.kind)) {
    return refusal(asked, "topic", {
      related: usual.related.length ? usual.related : suggestionsFor(asked.ix, q.places),
    });
  }
  return undefined;
}

const FIGURES: ReadonlySet<string> = new Set(["amount", "count", "share", "growth", "fraction", "duration", "rank"]);

/** Where the question's words first stand in a candidate's sentence, for where a long one is cut. */
function thingIn(c: Candidate, q: Question): number {
  const text = c.quote.toLowerCase();
  const at = q.concepts.flatMap((k) => k.forms.map((f) => text.indexOf(f))).filter((i) => i >= 0);
  return at.length ? Math.min(...at) : 0;
}

function fromSentences(asked: Asked, found: readonly { passage: Passage; at: number }[]): Answer {
  const { ix, q, raw, lang } = asked;
  const max = ix.options.limits.answerChars;
  const english = (p: Passage) => !/\p{Script=Han}/u.test(p.sentence.text);
  const whole = ix.options.limits.describedWhole;
  const cut = found.map((s) => said(s.passage.sentence.text, s.at, { max, whole }));
  const both = joinSaid(
    cut,
    found.map((s) => english(s.passage)),
  );
  // Two sentences when both fit; the best alone when not.
  const sentences = both.length <= max ? found : found.slice(0, 1);
  const joined = both.length <= max ? both : cut[0]!;
  return {
    question: raw,
    answered: true,
    answer: joined,
    lang,
    citations: sentences.map((s) => citationOfPassage(s.passage)),
    facts: [],
    others: [],
    related: suggestionsFor(ix, q.places),
    describing: q.describing!.kind,
  };
}

function joinSaid(parts: readonly string[], english: readonly boolean[]): string {
  return parts.reduce((all, part, i) => (i === 0 ? part : `${all}${english[i] ? " " : ""}${part}`), "");
}

export function citationOfPassage(p: Passage): Citation {
  const a = p.article;
  return { title: a.title, publisher: a.publisher, date: a.date, url: a.url, quote: p.sentence.text };
}

/**
 * A sentence as a direct answer: whole, without a speaker's clause before it (朱晓东代表说,) or quotation marks
 * that open or close nothing in it; when longer than `whole`, from the clause where the thing asked stands (at
 * `at`), and when longer than `max`, up to the last clause that fits, with ….
 */
/**
 * The sentence with the quotation marks around all of it as spaces (the same length): a sentence that is one
 * quotation (“我们聚焦…。”), or opens one it never closes, is still cut at its commas.
 */
function unquoted(text: string): string {
  if (!/^[“"]/.test(text)) return text;
  const close = text.lastIndexOf("”");
  if (close < 0) return ` ${text.slice(1)}`;
  if (/^[。！？!?]*$/.test(text.slice(close + 1)) && !text.slice(1, close).includes("“")) {
    return ` ${text.slice(1, close)} ${text.slice(close + 1)}`;
  }
  return text;
}

/** Quotation marks cut off from their pair by the cut (…新局面。” of a quotation begun before it) go. */
function balanced(text: string): string {
  let t = trimQuotes(text);
  const count = (ch: string) => t.split(ch).length - 1;
  if (t.endsWith("”") && count("”") > count("“")) t = t.slice(0, -1);
  if (t.startsWith("“") && count("“") > count("”")) t = t.slice(1);
  return t;
}

/** A clause that only says who speaks: 大家一致认为, 朱晓东代表说. */
const SAYS = /^[^，,；;“‘]{1,16}(?:认为|说|称|强调|提出)$/;

export function said(text: string, at: number, limits: { max: number; whole: number }): string {
  const { max, whole } = limits;
  const clauses = splitClauses(unquoted(text));
  let from = 0;
  for (const c of clauses) {
    // Who speaks goes; when it was (近年来, 今年1月至9月) stays: it is part of what the sentence says.
    const speaker = SAYS.test(c.text) || (isPreamble(c.text) && !TIME_CLAUSE.test(trimQuotes(c.text)));
    if (c.end > at || !speaker) break;
    from = c.end + 1;
  }
  const out = balanced(text.slice(from));
  if (out.length <= whole) return out;
  const start = clauses.find((c) => c.end > at)?.start ?? from;
  const body = balanced(text.slice(Math.max(from, start)));
  if (body.length <= max) return body;
  // Up to the end of the last clause that fits, then ….
  const offset = Math.max(from, start);
  const ends = clauses.map((c) => c.end - offset).filter((e) => e > 0 && e <= max - 1);
  const end = ends.length ? ends[ends.length - 1]! : max - 1;
  return `${balanced(text.slice(offset, offset + end))}…`;
}
