/**
 * Evidence for a question: the facts and sentences the indexes find, each scored by how much of the
 * question it covers, whether it is about the place, year and unit asked, and whether its figure is of
 * the kind wanted. The best candidate first.
 */
import type { Article } from "../../model/knowledge.js";
import { findDates, type Figure } from "./figures.js";
import { monthSpan, yearOf } from "./periods.js";
import { PROVINCES } from "../../lexicon/places.js";
import { contains, coverage, gradedCoverage, isEnglish, type Question, type WantedKind } from "../understand/question.js";
import { commonLimit, LARGE_CORPUS, type Indexes, type IndexedFact, type Passage } from "../retrieve/indexes.js";
import type { Span } from "../state/statement.js";
import { bigrams, hanRuns, normalize, simplifyAligned } from "../text.js";
import { measureOf, measuresFit } from "./units.js";
import { ENGINE_OPTIONS } from "../options.js";

const O = ENGINE_OPTIONS;

export interface Candidate {
  readonly fact?: IndexedFact;
  readonly passage?: Passage;
  readonly article: Article;
  readonly quote: string;
  readonly subject: string;
  readonly period: string;
  readonly kind: WantedKind;
  readonly spans: readonly Span[];
  readonly coverage: number;
  /** How well the figure reads as the answer: its unit, its nearness to the question's words (0 for facts). */
  readonly fit: number;
  /** How much of what the question asks about (q.event: 成立 in 何年成立) the figure's own clause says; 1 when it names nothing. */
  readonly event: number;
  /** The search engine's score, relative to the best hit of its index. */
  readonly search: number;
  readonly score: number;
}

/** Facts and sentences the indexes find, scored and sorted best first. */
export function gather(ix: Indexes, q: Question): Candidate[] {
  if (!q.searchText) return [];
  const out: Candidate[] = [];
  const maxOf = (hits: { score: number }[]) => Math.max(1e-9, ...hits.map((h) => h.score));

  const factHits = ix.facts.search(q.searchText, { combineWith: "OR" }).slice(0, O.limits.hits);
  const factMax = maxOf(factHits);
  for (const hit of factHits) {
    const f = ix.factList[Number(hit.id)]!;
    const region = f.regionNorm;
    if (!placeFits(q.places, `${f.subjectNorm} ${f.focus} ${f.lead}`)) continue;
    if (f.fact.kind !== "person" && f.fact.kind !== "list" && f.fact.kind !== "text" && measureFit(q, { unit: f.fact.unit, kind: f.fact.kind, measure: measureOf(f.fact.unit) }) === undefined) continue;
    // The value's own clause counts most; its neighbours carry the subject or the time.
    // A fact's English aliases translate it; a word they leave out is not held against a Chinese quote.
    const concepts = isEnglish(f.fact.quote) ? q.concepts : q.concepts.filter((c) => !c.englishOnly);
    const cov = (coverage(concepts, `${f.focus} ${region}`) + coverage(concepts, `${f.context} ${region}`)) / 2;
    const spans = f.spans;
    out.push({
      fact: f,
      article: f.article,
      quote: f.fact.quote,
      subject: f.fact.subject,
      period: f.fact.period,
      kind: f.fact.kind,
      spans,
      coverage: cov,
      fit: 0.5,
      event: 1,
      search: hit.score / factMax,
      score: score(q, cov, hit.score / factMax, f.fact.kind, f.fact.period) + O.score.curated + placeBonus(q, f.focus) + comparisonBonus(q, f.fact.quote),
    });
  }

  const regional = q.places.filter((names) => names.some((n) => ix.regionPlaces.has(n)));
  const other = q.places.filter((names) => !regional.includes(names));

  // On a large corpus the best twenty are enough, and each passage is worked out on first use.
  const sentenceHits = best(ix.sentences.search(selectiveTokens(ix, q.searchText), { combineWith: "OR" }), ix.sentenceList.length >= LARGE_CORPUS ? O.limits.largeCorpusHits : O.limits.hits);
  const sentenceMax = maxOf(sentenceHits);
  for (const hit of sentenceHits) {
    const p = ix.passage(Number(hit.id));
    const pick = pickFigure(q, p);
    if (!pick) continue;
    // The place is named in the passage, or where it stands (its article, the sentence before).
    // A sentence that names a place of its own (忻州市共接待游客…) is about that place, not its context's.
    const about = `${p.regionNorm} ${pick.ownNorm} ${p.lead}`;
    const ownPlace = namesOtherPlace(ix, q, `${pick.clauseNorm} ${p.lead}`);
    if (!placeFits(regional, about) && (ownPlace || !placeFits(regional, `${about} ${p.context}`))) continue;
    // A place the base is not about (美国 in 美国总统) is one more word of the question: the sentence or its context names it.
    if (!placeFits(other, `${about} ${p.norm} ${p.context}`)) continue;
    const sources = [
      [`${pick.clauseNorm} ${p.regionNorm}`, 1],
      [p.norm, O.coverage.sentence],
      [p.context, ownPlace ? 0 : O.coverage.context],
    ] as const;
    const cov = gradedCoverage(q.concepts, sources);
    out.push({
      passage: p,
      article: p.article,
      quote: p.sentence.text,
      subject: p.article.region ?? "",
      period: pick.period,
      kind: pick.figure?.kind ?? "text",
      spans: pick.spans,
      coverage: cov,
      fit: pick.fit,
      event: pick.event,
      search: hit.score / sentenceMax,
      score:
        score(q, cov, hit.score / sentenceMax, pick.figure?.kind ?? "text", pick.period) +
        pick.fit +
        placeBonus(q, pick.clauseNorm) +
        comparisonBonus(q, p.sentence.text),
    });
  }
  return out.sort((a, b) => b.score - a.score || latest(b.period) - latest(a.period));
}

