/**
 * The words that set a figure's frame beside its subject: which holiday it is of, whether it is a target
 * or a result, the qualifiers that make a measure another one (城镇常住人口 is not 常住人口), and measures
 * that are each other's opposite (收入 and 支出). One entry a line.
 */

/** Holidays a figure may be of, each with the names it goes by. 中秋国庆 names both. */
export const HOLIDAYS: Readonly<Record<string, readonly string[]>> = {
  春节: ["春节", "春节假期", "新春", "过年", "spring festival", "chinese new year", "lunar new year"],
  国庆: ["国庆", "国庆节", "十一", "十一黄金周", "国庆假期", "双节", "national day"],
  五一: ["五一", "五一假期", "劳动节", "五一劳动节", "may day", "labor day", "labour day"],
  中秋: ["中秋", "中秋节", "中秋假期", "双节", "mid-autumn festival", "mid autumn festival"],
  端午: ["端午", "端午节", "端午假期", "dragon boat festival"],
  清明: ["清明", "清明节", "清明假期", "qingming festival", "tomb-sweeping day"],
  元旦: ["元旦", "元旦假期", "new year's day"],
  暑期: ["暑期", "暑假"],
};

/** Words that hold a holiday's name but are no holiday (十一五 is a five-year plan). */
export const NOT_HOLIDAYS = ["十一五", "十一届", "十一月", "十一个", "十一次", "十一家", "十一项", "第十一", "十一点"];

/** Words in a figure's own clause that make it a target, a plan or a forecast, not a result. */
export const TARGET_WORDS = [
  "目标",
  "计划",
  "力争",
  "预计",
  "规划",
  "拟",
  "争取",
  "预期",
  "确保",
  "可实现",
  "将达到",
  "将实现",
  "将新增",
  "将突破",
  "将超过",
  "届时",
  "建成后",
  "达产后",
  "投产后",
  "有望",
  "planned",
  "plans",
  "target",
  "expected",
  "will",
  "aims",
  "aim",
  "aiming",
  "goal",
];

/** Words with which a question asks for a result, not a target (实际完成, 完成投资). */
export const RESULT_ASKED = [
  "实际",
  "实际上",
  "真正",
  "完成",
  "达到了",
  "实现了",
  "现在",
  "目前",
  "当前",
  "如今",
  "现有",
  "actually",
  "actual",
  "completed",
  "currently",
];

/**
 * Words with which a question asks for a target or a plan (目标是多少, 力争达到多少): a result does not answer it.
 * 总投资 and the other planned measures ask one too.
 */
export const TARGET_ASKED = ["目标", "计划", "力争", "预期", "规划", "争取", "拟", "target", "planned", "plan", "aim", "aiming", "aims", "goal"];

/** Words in a figure's own clause that make it a result even after a target's words (年度计划投资812亿元，完成投资…). */
export const RESULT_SAID = ["完成", "实现了", "达到了", "累计", "completed", "achieved"];

/** Measures that are a plan by nature: a project's 总投资 is what it is to cost, not what was invested. */
export const PLANNED_MEASURES = ["总投资", "计划投资", "规划投资", "total investment", "planned investment"];

/** Words with which a question asks a figure per person (人均): a total does not answer it. */
export const PER_PERSON_ASKED = ["人均", "per capita", "per person", "on average"];

/** Words that make the year asked a whole one: a part of the year does not answer (截至2024年底 is the year's end). */
export const WHOLE_YEAR = ["全年", "全年度", "年底", "年末", "whole year", "full year", "end of the year", "year-end"];

/** Qualifiers that, before a measure, make it another measure than the measure alone. */
export const QUALIFIERS = [
  "城镇",
  "农村",
  "乡村",
  "城市",
  "城乡",
  "农民",
  "城镇居民",
  "农村居民",
  "规上",
  "规模以上",
  "全体居民",
  "人均",
  "日均",
  "首批",
  "第一批",
  "第二批",
  "第三批",
  "第四批",
];

/** Qualifiers that say the same (农民 and 农村居民 incomes are one measure). */
export const SAME_QUALIFIERS: readonly (readonly string[])[] = [
  ["农村", "农村居民", "农民", "乡村", "rural", "farmers"],
  ["城镇", "城镇居民", "urban"],
  ["规上", "规模以上", "above designated size", "above-scale"],
  ["首批", "第一批", "first batch"],
];

