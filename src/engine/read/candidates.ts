/**
 * Reading: each hit in its context becomes a candidate answer, scored by how much of the question it
 * covers, whether it is about the place, year and unit asked, and whether its figure is of the kind
 * wanted. The best candidate first.
 */
import {
  COMPANY_REFERENCES,
  REFERRED_OTHERS,
  REFERRED_PLACES,
  REFERRING,
  WHOLE_PLACES,
} from "../../lexicon/clauses.js";
import { ENGLISH_COMPANY_REFERENCE } from "../../lexicon/english.js";
import { BATCH_REFERENCES } from "../../lexicon/frame.js";
import { alt } from "../../lexicon/match.js";
import type { Article } from "../../model/knowledge.js";
import { liesIn, placeNamed } from "../../model/places.js";
import type { EngineOptions } from "../options.js";
import type { IndexedFact, Indexes } from "../retrieve/indexes.js";
import { type Hit, type Hits, searchInContext } from "../retrieve/search.js";
import { contains, normalize, tokenizeNormalized } from "../text.js";
import type { Question, WantedKind } from "../understand/question.js";
import type { Span } from "./clauses.js";
import { coverage, gradedCoverage, isEnglish } from "./coverage.js";
import { type Conflict, conflictOf, type Framed, isTarget } from "./frame.js";
import type { Passage } from "./passage.js";
import { yearOf } from "./periods.js";
import { type Pick, pickFigure } from "./pick.js";
import {
  baseScore,
  comparisonBonus,
  factMeasureFits,
  figureOfOtherPlace,
  namesOtherPlace,
  placeBonus,
  placeFits,
} from "./score.js";

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
  /** How well the figure reads as the answer: its unit, its nearness to the question's words. */
  readonly fit: number;
  /**
   * How much of what the question asks about (q.event: 成立 in 何年成立) the figure's own clause says; 1 when it
   * names nothing.
   */
  readonly event: number;
  /** The search engine's score, relative to the best hit of its index. */
  readonly search: number;
  readonly score: number;
  /** How the evidence falls outside the question's frame (another period, a target …): it does not answer then. */
  readonly conflict?: Conflict;
}

/** The candidates the hits make, scored and sorted best first. */
export function read(ix: Indexes, q: Question, hits: Hits, o: EngineOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const hit of hits.facts) {
    const c = readFact(q, ix.factList[hit.id]!, hit, o);
    if (c) out.push(c);
  }
  const regional = q.places.filter((names) => names.some((n) => ix.regionPlaces.has(n)));
  const other = q.places.filter((names) => !regional.includes(names));
  for (const hit of hits.sentences) {
    const c = readSentence({ ix, q, o, hits: hits.sentences }, ix.passage(hit.id), hit, { regional, other });
    if (c) out.push(c);
  }
  return out.sort((a, b) => b.score - a.score || (yearOf(b.period) ?? 0) - (yearOf(a.period) ?? 0));
}

/** What a fact is read against, whatever the question: its texts joined once, whether its quote is English. */
interface FactTexts {
  readonly about: string;
  readonly focus: string;
  readonly context: string;
  readonly english: boolean;
  readonly framed: Framed;
}

const factTexts = new WeakMap<IndexedFact, FactTexts>();

function textsOf(f: IndexedFact): FactTexts {
  let texts = factTexts.get(f);
  if (!texts) {
    const region = f.regionNorm;
    texts = {
      about: `${f.subjectNorm} ${f.focus} ${f.lead}`,
      focus: `${f.focus} ${region}`,
      context: `${f.context} ${region}`,
      english: isEnglish(f.fact.quote),
      framed: { period: f.fact.period, own: f.focus, lead: f.focus, around: f.context, region, date: f.article.date },
    };
    factTexts.set(f, texts);
  }
  return texts;
}

