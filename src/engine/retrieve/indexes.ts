/**
 * The indexes: MiniSearch over curated facts and over every sentence, document frequencies, and the
 * names the knowledge base knows (for typos.ts): built, or restored from a snapshot.
 */
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { ENGLISH_PLACES, KNOWN_PLACES } from "../../lexicon/places.js";
import type { Article, Fact, KnowledgeBase, Sentence } from "../../model/knowledge.js";
import { sentencesOf } from "../../model/knowledge.js";
import type { EngineOptions } from "../options.js";
import { type Span, splitClauses, valueSpans } from "../read/clauses.js";
import { makePassage, type Passage } from "../read/passage.js";
import { bigrams, normalize, stemEnglish, tokenizeNormalized } from "../text.js";
import type { TermCounts } from "./terms.js";

export interface IndexedFact {
  readonly fact: Fact;
  readonly article: Article;
  /** Subject, metric, aliases and the clauses that hold the value: what coverage is measured against. */
  readonly focus: string;
  /** The focus with the whole quote, for the subject, speaker or time a clause leaves out. */
  readonly context: string;
  readonly subjectNorm: string;
  readonly metricNorm: string;
  /** Where each value is written in the quote. */
  readonly spans: readonly Span[];
  /** The paragraph of the article that holds the quote. */
  readonly paragraph: number;
  readonly lead: string;
  readonly regionNorm: string;
}

/** A group of words that mean the same thing; `places` groups are places the base covers. */
export interface TermGroup {
  readonly terms: readonly string[];
  readonly norms: readonly string[];
  readonly section: "places" | "organisations" | "people" | "terms";
}

export interface Indexes {
  /** The knowledge these indexes are of. */
  readonly kb: KnowledgeBase;
  /** What an update changes in place (update.ts). */
  readonly core: IndexCore;
  /** The options the engine was made with (options.ts). */
  readonly options: EngineOptions;
  readonly facts: MiniSearch<{ id: number }>;
  readonly sentences: MiniSearch<{ id: number; text: string }>;
  readonly factList: readonly IndexedFact[];
  /** Every sentence that can be evidence, in index order. */
  readonly sentenceList: readonly Sentence[];
  /** The passage of sentence `id`, worked out on first use and kept in a bounded cache. */
  passage(id: number): Passage;
  readonly articles: ReadonlyMap<string, Article>;
  readonly groups: readonly TermGroup[];
  /** Every word of the non-place glossary groups, longest first, with its group. */
  readonly glossaryTerms: readonly { readonly term: string; readonly group: TermGroup }[];
  /** Every token of the corpus with the number of sentences and facts it occurs in. */
  readonly documentFrequency: TermCounts;
  readonly documentCount: number;
  /** Places the knowledge base covers (normalized): glossary places and places its articles name. */
  readonly coveredPlaces: ReadonlySet<string>;
  /** Places the base is about: its glossary's places and its articles' regions (normalized). */
  readonly regionPlaces: ReadonlySet<string>;
  /** Every place a question may name, normalized, longest first. */
  readonly allPlaces: readonly string[];
  /** For "did you mean": the Han names the knowledge base knows, by each of their bigrams. */
  readonly namesByBigram: ReadonlyMap<string, readonly string[]>;
  /** Han names by each one-character hole: 忻\0 → 忻州, 忻府 …; mends a one-character typo exactly. */
  readonly holes: ReadonlyMap<string, readonly string[]>;
  readonly englishNames: Fuse<string>;
  /** Stems of every English word in fact aliases and the glossary. */
  readonly englishStems: ReadonlySet<string>;
}

const splitTokens = (s: string) => s.split(" ").filter(Boolean);

/** A token in more than one sentence in `commonShare` is too common to find anything in particular. */
export const commonLimit = (documents: number, o: EngineOptions) =>
  Math.max(o.index.commonFloor, documents / o.index.commonShare);

/** Where the engine says what went wrong inside a library (MiniSearch): injected, never the console. */
export type EngineLog = (level: "warn" | "error", message: string) => void;

