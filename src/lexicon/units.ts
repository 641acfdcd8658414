/**
 * Units and what they measure, measure words of counted things, and the words with which a question
 * asks for a measure (多少米, 面积, 哪一年). Units are written simplified; traditional text is read through
 * its simplified form (engine/text.ts).
 */
import type { Cue } from "./kinds.js";

/** What a unit measures. A question that asks for one (多少米, 面积, 哪一年) is answered in it. */
export type Measure =
  | "length"
  | "area"
  | "volume"
  | "weight"
  | "money"
  | "power"
  | "energy"
  | "people"
  | "visits"
  | "households"
  | "duration"
  | "age"
  | "speed"
  | "frequency"
  | "data"
  | "temperature"
  | "percent"
  | "times"
  | "year"
  | "date";

/** Base units by what they measure; 万, 亿, 千 … may stand before any of them (万千瓦, 亿元). */
export const BASES: Record<Exclude<Measure, "year" | "date">, readonly string[]> = {
  length: ["米", "公尺", "厘米", "釐米", "公分", "毫米", "公里", "千米", "英尺", "英呎", "呎", "英寸", "吋", "英里", "哩", "海里", "光年", "km", "m", "cm", "mm", "ft", "mi", "kilometers", "kilometres", "meters", "metres", "miles"],
  area: ["平方公里", "平方千米", "平方米", "平方公尺", "平方英里", "平方英尺", "亩", "公顷", "km²", "km2", "m²", "m2", "square kilometers", "square kilometres", "hectares", "acres"],
  volume: ["立方米", "立方公尺", "升", "毫升", "公升"],
  weight: ["吨", "公吨", "公顿", "千克", "公斤", "克", "斤", "磅", "kg", "g", "t", "tons", "tonnes"],
  money: ["元", "美元", "美金", "港元", "港币", "日元", "日圆", "欧元", "英镑", "台币", "新台币", "越南盾", "卢布", "韩元", "法郎", "马克", "比索", "yuan", "dollars", "us dollars", "euros", "rmb"],
  power: ["千瓦", "瓦", "兆瓦", "千兆瓦", "gw", "mw", "kw", "kilowatts", "megawatts", "gigawatts"],
  energy: ["千瓦时", "度", "kwh", "mwh", "gwh", "twh", "kilowatt-hours", "kilowatt hours"],
  people: ["人", "名", "位", "口", "people", "workers", "employees", "residents", "visitors", "tourists", "students"],
  visits: ["人次"],
  households: ["户", "households"],
  duration: ["年", "个月", "天", "日", "小时", "分钟", "秒", "周"],
  /** An age is not how long something lasted (享年88岁 does not answer 担任了多久). */
  age: ["岁", "周岁", "years old"],
  speed: ["公里/小时", "千米/小时", "km/h", "节"],
  frequency: ["ghz", "mhz", "khz", "hz", "赫兹"],
  data: ["gb", "mb", "tb", "kb"],
  temperature: ["℃", "°c", "摄氏度"],
  percent: ["%", "％", "‰", "个百分点", "percent", "per cent", "percentage points"],
  times: ["倍", "times", "fold"],
};

/** Measure words of counted things (6处, 67个, 12架): a count, asked by 几处 / 多少个. */
export const COUNT_WORDS = [
  "个", "家", "项", "处", "条", "座", "所", "批", "类", "种", "届", "场", "次", "期", "栋", "宗", "笔", "份", "首", "张", "本", "部",
  "架", "艘", "辆", "台", "只", "头", "匹", "枚", "颗", "棵", "株", "层", "间", "套", "件", "篇", "集", "季", "局", "球", "票", "席",
  "支", "队", "片", "块", "根", "粒", "口", "国", "省", "县", "市", "区", "镇", "乡", "村", "郡", "州", "岛", "所", "门", "级", "章", "册", "卷", "幅", "道", "款",
  "县(市、区)",
];

export const MAGNITUDES = ["万亿", "千万", "百万", "十万", "万", "亿", "千"];


/** English magnitudes of a figure (2.9 billion yuan). */
export const ENGLISH_MAGNITUDES = ["million", "billion", "thousand", "trillion"];

