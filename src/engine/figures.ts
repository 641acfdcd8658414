/**
 * Figures found in a sentence: a value with its unit (1200万千瓦, 17.38%, 6处), a rank (全省第一),
 * a fraction (1/9), a duration (连续6年) or a count in Chinese numerals (四大战略). Each figure's
 * `text` is an exact substring of the sentence, so an answer built from it quotes the article.
 */
import type { FactKind } from "../knowledge/types.js";
import { chineseNumber } from "./period.js";

export interface Figure {
  /** Exactly as written in the sentence, with its unit and any 以上/余/多. */
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  /** "time" for a date, found only for questions that ask when. */
  readonly kind: FactKind | "time";
  /** Offset of `text` in the sentence. */
  readonly index: number;
}

const D = "[0-9０-９]";
const NUM = `${D}{1,3}(?:[,，]${D}{3})+(?!${D})(?:[.．]${D}+)?|${D}+(?:[.．]${D}+)?(?:[/／]${D}+)?`;
const CN_NUM = "[一二两三四五六七八九十百千]+";

/** Units after a number, longest first so that 万千瓦 wins over 万. */
const UNITS = [
  "个百分点", "万千瓦时", "亿千瓦时", "万千瓦", "千瓦时", "千瓦", "兆瓦", "万亿元", "亿美元", "万美元", "亿元", "万元", "元",
  "平方公里", "万平方米", "平方米", "万亩", "亩", "公顷", "公里", "千米", "米", "万人次", "人次", "万人", "人", "万户", "户",
  "万吨", "吨", "万辆", "辆", "万台", "台", "万套", "套", "万件", "件", "万株", "株", "倍", "%", "‰", "％",
  "个", "家", "项", "处", "条", "座", "所", "名", "批", "类", "种", "位", "届", "场", "次", "期", "栋", "宗", "笔", "份",
  "县(市、区)", "县", "市", "区", "镇", "村", "年", "天", "小时", "万", "亿",
].sort((a, b) => b.length - a.length);

