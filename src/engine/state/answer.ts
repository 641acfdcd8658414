/**
 * Stating: a judgment becomes the answer's data: the direct answer composed from the quote's own words,
 * its citation and fact, the same figure for other periods, questions to ask next, or the reason there is
 * no answer with what the sources hold nearby. The sentences around it (framing, refusals) are the
 * renderer's (src/render/words.ts).
 */

import type { Signals } from "../judge/confidence.js";
import type { Judgment } from "../judge/judge.js";
import type { Candidate } from "../read/candidates.js";
import type { Conflict } from "../read/frame.js";
import { articleYears } from "../read/periods.js";
import type { Indexes } from "../retrieve/indexes.js";
import type { DescribeKind } from "../understand/describe.js";
import type { Question } from "../understand/question.js";
import type { Compared } from "./compare.js";
import { type AnswerFact, type Citation, citationOf, factOf, figureOf, metricOf } from "./facts.js";
import type { OverviewItem } from "./overview.js";
import { nearestName, nextQuestions } from "./related.js";
import { type SeriesPoint, seriesOf } from "./series.js";
import { displayPeriod, statement } from "./statement.js";
import { englishMeasure, type Lacking, lackingOf, proposals, questionIn, withoutPlace } from "./suggest.js";

export type { AnswerFact, Citation } from "./facts.js";
export type { OverviewItem } from "./overview.js";
export type { SeriesPoint } from "./series.js";
export type { Lacking } from "./suggest.js";

export type NoAnswerReason = "empty" | "greeting" | "place" | "period" | "topic" | "vague" | "unsure" | "near";

export type Language = "zh" | "en";

export interface Answer {
  readonly question: string;
  readonly answered: boolean;
  /** The direct answer, cut from the quote (at most 200 characters); "" when there is none (see `reason`). */
  readonly answer: string;
  readonly lang: Language;
  /** The figure as the quote writes it (1200万千瓦; a list joined with 、); absent without an answer. */
  readonly figure?: string;
  /** The period the figure is for, as the evidence says it (2024年1-9月). */
  readonly period?: string;
  readonly citations: readonly Citation[];
  readonly facts: readonly AnswerFact[];
  /** The same figure for another period or from another source, each with its citation. */
  readonly others: readonly { readonly answer: string; readonly citation: Citation }[];
  /**
   * Questions to ask next, in the question's language, near what it asked; each one the engine answers
   * (answer.ts asks it before it is offered).
   */
  readonly related: readonly string[];
  /**
   * For an English answer: what the figure measures in English words where the lexicon has them, else the
   * article's own words (the reply quotes them).
   */
  readonly measureName?: string;
  /** For a refusal: the place and the measure asked, as the question names them, that the sources lack. */
  readonly lacking?: Lacking;
  /** For a comparison (忻州和太原哪个GDP高): each side's figure, and which side the question's word describes. */
  readonly comparison?: Compared;
  /** For a question over the years (这几年怎么变化): every period's figure, oldest first, each with its source. */
  readonly series?: readonly SeriesPoint[];
  /**
   * For an answer of one period whose measure the sources give for CHART_PERIODS periods or more: that series,
   * so that a reply can offer it (a chart) without asking again.
   */
  readonly overTime?: readonly SeriesPoint[];
  readonly reason?: NoAnswerReason;
  /** For a refusal of the period: the years asked that no evidence is of. */
  readonly missingYears?: readonly number[];
  /** For a refusal of the place: the place named that the knowledge base does not cover. */
  readonly foreignPlace?: string;
  /**
   * For a refusal because the sources hold only a near figure (another period, a target, another measure or
   * place): that figure, as what it is, with its citation. Never the answer.
   */
  readonly near?: {
    readonly answer: string;
    readonly citation: Citation;
    readonly conflict: Conflict;
    readonly period?: string;
  };
  /** Parts of a several-part question that the knowledge base does not answer. */
  readonly unansweredParts?: readonly string[];
  /** What the judgment rested on (judge/confidence.ts), when evidence was found. */
  readonly signals?: Signals;
  readonly didYouMean?: string;
  /** For a descriptive question (是什么, 有哪些, 为什么, 如何): its kind; the answer is the sentences' own words. */
  readonly describing?: DescribeKind;
  /** For an overview of a place (忻州经济怎么样): its headline figures, each asked and judged as a figure question. */
  readonly overview?: readonly OverviewItem[];
}

/** What a question's answers are made with. */
export interface Asked {
  readonly ix: Indexes;
  readonly q: Question;
  readonly raw: string;
  readonly lang: Language;
  /** A part of a several-part question: an unanswered part is dropped, so it needs no suggestions. */
  readonly part: boolean;
  /** The judge's threshold: a point of a series from a sentence is as sure as an answer. */
  readonly threshold: number;
}

/** A series of fewer periods says no more than the answer and its other figure: no chart is offered for it. */
export const CHART_PERIODS = 3;

