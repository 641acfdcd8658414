/**
 * A question's way through the engine, one stage a call: understand (text → Question), retrieve
 * (Question → hits), read (hits → candidates), judge (candidates → a judgment), state (judgment → the
 * answer's data). Each stage is a folder beside this file, and each can be run and measured alone.
 */
import { judge } from "./judge/judge.js";
import { read } from "./read/candidates.js";
import type { Indexes } from "./retrieve/indexes.js";
import { type Hits, retrieve } from "./retrieve/search.js";
import { type Answer, combine, type Language, refusal, state } from "./state/answer.js";
import { comparedAnswer } from "./state/compare.js";
import { normalize } from "./text.js";
import { type Comparison, comparisonOf } from "./understand/compare.js";
import { languageOf } from "./understand/language.js";
import { refersBack, splitQuestion } from "./understand/parts.js";
import { parseQuestion, type Question } from "./understand/question.js";

export function answerQuestion(ix: Indexes, raw: string, now: Date): Answer {
  return answerMany(ix, raw, now, { limit: 1 })[0]!;
}

/** How many answers, and the judge's threshold when not the options' (calibration asks with none). */
export interface Asking {
  readonly limit: number;
  readonly threshold?: number;
}

/** What a question's stages share: the indexes, the question as asked, its language, when, the threshold. */
interface Ask {
  readonly ix: Indexes;
  readonly raw: string;
  readonly lang: Language;
  readonly now: Date;
  readonly threshold: number;
  /** The hits of each search text retrieved so far: the parts of a question often search the same words. */
  readonly hits: Map<string, Hits>;
}

/** The answer, then up to `limit - 1` more from other evidence; one "don't know" when there is none. */
export function answerMany(ix: Indexes, raw: string, now: Date, asking: Asking): Answer[] {
  const o = ix.options;
  const question = raw.replace(/\s+/g, " ").trim().slice(0, o.limits.questionChars);
  const lang = languageOf(question);
  const asked = { ix, raw, lang };
  if (!normalize(question)) return [refusal(asked, "empty")];
  const q = parseQuestion(question, ix, now);
  if (q.greeting) return [refusal(asked, "greeting")];
  const ask: Ask = { ix, raw, lang, now, threshold: asking.threshold ?? o.confidence.threshold, hits: new Map() };
  // A comparison is answered side by side, before a place the base lacks refuses it: the other side may be known.
  const comparison = comparisonOf(question);
  const compared = comparison && answerComparison(ask, comparison);
  if (compared) return [compared];
  if (q.foreignPlace) return [refusal(asked, "place", { foreignPlace: q.foreignPlace })];
  const parts = splitQuestion(question).slice(0, o.limits.parts);
  if (parts.length > 1) {
    const each = parts.map((_, i) => answerPart(ask, parts, i));
    const answered = each.filter((a) => a.answered);
    // Every part the base does not answer is said to be unanswered, in the same reply.
    const missing = parts.filter((_, i) => !each[i]!.answered);
    if (answered.length) return [combine(answered, missing, o)];
  }
  return answerParsed(ask, q, asking.limit, false);
}

/**
 * One part of a several-part question, answered on its own. A part that names nothing of its own
 * (排名如何？) takes the first part's subject.
 */
function answerPart(ask: Ask, parts: string[], i: number) {
  const { ix, now } = ask;
  const part = parts[i]!;
  // A part that points back is never read alone: it is not parsed alone either.
  const alone = i && !refersBack(part) ? parseQuestion(part, ix, now) : undefined;
  const standalone = alone && alone.places.length > 0 && alone.concepts.length > 0;
  const q = standalone ? alone : parseQuestion(i ? `${part} ${parts[0]}` : part, ix, now, part);
  return answerParsed(ask, q, 1, true)[0]!;
}

/** Each side of a comparison asked alone; a side of a place the base lacks is not answered. */
function answerComparison(ask: Ask, comparison: Comparison): Answer | undefined {
  const each = comparison.sides.map((side) => {
    const q = parseQuestion(side.question, ask.ix, ask.now);
    return q.foreignPlace ? undefined : answerParsed(ask, q, 1, true)[0];
  });
  const unanswered = refusal(ask, "topic");
  return comparedAnswer(
    comparison,
    each.map((a) => a ?? unanswered),
    ask.ix.options,
  );
}

/** The stages after understanding, for a whole question or one part of it. */
function answerParsed(ask: Ask, q: Question, limit: number, part: boolean) {
  const { ix, raw, lang, threshold } = ask;
  const o = ix.options;
  const candidates = q.concepts.length ? read(ix, q, hitsOf(ask, q), o) : [];
  const judgment = judge(q, candidates, threshold, o);
  return state({ ix, q, raw, lang, part, threshold }, judgment, limit);
}

/** What the question's words find, retrieved once for all the parts that search the same words. */
function hitsOf(ask: Ask, q: Question): Hits {
  let hits = ask.hits.get(q.searchText);
  if (!hits) {
    hits = retrieve(ask.ix, q, ask.ix.options);
    ask.hits.set(q.searchText, hits);
  }
  return hits;
}
