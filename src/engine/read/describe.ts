/**
 * Reading for a description: of the sentences retrieval found, those that say what the thing asked is (the
 * thing as subject, then 是/指/即/为/包括 or a colon; “…”的发展思路), which things it holds (a list naming it), why
 * (因为, 旨在, …的重大举措) or how (measures: 通过, 实施, 推进). The best, and the sentence next to it when that
 * one says it as plainly. Sentences are read as they are: what is quoted is the article's own text.
 */
import {
  DEFINING_AFTER,
  DEFINING_AFTER_LATIN,
  type DescribeKind,
  LISTING_AFTER,
  MEASURES,
  REASONS,
} from "../../lexicon/describe.js";
import { alt, anyWord } from "../../lexicon/match.js";
import type { EngineOptions } from "../options.js";
import type { Indexes } from "../retrieve/indexes.js";
import type { Hits } from "../retrieve/search.js";
import { simplifyAligned } from "../text.js";
import type { Concept, Question } from "../understand/question.js";
import { gradedCoverage, isEnglish } from "./coverage.js";
import type { Passage } from "./passage.js";
import { namesOtherPlace, placeFits } from "./score.js";

export interface Described {
  readonly passage: Passage;
  /** Where the thing asked (or what says it, for “…”的发展思路) stands in the sentence. */
  readonly at: number;
  /** How plainly the sentence says it: 3 the thing then 是/即/…, 2 a sentence about it that says so further on. */
  readonly strength: number;
  readonly coverage: number;
  /** The sentence's position in the knowledge base: the order of the folder. */
  readonly id: number;
}

/** Closing marks and spaces between the thing and what says what it is (“一枢纽四高地”,即). */
const GAP = String.raw`[”’"'》」』）)\s]*`;
const DEFINING = new RegExp(`^${GAP}(?:${alt(DEFINING_AFTER)}|[,，]\\s*即)`);
const DEFINING_LATIN = new RegExp(`^${GAP}\\s*(?:${alt(DEFINING_AFTER_LATIN)})\\b`, "i");
const LISTING = new RegExp(`^${GAP}(?:[,，]\\s*)?${alt(LISTING_AFTER)}`, "i");
/** A quoted name said of the thing: ‘以新能源为主攻方向…’的发展思路. */
const QUOTED_BEFORE = /[”’」』]的$/;
/** A later clause that says what the sentence's subject is: …,是山西融入京津冀的重要走廊. */
const PREDICATE_CLAUSE = /[,，;；]\s*(?:是|即|为|就是|是指)(?!否)/;
const REASON = anyWord(REASONS, "i");
const MEASURE = anyWord(MEASURES, "i");
/** What may stand before a subject at a sentence's start: quotation marks, 建设, 打造, 推进. */
const BEFORE_SUBJECT = /^[“‘"'「『\s]*(?:建设|打造|推进|推动|发展)?$/;

/** The sentences that describe what `q` asks about, best first: at most two, of one article. */
export function readDescription(ix: Indexes, q: Question, hits: Hits, o: EngineOptions): Described[] {
  const kind = q.describing?.kind;
  if (!kind) return [];
  for (const forms of thingsAsked(q)) {
    const found = describing({ ix, q, hits, o }, forms);
    if (found.length) return found;
  }
  return [];
}

/** The sentences among the hits that say it of the thing named by `forms`, as readDescription gives them. */
function describing(
  reader: { ix: Indexes; q: Question; hits: Hits; o: EngineOptions },
  forms: readonly string[],
): Described[] {
  const { ix, q, hits, o } = reader;
  const kind = q.describing!.kind;
  const found: Described[] = [];
  for (const hit of hits.sentences) {
    const p = ix.passage(hit.id);
    if (!placeFits(q.places, `${p.regionNorm} ${p.norm} ${p.lead} ${p.context}`)) continue;
    // A sentence led by another place is that place's, unless it names the place asked too (青岚新区是忻州市设立的…).
    if (q.places.length && namesOtherPlace(ix, q, p.lead) && !placeFits(q.places, p.norm)) continue;
    const english = isEnglish(p.sentence.text);
    const concepts = english ? q.concepts : q.concepts.filter((c) => !c.englishOnly);
    const sources = [
      [p.norm, 1],
      [p.context, o.coverage.context],
    ] as const;
    const coverage = concepts.length ? gradedCoverage(concepts, sources, o, english) : 1;
    if (coverage < o.minCoverage) continue;
    const said = saying(kind, p.sentence.text, forms);
    if (said) found.push({ passage: p, ...said, coverage, id: hit.id });
  }
  found.sort((a, b) => b.strength - a.strength || b.coverage - a.coverage || a.at - b.at || a.id - b.id);
  const best = found[0];
  if (!best) return [];
  // A second sentence only where it goes on from the first: as plain, and next to it in its paragraph.
  const beside = (d: Described) =>
    Math.abs(d.id - best.id) === 1 &&
    d.passage.article === best.passage.article &&
    d.passage.sentence.paragraph === best.passage.sentence.paragraph;
  const more = found.find((d) => d !== best && d.strength === best.strength && beside(d));
  return (more ? [best, more] : [best]).sort((a, b) => a.id - b.id);
}

/**
 * The words of the thing asked, each a list of forms, tried in turn: the run of words beside the question's cue
 * (四大战略 in 忻州的四大战略是什么), else the concept there (GDP in 什么是GDP), else the place itself
 * (太忻一体化经济区是什么). How and why are asked of a matter a sentence may name in fewer words (如何发展新能源:
 * 新能源), so for them the other concepts beside the cue are tried too.
 */
function thingsAsked(q: Question): string[][] {
  const d = q.describing!;
  const at = (c: Concept) => Math.min(...[c.text, ...c.forms].map((f) => q.text.indexOf(f)).filter((i) => i >= 0));
  const named = q.concepts.filter((c) => !c.englishOnly && Number.isFinite(at(c)));
  const before = named.filter((c) => at(c) < d.at).sort((a, b) => at(b) - at(a));
  const after = named.filter((c) => at(c) >= d.at + d.length).sort((a, b) => at(a) - at(b));
  // 什么是 X, 为什么 X, 如何 X ask of what follows; X 是什么, X 有哪些 of what stands before.
  const side = d.at === 0 || !before.length ? after : before;
  const concept = side[0];
  if (!concept) return [longestFirst(q.places[0] ?? [])];
  // The words the question puts together for it (四大战略: 四大 and 战略), when they are more than one concept.
  const phrase = phraseAsked(q, side === after ? "after" : "before");
  const matter = d.kind === "how" || d.kind === "why";
  const alone = phrase && !concept.forms.includes(phrase) ? [[phrase]] : [];
  if (alone.length && !matter) return alone;
  const concepts = matter ? [...side].sort((a, b) => b.weight - a.weight) : [concept];
  return [...alone, ...concepts.map((c) => longestFirst(c.forms))].filter((forms) => forms.length);
}

const longestFirst = (forms: readonly string[]) =>
  [...new Set(forms)].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length);

