/**
 * Question → evidence → Answer. Evidence is a curated fact or a sentence with a figure in it; an
 * answer is given only when the evidence covers what the question asks about, in the place and year
 * it names, and it is assembled from the evidence's own words.
 */
import type { Fact, FactKind, FactValue } from "../model/knowledge.js";
import { CONFIDENCE, confidenceOf, signalsOf, type Signals } from "./judge/confidence.js";
import { ENGINE_OPTIONS } from "./options.js";
import { gather, kindFit, placeFits, type Candidate } from "./read/candidates.js";
import { titleYear, yearOf } from "./read/periods.js";
import { parseQuestion, type Question } from "./understand/question.js";
import type { Indexes, IndexedFact } from "./retrieve/indexes.js";
import { displayPeriod, statement, splitClauses } from "./state/statement.js";
import { normalize } from "./text.js";
import { closestName } from "./understand/typos.js";

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

export type NoAnswerReason = "empty" | "greeting" | "place" | "period" | "topic" | "vague" | "unsure";

export interface Answer {
  readonly question: string;
  readonly answered: boolean;
  /** One direct sentence (at most 200 characters), or why there is none. */
  readonly answer: string;
  readonly lang: "zh" | "en";
  /** The figure as the quote writes it (1200万千瓦; a list joined with 、); absent without an answer. */
  readonly figure?: string;
  readonly citations: readonly Citation[];
  readonly facts: readonly AnswerFact[];
  /** The same figure for another period or from another source, each with its citation. */
  readonly others: readonly { readonly answer: string; readonly citation: Citation }[];
  /** Questions to ask next, each answerable from the knowledge base. */
  readonly related: readonly string[];
  readonly reason?: NoAnswerReason;
  /** Parts of a several-part question that the knowledge base does not answer. */
  readonly unansweredParts?: readonly string[];
  /** What the judgment rested on (confidence.ts), when evidence was found. */
  readonly signals?: Signals;
  readonly didYouMean?: string;
}

/** Below this share of the question's concepts found in the evidence, the bot says it does not know (options.ts). */
export const MIN_COVERAGE = ENGINE_OPTIONS.minCoverage;
const JUDGED_KINDS: ReadonlySet<string> = new Set(["amount", "count", "share", "growth", "fraction", "duration", "rank", "time"]);
const MAX_QUESTION = ENGINE_OPTIONS.limits.questionChars;
const MAX_ANSWER = 200;


export function answerQuestion(ix: Indexes, raw: string, now: Date): Answer {
  return answerMany(ix, raw, now, 1)[0]!;
}

/**
 * With no year asked, of the evidence that answers about as well as the best (the same kind of figure, as
 * much of the question), the latest: 装机有多少 is asked of now, not of two years ago.
 */
function latestOf(q: Question, ranked: readonly Candidate[]): Candidate {
  const top = ranked[0]!;
  if (q.years.length || q.relativeYears.length) return top;
  const close = ranked.filter((c) => c.kind === top.kind && c.score >= top.score - 0.3 && c.coverage >= top.coverage - 0.05);
  // A target for a later year than its article's (20 GW by 2027) is a plan, not the latest figure.
  const when = (c: Candidate) => {
    const year = yearOf(c.period) ?? 0;
    if (!c.period || year > Number(c.article.date.slice(0, 4))) return 0;
    return year * 100 + Number(c.period.match(/(\d{1,2})月/)?.[1] ?? 12);
  };
  return close.reduce((a, c) => (when(c) > when(a) ? c : a), top);
}

/** "I don't know", with why and what the bot can answer instead. */
function noAnswer(ix: Indexes, question: string, lang: "zh" | "en", reason: NoAnswerReason, answer: string, extra: Partial<Answer>): Answer {
  return { question, answered: false, answer, lang, citations: [], facts: [], others: [], related: suggestionsFor(ix, []), reason, ...extra };
}

