/**
 * The words of questions: what asks, what only holds a question together, what greets. One entry a
 * line; matchers are made from these lists by lexicon/match.ts. Written simplified: questions are read
 * after normalizing (engine/text.ts).
 */

/** Words that show a text asks something: a comma between two such parts splits two questions. */
export const QUESTION_CUES = [
  "多少",
  "几",
  "哪",
  "什么",
  "谁",
  "如何",
  "怎么",
  "怎样",
  "啥",
  "吗",
  "多大",
  "多高",
  "多长",
  "多远",
  "多快",
  "幾",
  "什麼",
  "甚麼",
  "誰",
  "怎麼",
  "嗎",
  "how",
  "what",
  "which",
  "who",
  "when",
];

/** Words that point back at what another part of the question named. */
export const REFERENCES = {
  han: ["这", "该", "其", "此", "它"],
  latin: ["it", "this"],
};

/** Verbs that may stand before 多少 / 几 (有多少个, 达几家). */
export const ASKING_VERBS = ["有", "是", "为", "达"];

/** Measure words a question counts in after 多少 / 几 (多少家, 几处). */
export const ASKED_MEASURE_WORDS = [
  "个",
  "家",
  "项",
  "处",
  "条",
  "座",
  "名",
  "位",
  "首",
  "张",
  "本",
  "部",
  "架",
  "艘",
  "辆",
  "台",
  "只",
  "头",
  "种",
  "次",
  "片",
  "块",
  "根",
  "粒",
  "户",
  "所",
  "批",
];

/** Eras a when-question may name before its year (公元前几年, 民国哪一年). */
export const ERAS = ["西元", "公元", "公元前", "民国"];

/** Phrases that ask for a year or a day. */
export const WHEN_PHRASES = ["哪一年", "哪年", "何年", "几年", "哪一天", "哪天", "几月几日", "几月几号", "几世纪"];

/** Phrases that ask, and words that only make a question polite or vague: none is a subject. */
export const QUESTION_PHRASES = [
  "何时",
  "多长时间",
  "多久",
  "多少年",
  "多少岁",
  "多少来着",
  "啥来着",
  "来着",
  "是啥",
  "有啥",
  "叫啥",
  "干啥",
  "啥",
  "咋样",
  "咋",
  "几分之几",
  "百分之几",
  "几成",
  "有多少",
  "是多少",
  "为多少",
  "达多少",
  "多少",
  "有哪些",
  "是哪些",
  "哪些",
  "哪几",
  "是什么",
  "什么",
  "是谁",
  "有谁",
  "谁",
  "怎么样",
  "怎样",
  "如何",
  "多大",
  "多高",
  "多长",
  "几个",
  "几家",
  "几项",
  "几处",
  "几条",
  "几座",
  "几",
  "是否",
  "是不是",
  "有没有",
  "请问",
  "告诉我",
  "一下",
  "想知道",
  "想了解",
  "了解",
  "介绍",
  "关于",
  "情况",
  "相关",
  "数据",
  "信息",
  "排名第几",
  "第几",
  "哪个",
  "哪",
  "吗",
  "呢",
  "吧",
  "啊",
  "么",
  "呀",
];

/** Words that carry no subject of their own, removed wherever they stand in a question. */
export const FILLERS = [
  "的时候",
  "时候",
  "大约",
  "约为",
  "大致",
  "左右",
  "现在",
  "目前",
  "当前",
  "进展",
  "建议",
  "认为",
  "表示",
  "介绍",
  "提到",
  "提出",
  "指出",
  "请给出",
  "给出",
  "公布",
  "披露",
  "发布会上",
  "名称",
  "如何",
  "分别",
  "名字",
  "叫做",
  "那位",
  "哪位",
  "这位",
  "这个",
  "那个",
  "一下",
  "告诉",
  "知道",
  "具体",
  "大概",
  "一共",
  "总共",
  "到底",
  "究竟",
  "主要",
  "都是",
  "有关",
  "方面",
  "问题",
  "请教",
  "想问",
  "你们",
  "我们",
  "他们",
  "咱们",
  "能否",
  "可以",
  "是否",
  "实际上",
  "实际",
  "真正",
  "请",
  "您",
  "你",
  "我",
];

/** Characters that join words in a question; a run of words is cut at them. Not 及 (埃及, 涉及, 普及). */
export const JOINERS = ["的", "了", "和", "与", "或", "、"];

/**
 * Characters that only hold a question together: a bigram with one of them that the corpus never uses
 * is noise, not a word to look for.
 */
export const FUNCTION_CHARS = [
  "的了吗呢吧啊么是有在和与及或说叫来去那这位张到放把被给让对跟向从还也都就又能会要个些几多少哪谁什怎样如何",
  "请问想知道告诉一下过着得地里",
];

/** Question words whose characters are no typo only together: 如 of 如何, but not 如 of 收如 (收入); 何 of 为何 stays safe. */
export const QUESTION_PAIRS = ["如何"];

