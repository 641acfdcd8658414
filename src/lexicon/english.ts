/** English words of questions, one entry a line. */

/**
 * The vocabulary of economic reports in English with the Chinese the same figure goes by, one group a line:
 * the Chinese forms first (what Chinese bulletins write), then how English pages and askers say it. A question's
 * English phrase becomes a concept that any form of its group satisfies, in a Chinese or an English article.
 * The knowledge folder's glossary may add groups; where both hold a phrase, the longer phrase wins.
 */
export const REPORT_TERMS: readonly (readonly string[])[] = [
  ["常住人口", "permanent population", "permanent resident population", "permanent residents", "resident population"],
  ["户籍人口", "registered population", "household registered population", "hukou population"],
  ["平均工资", "工资", "salary", "salaries", "wage", "wages", "average wage", "average salary"],
  ["就业", "城镇新增就业", "employment", "jobs", "new urban jobs"],
  ["城镇常住人口", "urban population", "urban permanent residents", "urban permanent population"],
  ["城镇居民", "urban residents", "city dwellers", "urban households"],
  ["城镇化率", "urbanization rate", "urbanisation rate", "urbanization level", "urbanization"],
  ["耕地", "耕地面积", "farmland", "cultivated land", "arable land", "farm land"],
  ["农民", "农村居民", "farmer", "farmers", "rural residents", "peasants", "villagers"],
  ["人均", "per capita", "per person", "on average", "average"],
  ["可支配收入", "disposable income"],
  ["房地产开发投资", "房地产", "real estate investment", "real estate", "property investment", "property development"],
  ["固定资产投资", "fixed-asset investment", "fixed asset investment", "fixed assets investment"],
  ["社会消费品零售总额", "社零", "retail sales of consumer goods", "total retail sales", "retail sales"],
  ["接待游客", "游客", "游客量", "visitor numbers", "number of visitors", "visitors", "visitor", "tourists", "tourist"],
  ["旅游收入", "旅游总收入", "tourism revenue", "tourism income", "tourist revenue"],
  ["装机容量", "装机", "installed capacity", "power capacity", "generating capacity"],
  // Capacity alone is a plant's as often as a grid's: 产能 (12GWh of cells a year) or 装机.
  ["产能", "装机", "capacity"],
  ["总产能", "total capacity", "total production capacity", "production capacity", "output capacity"],
  ["一期", "first phase", "phase one", "phase i"],
  ["二期", "second phase", "phase two", "phase ii"],
  ["三期", "third phase", "phase three", "phase iii"],
  ["新能源", "new energy", "renewable energy", "renewables", "clean energy"],
  ["风电", "风力发电", "wind power", "wind energy", "wind farms", "wind"],
  ["光伏", "太阳能", "solar power", "solar energy", "photovoltaic", "solar", "pv"],
  ["产值", "output value", "value of output", "gross output"],
  ["增加值", "value added", "added value"],
  ["规模以上工业", "规上工业", "industrial enterprises above designated size", "above designated size", "above-scale"],
  ["进出口", "进出口总额", "外贸", "对外贸易", "foreign trade", "imports and exports", "total imports and exports", "trade volume"],
  ["出口", "exports", "export", "exported"],
  ["进口", "imports", "import"],
  ["乡镇", "towns and townships", "townships and towns", "townships"],
  ["行政村", "administrative villages", "villages"],
  ["面积", "总面积", "国土面积", "total area", "land area", "area"],
  ["地区生产总值", "生产总值", "gdp", "gross domestic product", "economic output", "economy"],
  ["一般公共预算收入", "财政收入", "general public budget revenue", "fiscal revenue", "budget revenue"],
  ["税收", "税收收入", "tax revenue", "taxes"],
  ["粮食产量", "grain output", "grain production", "grain yield"],
  ["首批", "第一批", "first batch"],
  ["第二批", "second batch"],
  ["第三批", "third batch"],
  ["开工", "集中开工", "started construction", "construction started", "broke ground", "groundbreaking"],
  ["杂粮", "小杂粮", "coarse grains", "coarse grain", "minor grains"],
  ["发电量", "power generation", "electricity generation", "electricity generated", "electricity"],
  ["国庆", "national day"],
  ["中秋", "mid-autumn"],
  ["春节", "spring festival", "chinese new year", "lunar new year"],
  ["五一", "may day", "labour day", "labor day"],
  ["增长", "同比增长", "增速", "growth", "grow", "grew", "grown", "growing", "increase", "increased", "rise", "rose", "rising", "up"],
];

