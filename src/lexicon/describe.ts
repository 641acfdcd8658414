/**
 * Words of descriptive and overview questions, and of the sentences that answer them: what asks what a thing
 * is (是什么), which things (有哪些), why (为什么) or how (如何); what says it in an article (是, 即, 旨在, 通过);
 * and the headline figures an overview of a place gives. Matched on normalized text (lower case, simplified).
 */

/** The kinds of descriptive question, in the order their cues are tried. */
export type DescribeKind = "why" | "how" | "list" | "define";

/** What a question says to ask each kind; `before`: the thing asked stands after the cue (什么是 X, 为什么 X). */
export const DESCRIBE_CUES: readonly (readonly [DescribeKind, { readonly han: readonly string[]; readonly latin: readonly string[] }])[] = [
  ["why", { han: ["为什么", "为何", "为啥", "什么原因", "原因是什么", "目的是什么", "意义是什么", "有何意义", "有什么意义"], latin: ["why"] }],
  [
    "how",
    {
      han: ["如何", "怎样", "怎么做", "怎么办", "怎么样", "怎么", "采取了哪些措施", "有哪些措施", "有哪些举措", "哪些措施", "哪些举措", "做法"],
      latin: ["how is", "how are", "how does", "how do", "how did", "how has", "how will", "how can", "how to"],
    },
  ],
  ["list", { han: ["有哪些", "包括哪些", "包含哪些", "都有什么", "都有哪些", "有什么", "哪些", "哪几"], latin: ["what are the", "list the", "list of"] }],
  [
    "define",
    {
      han: ["是什么", "指什么", "是指什么", "指的是什么", "什么是", "什么叫", "何谓", "是啥", "什么意思", "啥意思", "含义", "定义"],
      latin: ["what is", "what are", "what does", "what do", "meaning of", "definition of", "stand for"],
    },
  ],
];

/** How a sentence says what its subject is, right after it: 太忻一体化经济区是…, “一枢纽四高地”,即…. */
export const DEFINING_AFTER = ["是指", "就是", "指的是", "即", "是", "指", "为", "包括", "主要有", "主要包括", "涵盖", "：", ":"];
/** English: the term, then is / are / refers to / means. */
export const DEFINING_AFTER_LATIN = ["is", "are", "refers to", "means", "includes", "consists of"];
/** How a list is introduced after the thing it lists (七大产业集群：…, 包括…). */
export const LISTING_AFTER = ["包括", "包含", "主要有", "分别是", "分别为", "即", "有", "：", ":", "includes", "include", "are"];
/** Words that say why: the sentence gives a reason or a purpose. */
export const REASONS = [
  "因为", "由于", "为了", "旨在", "目的是", "目的在于", "重大举措", "重要举措", "重大战略", "重要意义", "意义在于", "有利于",
  "是为了", "以便", "because", "in order to", "aims to", "so that", "to help",
];
/** Words that say how: the sentence names measures taken. */
export const MEASURES = [
  "通过", "实施", "推进", "加快", "围绕", "坚持", "打造", "着力", "积极", "推动", "聚焦", "强化", "开展", "建立", "完善", "深化",
  "优化", "培育", "提升", "依托", "by ", "through", "implement", "promot", "build",
];

/** What an overview asks (忻州经济怎么样, 原平市概况, 介绍一下忻州, How is Xinzhou's economy doing?). */
export const OVERVIEW_CUES = {
  han: ["概况", "简介", "基本情况", "总体情况", "整体情况", "情况", "介绍一下", "介绍", "怎么样", "如何", "咋样", "好不好", "发展得怎样", "发展得怎么样"],
  latin: ["overview", "how is", "how's", "how are", "doing", "tell me about", "introduce", "introduction", "profile", "summary"],
};
/** The topics an overview may name beside the place: the economy as a whole, nothing narrower. */
export const OVERVIEW_TOPICS = [
  "经济", "经济发展", "经济社会发展", "发展", "经济形势", "经济运行", "基本", "总体", "整体", "一下", "一下子", "的", "市", "县",
  "economy", "economic", "situation", "overall", "please", "me", "about", "of", "the", "an", "a", "s", "its", "doing", "is",
  "how", "give", "tell", "introduce", "overview", "city", "county", "in", "general",
];

/**
 * The headline figures of an overview, each asked of the engine as a figure question about the place
 * (`{place}` is put in), so every figure is read and judged as the answer to that question would be.
 * `key` names the line's label in render/words.ts.
 */
export const HEADLINES: readonly { readonly key: string; readonly question: string }[] = [
  { key: "gdp", question: "{place}地区生产总值是多少" },
  { key: "gdpGrowth", question: "{place}地区生产总值同比增长多少" },
  { key: "population", question: "{place}常住人口是多少" },
  { key: "income", question: "{place}居民人均可支配收入是多少" },
  { key: "industry", question: "{place}规模以上工业增加值同比增长多少" },
  { key: "budget", question: "{place}一般公共预算收入是多少" },
];

/** An overview lists at most this many headline figures, and is given only with at least OVERVIEW_MIN of them. */
export const OVERVIEW_MAX = 5;
export const OVERVIEW_MIN = 2;
