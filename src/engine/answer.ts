/**
 * A question's way through the engine, one stage a call: understand (text → Question), retrieve
 * (Question → hits), read (hits → candidates), judge (candidates → a judgment), state (judgment → the
 * answer's data). Each stage is a folder beside this file, and each can be run and measured alone.
 */
import { judge } from "./judge/judge.js";
import { read } from "./read/candidates.js";
import type { Indexes } from "./retrieve/indexes.js";
import { retrieve } from "./retrieve/search.js";
import { combine, refusal, state, type Answer, type Language } from "./state/answer.js";
import { normalize } from "./text.js";
import { languageOf } from "./understand/language.js";
import { refersBack, splitQuestion } from "./understand/parts.js";
import { parseQuestion, type Question } from "./understand/question.js";

export function answerQuestion(ix: Indexes, raw: string, now: Date): Answer {
  return answerMany(ix, raw, now, 1)[0]!;
}

/** The answer, then up to `limit - 1` more from other evidence; one "don't know" when there is none. */
export function answerMany(ix: Indexes, raw: string, now: Date, limit: number, threshold?: number): Answer[] {
  const o = ix.options;
  const question = raw.replace(/\s+/g, " ").trim().slice(0, o.limits.questionChars);
  const lang = languageOf(question);
  if (!normalize(question)) return [refusal(ix, raw, lang, "empty")];
  const q = parseQuestion(question, ix, now);
  if (q.greeting) return [refusal(ix, raw, lang, "greeting")];
  if (q.foreignPlace) return [refusal(ix, raw, lang, "place", { foreignPlace: q.foreignPlace })];
  const judged = threshold ?? o.confidence.threshold;
  const parts = splitQuestion(question).slice(0, o.limits.parts);
  if (parts.length > 1) {
    const each = parts.map((part, i) => answerPart(ix, parts, i, now, raw, lang, judged));
    const answered = each.filter((a) => a.answered);
    // Every part the base does not answer is said to be unanswered, in the same reply.
    const missing = parts.filter((_, i) => !each[i]!.answered);
    if (answered.length) return [combine(answered, missing, o)];
  }
  return answerParsed(ix, q, raw, lang, limit, judged, false);
}

/**
 * One part of a several-part question, answered on its own. A part that names nothing of its own
 * (排名如何？) takes the first part's subject.
 */
function answerPart(ix: Indexes, parts: string[], i: number, now: Date, raw: string, lang: Language, threshold: number) {
  const part = parts[i]!;
  const alone = i ? parseQuestion(part, ix, now) : undefined;
  const standalone = alone && alone.places.length > 0 && alone.concepts.length > 0 && !refersBack(part);
  const q = standalone ? alone : parseQuestion(i ? `${part} ${parts[0]}` : part, ix, now, part);
  return answerParsed(ix, q, raw, lang, 1, threshold, true)[0]!;
}

/** The stages after understanding, for a whole question or one part of it. */
function answerParsed(ix: Indexes, q: Question, raw: string, lang: Language, limit: number, threshold: number, part: boolean) {
  const o = ix.options;
  const candidates = q.concepts.length ? read(ix, q, retrieve(ix, q, o), o) : [];
  const judgment = judge(q, candidates, threshold, o);
  return state({ ix, q, raw, lang, part }, judgment, limit);
}