/**
 * The run of the question's words next to its cue, without the places it names and the particles around it
 * (忻州的四大战略是什么 → 四大战略); "" when none is left or the question is not Chinese there.
 */
function phraseAsked(q: Question, side: "before" | "after"): string {
  const d = q.describing!;
  let text = side === "before" ? q.text.slice(0, d.at) : q.text.slice(d.at + d.length);
  for (const names of q.places)
    for (const n of [...names].sort((a, b) => b.length - a.length)) text = text.split(n).join(" ");
  const runs = text.split(/[\s的之吗呢啊呀了]+|要|具体|主要|究竟|到底/).filter((r) => /^\p{Script=Han}{2,}$/u.test(r));
  return (side === "before" ? runs[runs.length - 1] : runs[0]) ?? "";
}

/** Whether and how plainly a sentence says what `kind` asks of the thing, and where the thing stands. */
function saying(
  kind: DescribeKind,
  text: string,
  forms: readonly string[],
): { at: number; strength: number } | undefined {
  const plain = simplifyAligned(text).toLowerCase();
  let best: { at: number; strength: number } | undefined;
  const keep = (at: number, strength: number) => {
    if (!best || strength > best.strength || (strength === best.strength && at < best.at)) best = { at, strength };
  };
  for (const form of forms) {
    for (let at = plain.indexOf(form); at >= 0; at = plain.indexOf(form, at + form.length)) {
      const after = plain.slice(at + form.length);
      const before = plain.slice(0, at);
      if (kind === "define") {
        if (DEFINING.test(after) || DEFINING_LATIN.test(after)) keep(at, 3);
        else if (QUOTED_BEFORE.test(before)) keep(openingQuote(plain, at), 3);
        else if (BEFORE_SUBJECT.test(before) && PREDICATE_CLAUSE.test(after)) keep(at, 2);
      } else if (kind === "list") {
        const clause = clauseAround(plain, at);
        const items = (clause.match(/[、]/g) ?? []).length;
        if (LISTING.test(after) && /[、,，]/.test(after)) keep(at, 3);
        else if (items >= 2) keep(clauseStart(plain, at), 2);
      } else if (kind === "why" ? REASON.test(plain) : MEASURE.test(plain)) {
        keep(clauseStart(plain, at), BEFORE_SUBJECT.test(before) ? 3 : 2);
      }
    }
    if (best) break;
  }
  return best;
}

/** Where the quotation closed just before `at` opens (‘…’的发展思路 → the ‘). */
function openingQuote(text: string, at: number): number {
  const close = text[at - 2];
  const open = close === "’" ? "‘" : close === "”" ? "“" : close === "」" ? "「" : "『";
  const start = text.lastIndexOf(open, at - 2);
  return start >= 0 ? clauseStart(text, start) : at;
}

const BREAK = /[,，;；:：。！？!?]/;

/** Where the clause holding `at` starts, quotation marks taken as they stand (a rough cut is enough here). */
function clauseStart(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i]!;
    if ("”’」』》）)".includes(ch)) depth++;
    else if ("“‘「『《（(".includes(ch)) {
      if (depth === 0) continue;
      depth--;
    } else if (depth === 0 && BREAK.test(ch)) return i + 1;
  }
  return 0;
}

function clauseAround(text: string, at: number): string {
  const start = clauseStart(text, at);
  const rest = text.slice(at);
  const end = rest.search(/[,，;；。！？!?]/);
  return text.slice(start, end < 0 ? text.length : at + end);
}