/** The answer, then up to `limit - 1` more from other evidence; one "don't know" when there is none. */
export function answerMany(ix: Indexes, raw: string, now: Date, limit: number, threshold: number = CONFIDENCE.threshold): Answer[] {
  const question = raw.replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION);
  const lang = /\p{Script=Han}/u.test(question) || !/[a-z]{2}/i.test(question) ? "zh" : "en";
  const none = (reason: NoAnswerReason, answer: string, extra: Partial<Answer> = {}) => [noAnswer(ix, raw, lang, reason, answer, extra)];
  const en = lang === "en";

  if (!normalize(question)) {
    return none("empty", en ? "Please ask a question about Xinzhou's economy." : "请提一个关于忻州经济的问题。");
  }
  const q = parseQuestion(question, ix, now);
  if (q.greeting) {
    return none("greeting", en ? "Hello! Ask me about the economy of Xinzhou." : "你好！请问忻州经济的问题。");
  }
  if (q.foreignPlace) {
    return none(
      "place",
      en
        ? `I only know about Xinzhou and the Taiyuan–Xinzhou zone, not ${q.foreignPlace}.`
        : `我的资料只涉及忻州市和太忻一体化经济区，没有关于“${q.foreignPlace}”的信息。`,
    );
  }
  const parts = splitQuestion(question).slice(0, ENGINE_OPTIONS.limits.parts);
  if (parts.length > 1) {
    // "多少家？排名如何？": each part answered on its own, with the first part's subject carried over.
    // A part that names nothing of its own (排名如何？) takes the first part's subject.
    const standalone = (part: string) => {
      const alone = parseQuestion(part, ix, now);
      return alone.places.length > 0 && alone.concepts.length > 0 && !/这|该|其|此|它|it\b|this\b/i.test(part) ? alone : undefined;
    };
    const each = parts.map((part, i) => answerParsed(ix, (i ? standalone(part) : undefined) ?? parseQuestion(i ? `${part} ${parts[0]}` : part, ix, now, part), raw, lang, 1, threshold, true)[0]!);
    const answers = each.filter((a) => a.answered);
    // Every part the base does not answer is said to be unanswered, in the same reply.
    const missing = parts.filter((_, i) => !each[i]!.answered);
    if (answers.length) return [combine(answers, missing, en)];
  }
  return answerParsed(ix, q, raw, lang, limit, threshold);
}

/** The steps after parsing, for a whole question or one part of it. */
function answerParsed(ix: Indexes, q: Question, raw: string, lang: "zh" | "en", limit: number, threshold: number, part = false): Answer[] {
  const en = lang === "en";
  const none = (reason: NoAnswerReason, answer: string, extra: Partial<Answer> = {}) => [noAnswer(ix, raw, lang, reason, answer, extra)];
  if (!q.concepts.length) {
    const related = suggestionsFor(ix, q.places);
    return none("vague", en ? "What would you like to know? For example:" : "想了解哪方面？例如：", { related });
  }

  const candidates = gather(ix, q);
  // Evidence of a kind the question does not want (a rank for 多少游客) does not answer it.
  const covered = candidates.filter((c) => c.coverage >= MIN_COVERAGE && (!q.kinds.length || kindFit(q.kinds, c.kind) > 0));
  // Evidence that names no time of its own speaks of its article's year.
  const inYear = q.years.length ? covered.filter((c) => q.years.includes(yearOf(c.period) ?? yearOf(`${c.article.date.slice(0, 4)}年`)!)) : covered;
  const didYouMean = q.changes.length ? q.changes.map(([, to]) => to).join(" ") : undefined;
  // A part that is not answered is dropped, so it needs no suggestions.
  const suggestion = () => didYouMean ?? (part ? undefined : nearestName(ix, q));
  if (!inYear.length) {
    if (covered.length) {
      const years = q.years.join("、");
      return none("period", en ? `I have no figures for ${years} on this.` : `知识库里没有${years}年的相关数据。`, {
        related: covered.slice(0, 3).map((c) => relatedQuestion(c)),
      });
    }
    const near = candidates.filter((c) => c.coverage > 0).slice(0, 3).map((c) => relatedQuestion(c));
    return none(
      "topic",
      en ? "I don't know: the knowledge base does not say." : "抱歉，知识库里没有这个问题的答案。",
      (() => {
        const name = suggestion();
        return { related: near.length ? [...new Set(near)] : suggestionsFor(ix, q.places), ...(name ? { didYouMean: name } : {}) };
      })(),
    );
  }

  const best = latestOf(q, inYear);
  const signals = signalsOf(best, inYear);
  // Figures read from uncurated sentences are judged by confidence; facts, names and lists by coverage alone.
  if (!best.fact && JUDGED_KINDS.has(best.kind) && confidenceOf(signals) < threshold) {
    return none("unsure", en ? "I am not sure enough of any figure to answer that." : "抱歉，资料里找不到把握足够的答案。", {
      related: inYear.slice(0, 3).map((c) => relatedQuestion(c)),
      signals,
    });
  }
  const others = inYear
    .slice(1)
    .filter((c) => c.quote !== best.quote && c.kind === best.kind && c.coverage >= best.coverage - 0.05 && c.period !== best.period && sameMetric(c, best))
    .slice(0, 1)
    .map((c) => ({ answer: toStatement(ix, c), citation: citationOf(c) }));
  const related = [
    ...new Set(
      candidates
        // Next questions stay near this one: about what it asked, or from the same article.
        .filter((c) => c.fact && c.quote !== best.quote && c.fact.fact.metric !== best.fact?.fact.metric && (c.coverage >= 0.3 || c.article === best.article))
        .slice(0, 6)
        .map(relatedQuestion),
    ),
  ].slice(0, 3);
  const first: Answer = {
    ...answerFrom(ix, raw, lang, best),
    signals,
    others,
    related: related.length ? related : nearbyQuestions(ix, best),
    ...(didYouMean ? { didYouMean } : {}),
  };

  // Further answers from other evidence, for inline results: each its own figure and citation.
  const answers = [first];
  const seen = new Set([first.answer]);
  for (const c of inYear.slice(1)) {
    if (answers.length >= limit) break;
    const a = answerFrom(ix, raw, lang, c);
    if (seen.has(a.answer)) continue;
    seen.add(a.answer);
    answers.push(a);
  }
  return answers;
}