/**
 * The first `n` hits, ties broken by sentence id: MiniSearch orders equal scores as the sentences were
 * added, which after an update in place (update.ts) is not the folder's order. Only the ties at the cut
 * are sorted again; MiniSearch has sorted by score.
 */
function best<H extends { id: unknown; score: number }>(hits: H[], n: number): H[] {
  if (hits.length <= 1) return hits.slice(0, n);
  const last = hits[Math.min(n, hits.length) - 1]!.score;
  let end = Math.min(n, hits.length);
  while (end < hits.length && hits[end]!.score === last) end++;
  return hits
    .slice(0, end)
    .sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id))
    .slice(0, n);
}

function score(q: Question, cov: number, search: number, kind: WantedKind, period: string): number {
  const year = yearOf(period) ?? 0;
  const prefersYear = q.relativeYears.includes(year) || q.years.includes(year) ? O.score.year : 0;
  // The months the question names (1-8月, 前三季度) prefer evidence of those months.
  const span = monthSpan(q.raw);
  const prefersMonths = span && period.includes(span) ? O.score.year : 0;
  return O.score.coverage * cov + O.score.search * search + kindFit(q.kinds, kind) + prefersYear + prefersMonths;
}

const NUMERIC_KINDS: readonly WantedKind[] = ["amount", "count", "share", "growth", "fraction", "duration"];

export function kindFit(wanted: readonly WantedKind[], kind: WantedKind): number {
  if (!wanted.length) return kind === "text" ? 0.3 : 0.5;
  const at = wanted.indexOf(kind);
  // 多少 cues an amount in every question; after 比例 or 排名 it is that share or rank that is asked.
  if (at > 0 && ["amount", "count"].includes(kind) && ["share", "growth", "rank", "fraction"].includes(wanted[0]!)) return 0.3;
  if (at >= 0) return at === 0 ? 1 : 0.8;
  const numeric = NUMERIC_KINDS;
  if (wanted.includes("amount") && numeric.includes(kind)) return 0.5;
  if (wanted.includes("count") && (kind === "amount" || kind === "list" || kind === "duration")) return 0.5;
  if (wanted.includes("person") && kind === "text") return 0.5;
  if (wanted.includes("list") && (kind === "count" || kind === "text")) return 0.4;
  if (wanted.includes("share") && kind === "fraction") return 1;
  if (wanted.includes("time") && kind === "text") return 0.5;
  return 0;
}

/**
 * When the question names a place, the evidence must be about it: the place is the subject, or
 * stands in the figure's own clause or the sentence's first. A province is implied by 全省, 省外 ….
 */
export function placeFits(places: Question["places"], about: string): boolean {
  return places.every((names) =>
    names.some((n) => contains(about, n) || (/\p{Script=Han}/u.test(n) && n.length >= 2 && about.includes(n.replace(/(市|省|县|区)$/, "")))) ||
    (names.some((n) => PROVINCES.has(n.replace(/省$/, ""))) && about.includes("省")),
  );
}

