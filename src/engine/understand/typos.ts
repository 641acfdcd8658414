/**
 * Mending typos before searching, and "did you mean" after. Most Chinese typos are homophones typed
 * by pinyin (忻洲 for 忻州): a character is replaced only when that makes a known name and the two share
 * a reading. Swapped neighbours are tried too; English names are matched with fuse.js.
 */

import Fuse from "fuse.js";
import { pinyin } from "pinyin-pro";
import { NOT_NAMES } from "../../lexicon/english.js";
import { alt, charSet } from "../../lexicon/match.js";
import { KNOWN_PLACES } from "../../lexicon/places.js";
import { QUESTION_PAIRS, TYPO_SAFE_CHARS } from "../../lexicon/questions.js";
import type { Indexes } from "../retrieve/indexes.js";
import { bigramsStartingWith } from "../retrieve/terms.js";
import { bigrams, editDistance, hanRuns, stemEnglish } from "../text.js";

/** Whether the corpus or a known name uses `token`: a question bigram outside both is a typo suspect. */
export function knows(ix: Indexes, token: string): boolean {
  return ix.documentFrequency.has(token) || ix.namesByBigram.has(token);
}

/**
 * Mends typos in a normalized question: a Han bigram the corpus never uses, inside a window that is
 * one character away from a known name (忻洲 → 忻州, 一体话 → 一体化), and Latin words close to a
 * known English name (Xinzou → xinzhou). Returns the mended text and what was changed.
 */