/** How an index is built and read: the engine's options and its log. Kept with the index for updates. */
export interface IndexSettings {
  readonly options: EngineOptions;
  readonly log: EngineLog;
}

/**
 * The sentence index takes each sentence as the tokens it is indexed under, joined by spaces: which
 * tokens those are is decided here (on a large corpus, not the common ones), so that a sentence can be
 * removed again with the tokens it had, whatever the counts are by then (see update.ts).
 */
export function sentenceIndexOptions(log: EngineLog) {
  return {
    fields: ["text"],
    tokenize: splitTokens,
    processTerm: (t: string) => t,
    searchOptions: { tokenize: splitTokens },
    // Removing a sentence names every token it has, also those a large corpus did not index: not a conflict.
    logger: (level: string, message: string, code?: string) => {
      if (code !== "version_conflict") log(level === "error" ? "error" : "warn", message);
    },
  };
}

function factIndexOptions(o: EngineOptions) {
  return {
    fields: ["subject", "metric", "aliases", "quote", "period"],
    tokenize: (text: string) => tokenizeNormalized(normalize(text)),
    processTerm: (t: string) => t,
    searchOptions: { tokenize: splitTokens, boost: o.index.factBoost },
  };
}

/** What a build can take from a snapshot instead of computing it again. */
export interface Prebuilt {
  readonly sentences: MiniSearch<{ id: number; text: string }>;
  readonly documentFrequency: TermCounts;
}

/** The tokens of a sentence, normalized, each once or more as the sentence has it. */
export const sentenceTokens = (s: Sentence) => tokenizeNormalized(normalize(s.text));

/**
 * The tokens a sentence is indexed under: on a large corpus, a bigram found in more than one sentence in
 * fifty is never searched for (see selectiveTokens), so it is not indexed either: that is most of the
 * postings, by Zipf's law. `sentenceCount(t)` is the number of sentences holding `t`.
 */
export function indexedTokens(
  sentences: number,
  sentenceCount: (t: string) => number,
  o: EngineOptions,
): (tokens: string[]) => string[] {
  if (sentences < o.index.largeCorpus) return (tokens) => tokens;
  const limit = commonLimit(sentences, o);
  return (tokens) => tokens.filter((t) => sentenceCount(t) <= limit);
}

export function countTokens(counts: Map<string, number>, tokens: Iterable<string>, by = 1): void {
  for (const t of new Set(tokens)) {
    const n = (counts.get(t) ?? 0) + by;
    if (n) counts.set(t, n);
    else counts.delete(t);
  }
}

export function buildIndexes(kb: KnowledgeBase, settings: IndexSettings, prebuilt?: Prebuilt): Indexes {
  const o = settings.options;
  const sentenceList = sentencesOf(kb);
  const counting = new Map<string, number>();
  let sentences = prebuilt?.sentences;
  if (!sentences) {
    const texts: string[] = [];
    for (const s of sentenceList) texts.push(normalize(s.text));
    for (const text of texts) countTokens(counting, tokenizeNormalized(text));
    const keep = indexedTokens(sentenceList.length, (t) => counting.get(t)!, o);
    const index = new MiniSearch<{ id: number; text: string }>(sentenceIndexOptions(settings.log));
    for (const [id, text] of texts.entries()) index.add({ id, text: keep(tokenizeNormalized(text)).join(" ") });
    sentences = index;
  }
  const facts = indexFacts(kb, o);
  // A snapshot's frequencies already count the facts' tokens.
  if (!prebuilt) for (const [t, n] of facts.counts) counting.set(t, (counting.get(t) ?? 0) + n);
  const documentFrequency = prebuilt?.documentFrequency ?? counting;
  return assembleIndexes(kb, { sentences, sentenceList, documentFrequency, facts, cache: new Map(), settings });
}

