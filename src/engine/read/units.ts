/**
 * Units and what they measure: the one lexicon that finding figures, guessing a fact's kind and
 * fitting a figure to a question all read. Units are written simplified; traditional text is read
 * through its simplified form (text.ts).
 */
import type { FactKind } from "../../model/knowledge.js";

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
const BASES: Record<Exclude<Measure, "year" | "date">, readonly string[]> = {
  length: ["米", "公尺", "厘米", "釐米", "公分", "毫米", "公里", "千米", "英尺", "英呎", "呎", "英寸", "吋", "英里", "哩", "海里", "光年", "km", "m", "cm", "mm", "ft", "mi", "kilometers", "kilometres", "meters", "metres", "miles"],
  area: ["平方公里", "平方千米", "平方米", "平方公尺", "平方英里", "平方英尺", "亩", "公顷", "km²", "km2", "m²", "m2", "square kilometers", "square kilometres", "hectares", "acres"],
  volume: ["立方米", "立方公尺", "升", "毫升", "公升"],
  weight: ["吨", "公吨", "公顿", "千克", "公斤", "克", "斤", "磅", "kg", "g", "t", "tons", "tonnes"],
  money: ["元", "美元", "美金", "港元", "港币", "日元", "日圆", "欧元", "英镑", "台币", "新台币", "越南盾", "卢布", "韩元", "法郎", "马克", "比索", "yuan", "dollars", "us dollars", "euros", "rmb"],
  power: ["千瓦", "瓦", "兆瓦", "千兆瓦", "gw", "mw", "kw"],
  energy: ["千瓦时", "度", "kwh", "mwh", "gwh", "twh"],
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

const MAGNITUDE = ["万亿", "千万", "百万", "十万", "万", "亿", "千"];

const measureByUnit = new Map<string, Measure>();
for (const [measure, units] of Object.entries(BASES) as [Measure, readonly string[]][]) {
  for (const u of units) {
    measureByUnit.set(u, measure);
    for (const m of MAGNITUDE) if (!/^[a-z%‰％℃°]/.test(u)) measureByUnit.set(m + u, measure);
  }
}
// 万人次 and 万人 are people, 个百分点 a percent: the longest unit wins, so both are listed.

/** Every unit a figure may carry, longest first so that 万千瓦 wins over 万 and 平方米 over 米. */
export const UNITS: readonly string[] = [...new Set([...measureByUnit.keys(), ...COUNT_WORDS, ...COUNT_WORDS.map((w) => `万${w}`), "万", "亿", "千"])].sort(
  (a, b) => b.length - a.length,
);

const COUNTED = new Set(COUNT_WORDS);

/** What a unit measures; a measure word, a bare magnitude or nothing measure nothing in particular. */
export function measureOf(unit: string): Measure | undefined {
  return measureByUnit.get(unit.normalize("NFKC").toLowerCase().replace(/^(million|billion|thousand|trillion) /, ""));
}

/** The kind of figure a number with this unit is. */
export function kindOfUnit(unit: string, context = ""): FactKind {
  const u = unit.normalize("NFKC");
  if (measureOf(u) === "percent") {
    return /增长|增速|同比|环比|提高|下降|上涨|增加|减少|改善|回落|增幅|\b(up|down|rose|fell|grew|increased?|decreased?|growth)\b/i.test(context) ? "growth" : "share";
  }
  if (u === "年") return "duration";
  if (u === "倍") return "growth";
  if (COUNTED.has(u.replace(/^万/, "")) || /^(万)?(人|户|名)$/.test(u)) return "count";
  if (/^([a-z]+ )?(people|workers|employees|residents|students|households)$/i.test(u)) return "count";
  return "amount";
}

/**
 * What a question asks its figure in: a unit or measure word written after 多少 / 几 (多少公里, 几首),
 * or a word that names a measure (面积, 体长, 哪一年). `word` is set for a measure word: 几首 wants 首.
 * `strict`: the question says the unit or asks for a date, so no figure in another measure answers it;
 * a measure read from the metric's name (财政 → money) only prefers figures in it (有多少用于民生: 82%).
 */
export function measureAsked(normalizedQuestion: string): { measure?: Measure; word?: string; strict?: boolean } {
  const q = normalizedQuestion;
  for (const [pattern, measure] of WHEN_ASKED) if (pattern.test(q)) return { measure, strict: true };
  // A share, a growth or a rank is asked of a metric (装机占全省的比重, 排名第几位): the metric's measure is not the answer's.
  if (RELATIVE.test(q)) return {};
  const after = q.match(/(?:多少|几)((?:万|亿|千)?[\p{Script=Han}a-z/²%]{1,5})/u)?.[1] ?? "";
  for (let n = after.length; n >= 1; n--) {
    const unit = after.slice(0, n);
    const measure = measureOf(unit);
    if (measure) return { measure, strict: true };
    if (COUNTED.has(unit)) return { word: unit };
  }
  for (const [pattern, measure] of ASKED_MEASURES) if (pattern.test(q)) return { measure };
  return {};
}

const RELATIVE = /比重|比例|占比|百分之|分之|份额|占.{0,8}(多少|几)|增长|增速|增幅|同比|排名|第几|名次|位居|几成|fraction|\b(share|percent|percentage|proportion|grow|grew|growth|rank|ranked)\b/;

/** A year or a day asked for: the answer is a date, whatever else the question names. */
const WHEN_ASKED: [RegExp, Measure][] = [
  [/(哪|何)一?年|(西元|公元|民国)几年|几几年|what year|which year|in what year/, "year"],
  [/几月几[日号]|哪一?天|几号|what date|what day/, "date"],
];

/** Words in a question that say what its figure measures, most specific first. */
const ASKED_MEASURES: [RegExp, Measure][] = [
  [/多少钱/, "money"],
  [/年龄|年纪|享年|多大岁数|how old|\bage[ds]?\b/, "age"],
  [/多长时间|多久|多少时间|how long did|how many years/, "duration"],
  [/面积|占地|多大面积|几平方|how large an area|\barea\b/, "area"],
  [/体重|多重|重量|质量有多|how heavy|weigh/, "weight"],
  [/时速|速度|每小时|\bspeed\b/, "speed"],
  [/海拔|身高|体长|身长|全长|长度|多长|多高|高度|多远|距离|多深|深度|多宽|宽度|直径|半径|周长|how tall|how long|how high|how far/, "length"],
  [/容积|排量|多少立方/, "volume"],
  [/(?<!增长|增速)率|\brate\b/, "percent"],
  [/人口|居民|员工|职工|人数|学生数|多少人|几人|population|how many (people|workers|employees|residents|visitors|tourists)|\b(employ|work)/, "people"],
  [/产量|\bproduced?\b/, "weight"],
  [/投资|收入|产值|资本|耗资|花费|成本|价格|票价|造价|营收|营业额|总值|生产总值|gdp|预算|资金|融资|税收|工资|利润|销售额|贷款|存款|出口额|进口额|财政|市值|investment|revenue|income|cost|price|output value/, "money"],
  [/装机|发电能力|capacity/, "power"],
  [/发电量|用电量|electricity|generat/, "energy"],
  [/几倍|多少倍/, "times"],
];

/** Measures a question's answer may also be in when it asks for another (多远 is a length or a time to travel). */
export function measuresFit(asked: Measure, found: Measure | undefined): boolean {
  if (found === asked) return true;
  if (asked === "people" && found === "visits") return true;
  if (asked === "visits" && found === "people") return true;
  // A processor's 速度 is its clock frequency.
  if (asked === "speed" && found === "frequency") return true;
  return false;
}
