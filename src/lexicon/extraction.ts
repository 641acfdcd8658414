/**
 * Words for reading every figure of an article as a fact: what a subject's name ends in, the words that
 * refer back to a subject, the verbs that stand between a measure and its figure, the names one measure
 * goes by, and the words that make a figure a forecast. One entry a line.
 */

/** Endings of a named subject that is not a place of the lexicon (忻州古城, 雁门关景区, 银泰旅游产业集团). */
export const SUBJECT_ENDINGS = [
  "古城",
  "景区",
  "机场",
  "公司",
  "集团",
  "产业园",
  "开发区",
  "经济区",
  "示范区",
  "园区",
  "基地",
  "合作社",
  "银行",
  "电厂",
  "煤矿",
  "医院",
  "项目",
  "工程",
];

/** Words in a name ending in 项目 that make it a kind of project, not one project (重大项目, 产业类项目). */
export const GENERIC_PROJECT_WORDS = ["开工", "签约", "大项目", "规划", "重大", "重点", "一批", "首批", "以上", "类", "新上", "新建", "扩建", "招商", "各类", "此次"];

/** Characters a name does not reach across: it starts after the last of them. */
export const NAME_STOPS = "的在与和是由了将对为把从等及、，,。;；:：“”\"《》（）()年月日共已并向到至使让被经其该本全这此各个名";

/** Words that refer to the subject of the whole article, by the kind of place it is. */
export const WHOLE_PLACE_WORDS: Readonly<Record<string, readonly string[]>> = {
  city: ["全市", "该市", "本市", "我市", "市里", "the city"],
  county: ["全县", "该县", "本县", "我县", "县里", "the county"],
  district: ["全区", "该区", "本区", "我区"],
};

/** Words that refer to a company or a project named before (该公司, 本项目). */
export const REFERRING_OTHERS: Readonly<Record<string, readonly string[]>> = {
  company: ["该公司", "本公司", "公司", "该企业", "该集团", "the company"],
  project: ["该项目", "本项目", "项目", "the project"],
};

/** Words after which a place is where something is measured to, not whose figure it is (距忻州89公里). */
export const NOT_SUBJECT_BEFORE = ["距", "距离", "临", "连", "接", "靠", "邻", "向", "往", "到", "至", "比", "较", "是", "占", "of"];

/** Words that stand between a measure and its figure (完成, 达到, 同比增长): not part of the measure. */
export const MEASURE_VERBS = [
  "完成",
  "达到",
  "达",
  "实现",
  "为",
  "是",
  "突破",
  "超过",
  "共计",
  "共",
  "累计",
  "合计",
  "总计",
  "近",
  "逾",
  "超",
  "增长",
  "同比增长",
  "同比下降",
  "同比",
  "增加",
  "减少",
  "下降",
  "提高",
  "增速",
  "增幅",
  "年均增长",
  "年均",
  "均",
  "分别",
  "分别为",
  "已",
  "已经",
  "将",
  "可",
  "仅",
  "就",
  "又",
  "有",
  "拥有",
  "占",
  "占比",
  "位居",
  "位于",
  "居",
  "排名",
  "排",
  "列",
  "位列",
  "稳定在",
  "保持在",
  "预计",
  "力争",
  "计划",
  "目标",
  "争取",
  "确保",
  "预期",
  "有望",
  "将达到",
  "将实现",
  "达到了",
  "高于",
  "低于",
  "比去年同期",
  "比上年",
  "比去年",
  "较上年",
  "较去年",
  "左右",
  "以上",
];

/** Words a measure does not start with: time, scope and connectives already read elsewhere. */
export const MEASURE_OPENERS = [
  "全年",
  "年末",
  "年底",
  "其中",
  "此外",
  "另外",
  "同时",
  "此次",
  "这次",
  "共",
  "累计",
  "新增",
  "当年",
  "期间",
  "假期期间",
  "假期",
  "据统计",
  "数据显示",
  "据了解",
  "据悉",
  "以来",
  "来",
  "的",
  "全",
  "实现",
  "预计",
  "力争",
  "计划",
  "争取",
  "确保",
  "这个",
  "这里",
  "这",
  "从而为",
  "而",
  "为",
  "我们",
  "我",
  "下辖",
  "辖",
  "共有",
  "拥有",
  "一是",
  "二是",
  "三是",
  "四是",
  "五是",
];

/** Measures that only say which side of a figure is meant (总量, 增速): they are of the measure before them. */
export const RELATIVE_MEASURES = ["总量", "增速", "增幅", "规模", "排名", "位次", "比重", "占比", "增长", "总量全市", "总量全省"];

