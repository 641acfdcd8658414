/**
 * Words that say what kind of answer a question wants (a share, a growth, a rank, a person, a list, a
 * name, a count, a time, an amount), first kind first when several are cued. `anywhere`: matched
 * wherever they stand (Chinese, and English phrases); `words`: English, matched as whole words.
 */
import type { FactKind } from "../model/knowledge.js";

export interface Cue {
  readonly anywhere: readonly string[];
  readonly words?: readonly string[];
}

/**
 * Kinds in the order they are tried: a question that cues a share and an amount (比例是多少) wants the share;
 * one that cues a rank of a growth or a share (增速排第几) wants the rank.
 */
export const KIND_CUES: readonly (readonly [FactKind | "time", Cue])[] = [
  [
    "rank",
    {
      // Words that ask a rank, not those that state one (排第一, 位居全省第一): a question may name a rank it knows.
      anywhere: ["排名", "第几", "排在", "名次", "位次"],
      words: ["rank", "ranked", "ranking", "what place"],
    },
  ],
  [
    "share",
    {
      anywhere: ["比例", "占比", "比重", "占全", "百分之", "几成", "几分之几", "份额"],
      words: ["percentage", "proportion", "share", "percent", "fraction"],
    },
  ],
  [
    "growth",
    {
      anywhere: [
        "增长", "增速", "增幅", "同比", "提高多少", "提高了多少", "上涨", "相比", "对比", "how fast",
        "增产", "增收", "涨了", "涨多少", "涨幅", "下降", "降幅", "降低了", "减少了",
      ],
      words: ["growth", "grow", "grew", "grown", "increase", "increased", "rise", "rose", "compare", "compared"],
    },
  ],
  ["person", { anywhere: ["谁", "哪位", "什么人", "姓名", "名字"], words: ["who", "mayor", "secretary", "director"] }],
  ["list", { anywhere: ["哪些", "哪几", "什么", "有何", "都有", "包括", "包含", "列举"], words: ["which", "what are", "list"] }],
  [
    "text",
    {
      anywhere: ["哪座", "哪个", "哪条", "哪家", "哪项", "哪一", "叫什么", "名称", "是什么"],
      words: ["what type", "what kind", "which", "what is the name"],
    },
  ],
  [
    "count",
    {
      anywhere: ["几个", "几家", "几项", "几处", "几条", "几座", "多少个", "多少家", "多少项", "多少处", "多少条", "多少座", "多少户", "多少名", "几"],
      words: ["how many", "number of"],
    },
  ],
  ["time", { anywhere: ["什么时候", "何时", "哪天", "哪一天", "哪年", "几月", "几号"], words: ["when", "what date", "what year", "what day"] }],
  ["amount", { anywhere: ["多少", "多大", "多高", "规模", "总量"], words: ["how much", "how large", "how big", "amount", "total"] }],
];

/**
 * Words that ask for a figure relative to a metric (a share, a growth, a rank): the metric's own measure
 * (装机: power) is then not the answer's.
 */
export const RELATIVE_CUES: Cue = {
  anywhere: [
    "比重", "比例", "占比", "百分之", "分之", "份额", "增长", "增速", "增幅", "同比", "排名", "第几", "名次", "位居",
    "几成", "涨了", "涨幅", "涨多少", "上涨", "位次", "fraction",
  ],
  words: ["share", "percent", "percentage", "proportion", "grow", "grew", "growth", "rank", "ranked"],
};

/** A share asked as 占…多少 / 占…几: 占 and the question word at most this many characters apart. */
export const SHARE_SPAN = 8;

/** Words that make a figure per person or an average: another metric than the total. */
export const PER_HEAD_WORDS = ["人均", "平均", "per capita", "average"];

/** Words beside a percentage that make it a growth rather than a share. */
export const GROWTH_CONTEXT: Cue = {
  anywhere: ["增长", "增速", "同比", "环比", "提高", "下降", "上涨", "增加", "减少", "改善", "回落", "增幅", "增产", "增收", "涨幅", "降幅", "成长"],
  words: ["up", "down", "rose", "fell", "grew", "growing", "rising", "climbed", "increase", "increased", "decrease", "decreased", "growth", "a rise of"],
};

/** Words of a question that choose the kind of figure, not its subject (比例, 排名): not words to look for. */
export const KIND_WORDS = ["同期", "比例", "比重", "占比", "百分比", "份额", "排名", "名次"];

/**
 * Words that ask for a growth itself (增速, 涨了多少): a level of the metric (完成3.86亿元) never answers them,
 * only a rate or an increase (同比增长47.28%, 增加2236万吨).
 */
export const GROWTH_ASKED: Cue = {
  anywhere: ["增速", "增幅", "涨幅", "增长率", "增长多少", "增长了多少", "增长了百分之几", "增长百分之几", "涨了多少", "涨多少", "上涨多少", "上涨了多少", "提高多少", "提高了多少", "how fast"],
  words: ["growth", "grow", "grew"],
};

/** Words just before an amount that make it an increase (增加2236万吨, 多出100美元): a growth, not a level. */
export const INCREASE_BEFORE = ["增加", "增长", "提高", "上涨", "增", "多", "多出", "高出", "减少", "下降", "回落"];