/** Characters of questions that are no typo when they stand between words (understand/typos.ts). */
export const TYPO_SAFE_CHARS = ["了的吗呢吧啊么是有在和与及或多少几什么哪谁怎样如何个家项处条年月日今去请问"];

/** Words at the start of a question's word that belong to the sentence, not the word (是, 共, 实现了). */
export const LEADING_WORDS = [
  "是",
  "有",
  "在",
  "为",
  "把",
  "对",
  "从",
  "被",
  "将",
  "共",
  "达",
  "达到",
  "一共",
  "总共",
  "累计",
  "实现",
  "实现了",
  "完成",
  "完成了",
  "了",
  "时",
  "于",
  "由",
  "自",
  "向",
  "等",
  "此",
  "其",
];

/** Words of reports that start with a leading word and keep it (有机旱作, 在建项目, 共享, 完成率). */
export const KEPT_LEADING = [
  "有机",
  "有色",
  "有限",
  "有效",
  "有序",
  "在建",
  "在线",
  "在岗",
  "在校",
  "共享",
  "共建",
  "共同",
  "为民",
  "对外",
  "对口",
  "从业",
  "达标",
  "实现率",
  "完成率",
  "完成值",
  "自然",
  "自主",
  "由来",
  "其他",
];

/** Words at the end of a question's word that belong to the sentence (达到, 占, 的). */
export const TRAILING_WORDS = ["是", "有", "在", "为", "了", "达到", "达", "占", "的", "于", "自", "由", "被", "等", "时", "向", "对", "从", "一共", "总共", "共计", "合计", "累计", "共"];

/** A message that only greets, thanks or says goodbye (the whole message, bar punctuation). */
export const GREETINGS = [
  "你好",
  "您好",
  "嗨",
  "哈喽",
  "hi",
  "hello",
  "hey",
  "在吗",
  "在不在",
  "早上好",
  "晚上好",
  "下午好",
  "谢谢",
  "多谢",
  "thanks",
  "thank",
  "thank you",
  "good morning",
  "good evening",
  "good afternoon",
  "再见",
  "拜拜",
  "bye",
  "ok",
  "好的",
  "嗯",
];

/** Words that ask for several figures at once (分别增长多少, respectively). */
export const SEVERAL = {
  han: ["分别", "各自", "各是", "各为", "各有"],
  latin: ["both", "each"],
  anywhere: ["respectively"],
};

/** Phrases that ask when (何年成立, 什么时候开业): what follows or precedes them is the event asked about. */
export const WHEN_ASKING = ["哪年", "哪一年", "何年", "何一年", "几年", "几几年", "哪天", "哪一天", "几月几日", "几月几号", "何时", "什么时候", "哪个时候"];

/**
 * Words that ask for a figure over the years (这几年怎么变化, 历年, over the years): every period's figure,
 * oldest first. They choose the answer's form, not its subject or period, so they are no words to look for.
 * Not 每年 (每年接待游客多少 asks a yearly figure) nor a bare "change" (climate change is a subject).
 */
export const SERIES = {
  han: [
    "这几年", "这些年", "近几年", "近年来", "近些年", "过去几年", "多年来", "历年", "逐年", "各年度",
    "怎么变化", "如何变化", "怎样变化", "有何变化", "有什么变化", "变化情况", "变化趋势", "发展趋势", "走势", "趋势",
    "变化", "历史数据",
  ],
  latin: [
    "over the years", "in recent years", "year by year", "over time", "trend", "trends", "changed",
  ],
};

/** Words that ask for the last few years of a series, and how many. */
export const SERIES_SPANS: Readonly<Record<string, number>> = {
  近两年: 2, 近2年: 2, 过去两年: 2,
  近三年: 3, 近3年: 3, 过去三年: 3,
  近四年: 4, 近4年: 4, 过去四年: 4,
  近五年: 5, 近5年: 5, 过去五年: 5,
};

/**
 * A comparison of two places (忻州和太原哪个GDP高, 五台和代县谁的人口多): the places are joined by `joiners`,
 * asked by `which` and compared by `more` (or `less`) at the end.
 */
export const COMPARING_PLACES = {
  // Not 同, which stands inside names (大同).
  joiners: ["和", "与", "跟", "还是", "或"],
  which: ["哪一个", "哪个", "哪里", "哪边", "谁"],
  more: ["高", "多", "大", "快", "强"],
  less: ["低", "少", "小", "慢", "弱"],
  /** Which is larger, A or B / Which has more …, A or B. */
  latinMore: ["larger", "higher", "bigger", "greater", "more"],
  latinLess: ["smaller", "lower", "less", "fewer"],
};

/**
 * Heads of a word that name the kind of thing, not the thing (月饼产业, 光伏行业): evidence that names the thing
 * (月饼) speaks of it.
 */
export const GENERIC_HEADS = ["产业", "行业", "领域", "板块", "產業", "行業"];

/** Openings of a measure that say it is yearly (一年产值, 年产值): evidence says 产值 as often. */
export const YEARLY_OPENINGS = ["一年", "每年", "年"];