function answerFrom(ix: Indexes, question: string, lang: "zh" | "en", c: Candidate): Answer {
  const figure = c.spans.map((s) => c.quote.slice(s.index, s.index + s.length)).join("、");
  const said = toStatement(ix, c);
  return {
    question,
    answered: true,
    // An English question gets the figure and its period in English; the article's words stay as written.
    // (The period stays written 2024年1月至9月: a bare number that no quote holds would read as a figure.)
    answer: lang === "en" && figure ? clip(`The figure: ${figure}${c.period ? ` (${displayPeriod(c.period)})` : ""}. ${said}`) : said,
    lang,
    figure,
    citations: [citationOf(c)],
    facts: [factOf(c)],
    others: [],
    related: [],
  };
}

/** Parts of a question that asks several things: split at ？ and ；, and at a comma between two questions. */
export function splitQuestion(question: string): string[] {
  const asks = (part: string) => QUESTION_CUE.test(part);
  const parts: string[] = [];
  for (const piece of question.split(/[？?；;]+/)) {
    const commas = piece.split(/[，,]/);
    let current = "";
    for (const c of commas) {
      if (current && asks(current) && asks(c)) {
        parts.push(current);
        current = c;
      } else current = current ? `${current}，${c}` : c;
    }
    parts.push(current);
  }
  return parts.map((p) => p.trim()).filter((p) => /[\p{Script=Han}a-z]{2}/iu.test(p));
}

const QUESTION_CUE = /多少|几|哪|什么|谁|如何|怎么|怎样|啥|吗|how|what|which|who|when/i;

/** One answer from the answers to each part of a question. */
function combine(answers: readonly Answer[], missing: readonly string[], en: boolean): Answer {
  const first = answers[0]!;
  const statements = [...new Set(answers.map((a) => a.answer))];
  // The parts left unanswered are named in the reply's text (render), not in the direct answer: they are
  // the user's words, and the direct answer holds only what the articles say.
  const joined = statements.join("");
  const citations = answers.flatMap((a) => a.citations).filter((c, i, all) => all.findIndex((x) => x.quote === c.quote) === i);
  return {
    ...first,
    answer: joined.length <= MAX_ANSWER ? joined : first.answer,
    ...(missing.length ? { unansweredParts: missing } : {}),
    figure: answers.map((a) => a.figure).filter(Boolean).join("；"),
    citations: joined.length <= MAX_ANSWER ? citations : first.citations,
    facts: joined.length <= MAX_ANSWER ? answers.flatMap((a) => a.facts) : first.facts,
  };
}

/** The known name closest to what the question asked about, for "did you mean" (fuse.js). */
function nearestName(ix: Indexes, q: Question): string | undefined {
  const named = q.concepts.filter((c) => /\p{Script=Han}/u.test(c.text) && [...c.text].length >= 2);
  for (const c of named.sort((a, b) => b.weight - a.weight).slice(0, 2)) {
    const name = closestName(ix, c.text);
    if (name) return name;
  }
  return undefined;
}

function toStatement(ix: Indexes, c: Candidate): string {
  const subjectNames = subjectNamesOf(ix, c.subject);
  if (c.fact?.fact.kind === "person") {
    const f = c.fact.fact;
    return clip(`${f.role ?? `${f.subject}${f.metric}`}是${f.values.join("、")}（${displayPeriod(f.period)}）。`);
  }
  const made = statement({
    quote: c.quote,
    spans: c.spans,
    subject: c.subject,
    subjectNames,
    period: c.period,
    articleDate: c.article.date,
    reportYear: titleYear(c.article.title),
  });
  if (made.length <= MAX_ANSWER) return made;
  if (c.fact && c.fact.fact.values.every((v) => typeof v === "string")) {
    const f = c.fact.fact;
    return clip(`${f.subject}的${f.metric}：${f.values.join("、")}（${displayPeriod(f.period)}）。`);
  }
  return clip(made);
}