function readFact(q: Question, f: IndexedFact, hit: Hit, o: EngineOptions): Candidate | undefined {
  const texts = textsOf(f);
  if (!placeFits(q.places, texts.about)) return undefined;
  if (!factMeasureFits(q, f.fact.unit, f.fact.kind)) return undefined;
  // The value's own clause counts most; its neighbours carry the subject or the time.
  // A fact's English aliases translate it; a word they leave out is not held against a Chinese quote.
  const concepts = texts.english ? q.concepts : q.concepts.filter((c) => !c.englishOnly);
  const cov = (coverage(concepts, texts.focus, o) + coverage(concepts, texts.context, o)) / 2;
  const score =
    baseScore(q, { coverage: cov, search: hit.score, kind: f.fact.kind, period: f.fact.period }, o) +
    o.score.curated +
    placeBonus(q, f.focus, o) +
    comparisonBonus(q, f.fact.quote, o);
  return {
    // Always a property (undefined when none), so that every candidate has the same shape.
    conflict: conflictOf(q, texts.framed),
    fact: f,
    article: f.article,
    quote: f.fact.quote,
    subject: f.fact.subject,
    period: f.fact.period,
    kind: f.fact.kind,
    spans: f.spans,
    coverage: cov,
    fit: o.score.curatedFit,
    event: 1,
    search: hit.score,
    score,
  };
}

