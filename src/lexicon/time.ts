/**
 * Words of time: years said relative to now, parts of a year, holidays of a period, words that mean
 * "as of now", English month names. One entry a line.
 */

/** Years said relative to the year of speaking: the offset of each. */
export const RELATIVE_YEARS: Readonly<Record<string, number>> = {
  今年: 0,
  本年: 0,
  去年: -1,
  上年: -1,
  前年: -2,
  明年: 1,
};

/**
 * Titles of texts that review the year before the one they are given in: a work report given in 2025
 * reports 2024's results and sets 2025's targets.
 */
export const YEAR_IN_REVIEW_TITLES = ["政府工作报告", "工作报告"];

/** Words with which a review names the year it reviews (过去一年, in a work report given in 2025: 2024). */
export const REVIEWED_YEAR = ["过去一年", "过去的一年", "刚刚过去的一年", "过去一年来"];

/** Words that start a time up to a date (截至10月底). */
export const UNTIL = ["截至", "截止"];

/** Parts of a year a question or a sentence may name. */
export const PARTS_OF_YEAR = ["前三季度", "上半年", "下半年", "一季度", "二季度", "三季度", "四季度", "全年"];

/** Spans of months by the words that name them, the span written as periods write it (1-9月). */
export const MONTH_SPANS: readonly { readonly span: string; readonly words: readonly string[] }[] = [
  { span: "1-9月", words: ["前三季度", "1-9月", "1—9月", "1～9月", "1月至9月", "1至9月"] },
  { span: "1-6月", words: ["上半年", "1-6月", "1月至6月", "前两季度"] },
  { span: "1-3月", words: ["一季度", "第一季度", "1-3月", "1月至3月"] },
  { span: "1-10月", words: ["前十个月", "1-10月", "1月至10月"] },
];

/** Words that mean "as of the day the article was written". */
export const AS_OF_NOW = ["目前", "截至目前", "截止目前", "当前", "现已", "至今", "如今", "现有", "已累计"];

/** Words of time a question's word may be made of entirely: such a word names no subject. */
export const TIME_WORDS = [
  "今年",
  "去年",
  "前年",
  "本年",
  "上年",
  "明年",
  "目前",
  "现在",
  "近年",
  "近年来",
  "截至",
  "截止",
  "到",
  "至",
  "底",
  "末",
  "年底",
  "月底",
  "年初",
  "前三季度",
  "上半年",
  "下半年",
  "一季度",
  "二季度",
  "三季度",
  "四季度",
  "季度",
  "全年",
  "当年",
  "年",
  "月",
  "日",
  "今天",
  "明天",
  "昨天",
];

/** Words that make a year the base of a comparison (较2023年, 与2023年相比), not the period asked. */
export const COMPARING = {
  before: ["跟", "与", "和", "较", "比", "相比", "对比", "compared with", "compared to", "than"],
  after: ["同期", "相比", "比较"],
};

/** English month names, January first. */
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** English words for parts of a year, with the Chinese they are read as. */
export const ENGLISH_PARTS_OF_YEAR: readonly (readonly [readonly string[], string])[] = [
  [
    [
      "first three quarters",
      "q1-q3",
      "jan-sep",
      "jan-september",
      "january-sep",
      "january-september",
      "jan sep",
      "jan september",
      "january sep",
      "january september",
      "january to september",
      "from january to september",
      "jan to sep",
      "jan-sept",
      "first nine months",
    ],
    "前三季度",
  ],
  [
    ["first half", "january to june", "from january to june", "january-june", "january june", "jan-jun", "jan jun", "first six months"],
    "上半年",
  ],
  [["first quarter", "january to march", "from january to march", "january-march", "january march", "jan-mar", "q1"], "一季度"],
  [
    ["first ten months", "january to october", "from january to october", "january-october", "january october", "jan-oct"],
    "前十个月",
  ],
  [["end of"], "底"],
];

/** Words that open a clause of time without being part of it (数据显示，今年前三季度…). */
export const REPORTING = ["数据显示", "据统计"];

/** Words before a time that only say from or until when (到2025年, 从去年). */
export const FROM_OR_TO = ["截至", "截止", "到", "从", "從"];

/** Other words a clause may say its time with (年底, 目前, 近年来). */
export const OTHER_TIMES = ["年底", "年末", "年初", "底", "目前", "近年来", "近年", "当前", "如今"];

/**
 * How a sentence names a year as the base of a comparison (较去年同期, 与2023年全年相比, 比上年): that year is
 * not the sentence's period.
 */
export const COMPARISON_WORDS = {
  /** Words that may stand before the year of a comparison with 同期 or 全年. */
  before: ["较", "比", "与", "跟", "和", "是", "同"],
  /** Words that make a comparison with the year alone (较2023年; a 36.4% increase from 2017). */
  against: ["较", "比", "与", "跟", "from ", "over ", "on ", "compared with ", "compared to ", "than "],
  /** Words after the year: the same part of it. */
  sameTime: ["同期", "全年"],
  after: ["相比", "的"],
};
