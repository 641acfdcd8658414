/**
 * Follow-ups in a conversation: "忻州2023年地区生产总值是多少？" then "那2022年呢？". A message that names only a
 * place, a year, a part of the year or a kind of answer (增长了多少, 人均), and nothing else, leans on the question
 * before it: the completed question is that question with the parts the message names replaced, so that the
 * engine answers a whole question and the reply can say how it was taken. Anything more is a question of its own.
 * Pure: the caller keeps the previous question and decides how long it counts.
 */
import { FOLLOW_UP_FILLERS, FOLLOW_UP_KINDS, FOLLOW_UP_OPENERS, QUESTION_ENDINGS } from "../../lexicon/followup.js";
import { alt } from "../../lexicon/match.js";
import { ENGLISH_PLACES, KNOWN_PLACES, NOT_PLACES, PROVINCES, SHANXI_PLACES } from "../../lexicon/places.js";
import { PARTS_OF_YEAR, RELATIVE_YEARS } from "../../lexicon/time.js";
import type { Language } from "../state/answer.js";
import { languageOf } from "./language.js";

/** What a question names that a follow-up may replace, each part as the question writes it. */
export interface FollowUpFrame {
  readonly places: readonly string[];
  readonly years: readonly string[];
  /** Parts of the year (上半年, 1-7月). */
  readonly parts: readonly string[];
  /** The Chinese of each kind of answer it asks (增长了多少？, 人均), from lexicon/followup.ts. */
  readonly kinds: readonly string[];
}

/** The question a conversation's next message may lean on. */
export interface Previous {
  readonly question: string;
  readonly frame: FollowUpFrame;
}

const CHINESE_PLACES = [...new Set([...SHANXI_PLACES.flatMap((p) => [p.name, ...p.short]), ...KNOWN_PLACES])];
const LATIN_PLACES = [
  ...new Set([...Object.keys(ENGLISH_PLACES), ...SHANXI_PLACES.flatMap((p) => p.english.map((e) => e.toLowerCase()))]),
];
const PLACE = new RegExp(`${alt(CHINESE_PLACES)}|\\b${alt(LATIN_PLACES)}\\b`, "gi");
const NOT_PLACE = new RegExp(alt(NOT_PLACES), "gi");
const YEAR = new RegExp(
  `(?<!\\d)(?:19|20)\\d\\d(?:年)?(?!\\d)|${alt(Object.keys(RELATIVE_YEARS))}|\\b(?:last|this) year\\b`,
  "gi",
);
const PART = new RegExp(`${alt(PARTS_OF_YEAR)}|\\d{1,2}-\\d{1,2}月|\\d{1,2}月份?(?:底|末)?`, "g");
const KINDS = FOLLOW_UP_KINDS.map((k) => ({ ...k, re: new RegExp(alt(k.words), "gi") }));
const OPENER = new RegExp(`^(?:${alt(FOLLOW_UP_OPENERS)}\\s*)+`, "i");
const LATIN_FILLERS = FOLLOW_UP_FILLERS.filter((w) => /^[a-z]/i.test(w));
const FILLER = new RegExp(
  `${alt(FOLLOW_UP_FILLERS.filter((w) => !/^[a-z]/i.test(w)))}|\\b${alt(LATIN_FILLERS)}\\b`,
  "gi",
);
const END_KIND_WORDS = FOLLOW_UP_KINDS.filter((k) => k.place === "end").flatMap((k) => k.words);
// 多少家, 有几户: the count's own measure word goes with the question phrase it closes.
const CLOSING = new RegExp(
  `(?:${alt([...QUESTION_ENDINGS, ...END_KIND_WORDS, "了"])}|(?:有|是|为)?(?:多少|几)\\p{Script=Han}?|[\\s?？。.!！])+$`,
  "u",
);

/** The closing words of a question that ask only for its figure, dropped when the reply says how it took it. */
const ASKING_END = /(?:是多少|有多少|为多少|是什么)?[\s?？。.!！]*$/;

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[0]);

/** The places, years, parts of the year and kinds a question names. */
export function followUpFrame(question: string): FollowUpFrame {
  const text = question.normalize("NFKC").replace(NOT_PLACE, " ");
  return {
    places: matches(PLACE, text),
    years: matches(YEAR, text),
    parts: matches(PART, text),
    kinds: KINDS.filter((k) => text.search(k.re) >= 0).map((k) => k.zh),
  };
}

export function previousOf(question: string): Previous {
  return { question, frame: followUpFrame(question) };
}

/**
 * The whole question `message` asks when it follows `previous`, or undefined when it is a question of its own
 * (it names anything but a place, a year, a part of the year or a kind) or names nothing to replace.
 */
export function completeFollowUp(previous: Previous, message: string): string | undefined {
  const asked = followUpFrame(message);
  if (!isFollowUp(message, asked)) return undefined;
  const lang = languageOf(previous.question);
  let q = previous.question.trim();
  const place = asked.places[0];
  if (place) q = replacePart(q, [subjectPlace(previous.frame.places), placeIn(place, lang)], lang, "start");
  const year = asked.years[0];
  if (year) q = replacePart(q, [previous.frame.years[0], yearIn(year, lang)], lang, "afterPlace");
  const part = asked.parts[0];
  if (part && lang === "zh") q = replacePart(q, [previous.frame.parts[0], part], lang, "afterYear");
  if (lang === "zh") for (const kind of asked.kinds) q = withKind(q, kind);
  else if (!place && !year) return undefined;
  return q;
}

