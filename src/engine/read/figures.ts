/**
 * Figures found in a sentence: a value with its unit (1200万千瓦, 17.38%, 6处), a rank (全省第一),
 * a fraction (1/9), a duration (连续6年) or a count in Chinese numerals (四大战略). Each figure's
 * `text` is an exact substring of the sentence, so an answer built from it quotes the article.
 */

import { alt } from "../../lexicon/match.js";
import { ENGLISH_MAGNITUDES, ENGLISH_UNIT_WORDS } from "../../lexicon/units.js";
import type { FactKind } from "../../model/knowledge.js";
import { WRITTEN_NUMBER_SOURCE } from "../../model/numbers.js";
import { escapeRegExp, simplifyAligned } from "../text.js";
import { chineseNumber } from "./periods.js";
import { kindOfUnit, type Measure, measureOf, UNITS } from "./units.js";

const ENGLISH_UNIT_WORDS_SOURCE = alt(ENGLISH_UNIT_WORDS).slice(3, -1);

export interface Figure {
  /** Exactly as written in the sentence, with its unit and any 以上/余/多. */
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  /** "time" for a date, found only for questions that ask when. */
  readonly kind: FactKind | "time";
  /** Offset of `text` in the sentence. */
  readonly index: number;
  /** What its unit measures, when it measures something in particular. */
  readonly measure?: Measure;
}

const D = "[0-9０-９]";
const NUM = WRITTEN_NUMBER_SOURCE;
const CN_NUM = "[一二两三四五六七八九十百千]+";

/** Han units from the lexicon; Latin units (km, GHz, m²) by shape, after an optional space. */
const UNIT = `(?:${UNITS.filter((u) => !/^[a-z]/.test(u))
  .map(escapeRegExp)
  .join("|")}|\\s?[A-Za-z]{1,4}[²³]?(?:/[A-Za-z]{1,2})?(?![A-Za-z]))`;
const TILDE = "(?:至|到|-|~|～|—|－|–)";
/** A number and its unit; a range (50米至1,520米, 70-80公里) is one figure. */
const NUMERIC = new RegExp(
  `([±]?)(${NUM})((?:多|余)?${UNIT}?)(?:${TILDE}(${NUM})((?:多|余)?${UNIT}?))?(以上|以下|左右)?`,
  "gu",
);
/** A time of a race or a record: 3分33秒62, 2小时5分. */
const CLOCK = new RegExp(`${D}+(?:小时|时|分)${D}+(?:分|秒)(?:${D}+(?:秒)?)?`, "gu");
const ENGLISH_FIGURE = new RegExp(
  `(?<![A-Za-z0-9.])(${D}{1,3}(?:,${D}{3})+(?:\\.${D}+)?|${D}+(?:\\.${D}+)?)` +
    `(?:\\s(${ENGLISH_MAGNITUDES.join("|")}))?(?:\\s(${ENGLISH_UNIT_WORDS_SOURCE}))?(?![A-Za-z])`,
  "gi",
);
const RANK =
  /(?:全国|全省|全市|全区|全县|全球|世界|全国同类|全省同类)?(?:第[一二三四五六七八九十\d]+(?:位|名)?|首位)/gu;
const CN_FRACTION = /([一二两三四五六七八九十百\d]+)分之([一二两三四五六七八九十\d]+)/gu;
const CN_COUNT = new RegExp(`(连续)?(${CN_NUM})(大|个|项|条|家|处|座|所|年|连丰|连增)`, "gu");

function numericValue(text: string): number {
  const ascii = text.normalize("NFKC").replace(/,/g, "");
  const [num, den] = ascii.split("/");
  return den ? Number(num) / Number(den) : Number(ascii);
}

/**
 * Figures of a sentence. They are found in its simplified form, character for character the same
 * length (text.ts), so traditional text has the same units; each figure's text is cut from the
 * sentence as written.
 */