const RHETORICAL = /[？?][”」』"’]?\s*$/u;

/** A subject left to the context: 该市, 本县, 全县, 此次, or a clause that opens with 公司 / 企业 / 其. */
const REFERS_OUT = new RegExp(
  [
    `${alt([...REFERRING, "本"])}${alt([...REFERRED_PLACES, ...REFERRED_OTHERS])}`,
    alt(WHOLE_PLACES),
    `(?:^|[，,；;：:])(?:${alt(COMPANY_REFERENCES)}|其(?![中余餘他它次实實]))`,
    alt(BATCH_REFERENCES.filter((w) => w !== "其中")),
    ENGLISH_COMPANY_REFERENCE.source,
  ].join("|"),
  "u",
);

/** A clause whose subject is a thing of its own (项目…, 园区…), not the company or place its article is about. */
const OWN_THING = new RegExp(`^(?:${alt(REFERRED_OTHERS.filter((w) => !COMPANY_REFERENCES.includes(w)))})`, "u");

function opensWithOwnThing(p: Passage, spans: readonly Span[]): boolean {
  return OWN_THING.test(clauseOf(p, spans).text.trim());
}

/** The clause the figure stands in (its first span's), or the sentence's last clause. */
function clauseOf(p: Passage, spans: readonly Span[]): Passage["clauses"][number] {
  const at = spans[0]?.index ?? 0;
  return p.clauses.find((c) => c.end > at) ?? p.clauses[p.clauses.length - 1]!;
}

type AskedPlaces = { readonly regional: Question["places"]; readonly other: Question["places"] };

function readSentence(
  reader: { ix: Indexes; q: Question; o: EngineOptions; hits: readonly Hit[] },
  p: Passage,
  hit: Hit,
  places: AskedPlaces,
) {
  const { ix, q, o } = reader;
  // A question the article asks itself (这个小县是如何做到的？) states nothing to answer with.
  if (RHETORICAL.test(p.sentence.text)) return undefined;
  const framedOf = (x: Pick) => framedPick(p, x);
  // Each pick's frame is checked once: the best pick's is asked again for the candidate.
  const frames = new Map<Pick, Conflict | undefined>();
  const frameOfPick = (x: Pick) => {
    if (frames.has(x)) return frames.get(x);
    const conflict = conflictOf(q, framedOf(x));
    frames.set(x, conflict);
    return conflict;
  };
  // Of a sentence's figures about as good, one of the question's frame and place (…31.42 billion yuan…, behind
  // Xinfu district, whose GDP stood at 36.57 billion yuan).
  const otherPlaceOf = (x: Pick) => figureOfOtherPlace(ix, q, p.sentence.text.slice(0, x.spans[0]?.index ?? 0));
  const pick = pickFigure(q, p, o, (x) => !frameOfPick(x) && !otherPlaceOf(x));
  if (!pick) return undefined;
  // The place is named in the passage, or where it stands (its article, the sentence before).
  // A sentence that names a place of its own (镇江市人口318万 in an article on 忻州) is about that place, not its
  // article's or its context's: then only its own words can name the place asked.
  // So is a clause that opens with another thing (项目占地面积160亩 after 该公司开工建设…): not the article's company.
  const ownPlace = namesOtherPlace(ix, q, `${pick.clauseNorm} ${p.lead}`) || opensWithOwnThing(p, pick.spans);
  if (otherPlaceOf(pick)) return undefined;
  const about = `${p.regionNorm} ${pick.ownNorm} ${p.lead} ${p.context}`;
  if (!placeFits(places.regional, about)) return undefined;
  // A place the base is not about (美国 in 美国总统) is one more word of the question: the sentence or its context names it.
  if (!placeFits(places.other, `${about} ${p.regionNorm} ${p.norm} ${p.context}`)) return undefined;
  // What a sentence refers back to (该项目 after the sentence naming the project) counts as the sentence's own words.
  const sources = [
    [`${pick.clauseNorm} ${p.regionNorm}`, 1],
    [p.referent ? `${p.norm} ${normalize(p.referent)}` : p.norm, o.coverage.sentence],
    [p.context, ownPlace ? 0 : o.coverage.context],
  ] as const;
  // The region's English names (忻州市 xinzhou city) do not make a Chinese sentence English.
  const cov = gradedCoverage(q.concepts, sources, o, isEnglish(p.sentence.text));
  const kind = pick.figure?.kind ?? "text";
  const search = searchInContext(reader.hits, hit, leftToContext(q, p));
  const score =
    baseScore(q, { coverage: cov, search, kind, period: pick.period }, o) +
    pick.fit +
    placeBonus(q, pick.clauseNorm, o, p.regionNorm) +
    comparisonBonus(q, p.sentence.text, o) -
    (!q.frame.target && isTarget(framedOf(pick)) ? o.score.unaskedTarget : 0);
  const candidate: Candidate = {
    conflict: frameOfPick(pick),
    passage: p,
    article: p.article,
    quote: p.sentence.text,
    subject: subjectOf(q, p),
    period: pick.period,
    kind,
    spans: pick.spans,
    coverage: cov,
    fit: pick.fit,
    event: pick.event,
    search,
    score,
  };
  return candidate;
}

/** What a pick of a passage is checked against the question's frame on. */
function framedPick(p: Passage, x: Pick): Framed {
  return {
    period: x.period,
    own: x.ownNorm,
    lead: leadOf(p, x.spans),
    around: `${p.norm} ${p.context}`,
    region: p.regionNorm,
    date: p.article.date,
    before: p.sentence.text.slice(0, x.spans[0]?.index ?? 0),
    title: normalize(p.article.title),
  };
}

/**
 * The tokens of whose figure the question asks (its places, a company its article's title names) that a
 * sentence referring out (该公司, 全县, 公司实现…) leaves to its context. A sentence with a subject of its own
 * leaves nothing; nor are the words of the measure ever left to context.
 */
function leftToContext(q: Question, p: Passage): string[] {
  if (!q.searchText || !REFERS_OUT.test(p.sentence.text)) return [];
  const title = normalize(p.article.title);
  const names = [
    ...q.places.flatMap((g) => g.filter((n) => /\p{Script=Han}/u.test(n))),
    ...q.concepts.filter((c) => title.includes(c.text)).map((c) => c.text),
    // An English company's name the question says (Runfeng), left to the company its article names.
    ...q.concepts.filter((c) => /^[a-z]{4,}$/.test(c.text) && contains(p.context, c.text)).map((c) => c.text),
  ];
  const tokens = names.flatMap((n) => tokenizeNormalized(normalize(n)));
  return [...new Set(tokens)].filter((t) => !p.norm.includes(t) && p.context.includes(t));
}

/** The sentence up to the end of the clause the figure stands in, normalized. */
function leadOf(p: Passage, spans: readonly Span[]): string {
  const end = p.clauses.length ? clauseOf(p, spans).end : p.sentence.text.length;
  let ends = leads.get(p);
  if (!ends) {
    ends = new Map();
    leads.set(p, ends);
  }
  let lead = ends.get(end);
  if (lead === undefined) {
    lead = normalize(p.sentence.text.slice(0, end));
    ends.set(end, lead);
  }
  return lead;
}

/** Each passage's leads by where they end, normalized once: every question reads the same clauses. */
const leads = new WeakMap<Passage, Map<number, string>>();

/**
 * Whose figure the passage gives, for the statement: the place asked where the article is about a wider one (大同
 * in an article on 山西's cities, 静乐县 in one on 忻州), else the article's region.
 */
function subjectOf(q: Question, p: Passage): string {
  const region = p.article.region ?? "";
  const narrower = q.places.map((names) => placeNamed(names[0]!)).find((n) => n && region && liesIn(n, region));
  return narrower ?? region;
}