/** Qualifiers of a set of things (首批 projects): its items may be counted in the sentences after it (其中，…). */
export const BATCH_QUALIFIERS = ["首批", "第一批", "第二批", "第三批", "第四批"];

/** What is done with a batch of projects, as a title says it (第二批重点项目集中开工). */
export const BATCH_DEEDS = ["开工", "签约", "竣工", "投产", "開工", "簽約"];

/** Words with which a sentence speaks of the batch named before it or in its title (此次集中开工项目52个). */
export const BATCH_REFERENCES = ["此次", "本次", "这次", "這次", "其中", "该批", "這批", "这批"];

/** Qualifiers that ask for the figures of others together: 城乡居民收入 is the town's and the village's. */
export const COVERING_QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  城乡: ["城镇", "城镇居民", "农村", "农村居民", "农民", "乡村"],
};

/**
 * Qualifiers a clause without them may still answer: 城市 names a place as often as a measure (周边城市), and
 * 城乡 asks the town's and the village's figures, which a clause says apart (城镇居民…，农村居民…).
 */
export const LOOSE_QUALIFIERS = ["城市", "城乡"];

/** Qualifiers of one measure that rule each other out: a town dweller's income is not a villager's. */
export const RIVAL_QUALIFIERS: readonly (readonly (readonly string[])[])[] = [
  // One batch of projects is not another.
  [["首批", "第一批"], ["第二批"], ["第三批"], ["第四批"]],
  [
    ["城镇", "城镇居民", "城市居民", "urban"],
    ["农村", "农村居民", "农民", "乡村", "rural", "farmers"],
  ],
];

/**
 * Both sides of the rivalry asked together (城镇和农村居民收入, 农村居民与城镇居民): what 城乡 asks, each side's
 * figure said apart. The question is read with 城乡 in their place.
 */
export const BOTH_SIDES_SAID = {
  pattern: "城镇(?:居民)?(?:和|与|及|以及|、)农村|农村(?:居民)?(?:和|与|及|以及|、)城镇",
  as: "城乡",
};

/** Things counted in wholes and their parts (项目中产业类项目, 企业中国有企业): how a part-of question names them. */
export const COUNTED_THINGS = ["项目", "企业", "单位", "游客", "工程", "景区", "村"];

/** Measures reported per person by nature: 城镇居民可支配收入 asks the 人均 figure even when it leaves 人均 out. */
export const PER_HEAD_BY_NATURE = ["可支配收入", "纯收入", "消费支出", "住房面积", "disposable income"];

/**
 * Measures made of others (进出口 of 进口 and 出口, 新能源 of 风电 and 光伏): a figure of the whole never answers one of
 * its parts, though the part's word may stand in the whole's.
 */
export const JOINED_MEASURES: readonly (readonly [string, readonly string[]])[] = [
  ["进出口", ["进口", "出口"]],
  ["imports and exports", ["imports", "exports"]],
  ["exports and imports", ["imports", "exports"]],
  ["收支", ["收入", "支出"]],
  ["新能源", ["风电", "光伏", "太阳能"]],
  ["清洁能源", ["风电", "光伏", "太阳能", "水电"]],
  ["new energy", ["wind power", "wind", "solar"]],
  ["clean energy", ["wind power", "wind", "solar"]],
];

/** Measures that are not each other: a figure of one never answers the other (收入 and 支出, 产值 and 投资). */
export const OPPOSITES: readonly (readonly [string, string])[] = [
  ["收入", "支出"],
  ["产值", "投资"],
  ["产值", "产量"],
  ["进口", "出口"],
  ["流入", "流出"],
  ["存款", "贷款"],
  // A year's planned investment is not a project's total investment.
  ["年度计划投资", "总投资"],
  ["年度投资", "总投资"],
  ["income", "expenditure"],
  ["revenue", "expenditure"],
  ["imports", "exports"],
];

/** Names of the city: a county's article whose clause says one may speak of the city. (全市 in a county-level city's article is that city.) */
export const WHOLE_CITY = ["忻州市", "忻州", "xinzhou"];