/** The fact index, rebuilt whole when anything changes: curated facts are few. */
export interface FactIndex {
  readonly list: readonly IndexedFact[];
  readonly index: MiniSearch<{ id: number }>;
  /** How many facts each token occurs in (a fact counts once per field that has it). */
  readonly counts: ReadonlyMap<string, number>;
}

export function indexFacts(kb: KnowledgeBase, o: EngineOptions): FactIndex {
  const factOptions = factIndexOptions(o);
  const articles = new Map(kb.articles.map((a) => [a.id, a]));
  const counts = new Map<string, number>();
  const list: IndexedFact[] = kb.facts.map((fact) => ({
    fact,
    article: articles.get(fact.articleId)!,
    focus: normalize([fact.subject, fact.metric, ...fact.aliases, fact.role ?? "", valueClauses(fact)].join(" ")),
    context: normalize([fact.subject, fact.metric, ...fact.aliases, fact.role ?? "", fact.quote].join(" ")),
    subjectNorm: normalize(fact.subject),
    spans: valueSpans(fact),
    paragraph: articles.get(fact.articleId)!.paragraphs.findIndex((p) => p.text.includes(fact.quote)),
    metricNorm: normalize(fact.metric),
    lead: normalize(splitClauses(fact.quote)[0]?.text ?? ""),
    regionNorm: normalize(articles.get(fact.articleId)!.region ?? ""),
  }));
  const index = new MiniSearch<{ id: number }>({
    ...factOptions,
    tokenize: (text: string) => {
      const tokens = factOptions.tokenize(text);
      countTokens(counts, tokens);
      return tokens;
    },
    extractField: (doc, field) => {
      const f = list[doc.id]!.fact;
      switch (field) {
        case "id":
          return String(doc.id);
        case "aliases":
          return [...f.aliases, f.role ?? ""].join(" ");
        case "subject":
          return f.subject;
        case "metric":
          return f.metric;
        case "quote":
          return f.quote;
        default:
          return f.period;
      }
    },
  });
  for (let id = 0; id < list.length; id++) index.add({ id });
  return { list, index, counts };
}

/** The parts an update changes in place; everything else is made again from them (it is small). */
export interface IndexCore {
  readonly sentences: MiniSearch<{ id: number; text: string }>;
  readonly sentenceList: readonly Sentence[];
  readonly documentFrequency: TermCounts;
  readonly facts: FactIndex;
  /** Passages worked out so far, by sentence id. */
  readonly cache: Map<number, Passage>;
  readonly settings: IndexSettings;
}

/**
 * The indexes around a sentence index: passages, and the names and places of the knowledge base. These
 * depend on the glossary, the facts, the articles' regions and which bigrams occur at all, so they are
 * made again whole after an update: a few milliseconds, against seconds for the sentence index.
 */
export function assembleIndexes(kb: KnowledgeBase, core: IndexCore): Indexes {
  const { sentences, sentenceList, documentFrequency } = core;
  const o = core.settings.options;
  const articles = new Map(kb.articles.map((a) => [a.id, a]));
  const passage = passageCache(kb, core, articles);
  if (sentenceList.length <= o.index.eagerPassages) for (let id = 0; id < sentenceList.length; id++) passage(id);
  const factList = core.facts.list;
  const groups: TermGroup[] = (["places", "organisations", "people", "terms"] as const).flatMap((section) =>
    kb.glossary[section].map((terms) => ({ terms, norms: terms.map(normalize).filter(Boolean), section })),
  );
  const places = placesOf(kb, groups, documentFrequency);
  const glossaryTerms = groups
    .filter((g) => g.section !== "places")
    .flatMap((group) => group.norms.map((term) => ({ term, group })))
    .sort((a, b) => b.term.length - a.term.length);
  return {
    kb,
    core,
    options: o,
    facts: core.facts.index,
    sentences,
    factList,
    sentenceList,
    passage,
    articles,
    groups,
    glossaryTerms,
    documentFrequency,
    documentCount: sentenceList.length + factList.length,
    ...places,
    ...namesOf(kb, { groups, coveredPlaces: places.coveredPlaces, factList }, o),
  };
}

