/**
 * Normalizing and tokenizing Chinese and English: one normalizer for indexing and querying alike.
 *
 * Chinese has no spaces, so Han text is indexed as overlapping character bigrams (a one-character
 * run as itself). Numbers stay whole with their decimal point, fraction bar or percent sign
 * (17.38%, 1/9, 2387.2), and a number glued to Latin letters keeps them (14gw).
 */
import * as OpenCC from "opencc-js/t2cn";
import { TRADITIONAL_PLACE_CHARS } from "../lexicon/places.js";
import { NUMBER_SOURCE } from "../model/numbers.js";

let toSimplified: ((s: string) => string) | undefined;

/**
 * A pure function of a string, remembered for the last texts it was given: a question reads the same clauses,
 * leads and contexts for every candidate, and the next question mostly the same sentences again. The memory is
 * bounded: past `size` texts it starts afresh.
 */
function remembered(f: (text: string) => string, size: number): (text: string) => string {
  let seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = f(text);
      if (seen.size >= size) seen = new Map();
      seen.set(text, out);
    }
    return out;
  };
}

/** Traditional → simplified characters; the converter is built on first use, not at import. */
export const simplify = remembered((text: string): string => {
  const convert = toSimplified ?? OpenCC.Converter({ from: "t", to: "cn" });
  toSimplified = convert;
  return convert(text);
}, 4096);

const TRADITIONAL = new Map(
  [...TRADITIONAL_PLACE_CHARS].flatMap((ch, i, all) => (i % 2 ? [] : [[ch, all[i + 1]!] as const])),
);

/** A place's name in traditional characters (定襄县 → 定襄縣), for a name put into a traditional text. */
export function traditionalize(name: string): string {
  return [...name].map((ch) => TRADITIONAL.get(ch) ?? ch).join("");
}

/** Whether a text is written in traditional characters: it has some that simplify to others. */
export function isTraditional(text: string): boolean {
  return simplify(text) !== text;
}

/**
 * The simplified form of a text, the same length character for character, so that an offset in one
 * is an offset in the other: a character whose conversion changes the length is kept as written.
 */
export function simplifyAligned(text: string): string {
  const whole = simplify(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const ch of text) {
    const one = simplify(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** A reading in parentheses after a character, left by some mirrors of Chinese pages: 實(shí)現(xiàn). */
const PINYIN_AFTER_HAN = /(\p{Script=Han})\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)/gu;

/** The text without the readings a mirror left after its characters: 實(shí)現(xiàn) → 實現. */
export function dropReadings(text: string): string {
  // Most texts have no parentheses: the reading pattern is not run over them.
  return text.includes("(") ? text.replace(PINYIN_AFTER_HAN, "$1") : text;
}

/**
 * NFKC (full-width → half-width), traditional → simplified, lower case, and every run of
 * punctuation, symbols or white space to one space, except what belongs to a number.
 */
export const normalize = remembered(
  (text: string): string =>
    dropReadings(simplify(text.normalize("NFKC")).toLowerCase())
      .replace(/[\p{C}]/gu, " ")
      .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
      .replace(/(?<!\d)[.%/](?!\d)|[^\p{L}\p{N}.%/]+/gu, " ")
      .replace(/(\d)[.](?!\d)/g, "$1 ")
      .replace(/\s+/g, " ")
      .trim(),
  4096,
);

const TOKEN = new RegExp(`(${NUMBER_SOURCE})%?([a-z]+)?|\\p{Script=Han}+|[\\p{L}\\p{N}]+`, "gu");

/** Tokens of already-normalized text. */
export function tokenizeNormalized(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const [whole, number, latin] = m;
    if (number !== undefined) {
      const withPercent = latin ? whole.slice(0, whole.length - latin.length) : whole;
      out.push(withPercent);
      if (latin) out.push(whole);
    } else if (HAN.test(whole[0]!)) {
      out.push(...bigrams(whole));
    } else {
      out.push(whole);
    }
  }
  return out;
}

/** The tokenizer MiniSearch uses for documents and questions alike. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalize(text));
}

export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Han runs of a normalized text, split wherever anything but Han stands. */
export function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}+/gu) ?? [];
}

/** Edit distance between two short strings, for telling a typo from another word. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** tourists → tourist, industries → industry, issued → issu: enough to match an English alias. */
export function stemEnglish(word: string): string {
  return word
    .replace(/'s$/, "")
    .replace(/ies$/, "y")
    .replace(/(ss)$/, "$1")
    .replace(/(?<=[a-z]{3})(es|s|ed|ing)$/, "");
}

export const isLatin = (s: string) => /^[a-z0-9' -]+$/.test(s);
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether normalized `text` mentions `term`: Latin terms as whole words, Han terms anywhere. */
export function contains(text: string, term: string): boolean {
  if (!term) return false;
  let at = text.indexOf(term);
  if (at < 0 || !LATIN_EDGE.test(term)) return at >= 0;
  while (at >= 0) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + term.length])) return true;
    at = text.indexOf(term, at + 1);
  }
  return false;
}

/** A term that begins or ends with a Latin letter must not run into other letters. */
const LATIN_EDGE = /^[a-z]|[a-z]$/;
export const isLetter = (ch: string | undefined) => ch !== undefined && ch >= "a" && ch <= "z";
