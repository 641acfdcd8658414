/** How many documents each token occurs in: a Map while building, sorted arrays once restored. */

export interface TermCounts {
  get(term: string): number | undefined;
  has(term: string): boolean;
}

/**
 * Terms in sorted order with their counts, looked up by binary search. Restoring a snapshot fills two
 * arrays instead of a Map of every term (326k terms: 0.3 s as a Map), and a question looks up a few tokens.
 */
export class SortedTermCounts implements TermCounts {
  constructor(
    readonly terms: readonly string[],
    readonly counts: Int32Array,
  ) {}

  static from(counts: TermCounts): SortedTermCounts {
    if (counts instanceof SortedTermCounts) return counts;
    if (counts instanceof EditedTermCounts) return counts.merged();
    const entries = [...(counts as Map<string, number>)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new SortedTermCounts(
      entries.map(([t]) => t),
      Int32Array.from(entries.map(([, c]) => c)),
    );
  }

  get(term: string): number | undefined {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.terms[mid]!;
      if (t === term) return this.counts[mid];
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }
}

/**
 * Counts restored from a snapshot, changed by updates in place: the sorted arrays stay as they were
 * read, and the changes are kept beside them. Which terms changed is at most the terms of the articles
 * added and removed since.
 */
export class EditedTermCounts implements TermCounts {
  private readonly changes = new Map<string, number>();

  constructor(readonly base: SortedTermCounts) {}

  get(term: string): number | undefined {
    const n = this.changes.get(term) ?? this.base.get(term);
    return n ? n : undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  /** Terms the changes add that the base does not hold. */
  addedTerms(): string[] {
    return [...this.changes.keys()].filter((t) => !this.base.has(t) && this.has(t));
  }

  add(term: string, by: number): void {
    this.changes.set(term, (this.get(term) ?? 0) + by);
  }

  /** The counts as sorted arrays again (for a snapshot): one merge of the base with the changed terms. */
  merged(): SortedTermCounts {
    const changed = [...this.changes.keys()].filter((t) => !this.base.has(t)).sort();
    const terms: string[] = [];
    const counts: number[] = [];
    const push = (t: string) => {
      const n = this.get(t);
      if (n) terms.push(t), counts.push(n);
    };
    let j = 0;
    for (const t of this.base.terms) {
      while (j < changed.length && changed[j]! < t) push(changed[j++]!);
      push(t);
    }
    while (j < changed.length) push(changed[j++]!);
    return new SortedTermCounts(terms, Int32Array.from(counts));
  }
}

/**
 * The two-character terms (Han bigrams) that start with `first` (a typo's neighbour: 原 → 原煤, 原平 …), in any
 * order: a range of a snapshot's sorted terms, or a fresh build's grouped by first character.
 */
export function bigramsStartingWith(counts: TermCounts, first: string): string[] {
  const bigram = (t: string) => t.length === 2;
  if (counts instanceof SortedTermCounts) return sortedRange(counts.terms, first).filter(bigram);
  if (counts instanceof EditedTermCounts) {
    const base = sortedRange(counts.base.terms, first).filter((t) => bigram(t) && counts.has(t));
    const added = counts.addedTerms().filter((t) => bigram(t) && t.startsWith(first) && !base.includes(t));
    return [...base, ...added];
  }
  if (counts instanceof Map) return byFirst(counts as Map<string, number>).get(first) ?? [];
  return [];
}

/**
 * A fresh build's counts, as its two-character terms by their first character: one pass, on first need, and again
 * when an update in place has added terms.
 */
const firsts = new WeakMap<Map<string, number>, { size: number; out: Map<string, string[]> }>();
function byFirst(counts: Map<string, number>): Map<string, string[]> {
  let out = firsts.get(counts)?.size === counts.size ? firsts.get(counts)!.out : undefined;
  if (!out) {
    out = new Map();
    // Two UTF-16 units: the bigrams of Han characters (all in the Basic Multilingual Plane), and little else.
    for (const t of counts.keys()) {
      if (t.length !== 2) continue;
      const list = out.get(t[0]!);
      if (list) list.push(t);
      else out.set(t[0]!, [t]);
    }
    firsts.set(counts, { size: counts.size, out });
  }
  return out;
}

function sortedRange(terms: readonly string[], prefix: string): string[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
  return out;
}
