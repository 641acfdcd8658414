/**
 * Coverage: how much of what the question asks about a piece of evidence mentions, from 0 to 1, with
 * the figure's own clauses counting whole and its context less. The reader's main measure.
 */

import type { EngineOptions } from "../options.js";
import { isLatin, isLetter } from "../text.js";
import type { Concept } from "../understand/question.js";

/** Whether a word of `text` starts with `stem` (standard matches standards). */
function startsWord(text: string, stem: string): boolean {
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) if (!isLetter(text[at - 1])) return true;
  return false;
}

/** How much of the question's concepts `evidence` (normalized) mentions, from 0 to 1. */
export function coverage(concepts: readonly Concept[], evidence: string, o: EngineOptions): number {
  return gradedCoverage(concepts, [[evidence, 1]], o);
}

/**
 * Coverage over texts of different standing: a concept met in the figure's own clauses counts whole,
 * one met only in the passage's context (its article's title, the sentence before) counts less.
 */
export function gradedCoverage(
  concepts: readonly Concept[],
  sources: readonly (readonly [string, number])[],
  o: EngineOptions,
  /** Whether the evidence is English; by default read from the first source. */
  inEnglish?: boolean,
): number {
  let total = 0;
  let met = 0;
  // Whether the evidence itself (its first source: the figure's own clauses) is English; asked only when it matters.
  let english: boolean | undefined = inEnglish;
  const masks = sources.map(([text]) => charMask(text));
  for (const c of concepts) {
    if (c.englishOnly) {
      english ??= isEnglish(sources[0]?.[0] ?? "");
      // An English word no Chinese form translates (salary) is not held whole against Chinese evidence, but
      // counts against it in part: a question is not answered on its translated words alone.
      if (!english) {
        total += c.weight * o.coverage.untranslated;
        continue;
      }
    }
    total += c.weight;
    met += c.weight * mentionedIn(c, sources, masks, o.coverage.abbreviation);
  }
  return total ? met / total : 0;
}

/** Text written in English, not Chinese with a Latin name in it (TOPCon4.0光伏电池). */
export function isEnglish(text: string): boolean {
  return (text.match(/[a-z]{3,}/gi)?.length ?? 0) >= 3;
}

/**
 * How much of one concept the sources mention, each weighted by its standing: all of it, the share of its
 * bigrams (重新出版 against 重新发现: a third), or nothing. A word's parts may stand in different sources (黄鳍紫鱼
 * in the title, 体长 in the sentence): each bigram counts where it is best met.
 */
function mentionedIn(
  c: Concept,
  sources: readonly (readonly [string, number])[],
  masks: readonly Int32Array[],
  abbreviation: number,
): number {
  let best = 0;
  const parts = c.grams.map(() => 0);
  const { latin, forms, grams } = shapeOf(c);
  for (let s = 0; s < sources.length; s++) {
    const [text, weight] = sources[s]!;
    const mask = masks[s]!;
    // A source of no more standing than what is already met adds nothing.
    if (weight <= best && (c.grams.length < 2 || parts.every((p) => p >= weight))) continue;
    if (c.forms.some((f, i) => within(forms, i, mask) && (latin[i] ? startsWord(text, f) : text.includes(f)))) {
      best = Math.max(best, weight);
      for (let i = 0; i < parts.length; i++) parts[i] = Math.max(parts[i]!, weight);
      continue;
    }
    if (!c.grams.length) continue;
    const met = gramsMet(c, text, grams, mask);
    let n = 0;
    for (let i = 0; i < met.length; i++) {
      if (!met[i]) continue;
      n++;
      parts[i] = Math.max(parts[i]!, weight);
    }
    // A two-character abbreviation of a longer word (营收 for 营业收入, 规上 for 规模以上) counts most of it.
    const share = n
      ? n / c.grams.length
      : c.grams.length === 1 && abbreviates(c.grams[0]!, text, grams, mask)
        ? abbreviation
        : 0;
    best = Math.max(best, weight * share);
  }
  if (c.grams.length > 1 && best < 1) best = Math.max(best, parts.reduce((a, b) => a + b, 0) / c.grams.length);
  return best;
}

/**
 * The characters of a text as 128 bits (four words), each character setting one: a word whose bits the
 * text lacks is not in it, so most texts are ruled out for a word without searching them.
 */
function charMask(text: string): Int32Array {
  let mask = masksSeen.get(text);
  if (!mask) {
    mask = maskOf(text);
    if (masksSeen.size >= 4096) masksSeen = new Map();
    masksSeen.set(text, mask);
  }
  return mask;
}

/** The masks of the last few thousand texts: a passage's clauses and context are read again by every question. */
let masksSeen = new Map<string, Int32Array>();

function maskOf(text: string): Int32Array {
  const mask = new Int32Array(MASK_WORDS);
  for (let i = 0; i < text.length; i++) {
    const bit = Math.imul(text.charCodeAt(i), 0x9e3779b1) >>> 25;
    mask[bit >>> 5]! |= 1 << (bit & 31);
  }
  return mask;
}

const MASK_WORDS = 4;

/** Whether the characters of word `i` (masks laid end to end in `words`) may all stand in the text of `mask`. */
function within(words: Int32Array, i: number, mask: Int32Array): boolean {
  const at = i * MASK_WORDS;
  for (let k = 0; k < MASK_WORDS; k++) if ((words[at + k]! & ~mask[k]!) !== 0) return false;
  return true;
}

function masksOf(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length * MASK_WORDS);
  for (let i = 0; i < words.length; i++) out.set(maskOf(words[i]!), i * MASK_WORDS);
  return out;
}

/** A concept's forms and grams as character masks, and which forms are Latin words (matched whole). */
interface Shape {
  readonly latin: readonly boolean[];
  readonly forms: Int32Array;
  readonly grams: Int32Array;
}

const shapes = new WeakMap<Concept, Shape>();

/** Worked out once per concept. */
function shapeOf(c: Concept): Shape {
  let shape = shapes.get(c);
  if (!shape) {
    shape = { latin: c.forms.map(isLatin), forms: masksOf(c.forms), grams: masksOf(c.grams) };
    shapes.set(c, shape);
  }
  return shape;
}

/**
 * Which of a word's bigrams the evidence says: written as they are, or, within an event verb, as another
 * verb of the same event (成立 said as 创立). Only for the question's own words, whose grams follow its text.
 */
function gramsMet(c: Concept, evidence: string, grams: Int32Array, mask: Int32Array): boolean[] {
  const met = c.grams.map((g, i) => within(grams, i, mask) && evidence.includes(g));
  if (!c.verbs?.length || met.every(Boolean)) return met;
  const chars = [...c.text];
  const gramAt = chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]!);
  for (const v of c.verbs) {
    if (!v.others.some((o) => evidence.includes(o))) continue;
    for (let i = v.at; i < v.at + v.length - 1; i++) {
      const k = c.grams.indexOf(gramAt[i]!);
      if (k >= 0) met[k] = true;
    }
  }
  return met;
}

function abbreviates(word: string, evidence: string, masks: Int32Array, mask: Int32Array): boolean {
  const chars = [...word];
  // One character abbreviates nothing; two do only where the evidence has both.
  if (chars.length < 2 || (chars.length === 2 && !within(masks, 0, mask))) return false;
  const [a, b] = chars as [string, string];
  for (let i = evidence.indexOf(a); i >= 0; i = evidence.indexOf(a, i + 1)) {
    const j = evidence.indexOf(b, i + 2);
    if (j > i + 1 && j <= i + 3 && /^\p{Script=Han}+$/u.test(evidence.slice(i, j + 1))) return true;
  }
  return false;
}