export function findFigures(sentence: string): Figure[] {
  const s = simplifyAligned(sentence);
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
  const add: Add = (f) => {
    if (!free(f.index, f.index + f.text.length)) return;
    taken.push([f.index, f.index + f.text.length]);
    const measure = f.kind === "rank" || f.kind === "fraction" ? undefined : measureOf(f.unit);
    figures.push(measure ? { ...f, measure } : f);
  };
  // Earlier finders win where two overlap: an English figure, a race time, a number with its unit, then Chinese forms.
  englishFigures(sentence, s, add);
  for (const m of s.matchAll(CLOCK)) {
    const value = numericValue(m[0].match(/\d+/)![0]);
    add({ text: sentence.slice(m.index, m.index + m[0].length), value, unit: "", kind: "duration", index: m.index });
  }
  for (const m of s.matchAll(NUMERIC)) {
    const figure = numericFigure(sentence, s, m);
    if (figure) add(figure);
  }
  chineseFigures(sentence, s, add);
  return figures.sort((a, b) => a.index - b.index);
}

type Add = (f: Omit<Figure, "measure">) => void;

/** English: 14.2 GW is found as a number with its unit; 2.9 billion yuan, 62.5 percent, 3.6 million visitors here. */
function englishFigures(sentence: string, s: string, add: Add): void {
  for (const m of s.matchAll(ENGLISH_FIGURE)) {
    const [whole, num, magnitude = "", word = ""] = m;
    if (!magnitude && !word) continue;
    const unit = `${magnitude} ${word}`.trim().toLowerCase().replace(/\s+/g, " ");
    const around = s.slice(Math.max(0, m.index - 40), m.index + whole.length + 20);
    const text = sentence.slice(m.index, m.index + whole.length);
    add({ text, value: numericValue(num!), unit, kind: kindOfUnit(word.toLowerCase(), around), index: m.index });
  }
}

/** A number with its unit, or nothing when the number is a date, a year, a name or part of one. */
function numericFigure(
  sentence: string,
  s: string,
  m: RegExpExecArray | RegExpMatchArray,
): Omit<Figure, "measure"> | undefined {
  const [whole, , num, tail = "", num2, tail2 = ""] = m;
  // The unit of a range stands after its second number when not after the first (70-80公里).
  const unitOf = (t: string) => t.replace(/^(多|余)/, "").trim();
  const unit = unitOf(tail) || unitOf(tail2);
  // Letters after a number are a unit only when they are one (GW, km, m²): 4x200米, 5G and 3D are names.
  if (/^[A-Za-z]/.test(unit) && !measureOf(unit)) return undefined;
  const index = m.index!;
  const end = index + whole.length;
  const next = s.slice(end, end + 1);
  const before = s.slice(Math.max(0, index - 4), index);
  if (
    isTime(num!, unit, {
      next,
      before,
      after: s.slice(end, end + 3),
      range: num2 !== undefined,
      bare: !tail && !tail2,
      about: /^(多|余)/.test(tail),
    })
  ) {
    return undefined;
  }
  // 第4位, 第2名 is a rank, read with the ranks in words (chineseFigures).
  if (before.endsWith("第")) return undefined;
  // A number glued to letters is a name: PM10, TOPCon4.0; so is a relay's 4×100米.
  if (/[A-Za-z]$/.test(before) || /[0-9][x×X]$/.test(before) || /^[x×X][0-9]/.test(s.slice(end))) return undefined;
  const value = numericValue(num!);
  if (!Number.isFinite(value)) return undefined;
  const text = sentence.slice(index, end).replace(/\s+$/, "");
  const kind = numericKind(num!, unit, before, s.slice(Math.max(0, index - 12), index));
  return { text, value, unit: unit.normalize("NFKC"), kind, index };
}

/** Whether a number is when, not what: a date, a year, a range of years, a day. */
function isTime(
  num: string,
  unit: string,
  at: { next: string; before: string; after: string; range: boolean; bare: boolean; about: boolean },
): boolean {
  // 1800多年, 600余年: an about-figure of years counts them; no year is named so.
  if (unit === "年" && at.about) return false;
  // A range of two years or of dates is a time, not a figure.
  if (at.range && /^[年月日号]/.test(at.next) && at.bare) return true;
  // Dates are when, not what: 2024年, 10月底, 29日, and a year-month written 2024.11.
  if (/^[0-9０-９]{4}$/.test(num) && (unit === "年" || /^[年.．\-/]/.test(at.next)) && !at.before.endsWith("连续"))
    return true;
  if (!unit && !at.range && /^[月日号时点]/.test(at.next)) return true;
  // A day of a date (5月4日) is when, not how long.
  if (/^[日号月]$/.test(unit) && /[年月]$/.test(at.before)) return true;
  // N年 is a year (1889年, 民国32年), unless it counts years: 连续6年, 长达250年, 结束37年…职务.
  if (unit === "年" && !countsYears(num, at.before, at.after.slice(0, 2))) return true;
  // A bare year in English text (in 2023, by 2030) is a time, not a figure.
  return /^(19|20)\d\d$/.test(num) && !unit && !at.range && /[A-Za-z]/.test(at.before + at.after);
}