/**
 * On a large corpus, the question's rarest tokens: a bigram in one sentence in fifty finds nothing
 * in particular and costs the most to look up.
 */
function selectiveTokens(ix: Indexes, searchText: string): string {
  if (ix.sentenceList.length < LARGE_CORPUS) return searchText;
  const limit = commonLimit(ix.sentenceList.length);
  return searchText
    .split(" ")
    .map((t) => [t, ix.documentFrequency.get(t) ?? 0] as const)
    .filter(([, df]) => df > 0 && df <= limit)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 24)
    .map(([t]) => t)
    .join(" ");
}

/** Evidence that compares with the year the question compares with (较2023年) ranks higher. */
function comparisonBonus(q: Question, quote: string): number {
  return q.comparedYears.some((y) => quote.includes(`${y}年`)) ? O.score.comparison : 0;
}

/** Evidence whose own words name the question's places (not only its article's region) ranks higher. */
function placeBonus(q: Question, own: string): number {
  if (!q.places.length) return 0;
  return (O.score.place * q.places.filter((names) => names.some((n) => contains(own, n))).length) / q.places.length;
}

/** Whether a text names a place the question does not ask about. */
function namesOtherPlace(ix: Indexes, q: Question, text: string): boolean {
  const asked = q.places.flat();
  return ix.allPlaces.some((place) => text.includes(place) && !asked.some((a) => a.includes(place) || place.includes(a)));
}

/** How well a figure's unit fits what the question asks it in; undefined when it cannot be the answer. */
function measureFit(q: Question, figure: Pick<Figure, "unit" | "kind" | "measure">): number | undefined {
  if (q.measure) {
    if (q.measure === "year" || q.measure === "date") return figure.kind === "time" && (q.measure === "date" || figure.measure === "year") ? 1 : undefined;
    // A share of a metric (有多少用于民生: 82%) may answer a question that names the metric's measure; a growth (提高100%) does not.
    if (figure.measure) return measuresFit(q.measure, figure.measure) ? 1 : !q.strictMeasure && figure.measure === "percent" && figure.kind === "share" ? -0.5 : undefined;
    if (figure.kind === "rank" || figure.kind === "fraction") return undefined;
    // A bare number or a magnitude (5亿) may still be it, but less likely; counted things (8个) are not.
    return /^(万|亿|千)*$/.test(figure.unit) ? 0 : undefined;
  }
  if (q.countWord) {
    if (figure.unit.endsWith(q.countWord)) return 1;
    if (figure.measure && figure.measure !== "people" && figure.measure !== "households") return undefined;
    return q.countWord === "个" && figure.kind === "count" ? 0.6 : 0;
  }
  return 0;
}

/** The share of a clause's words that the question does not use: 今年新开业的民宿有64家 says more than 多少家民宿. */
function excess(q: Question, clause: string): number {
  const grams = hanRuns(clause).flatMap(bigrams);
  // A per-person or average figure (人均地区生产总值) is another metric than the total the question asks.
  const qualified = PER_HEAD.test(clause) && !PER_HEAD.test(q.text) ? O.score.perHead : 0;
  return qualified + (grams.length ? grams.filter((g) => !q.text.includes(g)).length / grams.length : 0);
}

const PER_HEAD = /人均|平均|per capita|average/;

/** Where the question's own words stand in a sentence (simplified, lower case). */
function anchorsIn(q: Question, text: string): number[] {
  const at: number[] = [];
  for (const c of q.concepts) {
    for (const w of c.grams.length ? c.grams : c.forms) {
      for (let i = text.indexOf(w); i >= 0 && w; i = text.indexOf(w, i + 1)) at.push(i + w.length / 2);
    }
  }
  return at;
}

