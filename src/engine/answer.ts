/**
 * A question's way through the engine, one stage a call: understand (text → Question), retrieve
 * (Question → hits), read (hits → candidates), judge (candidates → a judgment), state (judgment → the
 * answer's data). Each stage is a folder beside this file, and each can be run and measured alone.
 */
import { HEADLINES } from "../lexicon/describe.js";
import { judge } from "./judge/judge.js";
import { read } from "./read/candidates.js";
import { readDescription } from "./read/describe.js";
import type { Indexes } from "./retrieve/indexes.js";
import { type Hits, retrieve } from "./retrieve/search.js";
import { type Answer, combine, type Language, refusal, state } from "./state/answer.js";
import { comparedAnswer } from "./state/compare.js";
import { describedAnswer } from "./state/describe.js";
import { overviewOf } from "./state/overview.js";
import { suggestionsFor } from "./state/related.js";
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
  /** Whether the first answer's suggestions are asked before they are offered (true unless said). */
  readonly offer?: boolean;
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
  const answers = answerUnoffered(ix, raw, now, asking);
  if (asking.offer === false) return answers;
  return [offered(ix, answers[0]!, now), ...answers.slice(1)];
}

function answerUnoffered(ix: Indexes, raw: string, now: Date, asking: Asking): Answer[] {
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
  if (q.foreignPlace) return [refusal({ ...asked, q }, "place", { foreignPlace: q.foreignPlace })];
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
function answerParsed(ask: Ask, q: Question, limit: number, part: boolean): Answer[] {
  const { ix, raw, lang, threshold } = ask;
  const o = ix.options;
  if (q.overview && !part) return [answerOverview(ask, q)];
  const hits = q.concepts.length || q.describing ? hitsOf(ask, q) : undefined;
  const candidates = hits && q.concepts.length ? read(ix, q, hits, o) : [];
  const judgment = judge(q, candidates, threshold, o);
  const asked = { ix, q, raw, lang, part, threshold };
  const answers = state(asked, judgment, limit);
  // A descriptive question is answered by the sentences that say it, as they stand (state/describe.ts).
  const described = hits && q.describing ? readDescription(ix, q, hits, o) : [];
  const description = q.describing && describedAnswer(asked, described, judgment, answers[0]!);
  return description ? [description] : answers;
}

/**
 * An overview of a place: each headline figure asked of the engine as its own question about the place, so
 * each passes the same checks; too few of them, and the question is too vague to answer.
 */
function answerOverview(ask: Ask, q: Question): Answer {
  const place = q.places[0]![0]!;
  const headlines = HEADLINES.map(({ key, question }) => {
    const asked = parseQuestion(question.replace("{place}", place), ask.ix, ask.now);
    return { key, answer: answerParsed({ ...ask, lang: "zh" }, asked, 1, true)[0]! };
  });
  const asked = { ix: ask.ix, raw: ask.raw, lang: ask.lang };
  return overviewOf(asked, headlines) ?? refusal(asked, "vague", { related: suggestionsFor(ask.ix, q.places) });
}

/**
 * The last stage: each question proposed beside the answer is asked, and only those answered are offered, up
 * to `limits.related`. What a question gets does not change while the knowledge does not, so each is asked once
 * per knowledge (the indexes an engine answers from; an update makes new ones), in a bounded memory.
 */
function offered(ix: Indexes, a: Answer, now: Date): Answer {
  if (!a.related.length) return a;
  const want = ix.options.limits.related;
  const kept: string[] = [];
  const given = new Set(a.answered ? [a.answer] : []);
  for (const question of a.related) {
    if (kept.length >= want) break;
    const answer = answerOf(ix, question, now);
    // A question answered with what this reply already says is no next question.
    if (!answer || given.has(answer)) continue;
    given.add(answer);
    kept.push(question);
  }
  return { ...a, related: kept };
}

/** Each proposal's direct answer ("" for a refusal), per knowledge. */
const answeredBefore = new WeakMap<Indexes, Map<string, string>>();
/** Proposals are made from the knowledge, so they are few; the bound is for a corpus of many sentences. */
const ASKED_MEMORY = 8192;

function answerOf(ix: Indexes, question: string, now: Date): string {
  let memory = answeredBefore.get(ix);
  if (!memory) {
    memory = new Map();
    answeredBefore.set(ix, memory);
  }
  let answer = memory.get(question);
  if (answer === undefined) {
    const a = answerMany(ix, question, now, { limit: 1, offer: false })[0]!;
    answer = a.answered ? a.answer : "";
    if (memory.size >= ASKED_MEMORY) memory.clear();
    memory.set(question, answer);
  }
  return answer;
}

/**
 * Questions the knowledge base answers, for /start: the proposals of a question that names nothing, each asked
 * as of the latest article's date (they name no time of their own).
 */
export function exampleQuestions(ix: Indexes): string[] {
  const latest = [...ix.articles.values()].reduce((d, a) => (a.date > d ? a.date : d), "1970-01-01");
  const now = new Date(`${latest}T12:00:00Z`);
  const proposed = refusal({ ix, raw: "", lang: "zh" }, "empty");
  return [...offered(ix, proposed, Number.isNaN(now.getTime()) ? new Date(0) : now).related];
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