const COUNT_UNITS = new Set(["个", "家", "项", "处", "条", "座", "所", "名", "批", "类", "种", "位", "届", "场", "次", "期", "栋", "宗", "笔", "份", "县(市、区)", "县", "市", "区", "镇", "村", "户", "万户", "人", "万人"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNIT = `(?:${UNITS.map(escape).join("|")}|[A-Za-z]{1,4}(?![A-Za-z]))`;
const NUMERIC = new RegExp(`(${NUM})((?:多|余)?${UNIT}?(?:以上|以下|左右)?)`, "gu");
const RANK = /(?:全国|全省|全市|全区|全县|全球|世界|全国同类|全省同类)?第[一二三四五六七八九十\d]+(?:位|名)?/gu;
const CN_FRACTION = /([一二两三四五六七八九十百\d]+)分之([一二两三四五六七八九十\d]+)/gu;
const CN_COUNT = new RegExp(`(连续)?(${CN_NUM})(大|个|项|条|家|处|座|所|年|连丰|连增)`, "gu");

function numericValue(text: string): number {
  const ascii = text.normalize("NFKC").replace(/,/g, "");
  const [num, den] = ascii.split("/");
  return den ? Number(num) / Number(den) : Number(ascii);
}

export function findFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (f: Figure) => {
    if (!free(f.index, f.index + f.text.length)) return;
    taken.push([f.index, f.index + f.text.length]);
    figures.push(f);
  };

  for (const m of sentence.matchAll(NUMERIC)) {
    const [whole, num, tail = ""] = m;
    const unit = tail.replace(/^(多|余)|(以上|以下|左右)$/g, "");
    const index = m.index;
    const next = sentence.slice(index + whole.length, index + whole.length + 1);
    const before = sentence.slice(Math.max(0, index - 4), index);
    // Dates are when, not what: 2024年, 10月底, 29日, and a year-month written 2024.11.
    if (/^[0-9０-９]{4}$/.test(num!) && (unit === "年" || /^[年.．\-/]/.test(next)) && !before.endsWith("连续")) continue;
    if (!unit && /^[月日号时点]/.test(next)) continue;
    if (unit === "年" && !before.endsWith("连续")) continue;
    // A number glued to letters is a name: PM10, TOPCon4.0.
    if (/[A-Za-z]$/.test(before)) continue;
    const text = whole;
    const value = numericValue(num!);
    if (!Number.isFinite(value)) continue;
    add({ text, value, unit: unit.normalize("NFKC"), kind: numericKind(num!, unit, before, sentence.slice(index - 12 < 0 ? 0 : index - 12, index)), index });
  }
  for (const m of sentence.matchAll(RANK)) {
    const n = chineseNumber(m[0].replace(/^.*第|[位名]$/g, ""));
    if (n !== undefined) add({ text: m[0], value: n, unit: "", kind: "rank", index: m.index });
  }
  for (const m of sentence.matchAll(CN_FRACTION)) {
    const den = chineseNumber(m[1]!);
    const num = chineseNumber(m[2]!);
    if (den && num !== undefined) add({ text: m[0], value: num / den, unit: "", kind: "fraction", index: m.index });
  }
  for (const m of sentence.matchAll(CN_COUNT)) {
    const [whole, streak, num, unit] = m;
    const n = chineseNumber(num!);
    if (n === undefined || n === 0) continue;
    // 一个, 一大 are grammar, not figures.
    if (n === 1 && !streak) continue;
    add({ text: whole, value: n, unit: unit!, kind: streak || unit!.startsWith("连") ? "duration" : "count", index: m.index });
  }
  return figures.sort((a, b) => a.index - b.index);
}

function numericKind(num: string, unit: string, justBefore: string, context: string): FactKind {
  if (/[/／]/.test(num)) return "fraction";
  if (unit === "%" || unit === "％" || unit === "‰" || unit === "个百分点") {
    return /增长|增速|同比|环比|提高|下降|上涨|增加|减少|改善|回落|增幅/.test(context) ? "growth" : "share";
  }
  if (unit === "年") return "duration";
  if (unit === "倍") return "growth";
  if (COUNT_UNITS.has(unit)) return "count";
  if (!unit && /排名|位居|居/.test(justBefore)) return "rank";
  return "amount";
}

/** Words that say which kind of figure a question wants, in Chinese and English. */
export const KIND_CUES: [FactKind | "time", RegExp][] = [
  ["share", /比例|占比|比重|占全|占.{0,8}(多少|几)|百分之|几成|几分之几|份额|\b(percentage|proportion|share|percent|fraction)\b/],
  ["growth", /增长|增速|增幅|同比|提高了?多少|上涨|相比|对比|\b(growth|grow|grew|grown|increased?|rise|rose|compare|compared)\b|how fast/],
  ["rank", /排名|第几|排第|位居|排在|名次|\b(rank|ranked|ranking)\b|\bwhat place\b/],
  ["person", /谁|哪位|什么人|姓名|名字|\b(who|mayor|secretary|director)\b/],
  ["list", /哪些|哪几|什么|有何|都有|包括|包含|列举|\b(which|what are|list)\b/],
  ["text", /哪座|哪个|哪条|哪家|哪项|哪一|叫什么|名称|是什么|\b(what type|what kind|which|what is the name)\b/],
  ["count", /几个|几家|几项|几处|几条|几座|多少个|多少家|多少项|多少处|多少条|多少座|多少户|多少名|几|\b(how many|number of)\b/],
  ["time", /什么时候|何时|哪天|哪一天|哪年|几月|几号|\b(when|what date|what year|what day)\b/],
  ["amount", /多少|多大|多高|规模|总量|\b(how much|how large|how big|amount|total)\b/],
];

/** Dates in a sentence (7月1日, 2021年12月29日, 10月底), for questions that ask when. */
export function findDates(sentence: string): Figure[] {
  const out: Figure[] = [];
  for (const m of sentence.matchAll(/(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}[日号]|底|末|初|中旬|上旬|下旬)?|(?:19|20)\d\d年/g)) {
    out.push({ text: m[0], value: 0, unit: "", kind: "time", index: m.index });
  }
  return out;
}