/** Reasons whose refusal names what was asked: the sources lack it, or hold nothing sure about it. */
const NAMED: ReadonlySet<NoAnswerReason> = new Set(["topic", "unsure", "period", "near"]);

/**
 * "I don't know", with why, what was asked that the sources lack, and what the bot can answer instead (near
 * the question when it was understood).
 */
export function refusal(
  asked: Pick<Asked, "ix" | "raw" | "lang"> & { readonly q?: Question },
  reason: NoAnswerReason,
  extra: Partial<Answer> = {},
): Answer {
  const { ix, raw, lang, q } = asked;
  const related = proposals(ix, q, lang, []);
  const lacking = q && NAMED.has(reason) ? lackingOf(q, lang) : undefined;
  return {
    question: raw,
    answered: false,
    answer: "",
    lang,
    citations: [],
    facts: [],
    others: [],
    related,
    reason,
    ...(lacking ? { lacking } : {}),
    ...extra,
  };
}

/** The answer, then up to `limit - 1` more from other evidence (for inline results); one refusal when there is none. */
export function state(asked: Asked, judgment: Judgment, limit: number): Answer[] {
  const { ix, q, lang } = asked;
  // A part of a several-part question left unanswered is dropped from the reply: it needs no suggestions.
  const related = (cs: readonly Candidate[]) => (asked.part ? [] : proposals(ix, q, lang, cs));
  const didYouMean = q.changes.length ? q.changes.map(([, to]) => to).join(" ") : undefined;
  switch (judgment.verdict) {
    case "vague":
      return [refusal(asked, "vague", { related: related([]) })];
    case "period":
      return [refusal(asked, "period", { missingYears: q.years, related: related(judgment.near) })];
    case "topic": {
      const name = didYouMean ?? (asked.part ? undefined : nearestName(ix, q));
      const extra = { related: related(judgment.near), ...(name ? { didYouMean: name } : {}) };
      return [refusal(asked, "topic", extra)];
    }
    case "unsure":
      return [refusal(asked, "unsure", { related: related(judgment.pool), signals: judgment.signals })];
    case "near": {
      const c = judgment.near;
      const near = {
        answer: toStatement(ix, c),
        citation: citationOf(c),
        conflict: judgment.conflict,
        ...(c.period ? { period: c.period } : {}),
      };
      return [refusal(asked, "near", { near, related: related([c]) })];
    }
    case "answer":
      return answers(asked, judgment, limit, didYouMean);
  }
}

function answers(
  asked: Asked,
  j: Extract<Judgment, { verdict: "answer" }>,
  limit: number,
  didYouMean?: string,
): Answer[] {
  const { ix, raw, lang } = asked;
  const { best, pool, beside } = j;
  const o = ix.options;
  const others = pool
    .slice(1)
    .filter(
      (c) =>
        c.quote !== best.quote &&
        c !== beside &&
        c.kind === best.kind &&
        c.coverage >= best.coverage - o.othersCoverage &&
        c.period !== best.period &&
        sameMetric(c, best),
    )
    .slice(0, 1)
    .map((c) => ({ answer: toStatement(ix, c), citation: citationOf(c) }));
  const series = asked.q.series ? seriesOf(ix, { best, pool, span: asked.q.seriesSpan }, asked.threshold) : [];
  const overTime = asked.q.series || asked.part ? [] : seriesOf(ix, { best, pool: j.candidates }, asked.threshold);
  const first: Answer = {
    ...withBeside(ix, answerFrom(ix, raw, lang, best), beside),
    signals: j.signals,
    others: series.length ? [] : others,
    related: asked.part ? [] : nextOf(asked, best, j.candidates),
    ...(didYouMean ? { didYouMean } : {}),
    // Every point's quote is cited: each figure the reply lists stands in one of them.
    ...(series.length ? { series, citations: uniqueCitations(series.map((p) => p.citation)) } : {}),
    ...(overTime.length >= CHART_PERIODS ? { overTime } : {}),
  };
  // Further answers from other evidence, for inline results: each its own figure and citation.
  const out = [first];
  const seen = new Set([first.answer]);
  for (const c of pool.slice(1)) {
    if (out.length >= limit) break;
    const a = answerFrom(ix, raw, lang, c);
    if (seen.has(a.answer)) continue;
    seen.add(a.answer);
    out.push(a);
  }
  return out;
}

/** Questions after an answer: about the facts near it, then near the question; in its language, to be asked first. */
function nextOf(asked: Asked, best: Candidate, candidates: readonly Candidate[]): string[] {
  const { ix, q, lang } = asked;
  const want = ix.options.limits.related * 3;
  const next = nextQuestions(ix, best, candidates, { ask: (f) => questionIn(ix, lang, f), want });
  return [...new Set([...next, ...proposals(ix, q, lang, [])])].slice(0, want);
}