/** The figure of a sentence that fits the question best, and the clause around it. */
function pickFigure(q: Question, p: Passage): { figure?: Figure; spans: Span[]; clauseNorm: string; ownNorm: string; period: string; fit: number; event: number } | undefined {
  const wantsFigure = Boolean(q.measure || q.countWord) || q.kinds.some((k) => ["amount", "count", "share", "growth", "rank", "fraction", "duration", "time"].includes(k));
  type Pick = { figure?: Figure; spans: Span[]; clauseNorm: string; ownNorm: string; period: string; rank: number; fit: number; event: number };
  const picks: Pick[] = [];
  const anchors = anchorsIn(q, simplifyAligned(p.sentence.text).toLowerCase());
  const near = (figure: Figure) => {
    if (!anchors.length) return 0;
    const middle = figure.index + figure.text.length / 2;
    const distance = Math.min(...anchors.map((a) => Math.abs(a - middle)));
    return O.score.proximity * Math.exp(-distance / 12);
  };
  const wantsDate = q.kinds[0] === "time";
  // The sentence's dates, read once: for "when" questions a date is the figure wanted.
  const dates = wantsDate ? findDates(p.sentence.text) : [];
  const wantsNumber = NUMERIC_KINDS.includes(q.kinds[0] ?? "text") || Boolean(q.measure);
  for (const c of p.clauses) {
    // The figure's own clause group counts most; its neighbours carry the subject or the time.
    const cov = (coverage(q.concepts, c.own) + coverage(q.concepts, c.window)) / 2;
    const candidates = wantsDate ? [...p.figures, ...dates] : p.figures;
    const figures = candidates.filter((f) => f.index >= c.start && f.index < c.end);
    // A date also dates the clauses after it that name no time of their own (1967年成立，加入美国篮球协会，…).
    const dated = wantsDate ? datedAfter(p, c, dates) : "";
    const dateCov = dated ? (coverage(q.concepts, `${c.own} ${dated}`) + coverage(q.concepts, c.window)) / 2 : 0;
    for (const figure of figures) {
      // A figure the question states (在50个缔约国中, 在2003年以及哪一年) is what it knows, not what it asks.
      if (wantsFigure && statedIn(q, figure)) continue;
      const measured = measureFit(q, figure);
      if (measured === undefined) continue;
      // Only a figure is judged by what else its clause says; a list or a name is that very excess.
      const said = wantsNumber ? excess(q, c.own) : 0;
      const event = q.event.length ? coverage(q.event, figure.kind === "time" && dated ? `${c.own} ${dated}` : c.own) : 1;
      const fit = O.score.measure * measured + near(figure) - O.score.excess * said + (q.event.length ? O.score.event * (event - 0.5) : 0);
      const own = figure.kind === "time" ? Math.max(cov, dateCov) : cov;
      picks.push({
        figure,
        spans: [{ index: figure.index, length: figure.text.length }],
        clauseNorm: c.window,
        ownNorm: figure.kind === "time" && dated ? `${c.own} ${dated}` : c.own,
        period: c.period,
        rank: 2 * own + kindFit(q.kinds, figure.kind) + fit,
        fit,
        event,
      });
    }
    if (!figures.length && !wantsFigure) {
      picks.push({ spans: [{ index: c.start, length: c.end - c.start }], clauseNorm: c.window, ownNorm: c.own, period: c.period, rank: 2 * cov + 0.2, fit: 0, event: 1 });
    }
  }
  const best = picks.reduce<Pick | undefined>((a, b) => (!a || b.rank > a.rank ? b : a), undefined);
  if (!best || (!best.figure && wantsFigure)) return undefined;
  if (!q.several || !best.figure) return best;
  // "分别增长多少": every figure of the same kind that fits about as well.
  const peers = picks.filter((x) => x !== best && x.figure?.kind === best.figure!.kind && x.rank >= best.rank - 0.25).slice(0, 3);
  return { ...best, spans: [...best.spans, ...peers.flatMap((x) => x.spans)].sort((a, b) => a.index - b.index) };
}

/** Whether the question itself states this figure: a number with its unit or a date, as written in the question. */
function statedIn(q: Question, figure: Figure): boolean {
  if (!/\d/.test(q.text)) return false;
  const said = normalize(figure.text);
  // A bare number (12) says too little to be recognised; a number with its unit or a date does.
  return /\d\D/.test(said) && ` ${q.text} `.replace(/\s+/g, "").includes(said.replace(/\s+/g, ""));
}

/** The clauses after `c` that name no time of their own (at most `limits.datedClauses`): the time `c` names is theirs. */
function datedAfter(p: Passage, c: Passage["clauses"][number], dates: readonly Figure[]): string {
  const out: string[] = [];
  for (const next of p.clauses.slice(p.clauses.indexOf(c) + 1, p.clauses.indexOf(c) + 1 + O.limits.datedClauses)) {
    if (dates.some((d) => d.index >= next.start && d.index < next.end)) break;
    out.push(next.own);
  }
  return out.join(" ");
}

function latest(period: string): number {
  return yearOf(period) ?? 0;
}
