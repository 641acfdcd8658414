/** Event verbs in a question's words, and the other verbs of the same event (lexicon/events.ts). */
import { EVENT_VERBS } from "../../lexicon/events.js";

const byWord = new Map<string, readonly string[]>();
for (const group of EVENT_VERBS)
  for (const w of group)
    byWord.set(
      w,
      group.filter((x) => x !== w),
    );

/** Each event verb in `word` (of two characters or more) with where it stands and the verbs that may stand for it. */
export function eventVerbsIn(word: string): { at: number; length: number; others: readonly string[] }[] {
  const out: { at: number; length: number; others: readonly string[] }[] = [];
  for (const [w, others] of byWord) {
    if (w.length < 2) continue;
    for (let at = word.indexOf(w); at >= 0; at = word.indexOf(w, at + 1)) out.push({ at, length: w.length, others });
  }
  return out;
}