/**
 * The answer's measure in English words where the lexicon has them, else a curated fact's own words; a
 * sentence's words before its figure are named only in English (they are a clause, not a name).
 */
function measureNamed(ix: Indexes, c: Candidate): { measureName?: string } {
  const f = c.fact?.fact;
  const name = f
    ? (englishMeasure(ix, withoutPlace(f.metric, f.subject)) ?? f.metric)
    : englishMeasure(ix, withoutPlace(metricOf(c), c.subject));
  return name ? { measureName: name } : {};
}

function answerFrom(ix: Indexes, question: string, lang: Language, c: Candidate): Answer {
  return {
    question,
    answered: true,
    answer: toStatement(ix, c),
    lang,
    figure: figureOf(c),
    ...(c.period ? { period: c.period } : {}),
    citations: [citationOf(c)],
    facts: [factOf(c)],
    others: [],
    related: [],
    ...(lang === "en" ? measureNamed(ix, c) : {}),
  };
}

/**
 * The full year's figure with a later part of a year's beside it, each with its period, when the two fit in
 * one direct answer (2023年，…；2024年1月至6月，…。); the full year's alone when they do not.
 */
function withBeside(ix: Indexes, a: Answer, beside: Candidate | undefined): Answer {
  if (!beside) return a;
  const later = toStatement(ix, beside);
  const joined = `${a.answer.replace(/。$/, "")}；${later}`;
  if (joined.length > ix.options.limits.answerChars) return a;
  const citation = citationOf(beside);
  const cited = a.citations.some((c) => c.quote === citation.quote);
  return {
    ...a,
    answer: joined,
    citations: cited ? a.citations : [...a.citations, citation],
    facts: [...a.facts, factOf(beside)],
  };
}

/** One answer from the answers to each part of a question. */
export function combine(parts: readonly Answer[], missing: readonly string[], o: Indexes["options"]): Answer {
  const first = parts[0]!;
  // A part's statement that another part's already says (the count, then the count with its investment) goes.
  const unique = [...new Set(parts.map((a) => a.answer))];
  const said = (x: string, y: string) => x !== y && y.includes(x.replace(/(?:。|……)$/, ""));
  const statements = unique.filter((x) => !unique.some((y) => said(x, y)));
  // The parts left unanswered are named in the reply's text (render), not in the direct answer: they are
  // the user's words, and the direct answer holds only what the articles say.
  const joined = statements.join("");
  const fits = joined.length <= o.limits.answerChars;
  const citations = uniqueCitations(parts.flatMap((a) => a.citations));
  return {
    ...first,
    answer: fits ? joined : first.answer,
    ...(missing.length ? { unansweredParts: missing } : {}),
    figure: parts
      .map((a) => a.figure)
      .filter(Boolean)
      .join("；"),
    citations: fits ? citations : first.citations,
    facts: fits ? parts.flatMap((a) => a.facts) : first.facts,
  };
}

function uniqueCitations(all: readonly Citation[]): Citation[] {
  return all.filter((c, i) => all.findIndex((x) => x.quote === c.quote) === i);
}

function toStatement(ix: Indexes, c: Candidate): string {
  const max = ix.options.limits.answerChars;
  if (c.fact?.fact.kind === "person") {
    const f = c.fact.fact;
    return clip(`${f.role ?? `${f.subject}${f.metric}`}是${f.values.join("、")}（${displayPeriod(f.period)}）。`, max);
  }
  const made = statement({
    quote: c.quote,
    referent: c.passage?.referent,
    batch: c.article.title.match(BATCH_IN_TITLE)?.[0],
    spans: c.spans,
    subject: c.subject,
    subjectNames: subjectNamesOf(ix, c.subject),
    period: c.period,
    articleDate: c.article.date,
    years: articleYears(c.article),
  });
  if (made.length <= max) return made;
  if (c.fact && c.fact.fact.values.every((v) => typeof v === "string")) {
    const f = c.fact.fact;
    return clip(`${f.subject}的${f.metric}：${f.values.join("、")}（${displayPeriod(f.period)}）。`, max);
  }
  return clip(made, max);
}

/** The batch a title names (首批, 第二批): what its sentences' 此次 is. */
const BATCH_IN_TITLE = /首批|第[一二三四五六七八九十]批/;

/** At most `max` characters, cut with …. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function subjectNamesOf(ix: Indexes, subject: string): string[] {
  const group = ix.groups.find((g) => g.terms.includes(subject));
  const names = group ? group.terms.filter((t) => /\p{Script=Han}/u.test(t)) : [];
  const short = subject.replace(/(市|县|区|省)$/, "");
  return [...names, ...(short.length >= 2 ? [short] : [])];
}

function sameMetric(a: Candidate, b: Candidate): boolean {
  if (a.fact && b.fact) return a.fact.metricNorm === b.fact.metricNorm;
  return false;
}