/** Ranks (全省第一), fractions in words (三分之一) and counts in Chinese numerals (四大战略, 连续三年). */
function chineseFigures(sentence: string, s: string, add: Add): void {
  const cut = (m: RegExpMatchArray) => sentence.slice(m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(RANK)) {
    // 首位 is the first place.
    const n = m[0].endsWith("首位") ? 1 : chineseNumber(m[0].replace(/^.*第|[位名]$/g, ""));
    if (n !== undefined) add({ text: cut(m), value: n, unit: "", kind: "rank", index: m.index });
  }
  for (const m of s.matchAll(CN_FRACTION)) {
    const den = chineseNumber(m[1]!);
    const num = chineseNumber(m[2]!);
    if (den && num !== undefined) add({ text: cut(m), value: num / den, unit: "", kind: "fraction", index: m.index });
  }
  for (const m of s.matchAll(CN_COUNT)) {
    const [, streak, num, unit] = m;
    const n = chineseNumber(num!);
    // 一个, 一大 are grammar, not figures.
    if (n === undefined || n === 0 || (n === 1 && !streak)) continue;
    // 建安二十年(215年): a year of a reign, its common-era year beside it, is a date.
    if (unit === "年" && /^[(（][0-9]{1,4}年/.test(s.slice(m.index! + m[0].length))) continue;
    const kind = streak || unit!.startsWith("连") ? "duration" : "count";
    add({ text: cut(m), value: n, unit: unit!, kind, index: m.index });
  }
}

/** Whether a number before 年 counts years rather than naming one. */
function countsYears(num: string, before: string, after: string): boolean {
  if (/连续|长达|历时|持续|为期|前后|将近|超过|不到|整整|共计?$|达$|了$|近$|约$|满$|逾$/.test(before)) return true;
  // A year may be written with one or two digits only after an era (民国9年, 公元前8年).
  if (/^[0-9０-９]{1,2}$/.test(num) && !/民国|公元|西元|前|元|初|末$/.test(before)) return !/^[级代届度]/.test(after);
  return false;
}

function numericKind(num: string, unit: string, justBefore: string, context: string): FactKind {
  if (/[/／]/.test(num)) return "fraction";
  if (!unit && /排名|位居|居/.test(justBefore)) return "rank";
  // 居俄联邦的63位, 排名全国前列的第5名: a place in an order, not a count of people.
  if (/^[位名]$/.test(unit) && /居|排名|位列|名列/.test(context)) return "rank";
  return kindOfUnit(unit, context);
}

/** A year (with its era and month and day), or a month (with its day or part). */
const DATE = new RegExp(
  "(?:(?:公元前?|西元前?|民国)?[0-9]{1,4}年代?(?:[0-9]{1,2}月(?:[0-9]{1,2}[日号])?)?)" +
    "|[0-9]{1,2}月(?:[0-9]{1,2}[日号]|底|末|初|[中上下]旬)?",
  "g",
);

/** Dates in a sentence (7月1日, 2021年12月29日, 10月底, 1889年, 西元前8200年, 民国39年), for questions that ask when. */
export function findDates(sentence: string): Figure[] {
  const s = simplifyAligned(sentence);
  const out: Figure[] = [];
  for (const m of s.matchAll(DATE)) {
    // A bare number before 年 is a year only when it has three or four digits or an era before it.
    if (/^[0-9]{1,2}年/.test(m[0])) continue;
    if (/^[0-9]{1,4}年/.test(m[0]) && /[0-9.]$/.test(s.slice(0, m.index))) continue;
    const year = m[0].match(/([0-9]{1,4})年/);
    out.push({
      text: sentence.slice(m.index, m.index + m[0].length),
      value: year ? Number(year[1]) : 0,
      unit: "",
      kind: "time",
      index: m.index,
      ...(year ? { measure: "year" as const } : { measure: "date" as const }),
    });
  }
  return out;
}
