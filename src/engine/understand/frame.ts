/**
 * The frame a question sets beside its words: the part of the year it asks (全年, 一季度, 1-7月), the
 * holidays it names (国庆 is not 春节), whether it asks for a result (实际完成) rather than a target, the
 * qualifiers and opposite measures it says, and whether it asks about the city as a whole.
 */
import {
  COUNTED_THINGS,
  HOLIDAYS,
  JOINED_MEASURES,
  OPPOSITES,
  PER_PERSON_ASKED,
  PLANNED_MEASURES,
  QUALIFIERS,
  RESULT_ASKED,
  TARGET_ASKED,
  TARGET_WORDS,
  WHOLE_YEAR,
} from "../../lexicon/frame.js";
import { alt, anyWordLatinWhole } from "../../lexicon/match.js";
import { MONTHS } from "../../lexicon/time.js";
import { monthSpan } from "../read/periods.js";

export interface QuestionFrame {
  /** The question says 全年: a part of the year does not answer it. */
  readonly fullYear: boolean;
  /** The months it names (1-3月), as periods write them; "" when it names none. */
  readonly span: string;
  /** The holidays it names, by their first name (春节, 国庆). */
  readonly holidays: readonly string[];
  /** It asks what was achieved (实际, 完成) and names no target or plan: a target does not answer it. */
  readonly result: boolean;
  /** It asks for a target or a plan (目标, 力争, 计划投资): a result does not answer it. */
  readonly target: boolean;
  /**
   * It names a year and no part of one, no holiday and no date (2024年接待游客): it asks the whole year, and
   * a part of the year does not answer it.
   */
  readonly year: boolean;
  /** Qualifiers it says (城镇, 人均 …): a measure with another qualifier is another measure. */
  readonly qualifiers: readonly string[];
  /** For each pair of opposite measures, the one it names when it names only one. */
  readonly measures: readonly { readonly asked: string; readonly opposite: string }[];
  /** It asks per person (人均, per capita): a total does not answer it. */
  readonly perHead: boolean;
  /**
   * The part of a whole it asks about (首批开工项目中产业类项目有多少个 → 产业类项目): the whole's figure does not
   * answer it; "" when it asks no part.
   */
  readonly part: string;
}

const RESULT = anyWordLatinWhole(RESULT_ASKED, "i");
const TARGET = anyWordLatinWhole([...TARGET_WORDS, ...PLANNED_MEASURES], "i");
const FULL_YEAR = new RegExp(`${anyWordLatinWhole(WHOLE_YEAR, "i").source}|\\bend of \\d{4}\\b`, "i");
// 总投资 asks no target of its own: a project's total investment is what evidence saying 总投资 gives.
const TARGET_ASK = anyWordLatinWhole(TARGET_ASKED, "i");
/** Words before a qualifier that make it the base of a comparison (比第一批, 较上半年). */
const COMPARED_WITH = /(?:比|较|與|与|同)$/;
// A question that names a month, a quarter, a half or a date asks for less than a year.
const PART_OF_YEAR = new RegExp(
  `\\d{1,2}月|季度|半年|截至|截止|以来|前\\d+个?月|前[一二三四五六七八九十]+个月|` +
    `\\b(?:q[1-4]|quarters?|half|months?|${MONTHS.map((m) => m.slice(0, 3)).join("|")})`,
  "i",
);
const NAMED_YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)|今年|去年|前年|\b(?:this|last) year\b/;
const PER_PERSON = anyWordLatinWhole(PER_PERSON_ASKED, "i");
/**
 * …项目中产业类项目有多少个, …企业里国有企业有几家: a whole that ends in a thing counted, 中 or 里, then a part that
 * ends in one too, then the question.
 */
const PART_ASKED = new RegExp(
  `${alt(COUNTED_THINGS)}(?:当中|之中|中|里)(?:的)?(\\p{Script=Han}{1,6}?${alt(COUNTED_THINGS)})(?:有|共有|是|为)?(?:多少|几)`,
  "u",
);
const HOLIDAY_NAMES = Object.entries(HOLIDAYS).map(([name, words]) => [name, anyWordLatinWhole(words, "i")] as const);

/** The frame of a normalized question. */
export function frameOf(text: string): QuestionFrame {
  const measures = OPPOSITES.flatMap(([a, b]) => {
    const [hasA, hasB] = [text.includes(a), text.includes(b)];
    if (hasA === hasB) return [];
    return [hasA ? { asked: a, opposite: b } : { asked: b, opposite: a }];
  });
  // A part asked alone (出口, not 进出口): the whole made of it is another measure.
  for (const [whole, parts] of JOINED_MEASURES) {
    if (text.includes(whole)) continue;
    for (const part of parts) if (text.includes(part)) measures.push({ asked: part, opposite: whole });
  }
  const holidays = HOLIDAY_NAMES.filter(([, re]) => re.test(text)).map(([name]) => name);
  const span = monthSpan(text);
  return {
    fullYear: FULL_YEAR.test(text),
    span,
    holidays,
    // 计划完成多少投资 asks the plan: a question that names a target or plan asks for one.
    result: RESULT.test(text) && !TARGET.test(text),
    target: TARGET_ASK.test(text) && !RESULT.test(text),
    year: NAMED_YEAR.test(text) && !span && !holidays.length && !PART_OF_YEAR.test(text),
    // 比第一批增长多少 compares with the first batch: that is no qualifier of the figure asked.
    qualifiers: QUALIFIERS.filter((w) =>
      text
        .split(w)
        .slice(0, -1)
        .some((before) => !COMPARED_WITH.test(before)),
    ),
    measures,
    perHead: PER_PERSON.test(text),
    part: text.match(PART_ASKED)?.[1] ?? "",
  };
}

/** Whether a text names the holiday (by any of its names). */
export function namesHoliday(text: string, holiday: string): boolean {
  return HOLIDAY_NAMES.find(([name]) => name === holiday)?.[1].test(text) ?? false;
}
