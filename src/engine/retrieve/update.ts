/**
 * A few articles or facts changed: the indexes follow in place instead of being built again (at 100k
 * passages, a build takes 25 s and twice the memory). Pure, like the rest of the engine: the indexes and
 * the next knowledge base in, the next indexes out; the sentence index and its counts are changed in
 * place, so the indexes given are not to be used afterwards.
 *
 * What a fresh build of the same knowledge would have, the update makes too:
 * - sentence ids are positions in the knowledge's sentence order: the sentences of unchanged articles
 *   keep their postings and are renumbered (MiniSearch keeps its own short ids in its postings, so this
 *   rewrites only the two id maps), the removed ones are taken out of MiniSearch with their tokens, the
 *   new ones added under their positions. A snapshot written afterwards is one of this knowledge.
 * - document frequencies and the average sentence length are those of the new sentences; the facts
 *   index and the names and places (assembleIndexes) are made again whole, since they are small.
 * - on a large corpus the common bigrams of the new sentences are not indexed, by today's counts. A
 *   bigram whose count crosses the limit because of an update keeps the postings it had until the next
 *   build: a bigram turned common is no longer searched, so its postings are only unused; one turned rare
 *   (the limit grows with the corpus) finds only the sentences indexed since. Both are the few bigrams
 *   whose count is within an article's sentences of one in fifty.
 * An update that changes the glossary, or crosses LARGE_CORPUS (which decides what is indexed at all),
 * is refused: the caller builds.
 */
import type MiniSearch from "minisearch";
import { type Article, type KnowledgeBase, type Sentence, sentencesOf } from "../../model/knowledge.js";
import { assembleIndexes, countTokens, type Indexes, indexedTokens, indexFacts, sentenceTokens } from "./indexes.js";
import { EditedTermCounts, type SortedTermCounts, type TermCounts } from "./terms.js";

export type UpdateResult =
  | { ok: true; indexes: Indexes; removed: number; added: number }
  | { ok: false; reason: string };

export function updateIndexes(ix: Indexes, next: KnowledgeBase): UpdateResult {
  const before = ix.kb;
  if (JSON.stringify(before.glossary) !== JSON.stringify(next.glossary)) {
    return { ok: false, reason: "the glossary changed" };
  }
  const nextList = sentencesOf(next);
  const large = ix.options.index.largeCorpus;
  if (ix.sentenceList.length >= large !== nextList.length >= large) {
    return { ok: false, reason: `the corpus crosses ${large} sentences` };
  }
  const nextArticles = new Map(next.articles.map((a) => [a.id, a]));
  const changed = new Set<string>();
  for (const a of before.articles) if (!sameArticle(a, nextArticles.get(a.id))) changed.add(a.id);
  for (const a of next.articles) if (!ix.articles.has(a.id)) changed.add(a.id);

  const counts = editable(ix.core.documentFrequency);
  const removed = takeOut(ix, changed, counts);
  moveUnchanged(ix, changed, nextList);
  const added = putIn(ix, changed, nextList, counts);

  const facts = indexFacts(next, ix.options);
  for (const [t, n] of ix.core.facts.counts) counts.add([t], -n);
  for (const [t, n] of facts.counts) counts.add([t], n);
  const { sentences, cache, settings } = ix.core;
  const core = { sentences, sentenceList: nextList, documentFrequency: counts.counts, facts, cache, settings };
  return { ok: true, indexes: assembleIndexes(next, core), removed, added };
}

type Editable = ReturnType<typeof editable>;

/** Out: the sentences of changed and removed articles, with their tokens and passages. */
function takeOut(ix: Indexes, changed: ReadonlySet<string>, counts: Editable): number {
  const { sentences, cache } = ix.core;
  let removed = 0;
  for (const [id, s] of ix.sentenceList.entries()) {
    if (!changed.has(s.articleId)) continue;
    const tokens = sentenceTokens(s);
    counts.add(tokens, -1);
    sentences.remove({ id, text: tokens.join(" ") });
    cache.delete(id);
    removed++;
  }
  return removed;
}

