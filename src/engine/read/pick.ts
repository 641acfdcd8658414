/**
 * Which figure of a sentence answers the question: the one whose own clause covers the question, in the
 * unit and of the kind asked, near the question's words, in a clause that says little else. Work per
 * question is linear in the sentence: each clause is read once, each figure finds its nearest word by
 * binary search.
 */
import type { EngineOptions } from "../options.js";
import { normalize, simplifyAligned } from "../text.js";
import type { Question } from "../understand/question.js";
import type { Span } from "./clauses.js";
import { coverage } from "./coverage.js";
import { type Figure, findDates } from "./figures.js";
import type { Passage } from "./passage.js";
import { yearOf } from "./periods.js";
import { itemAsked, respectiveItems, respectiveYear } from "./respective.js";
import { answersStrictKind, excess, kindFit, measureFit, NUMERIC_KINDS } from "./score.js";

export interface Pick {
  readonly figure?: Figure;
  readonly spans: Span[];
  /** The figure's clause with its neighbours, normalized. */
  readonly clauseNorm: string;
  /** The figure's own clause group, normalized (with the clauses a date dates, for a date). */
  readonly ownNorm: string;
  readonly period: string;
  readonly rank: number;
  readonly fit: number;
  readonly event: number;
}

const FIGURE_KINDS = ["amount", "count", "share", "growth", "rank", "fraction", "duration", "time"];

/**
 * The figure of a sentence that fits the question best, and the clause around it; of the figures about as good
 * (`framedRank`), the best that `framed` accepts (of the question's frame), when the best is not.
 */
export function pickFigure(
  q: Question,
  p: Passage,
  o: EngineOptions,
  framed: (pick: Pick) => boolean = () => true,
): Pick | undefined {
  const wantsFigure = Boolean(q.measure || q.countWord) || q.kinds.some((k) => FIGURE_KINDS.includes(k));
  const picks: Pick[] = [];
  const nearness = nearnessTo(anchorsIn(q, lowered(p)), o);
  const wantsDate = q.kinds[0] === "time";
  // The sentence's dates, read once: for "when" questions a date is the figure wanted.
  const dates = wantsDate ? findDates(p.sentence.text) : [];
  const candidates = wantsDate ? [...p.figures, ...dates] : p.figures;
  const wantsNumber = NUMERIC_KINDS.includes(q.kinds[0] ?? "text") || Boolean(q.measure);
  p.clauses.forEach((c, i) => {
    // The figure's own clause group counts most; its neighbours carry the subject or the time.
    const cov = (coverage(q.concepts, c.own, o) + coverage(q.concepts, c.window, o)) / 2;
    const figures = candidatesIn(candidates, c, wantsDate);
    // A date also dates the clauses after it that name no time of their own (1967年成立，加入美国篮球协会，…).
    const dated = wantsDate ? datedAfter(p, i, dates, o) : "";
    const dateCov = dated ? (coverage(q.concepts, `${c.own} ${dated}`, o) + coverage(q.concepts, c.window, o)) / 2 : 0;
    // Only a figure is judged by what else its clause says; a list or a name is that very excess.
    const said = wantsNumber ? excess(q, c.own, o) : 0;
    for (const figure of figures) {
      // A figure the question states (在50个缔约国中, 在2003年以及哪一年) is what it knows, not what it asks.
      if (wantsFigure && statedIn(q, figure)) continue;
      if (!answersStrictKind(q, figure.kind, p.sentence.text.slice(0, figure.index))) continue;
      const measured = measureFit(q, figure);
      if (measured === undefined) continue;
      const ownNorm = figure.kind === "time" && dated ? `${c.own} ${dated}` : c.own;
      const event = q.event.length ? coverage(q.event, ownNorm, o) : 1;
      const eventFit = q.event.length ? o.score.event * (event - 0.5) : 0;
      const fit = o.score.measure * measured + nearness(figure) - o.score.excess * said + eventFit;
      const own = figure.kind === "time" ? Math.max(cov, dateCov) : cov;
      const period = respectiveYear(p.sentence.text, p.figures, figure) ?? c.period;
      // Of a sentence's figures for several years, the one of the year asked.
      const yearFit = q.years.includes(yearOf(period) ?? 0) ? o.score.year : 0;
      // Of a list said respectively (红芸豆、马铃薯、燕麦种植面积分别为…), the figure of the item asked.
      const items = respectiveItems(p.sentence.text, p.figures, figure);
      const asked = items && itemAsked(q.text, items);
      const itemFit = asked === undefined ? 0 : asked ? o.score.year : -o.score.year;
      const rank = o.score.ownClause * own + kindFit(q.kinds, figure.kind, o) + fit + yearFit + itemFit;
      const spans = [{ index: figure.index, length: figure.text.length }];
      picks.push({ figure, spans, clauseNorm: c.window, ownNorm, period, rank, fit, event });
    }
    if (!figures.length && !wantsFigure) {
      const spans = [{ index: c.start, length: c.end - c.start }];
      const rank = o.score.ownClause * cov + o.score.textClause;
      picks.push({ spans, clauseNorm: c.window, ownNorm: c.own, period: c.period, rank, fit: 0, event: 1 });
    }
  });
  return bestOf(inFrame(picks, framed, o), wantsFigure, q.several, o);
}