/** English words after a number that make it a figure with a unit (62.5 percent, 3.6 million visitors). */
export const ENGLISH_UNIT_WORDS = [
  "percentage points",
  "per cent",
  "percent",
  "square kilometers",
  "square kilometres",
  "kilometers",
  "kilometres",
  "meters",
  "metres",
  "miles",
  "hectares",
  "acres",
  "tons",
  "tonnes",
  "yuan",
  "us dollars",
  "dollars",
  "euros",
  "rmb",
  "kilowatt-hours",
  "kilowatt hours",
  "kwh",
  "mwh",
  "gwh",
  "twh",
  "kilowatts",
  "megawatts",
  "gigawatts",
  "kw",
  "mw",
  "gw",
  "people",
  "workers",
  "employees",
  "residents",
  "visitors",
  "tourists",
  "students",
  "households",
  "times",
  "fold",
];

/** A year or a day asked for: the answer is a date, whatever else the question names. */
export const WHEN_ASKED: readonly (readonly ["year" | "date", Cue])[] = [
  ["year", { anywhere: ["哪年", "哪一年", "何年", "何一年", "西元几年", "公元几年", "民国几年", "几几年", "what year", "which year", "in what year"] }],
  ["date", { anywhere: ["几月几日", "几月几号", "哪天", "哪一天", "几号", "what date", "what day"] }],
];

/** Words in a question that say what its figure measures, most specific first. */
export const ASKED_MEASURES: readonly (readonly [Measure, Cue])[] = [
  ["money", { anywhere: ["多少钱"] }],
  ["age", { anywhere: ["年龄", "年纪", "享年", "多大岁数", "how old"], words: ["age", "aged", "ages"] }],
  ["duration", { anywhere: ["多长时间", "多久", "多少时间", "how long did", "how many years"] }],
  ["area", { anywhere: ["面积", "占地", "多大面积", "几平方", "how large an area"], words: ["area"] }],
  ["weight", { anywhere: ["体重", "多重", "重量", "质量有多", "how heavy", "weigh"] }],
  ["speed", { anywhere: ["时速", "速度", "每小时"], words: ["speed"] }],
  [
    "length",
    {
      anywhere: [
        "海拔", "身高", "体长", "身长", "全长", "长度", "多长", "多高", "高度", "多远", "距离", "多深", "深度", "多宽", "宽度", "直径", "半径", "周长",
        "how tall", "how long", "how high", "how far",
      ],
    },
  ],
  ["volume", { anywhere: ["容积", "排量", "多少立方"] }],
  ["percent", { anywhere: [], words: ["rate"] }],
  [
    "people",
    {
      anywhere: [
        "人口", "居民", "员工", "职工", "人数", "学生数", "多少人", "几人", "population",
        "how many people", "how many workers", "how many employees", "how many residents", "how many visitors", "how many tourists",
      ],
    },
  ],
  ["weight", { anywhere: ["产量"], words: ["produce", "produced"] }],
  [
    "money",
    {
      anywhere: [
        "投资", "收入", "产值", "资本", "耗资", "花费", "成本", "价格", "票价", "造价", "营收", "营业额", "总值", "生产总值", "gdp", "预算", "资金",
        "融资", "税收", "工资", "利润", "销售额", "贷款", "存款", "出口额", "进口额", "财政", "市值",
        "investment", "revenue", "income", "cost", "price", "output value",
      ],
    },
  ],
  // Capacity alone may be a plant's output (12GWh of cells): only installed or power capacity is power.
  ["power", { anywhere: ["装机", "发电能力", "installed capacity", "power capacity", "generating capacity"], words: ["installed"] }],
  ["energy", { anywhere: ["发电量", "用电量", "electricity", "generat"] }],
  ["times", { anywhere: ["几倍", "多少倍"] }],
];

/** A rate asked (增长率 is a growth, not this): 率 not after these words. */
export const RATE = { word: "率", notAfter: ["增长", "增速"] };

/** English words that ask about people at work (employ, workers): matched at the start of a word. */
export const PEOPLE_PREFIXES = ["employ", "work"];