/** The rest move to their places in the new order, an article at a time, with their passages. */
function moveUnchanged(ix: Indexes, changed: ReadonlySet<string>, nextList: readonly Sentence[]): void {
  const { sentences, cache } = ix.core;
  const oldStart = starts(ix.sentenceList);
  const newStart = starts(nextList);
  const moved = new Map<number, number>();
  for (const [id, s] of ix.sentenceList.entries()) {
    if (!changed.has(s.articleId)) moved.set(id, id - oldStart.get(s.articleId)! + newStart.get(s.articleId)!);
  }
  renumber(sentences, moved);
  const passages = [...cache].filter(([id]) => moved.has(id));
  cache.clear();
  for (const [id, p] of passages) cache.set(moved.get(id)!, p);
}

/** In: the sentences of changed and added articles, counted first, as a build counts every sentence first. */
function putIn(ix: Indexes, changed: ReadonlySet<string>, nextList: readonly Sentence[], counts: Editable): number {
  const { sentences } = ix.core;
  const oldFacts = ix.core.facts.counts;
  // Sentence counts: the facts' share of a token is not part of what decides if a sentence indexes it.
  const sentenceCount = (t: string) => (counts.get(t) ?? 0) - (oldFacts.get(t) ?? 0);
  const added = nextList.flatMap((s, id) => (changed.has(s.articleId) ? [{ id, tokens: sentenceTokens(s) }] : []));
  for (const a of added) counts.add(a.tokens, 1);
  const keep = indexedTokens(nextList.length, sentenceCount, ix.options);
  for (const a of added) sentences.add({ id: a.id, text: keep(a.tokens).join(" ") });
  averageAgain(sentences, nextList.length);
  return added.length;
}

/** The same article: the loader hands back the same object for an unchanged file; otherwise compared whole. */
function sameArticle(a: Article, b: Article | undefined): boolean {
  return a === b || (b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** Where each article's sentences begin in `list`. */
function starts(list: readonly Sentence[]): Map<string, number> {
  const at = new Map<string, number>();
  list.forEach((s, id) => {
    if (!at.has(s.articleId)) at.set(s.articleId, id);
  });
  return at;
}

/** Counts that can be changed: a build's Map is; a snapshot's sorted arrays get their changes beside them. */
function editable(counts: TermCounts) {
  const edited =
    counts instanceof Map
      ? undefined
      : counts instanceof EditedTermCounts
        ? counts
        : new EditedTermCounts(counts as SortedTermCounts);
  const map = counts as Map<string, number>;
  return {
    counts: edited ?? counts,
    get: (t: string) => (edited ? edited.get(t) : map.get(t)),
    add(tokens: Iterable<string>, by: number) {
      if (!edited) return countTokens(map, tokens, by);
      for (const t of by === 1 || by === -1 ? new Set(tokens) : tokens) edited.add(t, by);
    },
  };
}

/** MiniSearch's private id maps (see snapshot.ts for why the version is pinned). */
interface IdMaps {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** Gives each document `from` the id `moved.get(from)`; its postings, under MiniSearch's short id, stay. */
function renumber(index: MiniSearch<{ id: number; text: string }>, moved: ReadonlyMap<number, number>): void {
  const maps = index as unknown as IdMaps;
  const toShort = new Map<unknown, number>();
  for (const [short, id] of maps._documentIds) {
    const to = moved.get(id as number)!;
    maps._documentIds.set(short, to);
    toShort.set(to, short);
  }
  maps._idToShortId = toShort;
}

/**
 * The average sentence length as a build adds it up, sentence after sentence in the knowledge's order:
 * BM25 reads it, and a running average depends on the order in its last bits.
 */
function averageAgain(index: MiniSearch<{ id: number; text: string }>, count: number): void {
  const maps = index as unknown as IdMaps;
  let average = 0;
  for (let id = 0; id < count; id++) {
    const length = maps._fieldLength.get(maps._idToShortId.get(id)!)![0]!;
    average = (average * id + length) / (id + 1);
  }
  maps._avgFieldLength[0] = average;
}