function clip(text: string): string {
  return text.length <= MAX_ANSWER ? text : `${text.slice(0, MAX_ANSWER - 1)}…`;
}

function subjectNamesOf(ix: Indexes, subject: string): string[] {
  const group = ix.groups.find((g) => g.terms.includes(subject));
  const names = group ? group.terms.filter((t) => /\p{Script=Han}/u.test(t)) : [];
  const short = subject.replace(/(市|县|区|省)$/, "");
  return [...names, ...(short.length >= 2 ? [short] : [])];
}

function citationOf(c: Candidate): Citation {
  const a = c.article;
  return { title: a.title, publisher: a.publisher, date: a.date, url: a.url, quote: c.quote };
}

function factOf(c: Candidate): AnswerFact {
  if (c.fact) {
    const f = c.fact.fact;
    return {
      subject: f.subject,
      metric: f.metric,
      value: f.values.length === 1 ? f.values[0]! : f.values,
      unit: f.unit,
      period: f.period,
      kind: f.kind,
      source: c.article.url,
    };
  }
  const span = c.spans[0];
  const text = span ? c.quote.slice(span.index, span.index + span.length) : c.quote;
  const figure = c.passage?.figures.find((f) => f.index === span?.index);
  const clause = splitClauses(c.quote).find((x) => span && x.start <= span.index && span.index < x.end);
  const metric = clause && span ? c.quote.slice(clause.start, span.index).replace(/^该市|^该/, "").trim() : "";
  return {
    subject: c.subject,
    metric,
    value: figure ? figure.value : text,
    unit: figure?.unit ?? "",
    period: c.period,
    kind: c.kind,
    source: c.article.url,
  };
}

function sameMetric(a: Candidate, b: Candidate): boolean {
  if (a.fact && b.fact) return a.fact.metricNorm === b.fact.metricNorm;
  return false;
}


/** A question that the knowledge base answers with this candidate's fact. */
function relatedQuestion(c: Candidate): string {
  const f = c.fact?.fact;
  if (!f) return `${c.subject}${factOf(c).metric}是多少？`.replace(/^是多少？$/, "");
  return questionFor(f);
}

export function questionFor(f: Fact): string {
  const subject = f.metric.includes(f.subject.replace(/市$/, "")) ? "" : f.subject;
  switch (f.kind) {
    case "person":
      return `${f.role ?? `${subject}${f.metric}`}是谁？`;
    case "list":
      return `${subject}${f.metric}有哪些？`;
    case "rank":
      return `${subject}${f.metric.replace(/(全省|全国)?(排名|排位|名次)$/, "")}排名第几？`;
    case "text":
      return `${subject}${f.metric}是什么？`;
    default:
      return `${subject}${f.metric}是多少？`;
  }
}

/** Questions about the facts written nearest to the evidence in its article. */
function nearbyQuestions(ix: Indexes, best: Candidate): string[] {
  const paragraph = best.fact?.paragraph ?? best.passage?.sentence.paragraph ?? 0;
  return ix.factList
    .filter((f) => f.article === best.article && f.fact.quote !== best.quote && f.fact.kind !== "person")
    .sort((a, b) => Math.abs(a.paragraph - paragraph) - Math.abs(b.paragraph - paragraph))
    .map((f) => questionFor(f.fact))
    .filter((q, i, all) => all.indexOf(q) === i)
    .slice(0, 3);
}

/** A few questions the knowledge base answers, about the places named when there are any. */
export function suggestionsFor(ix: Indexes, places: readonly (readonly string[])[]): string[] {
  const numeric = ix.factList.filter((f) => ["amount", "share", "count", "growth"].includes(f.fact.kind));
  const about = places.length ? numeric.filter((f) => placeFits(places, f.context)) : numeric;
  // Short metrics make the clearest examples.
  const pool = [...(about.length ? about : numeric)].sort((a, b) => a.fact.metric.length - b.fact.metric.length);
  // One from each article in turn, so that every article shows.
  const byArticle = new Map<string, IndexedFact[]>();
  for (const f of pool) byArticle.set(f.fact.articleId, [...(byArticle.get(f.fact.articleId) ?? []), f]);
  const out: string[] = [];
  for (let i = 0; out.length < 3 && i < pool.length; i++) {
    for (const list of byArticle.values()) if (list[i] && out.length < 3) out.push(questionFor(list[i]!.fact));
  }
  return out;
}
