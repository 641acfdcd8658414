/**
 * What a figure measures, as the article writes it and in a canonical form: the words of its clause between
 * its subject (and time) and the figure, without the verbs that tie them (完成, 达到, 同比增长); a clause that
 * names no measure of its own (同比增长9.06%, (308万亩)) is of the measure of the figure before it.
 */
import { MEASURE_NAMES, MEASURE_OPENERS, MEASURE_VERBS, RELATIVE_MEASURES } from "../../lexicon/extraction.js";
import { alt } from "../../lexicon/match.js";
import { FROM_OR_TO, OTHER_TIMES, PARTS_OF_YEAR, RELATIVE_YEARS } from "../../lexicon/time.js";

const PART = `(?:${alt(PARTS_OF_YEAR)}|\\d{1,2}(?:月)?(?:至|到|-|—)\\d{1,2}月|\\d{1,2}月(?:\\d{1,2}[日号])?(?:底|末|份)?|${alt(OTHER_TIMES)}|以来|期间|假期)`;
const TIME = new RegExp(
  `${alt(FROM_OR_TO)}?(?:(?:${alt(Object.keys(RELATIVE_YEARS))}|\\d{4}年)${PART}*|${PART}+)`,
  "g",
);
/** The base of a comparison (比去年同期, 较上年): what a change is measured against, not what it measures. */
const COMPARED = /(?:比|较|与|同|高于|低于)?(?:去年|上年|前年|\d{4}年)?同期(?:相比)?|(?:比|较)(?:去年|上年|前年)/g;
/** What a measure ends with that only says per what (收购价达每公斤7元). */
const PER_UNIT = /每\p{Script=Han}{1,2}$/u;
/** A dateline or a bracketed label before the measure: 【境内气候】境内海拔, (记者 李庭耀) 年生产销售月饼. */
const LABEL_END = /^.*[)）】」]\s*|^.*\s/;
/** Connectives after which the measure starts anew: 1.43亿立方为主，其中地表水量. */
const RESTART = /^.*(?:其中|此外|另外|同时|以及)/;
const PLAN = /[“"]?十[一二三四五]五[”"]?(?:期间|时期|末|以来)?/g;
const OPENER = new RegExp(`^${alt(MEASURE_OPENERS)}`);
const VERB_AT_END = new RegExp(`${alt(MEASURE_VERBS)}$`);
const SCOPE_AT_END = /(?:全国|全省|全市|全县|全区|同类)$/;
const PUNCTUATION = /[\s“”"‘’《》「」『』【】()（）[\]、，,。；;：:…·]/g;
/** 约 (about) before a figure, but not the 约 of 签约 or 合约. */
const ABOUT_AT_END = /(?<![签合预制条])约$/;
const RELATIVE = new Set(RELATIVE_MEASURES);

/** A measure written before its figure in a Chinese clause, or "" when the clause names none. */
export function writtenMeasure(segment: string): string {
  let s = segment.replace(LABEL_END, "").replace(RESTART, "").replace(PLAN, "").replace(TIME, "").replace(COMPARED, "");
  // A share is of a part in a whole: 锻钢法兰占全国市场份额的 → 锻钢法兰市场份额; 出口量占全国出口总量的 → 出口量.
  const share = s.match(/^(.*?)(?<![均独])占(?:到)?(.*)$/);
  if (share) {
    const whole = trim(share[2]!.replace(/^(?:全国|全省|全市|全县|全区)?/, ""));
    const part = lastPhrase(trim(share[1]!));
    s = part ? part + (/(份额|比重)$/.test(whole) ? whole : "") : whole;
  } else s = lastPhrase(trim(s));
  return trim(s).replace(PER_UNIT, "");
}

/** The words after the last 的, when they say enough alone: 由…投资建设的半导体产业园 → 半导体产业园. */
function lastPhrase(s: string): string {
  const at = s.lastIndexOf("的");
  return at >= 0 && s.length - at - 1 >= 2 ? s.slice(at + 1) : s;
}

function trim(text: string): string {
  let s = text.replace(PUNCTUATION, "").replace(/[\d.]+/g, "");
  for (let before = ""; before !== s; ) {
    before = s;
    s = s
      .replace(OPENER, "")
      .replace(VERB_AT_END, "")
      .replace(ABOUT_AT_END, "")
      .replace(/^(?:比|较)$/, "")
      .replace(SCOPE_AT_END, "")
      .replace(/^的|的$/g, "");
  }
  return s;
}

/** A measure written in an English clause: a GDP of …, … in tax revenue, … came from the primary sector. */
export function writtenEnglishMeasure(before: string, after: string): string {
  const b = before.match(
    /([a-z][a-z' -]*?)\s+(?:of|was|is|were|are|totaled|totalled|reached|stood at|amounted to|averaging|at|to)\s*$/i,
  );
  if (b) return englishNoun(b[1]!);
  const a = after.match(
    /^[^,;.]*?\b(?:in|of|from)\s+(?:the\s+)?([a-z][a-z' ]*?)(?=\s*(?:[,;.]|$|\bin\b|\band\b|\bas of\b))/i,
  );
  if (a) return englishNoun(a[1]!);
  // A bare number is of the noun after it: 307,200 permanent residents, 5 towns.
  const noun = after.match(/^\s+([a-z][a-z' -]*?)(?=\s*(?:[,;.()]|$|\b(?:lived|in|as of|and|with|became|who)\b))/i);
  return noun ? englishNoun(noun[1]!) : "";
}

function englishNoun(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/^.*\b(?:a|an|the|its|has|had|with|reported|recorded)\s+/, "")
    .replace(/^(?:county's|city's|province's|and|with)\s+/, "")
    .trim();
}

/** Whether a written measure says only which side of the measure before it is meant (增速, 总量). */
export function isRelative(measure: string): boolean {
  return !measure || RELATIVE.has(measure);
}

const NAMES = MEASURE_NAMES.flatMap((names) => names.map((n) => [n, names[0]!] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

/** The canonical form of a measure: 生产总值 and GDP → 地区生产总值, 旅游总收入 → 旅游收入; qualifiers are kept. */
export function canonicalMeasure(written: string): string {
  const w = written.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [name, canonical] of NAMES) {
    // A short name (面积, 投资) is that measure only alone: 耕地面积 is not 国土面积.
    const short = [...name].length <= 2 || /^[a-z]+$/.test(name);
    if (short ? w !== name : !w.includes(name)) continue;
    const at = w.indexOf(name);
    let head = w.slice(0, at);
    const lead = canonical.slice(0, 2);
    if (head.endsWith(lead)) head = head.slice(0, -2);
    return `${head}${canonical}${w.slice(at + name.length)}`.replace(/\s+/g, "");
  }
  return w.replace(/\s+/g, /[a-z]/.test(w) ? " " : "");
}