/** The figures (or, for a when-question, the figures and dates) that stand in a clause. */
function candidatesIn(all: readonly Figure[], c: { start: number; end: number }, mixed: boolean): Figure[] {
  // Figures are sorted by position; figures and dates together are not.
  if (mixed) return all.filter((f) => f.index >= c.start && f.index < c.end);
  const out: Figure[] = [];
  for (let lo = lowerBound(all, c.start); lo < all.length && all[lo]!.index < c.end; lo++) out.push(all[lo]!);
  return out;
}

function lowerBound(figures: readonly Figure[], index: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The picks to choose from: all, or those of the frame asked when the best is not and one nearly as good is. */
function inFrame(picks: Pick[], framed: (pick: Pick) => boolean, o: EngineOptions): Pick[] {
  const best = picks.reduce<Pick | undefined>((a, b) => (!a || b.rank > a.rank ? b : a), undefined);
  if (!best?.figure || framed(best)) return picks;
  const near = picks.filter((x) => x.figure && x !== best && x.rank >= best.rank - o.framedRank && framed(x));
  return near.length ? near : picks;
}

/** The best pick, with its peers for a several-figure question ("分别增长多少"). */
function bestOf(picks: Pick[], wantsFigure: boolean, several: boolean, o: EngineOptions): Pick | undefined {
  const best = picks.reduce<Pick | undefined>((a, b) => (!a || b.rank > a.rank ? b : a), undefined);
  if (!best || (!best.figure && wantsFigure)) return undefined;
  if (!several || !best.figure) return best;
  // Every figure of the same kind that fits about as well.
  const peers = picks
    .filter((x) => x !== best && x.figure?.kind === best.figure!.kind && x.rank >= best.rank - o.peersRank)
    .slice(0, o.limits.peers);
  return { ...best, spans: [...best.spans, ...peers.flatMap((x) => x.spans)].sort((a, b) => a.index - b.index) };
}

/** Each passage's sentence simplified and in lower case, offset for offset: worked out once a passage. */
const lowerCase = new WeakMap<Passage, string>();

function lowered(p: Passage): string {
  let text = lowerCase.get(p);
  if (text === undefined) {
    text = simplifyAligned(p.sentence.text).toLowerCase();
    lowerCase.set(p, text);
  }
  return text;
}

/** Where the question's own words stand in a sentence (simplified, lower case), sorted. */
function anchorsIn(q: Question, text: string): number[] {
  const at: number[] = [];
  for (const c of q.concepts) {
    for (const w of c.grams.length ? c.grams : c.forms) {
      for (let i = text.indexOf(w); i >= 0 && w; i = text.indexOf(w, i + 1)) at.push(i + w.length / 2);
    }
  }
  return at.sort((a, b) => a - b);
}

/** A figure's nearness to the nearest of the question's words: `proximity` beside it, falling off with distance. */
function nearnessTo(anchors: readonly number[], o: EngineOptions): (figure: Figure) => number {
  return (figure) => {
    if (!anchors.length) return 0;
    const middle = figure.index + figure.text.length / 2;
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid]! < middle) lo = mid + 1;
      else hi = mid;
    }
    const after = lo < anchors.length ? anchors[lo]! - middle : Infinity;
    const before = lo > 0 ? middle - anchors[lo - 1]! : Infinity;
    return o.score.proximity * Math.exp(-Math.min(after, before) / o.score.proximityFalloff);
  };
}

/** Whether the question itself states this figure: a number with its unit or a date, as written in the question. */
function statedIn(q: Question, figure: Figure): boolean {
  const text = questionDigits(q);
  if (text === undefined) return false;
  const said = normalize(figure.text);
  // A bare number (12) says too little to be recognised; a number with its unit or a date does.
  return /\d\D/.test(said) && text.includes(said.replace(/\s+/g, ""));
}

/** The question's text without spaces when it has a digit (else undefined): worked out once a question. */
const digitsOf = new WeakMap<Question, string | undefined>();

function questionDigits(q: Question): string | undefined {
  if (digitsOf.has(q)) return digitsOf.get(q);
  const text = /\d/.test(q.text) ? ` ${q.text} `.replace(/\s+/g, "") : undefined;
  digitsOf.set(q, text);
  return text;
}

/** The clauses after clause `i` that name no time of their own (at most `limits.datedClauses`): its time is theirs. */
function datedAfter(p: Passage, i: number, dates: readonly Figure[], o: EngineOptions): string {
  const out: string[] = [];
  for (const next of p.clauses.slice(i + 1, i + 1 + o.limits.datedClauses)) {
    if (dates.some((d) => d.index >= next.start && d.index < next.end)) break;
    out.push(next.own);
  }
  return out.join(" ");
}