export function correctTypos(norm: string, ix: Indexes, raw = norm): { text: string; changes: [string, string][] } {
  const changes: [string, string][] = [];
  let text = norm;
  // A bounded number of attempts: a long run of unknown characters is noise, not typos.
  let attempts = ix.options.limits.mends;
  for (const run of hanRuns(norm)) {
    let fixed = [...run];
    for (;;) {
      // Of all one-character mends, take the one that makes the most of the run known.
      let best: Mend | undefined;
      for (let k = 0; k < fixed.length && attempts > 0; k++) {
        if (!suspicious(fixed, k, ix)) continue;
        attempts--;
        // A question word's character standing alone (如 of 收如) is mended only into a known name.
        const mends = FUNCTION_CHARS.has(fixed[k]!)
          ? [mendWindow(fixed, k, ix)]
          : [mendWindow(fixed, k, ix), swapped(fixed, k), homophone(fixed, k, ix)];
        best = bestMend(best, mends, ix);
      }
      // A mend must make the run better known by two bigrams; a run of two or three characters has only one or two,
      // and there only a sound-alike name (忻洲 → 忻州, one character changed) is taken, never swapped neighbours.
      const at = best ? best.chars.findIndex((c, i) => c !== fixed[i]) : -1;
      const changed = best ? best.chars.filter((c, i) => c !== fixed[i]).length : 0;
      // A name's last character (可支配收如 → 可支配收入 before 是多少) has one bigram to gain.
      const gain = changed === 1 && (fixed.length <= 3 || (best?.name && atWordEnd(fixed, at))) ? 1 : 2;
      if (!best || best.known < knownBigrams(fixed, ix) + gain) break;
      fixed = best.chars;
    }
    const mended = fixed.join("");
    if (mended !== run) {
      changes.push([run, mended]);
      text = text.replace(run, mended);
    }
  }
  // English: only names (capitalized in the question, like Xinzou) are mended; other words are left alone.
  // The first word is capitalized as any sentence's is; months and question words are no names.
  const names = new Set(
    (raw.match(/(?<=\S\s+)\b[A-Z][a-z]{3,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !NOT_NAME.has(w)),
  );
  let englishAttempts = ix.options.limits.englishMends;
  text = text.replace(/[a-z][a-z']{3,}/g, (word) => {
    if (!names.has(word) || knows(ix, word) || ix.englishStems.has(stemEnglish(word)) || englishAttempts-- <= 0)
      return word;
    const best = ix.englishNames.search(word, { limit: 1 })[0];
    if (!best || best.item === word || best.item.includes(" ")) return word;
    if (editDistance(best.item, word) > (word.length >= 7 ? 2 : 1)) return word;
    changes.push([word, best.item]);
    return best.item;
  });
  return { text, changes };
}

const NOT_NAME: ReadonlySet<string> = new Set(NOT_NAMES);

/** Characters of questions that are no typo when they stand between words. */
const FUNCTION_CHARS = charSet(TYPO_SAFE_CHARS);

/** A character is a typo suspect when every bigram it forms in its run is unknown to the corpus. */
function suspicious(chars: readonly string[], k: number, ix: Indexes): boolean {
  if ((FUNCTION_CHARS.has(chars[k]!) && !lonePairChar(chars, k)) || chars.length < 2) return false;
  const left = k > 0 ? chars[k - 1]! + chars[k]! : undefined;
  const right = k + 1 < chars.length ? chars[k]! + chars[k + 1]! : undefined;
  return (left === undefined || !knows(ix, left)) && (right === undefined || !knows(ix, right));
}

/**
 * The known name closest to `text`, for "did you mean": fuse.js ranks the names that share a bigram
 * with it (a few dozen, not every name, so that an unanswered question stays fast).
 */
export function closestName(ix: Indexes, text: string): string | undefined {
  const pool = new Set(bigrams(text).flatMap((b) => ix.namesByBigram.get(b) ?? []));
  if (!pool.size) return undefined;
  const fuse = new Fuse([...pool], {
    includeScore: true,
    threshold: ix.options.index.didYouMeanThreshold,
    ignoreLocation: true,
  });
  const hit = fuse.search(text, { limit: 1 })[0];
  return hit && hit.item !== text ? hit.item : undefined;
}

/** Of the mends so far and these, the one that makes the most of the run known. */
/** A mend, how many of its bigrams are known, and whether it makes a known name (the first of the mends given). */
type Mend = { chars: string[]; known: number; name: boolean };

function bestMend(best: Mend | undefined, mends: (string[] | undefined)[], ix: Indexes): Mend | undefined {
  let out = best;
  mends.forEach((mend, i) => {
    if (!mend) return;
    const known = knownBigrams(mend, ix);
    if (!out || known > out.known) out = { chars: mend, known, name: i === 0 };
  });
  return out;
}

/**
 * The character at `k` replaced by one that sounds alike and makes both its bigrams words of the corpus (原媒产量 →
 * 原煤产量): a typo of a word, not only of a name. Never inside a place's name, which the corpus may simply lack.
 */
function homophone(chars: readonly string[], k: number, ix: Indexes): string[] | undefined {
  if (k === 0 || k + 1 >= chars.length || inPlaceName(chars, k)) return undefined;
  const left = chars[k - 1]!;
  const right = chars[k + 1]!;
  const typed = chars[k]!;
  for (const term of bigramsStartingWith(ix.documentFrequency, left)) {
    const ch = term[1]!;
    // A term an update removed may still be listed: asked again.
    if (ch === typed || !ix.documentFrequency.has(term) || !ix.documentFrequency.has(ch + right)) continue;
    if (!soundsAlike(ch, typed)) continue;
    const out = chars.slice();
    out[k] = ch;
    return out;
  }
  return undefined;
}

function lonePairChar(chars: readonly string[], k: number): boolean {
  const pairs = QUESTION_PAIRS.filter((p) => p.includes(chars[k]!));
  if (!pairs.length) return false;
  const around = [`${chars[k - 1] ?? ""}${chars[k]}`, `${chars[k]}${chars[k + 1] ?? ""}`];
  return !pairs.some((p) => around.includes(p));
}

/** Whether the character ends its word: the run's last, or before a question's function character (是, 的, 多). */
function atWordEnd(chars: readonly string[], k: number): boolean {
  return k + 1 >= chars.length || FUNCTION_CHARS.has(chars[k + 1]!);
}

const PLACE_IN = new RegExp(alt(KNOWN_PLACES.filter((p) => [...p].length >= 2)), "g");

/** Whether the character at `k` is part of a place's name the lexicon knows (大同, 岢岚): left as typed. */
function inPlaceName(chars: readonly string[], k: number): boolean {
  const text = chars.join("");
  const at = chars.slice(0, k).join("").length;
  for (const m of text.matchAll(PLACE_IN)) if (m.index <= at && at < m.index + m[0].length) return true;
  return false;
}

/** Two neighbouring characters typed in the wrong order (专镇业 for 专业镇). */
function swapped(chars: readonly string[], k: number): string[] | undefined {
  if (k + 1 >= chars.length) return undefined;
  const out = chars.slice();
  [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
  return out;
}

/** Whether two characters share a reading, allowing the usual slips of pinyin typing (z/zh, n/l, in/ing). */
export function soundsAlike(a: string, b: string): boolean {
  const ra = readingsOf(a);
  return [...readingsOf(b)].some((r) => ra.has(r));
}

/** A character's readings, loosened as soundsAlike compares them; worked out once a character. */
const readings = new Map<string, ReadonlySet<string>>();

function readingsOf(ch: string): ReadonlySet<string> {
  let found = readings.get(ch);
  if (!found) {
    found = new Set(pinyin(ch, { toneType: "none", multiple: true, type: "array" }).map(fuzzyPinyin));
    if (readings.size >= 8192) readings.clear();
    readings.set(ch, found);
  }
  return found;
}

function fuzzyPinyin(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, "$1")
    .replace(/^l/, "n")
    .replace(/^r/, "l")
    .replace(/(an|en|in)g$/, "$1")
    .replace(/^f/, "h");
}

function knownBigrams(chars: readonly string[], ix: Indexes): number {
  let n = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (knows(ix, chars[i]! + chars[i + 1]!)) n++;
  return n;
}

/** Tries names of 2–6 characters that differ from the text around `k` in that character only. */
function mendWindow(chars: readonly string[], k: number, ix: Indexes): string[] | undefined {
  for (const len of [6, 5, 4, 3, 2]) {
    for (let start = Math.max(0, k + 1 - len); start <= k && start + len <= chars.length; start++) {
      const key = chars
        .map((c, i) => (i === k ? "\0" : c))
        .slice(start, start + len)
        .join("");
      const window = chars.slice(start, start + len).join("");
      // Most typos in Chinese are homophones typed by pinyin: 忻洲 for 忻州, 一体话 for 一体化.
      const name = ix.holes.get(key)?.find((n) => n !== window && soundsAlike([...n][k - start]!, chars[k]!));
      if (!name) continue;
      const out = chars.slice();
      out.splice(start, len, ...name);
      return out;
    }
  }
  return undefined;
}