/** The passage of a sentence, worked out on first use and kept in a cache of bounded size. */
function passageCache(
  kb: KnowledgeBase,
  core: IndexCore,
  articles: ReadonlyMap<string, Article>,
): (id: number) => Passage {
  const { cache, sentenceList } = core;
  const regionNorms = new Map(kb.articles.map((a) => [a.id, normalize(a.region ?? "")]));
  const limit = core.settings.options.index.passageCache;
  return (id) => {
    const hit = cache.get(id);
    if (hit) return hit;
    const sentence = sentenceList[id]!;
    const made = makePassage(sentence, articles.get(sentence.articleId)!, regionNorms.get(sentence.articleId)!);
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(id, made);
    return made;
  };
}

/** The places the base is about (glossary places, regions), those it covers, and every place a question may name. */
function placesOf(kb: KnowledgeBase, groups: readonly TermGroup[], documentFrequency: TermCounts) {
  const regionPlaces = new Set<string>();
  for (const g of groups) if (g.section === "places") for (const n of g.norms) regionPlaces.add(n);
  for (const a of kb.articles) if (a.region) regionPlaces.add(normalize(a.region));
  const coveredPlaces = new Set(regionPlaces);
  // A place the articles name: every bigram of its name occurs in the corpus.
  for (const place of KNOWN_PLACES) if (bigrams(place).every((b) => documentFrequency.has(b))) coveredPlaces.add(place);
  const allPlaces = [...new Set([...KNOWN_PLACES, ...coveredPlaces])].sort((a, b) => b.length - a.length);
  return { regionPlaces, coveredPlaces, allPlaces };
}

/** The names the base knows, for mending typos and "did you mean": by bigram, by one-character hole, English. */
function namesOf(
  kb: KnowledgeBase,
  known: { groups: readonly TermGroup[]; coveredPlaces: ReadonlySet<string>; factList: readonly IndexedFact[] },
  o: EngineOptions,
) {
  const { groups, coveredPlaces, factList } = known;
  const nameSet = new Set<string>();
  for (const g of groups) for (const n of g.norms) nameSet.add(n);
  for (const f of kb.facts) for (const n of [f.subject, f.metric, ...f.aliases]) nameSet.add(normalize(n));
  // Only places the knowledge base covers: a typo is mended into what the bot can answer about.
  for (const p of coveredPlaces) nameSet.add(p);
  const han = [...nameSet].filter((n) => /^\p{Script=Han}{2,8}$/u.test(n));
  const latin = [...nameSet, ...Object.keys(ENGLISH_PLACES)].filter((n) => /^[a-z][a-z' -]{2,}$/.test(n));
  const namesByBigram = new Map<string, string[]>();
  for (const name of han)
    for (const b of new Set(bigrams(name))) namesByBigram.set(b, [...(namesByBigram.get(b) ?? []), name]);
  const holes = new Map<string, string[]>();
  for (const name of han) {
    const chars = [...name];
    if (chars.length > 6) continue;
    for (let k = 0; k < chars.length; k++) {
      const key = chars.map((c, i) => (i === k ? "\0" : c)).join("");
      holes.set(key, [...(holes.get(key) ?? []), name]);
    }
  }
  const fuseOptions = { includeScore: true, threshold: o.index.englishNameThreshold, ignoreLocation: true };
  const englishNames = new Fuse([...new Set(latin)], fuseOptions);
  const words = [...nameSet, ...factList.map((f) => f.focus)].flatMap((n) => n.match(/[a-z][a-z'-]{2,}/g) ?? []);
  return { namesByBigram, holes, englishNames, englishStems: new Set(words.map(stemEnglish)) };
}

/** The clauses of a fact's quote that hold its values. */
function valueClauses(fact: Fact): string {
  const spans = valueSpans(fact);
  return splitClauses(fact.quote)
    .filter((c) => spans.some((s) => s.index < c.end && s.index + s.length > c.start))
    .map((c) => c.text)
    .join(" ");
}