/** How the reply says what it understood: the completed question without its closing question words. */
export function understoodText(question: string): string {
  const q = question.trim();
  return languageOf(q) === "zh" ? q.replace(ASKING_END, "") || q : q.replace(/[\s?？]+$/, "");
}

function isFollowUp(message: string, asked: FollowUpFrame): boolean {
  const names = asked.places.length + asked.years.length + asked.parts.length + asked.kinds.length;
  if (!names) return false;
  let rest = message.normalize("NFKC").trim().replace(OPENER, " ").replace(NOT_PLACE, "?");
  for (const re of [PLACE, YEAR, PART, ...KINDS.map((k) => k.re), FILLER]) rest = rest.replace(re, " ");
  return rest.replace(/[\s?？。.!！,，、'’s]/g, "") === "";
}

/** The place a question is about: of several, not the province it compares with (占全省, Shanxi's total). */
function subjectPlace(places: readonly string[]): string | undefined {
  const province = (p: string) => PROVINCES.has(englishToChinese(p) ?? p) || p === "山西省";
  return places.find((p) => !province(p)) ?? places[0];
}

type Where = "start" | "afterPlace" | "afterYear";

/** `old` replaced by `next` in `q` (the pair: what was said, what is said now); with no `old`, `next` put where such a part stands. */
function replacePart(
  q: string,
  [old, next]: readonly [string | undefined, string],
  lang: Language,
  where: Where,
): string {
  if (old) {
    const at = q.toLowerCase().indexOf(old.toLowerCase());
    if (at >= 0) {
      const before = q.slice(0, at);
      // "in 2023" becomes "last year", not "in last year".
      const head = lang === "en" && /\D$/.test(next.slice(-1)) && /\bin $/i.test(before) ? before.slice(0, -3) : before;
      return `${head}${next}${q.slice(at + old.length)}`;
    }
  }
  if (lang === "en") {
    const tail = where === "start" ? ` in ${next}` : /^\d/.test(next) ? ` in ${next}` : ` ${next}`;
    return q.replace(/\s*[?？]*$/, `${tail}?`);
  }
  const at = insertionPoint(q, where);
  return `${q.slice(0, at)}${next}${q.slice(at)}`;
}

/** Where a Chinese question's place, year or part of the year would stand: after those before it. */
function insertionPoint(q: string, where: Where): number {
  if (where === "start") return 0;
  const kinds = where === "afterPlace" ? [PLACE] : [PLACE, YEAR];
  let end = 0;
  for (const re of kinds) {
    for (const m of q.matchAll(re)) if (m.index === end) end += m[0].length;
  }
  return end;
}

/** A kind of answer asked of the question's figure: 增长了多少 closes it, 人均 stands before its measure. */
function withKind(q: string, kind: string): string {
  const entry = FOLLOW_UP_KINDS.find((k) => k.zh === kind)!;
  if (entry.place === "measure") {
    if (q.includes(kind)) return q;
    const at = Math.max(insertionPoint(q, "afterYear"), insertionPoint(q, "afterPlace"));
    const part = q.slice(at).match(PART);
    const after = part && q.slice(at).startsWith(part[0]) ? at + part[0].length : at;
    return `${q.slice(0, after)}${kind}${q.slice(after)}`;
  }
  return `${q.replace(CLOSING, "")}${kind}`;
}

/** A place as a question in `lang` names it. */
function placeIn(place: string, lang: Language): string {
  const latin = /^[a-z]/i.test(place);
  if (lang === "zh") return latin ? (englishToChinese(place) ?? place) : place;
  if (latin) return place.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  const entry = SHANXI_PLACES.find((p) => p.name === place || p.short.includes(place));
  return entry?.english[0] ?? place;
}

function englishToChinese(place: string): string | undefined {
  const lower = place.toLowerCase();
  return ENGLISH_PLACES[lower] ?? SHANXI_PLACES.find((p) => p.english.some((e) => e.toLowerCase() === lower))?.name;
}

/** A year as a question in `lang` writes it: 2022年 in Chinese, 2022 or "last year" in English. */
function yearIn(year: string, lang: Language): string {
  if (lang === "zh") {
    if (/^\d{4}$/.test(year)) return `${year}年`;
    return /year/i.test(year) ? (/last/i.test(year) ? "去年" : "今年") : year;
  }
  const digits = year.match(/\d{4}/)?.[0];
  if (digits) return digits;
  return year in RELATIVE_YEARS ? (RELATIVE_YEARS[year] === -1 ? "last year" : "this year") : year;
}

/** A message of a conversation as the engine is asked it: the whole question, and how it was taken if completed. */
export interface Turn {
  readonly question: string;
  readonly understood?: string;
}

export function turnOf(previous: Previous | undefined, message: string): Turn {
  const completed = previous && completeFollowUp(previous, message);
  return completed ? { question: completed, understood: understoodText(completed) } : { question: message };
}