/** An English company's name (Shanxi Runfeng Coal and Coking Co Ltd): capitalized words ending in Co Ltd and the like. */
export const ENGLISH_COMPANY = /(?:[A-Z][\w-]*\s+)(?:(?:[A-Z][\w-]*|and|of)\s+){0,6}(?:Co\.?,?\s*Ltd\.?|Company|Group|Corporation)/;

/** Words of an English company's name that say nothing of which company it is. */
export const GENERIC_NAME_WORDS = ["shanxi", "xinzhou", "china", "coal", "company", "group", "corporation", "industry"];

/** How an English sentence refers to the company its article names. */
export const ENGLISH_COMPANY_REFERENCE = /\b[Tt]he company\b/;

/** English words that ask or join but name nothing evidence must say. */
export const ENGLISH_STOP = [
  "during",
  "reach",
  "reached",
  "over",
  "under",
  "since",
  "until",
  "after",
  "before",
  "then",
  "also",
  "only",
  "alone",
  "the",
  "and",
  "for",
  "from",
  "with",
  "what",
  "which",
  "who",
  "whom",
  "whose",
  "when",
  "where",
  "why",
  "how",
  "many",
  "much",
  // how big, how fast, how large: they ask for the figure, the measure is the question's other words.
  "big",
  "large",
  "fast",
  "quickly",
  "each",
  // under its jurisdiction: how a place's parts are asked, not what they are.
  "jurisdiction",
  "was",
  "were",
  "are",
  "did",
  "does",
  "has",
  "have",
  "had",
  "its",
  "this",
  "that",
  "these",
  "those",
  "there",
  "their",
  "about",
  "into",
  "than",
  "per",
  "please",
  "tell",
  "can",
  "could",
  "would",
  "will",
  "shall",
  "may",
  "might",
  "been",
  "being",
  "any",
  "some",
  "all",
  "first",
  "second",
  "third",
  "three",
  "half",
  "quarter",
  "quarters",
  "year",
  "years",
  "month",
  "months",
  "end",
  "integrated",
  "zone",
  "county",
  "city",
  "province",
  "district",
  "area",
  "region",
  "economic",
  "economy",
];

/** Capitalized words of an English question that are no names to mend (the first word, months, question words). */
export const NOT_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "what",
  "which",
  "when",
  "where",
  "how",
  "who",
  "does",
  "did",
  "the",
  "this",
  "that",
];

/**
 * Chinese units an English reply glosses after the figure, which stays as the source writes it
 * (1200万千瓦 (万千瓦 = 10 MW)); longest first where one unit ends another.
 */
export const UNIT_GLOSSES: Readonly<Record<string, string>> = {
  万千瓦时: "10 MWh",
  亿千瓦时: "100 million kWh",
  万千瓦: "10 MW",
  千瓦时: "kWh",
  千瓦: "kW",
  亿元: "100 million yuan",
  万元: "10,000 yuan",
  元: "yuan",
  万人次: "10,000 visits",
  人次: "visits",
  万人: "10,000 people",
  万户: "10,000 households",
  万吨: "10,000 tonnes",
  吨: "tonnes",
  万亩: "10,000 mu (about 667 hectares)",
  亩: "mu (about 667 m²)",
  公顷: "hectares",
  平方公里: "km²",
  公里: "km",
  万辆: "10,000 vehicles",
  家: "firms",
  个: "units",
  项: "items",
};

/**
 * Words of an English question that say how it asks, not what about (besides ENGLISH_STOP): a refusal names
 * what was asked with the question's other words (the mayor of Taiyuan).
 */
export const ENGLISH_ASKING_WORDS: readonly string[] = [
  ...["is", "of", "in", "on", "at", "a", "an", "to", "by", "be", "do", "it", "me", "i", "you", "we", "s"],
  ...["whats", "what's", "who's", "know", "give", "tell", "show", "say", "said", "get", "got", "make", "made"],
  ...["last", "this", "next", "current", "currently", "now", "today", "latest", "recent", "recently", "ago"],
  ...["visit", "visited", "receive", "received", "reach", "reached", "see", "saw", "attract", "attracted"],
  ...["record", "recorded", "achieve", "achieved", "hit", "stand", "stood", "amount", "amounted", "come", "came"],
];

/** How an English question is put together from a measure's English name and a place's (state/suggest.ts). */
export const ENGLISH_ASKING = {
  // A measure named in the plural (visitor numbers, specialized towns) takes "are".
  amount: (place: string, measure: string) => `What ${/[^s]s$/.test(measure) ? "are" : "is"} ${place}'s ${measure}?`,
  measureOnly: (measure: string) => `What is the ${measure}?`,
} as const;