/** One measure by each of its names, its canonical name first. */
export const MEASURE_NAMES: readonly (readonly string[])[] = [
  ["地区生产总值", "生产总值", "国内生产总值", "经济总量", "gdp"],
  ["接待游客", "游客接待量", "接待游客量", "接待国内外游客", "客流量", "游客量", "游客人次", "visitors", "tourist arrivals"],
  ["旅游收入", "旅游总收入", "旅游综合收入", "旅游消费", "tourism revenue", "tourism income"],
  ["一般公共预算收入", "财政一般公共预算收入", "一般预算收入"],
  ["财政收入", "财政总收入", "fiscal revenue"],
  ["规模以上工业增加值", "规上工业增加值", "规模以上工业企业增加值"],
  ["固定资产投资", "全社会固定资产投资", "fixed asset investment", "fixed-asset investment"],
  ["社会消费品零售总额", "社消零总额", "retail sales", "retail sales of consumer goods"],
  ["城镇居民人均可支配收入", "城镇常住居民人均可支配收入", "urban per capita disposable income"],
  ["农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均可支配收入", "rural per capita disposable income"],
  ["居民人均可支配收入", "全体居民人均可支配收入", "人均可支配收入", "per capita disposable income"],
  ["常住人口", "常住人口总数", "permanent population", "permanent residents", "permanent resident population"],
  ["户籍人口", "户籍总人口", "registered population"],
  ["总人口", "人口", "population"],
  ["国土面积", "总面积", "面积", "total area", "area"],
  ["进出口总额", "外贸进出口总额", "进出口", "total imports and exports"],
  ["粮食产量", "粮食总产量", "grain output"],
  ["税收收入", "税收", "tax revenue"],
  ["总投资", "项目总投资", "total investment"],
  ["年度计划投资", "年度计划完成投资", "年度投资计划", "annual planned investment"],
  ["签约项目", "签约", "signed projects"],
  ["装机容量", "总装机容量", "装机", "installed capacity"],
  ["旅客吞吐量", "吞吐量", "passenger throughput"],
];

/** The cities of Shanxi, as articles name them: a comparison of cities names each. */
export const SHANXI_CITIES = ["太原市", "大同市", "朔州市", "忻州市", "阳泉市", "吕梁市", "晋中市", "长治市", "晋城市", "临汾市", "运城市"];

/** English parts of a year, with the Chinese a period is written in. */
export const ENGLISH_PARTS = [
  ["first half of", "上半年"],
  ["first half", "上半年"],
  ["first three quarters of", "前三季度"],
  ["first three quarters", "前三季度"],
  ["first quarter of", "一季度"],
  ["first quarter", "一季度"],
] as const;

/** Words that make a figure a forecast rather than a target: what is expected, not what is aimed at. */
export const FORECAST_WORDS = ["预计", "预期", "有望", "预测", "估计", "expected", "forecast", "projected", "estimated"];

/** Words in a heading or a sentence's lead that make every figure under it a target (主要预期目标). */
export const TARGET_LEADS = ["主要预期目标", "预期目标", "目标任务", "目标是", "主要目标", "奋斗目标", "工作安排", "main targets"];

/** Words in a title that make an article a government work report, which reviews the year before it. */
export const WORK_REPORT_WORDS = ["政府工作报告", "government work report"];

/** Words of a work report that speak of the year it reviews (过去一年 is the year before the report's). */
export const PAST_YEAR_WORDS = ["过去一年", "过去的一年", "上一年", "last year", "the past year"];

/** Five-year plans, by the numeral between 十 and 五: 十四五. */
export const FIVE_YEAR_PLANS = ["十一五", "十二五", "十三五", "十四五", "十五五"];

/** Holiday words read from text that are something else too: 十一 stands in 十一五 and 十一届. */
export const AMBIGUOUS_HOLIDAY_WORDS = ["十一"];

/** Verbs after a figure in English that make it a change (a 36.4% increase, up 5%). */
export const ENGLISH_CHANGE_WORDS = ["increase", "increased", "decrease", "decreased", "growth", "rise", "up", "down", "more", "less"];

/** Days that name a holiday without its name (除夕 is 春节's), beside the names of lexicon/frame.ts. */
export const HOLIDAY_EVE_WORDS: Readonly<Record<string, readonly string[]>> = {
  春节: ["除夕", "大年初一", "正月初一", "spring festival"],
  国庆: ["黄金周", "golden week"],
};
