/**
 * The curated facts' search, scored exactly as MiniSearch's own `search(text, { combineWith: "OR" })` scores
 * it, without its work per query: the fact index is built whole and never changed (indexFacts), so each
 * term's score in each fact is worked out once, from MiniSearch's postings, and a question only adds its
 * terms' scores up in MiniSearch's order (the same sums, so the same ties). MiniSearch spends most of a
 * fact search making the match objects of every posting, which the engine does not read.
 *
 * This reads MiniSearch's private fields, as the snapshot does (snapshot.ts): the version is pinned, and
 * `test/engine/facts-search.test.ts` checks that both give the same facts, in the same order, with the same scores.
 */
import type MiniSearch from "minisearch";

/** MiniSearch's fields this file reads (version MINISEARCH_VERSION, snapshot.ts). */
interface Internals {
  readonly _index: { get(term: string): ReadonlyMap<number, ReadonlyMap<number, number>> | undefined };
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _documentCount: number;
  readonly _documentIds: ReadonlyMap<number, unknown>;
  readonly _options: {
    readonly fields: readonly string[];
    readonly searchOptions: {
      readonly boost?: Readonly<Record<string, number>>;
      readonly bm25: { readonly k: number; readonly b: number; readonly d: number };
    };
  };
}

/** A term's score in each fact it is in, facts in the order MiniSearch meets them (by field, then by fact). */
interface TermScores {
  readonly docs: readonly number[];
  readonly scores: readonly number[];
}

const NONE: TermScores = { docs: [], scores: [] };
const scored = new WeakMap<object, Map<string, TermScores>>();

/** The facts `text`'s space-separated terms find, with MiniSearch's scores, best first (ties as MiniSearch). */
export function searchFacts(index: MiniSearch<{ id: number }>, text: string): { id: unknown; score: number }[] {
  const ms = index as unknown as Internals;
  const found = new Map<number, { score: number; terms: string[] }>();
  for (const term of text.split(" ")) {
    if (!term) continue;
    const { docs, scores } = termScores(ms, term);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const seen = found.get(doc);
      if (!seen) found.set(doc, { score: scores[i]!, terms: [term] });
      else {
        seen.score = seen.score + scores[i]!;
        if (!seen.terms.includes(term)) seen.terms.push(term);
      }
    }
  }
  const out: { id: unknown; score: number }[] = [];
  for (const [doc, { score, terms }] of found) {
    out.push({ id: ms._documentIds.get(doc), score: score * (terms.length || 1) });
  }
  return out.sort((a, b) => b.score - a.score);
}

function termScores(ms: Internals, term: string): TermScores {
  let terms = scored.get(ms);
  if (!terms) {
    terms = new Map();
    scored.set(ms, terms);
  }
  let found = terms.get(term);
  if (!found) {
    found = scoresOf(ms, term);
    terms.set(term, found);
  }
  return found;
}

/** As MiniSearch's termResults adds a term's fields up for each document, in the same order of operations. */
function scoresOf(ms: Internals, term: string): TermScores {
  const data = ms._index.get(term);
  if (!data) return NONE;
  const { boost, bm25 } = ms._options.searchOptions;
  const docs: number[] = [];
  const scores: number[] = [];
  const at = new Map<number, number>();
  for (const field of ms._options.fields) {
    const fieldBoost = (boost && Object.hasOwn(boost, field) ? boost[field] : undefined) || 1;
    const fieldId = ms._fieldIds[field]!;
    const freqs = data.get(fieldId);
    if (freqs == null) continue;
    const matching = freqs.size;
    const average = ms._avgFieldLength[fieldId]!;
    // MiniSearch's calcBM25Score, term for term.
    const { k, b, d } = bm25;
    const invDocFreq = Math.log(1 + (ms._documentCount - matching + 0.5) / (matching + 0.5));
    for (const [doc, termFreq] of freqs) {
      const fieldLength = ms._fieldLength.get(doc)![fieldId]!;
      const score = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)));
      // MiniSearch's termWeight × termBoost × fieldBoost × docBoost × score, the others 1 here.
      const weighted = fieldBoost * score;
      const i = at.get(doc);
      if (i === undefined) {
        at.set(doc, docs.length);
        docs.push(doc);
        scores.push(weighted);
      } else scores[i] = scores[i]! + weighted;
    }
  }
  return { docs, scores };
}
