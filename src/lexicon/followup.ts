/**
 * Words of a follow-up in a conversation: what opens and closes a message that leans on the question before
 * it ("那太原呢？", "and in 2022?"), and the kinds of answer a follow-up may ask of the same figure. One entry a line.
 */

/** Words that open a follow-up and say nothing of its own. */
export const FOLLOW_UP_OPENERS = [
  "那么",
  "那",
  "还有",
  "换成",
  "要是",
  "如果是",
  "and what about",
  "and how about",
  "what about",
  "how about",
  "and for",
  "and in",
  "and",
];

/** Words that close a follow-up, or stand between its parts, and say nothing of their own. */
export const FOLLOW_UP_FILLERS = [
  "的呢",
  "呢",
  "的",
  "吗",
  "呀",
  "啊",
  "在",
  "又",
  "是",
  "了",
  "情况",
  "怎么样",
  "如何",
  "多少",
  "in",
  "for",
  "then",
  "the",
  "of",
];

/** A kind of answer asked of the same figure: the words that ask it, and how a Chinese question asks it whole. */
export interface FollowUpKind {
  readonly words: readonly string[];
  /** Where the kind goes: "end" replaces the question's closing phrase, "measure" stands before the measure. */
  readonly place: "end" | "measure";
  readonly zh: string;
}

export const FOLLOW_UP_KINDS: readonly FollowUpKind[] = [
  {
    words: ["增长了多少", "增长多少", "增加了多少", "增加多少", "增长了百分之几", "增速", "增幅", "增长率", "同比增长", "增长"],
    place: "end",
    zh: "增长了多少？",
  },
  { words: ["排名", "排第几", "排在第几", "名次"], place: "end", zh: "排名第几？" },
  { words: ["占比", "占全省比重", "比重"], place: "end", zh: "占全省比重是多少？" },
  { words: ["人均", "per capita", "per person"], place: "measure", zh: "人均" },
];

/** What closes a Chinese question and asks for its figure: replaced when a follow-up asks another kind. */
export const QUESTION_ENDINGS = [
  "是多少",
  "有多少",
  "为多少",
  "达到多少",
  "达多少",
  "多少",
  "是什么",
  "有哪些",
  "怎么样",
  "如何",
  "几何",
  "吗",
  "呢",
];
