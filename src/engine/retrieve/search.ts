/**
 * Retrieving: the question's tokens against the two indexes (curated facts, every sentence), the best
 * hits of each with their scores relative to the best hit of their index. What is read of them is the
 * reader's business (read/candidates.ts); this stage can be measured alone: is the sentence that holds
 * the answer among the hits?
 */
import type { EngineOptions } from "../options.js";
import type { Question } from "../understand/question.js";
import { searchFacts } from "./facts.js";
import { commonLimit, type Indexes } from "./indexes.js";
import type { TermCounts } from "./terms.js";

export interface Hit {
  /** The fact's or the sentence's position in its index's list. */
  readonly id: number;
  /** The index's score over the best hit's, 0 to 1. */
  readonly score: number;
  /** The question's tokens the hit holds (sentence hits). */
  readonly terms?: readonly string[];
  /** The index's own score, for comparing hits among themselves (sentence hits). */
  readonly raw?: number;
}

export interface Hits {
  readonly facts: readonly Hit[];
  readonly sentences: readonly Hit[];
}

const NO_HITS: Hits = { facts: [], sentences: [] };

/** The facts and sentences the question's tokens find, best first. */
export function retrieve(ix: Indexes, q: Question, o: EngineOptions): Hits {
  if (!q.searchText) return NO_HITS;
  const facts = searchFacts(ix.facts, indexedOnly(q.searchText, ix.core.facts.counts)).slice(0, o.limits.hits);
  // On a large corpus the best twenty are enough, and each passage is worked out on first use.
  const large = ix.sentenceList.length >= o.index.largeCorpus;
  const sentences = best(
    ix.sentences.search(selectiveTokens(ix, q.searchText, o), OR),
    large ? o.limits.largeCorpusHits : o.limits.hits,
  );
  const max = maxScore(sentences);
  const found = sentences.map((h) => ({ id: Number(h.id), score: h.score / max, terms: h.terms, raw: h.score }));
  return { facts: relative(facts), sentences: found };
}

const maxScore = (hits: readonly { score: number }[]) => Math.max(1e-9, ...hits.map((h) => h.score));

const OR = { combineWith: "OR" } as const;

/**
 * The tokens an index holds, in the question's order, each as often: a token it lacks finds nothing there
 * and adds nothing to any score, but costs MiniSearch a walk over its term tree.
 */
function indexedOnly(searchText: string, counts: TermCounts): string {
  const tokens = searchText.split(" ");
  const held = tokens.filter((t) => counts.has(t));
  return held.length === tokens.length ? searchText : held.join(" ");
}

function relative(hits: readonly { id: unknown; score: number }[]): Hit[] {
  const max = maxScore(hits);
  return hits.map((h) => ({ id: Number(h.id), score: h.score / max }));
}

/**
 * A sentence's search score when the words of the question it lacks stand in its context (公司实现营业收入… in an
 * article on 恒岳重工): its score over the best hit that lacks them too, so that a sentence is not ranked down
 * for leaving its subject to the title, as readers do. The hit's own score when nothing is left to context.
 */
export function searchInContext(hits: readonly Hit[], hit: Hit, left: readonly string[]): number {
  if (!left.length || hit.raw === undefined) return hit.score;
  let max = 0;
  for (const h of hits) {
    if (h.raw !== undefined && h.raw > max && !left.some((t) => h.terms?.includes(t))) max = h.raw;
  }
  return max ? Math.max(hit.score, Math.min(1, hit.raw / max)) : hit.score;
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

/**
 * On a large corpus, the question's rarest tokens: a bigram in one sentence in fifty finds nothing
 * in particular and costs the most to look up.
 */
function selectiveTokens(ix: Indexes, searchText: string, o: EngineOptions): string {
  if (ix.sentenceList.length < o.index.largeCorpus) return indexedOnly(searchText, ix.documentFrequency);
  const limit = commonLimit(ix.sentenceList.length, o);
  return searchText
    .split(" ")
    .map((t) => [t, ix.documentFrequency.get(t) ?? 0] as const)
    .filter(([, df]) => df > 0 && df <= limit)
    .sort((a, b) => a[1] - b[1])
    .slice(0, o.limits.largeCorpusTokens)
    .map(([t]) => t)
    .join(" ");
}
