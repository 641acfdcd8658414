/**
 * The word lists of src/lexicon, each through the behaviour it drives: hand-written questions and
 * sentences in which a word must be recognised, and near-misses in which it must not. The questions are
 * read against a small invented knowledge base (test/helpers/small-kb.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { monthSpan, periodOf, questionYears } from "../../src/engine/read/periods.js";
import { placeFits } from "../../src/engine/read/score.js";
import { measureAsked, measureOf } from "../../src/engine/read/units.js";
import type { Indexes } from "../../src/engine/retrieve/indexes.js";
import { eventVerbsIn } from "../../src/engine/understand/events.js";
import { parseQuestion, type Question } from "../../src/engine/understand/question.js";
import { alt, anyWord, anyWordLatinWhole, charSet, cueRegExp, onlyWords } from "../../src/lexicon/match.js";
import { PROVINCES } from "../../src/lexicon/places.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";
import { indexesOf, SMALL_NOW, smallKnowledge } from "../helpers/small-kb.js";

let ix: Indexes;
let engine: Engine;
beforeAll(async () => {
  const kb = await smallKnowledge();
  ix = indexesOf(kb);
  engine = createEngine(kb);
});
afterAll(removeKnowledgeDirs);

const parse = (q: string): Question => parseQuestion(q, ix, SMALL_NOW);
const conceptsOf = (q: string) => parse(q).concepts.map((c) => c.text);

describe("match.ts", () => {
  it("alt puts the longest word first, so that 多少来着 wins over 多少 where both start", () => {
    expect(alt(["多少", "多少来着", "几"])).toBe("(?:多少来着|多少|几)");
    expect("多少来着".match(anyWord(["多少", "多少来着"]))?.[0]).toBe("多少来着");
  });

  it("alt escapes what regular expressions treat as syntax, drops duplicates and empty words", () => {
    const re = anyWord(["1.5倍", "km/h", "(市)", "", "km/h"]);
    expect(alt(["a", "a", ""])).toBe("(?:a)");
    expect(re.test("1x5倍")).toBe(false);
    expect(re.test("1.5倍")).toBe(true);
    expect(re.test("(市)")).toBe(true);
    expect(re.test("市")).toBe(false);
  });

  it.each([
    ["how many stations", true],
    ["the share of wind", true],
    ["showing many", false],
    ["shared power", false],
    ["占比多少", true],
  ])("cueRegExp matches English words whole and Chinese anywhere: %s → %s", (text, cued) => {
    const cue = cueRegExp({ anywhere: ["占比"], words: ["how many", "share"] });
    expect(cue.test(text)).toBe(cued);
  });

  it("cueRegExp takes an extra pattern beside its words", () => {
    const cue = cueRegExp({ anywhere: ["比重"] }, "占.{0,3}多少");
    expect(cue.test("占全省多少")).toBe(true);
    expect(cue.test("占了全省的一半多少")).toBe(false);
  });

  it("anyWordLatinWhole keeps Latin words whole and Chinese anywhere", () => {
    const re = anyWordLatinWhole(["gw", "万千瓦"]);
    expect(re.test("14 gw")).toBe(true);
    expect(re.test("gwh")).toBe(false);
    expect(re.test("1200万千瓦时")).toBe(true);
  });

  it("onlyWords matches a text made of the words alone", () => {
    const re = onlyWords(["今年", "上半年"]);
    expect(re.test("今年上半年")).toBe(true);
    expect(re.test("今年装机")).toBe(false);
  });

  it("charSet is the set of the characters of its strings", () => {
    expect([...charSet(["的了", "吗"])].sort()).toEqual(["了", "吗", "的"].sort());
  });
});

describe("FILLERS: words removed wherever they stand", () => {
  // Short runs, so that the filler is not cut off as a word of time on its own.
  it.each([
    ["目前风电多少", "目前"],
    ["风电目前多少", "目前"],
    ["风电大约多少", "大约"],
    ["风电一共多少", "一共"],
    ["到底风电多少", "到底"],
  ])("%s is asked of 风电 alone, not of %s", (question) => {
    expect(conceptsOf(question)).toEqual(["风电"]);
  });

  it("忻州目前的装机有多少 has no concept 目前: it is asked of 装机容量 alone, and answered", () => {
    expect(conceptsOf("忻州目前的装机有多少")).toEqual(["装机容量"]);
    expect(engine.ask("忻州目前的装机有多少", SMALL_NOW).figure).toBe("1350万千瓦");
  });
});

describe("QUESTION_PHRASES: phrases that ask, removed whole", () => {
  it.each([
    ["装机容量多少来着", ["装机容量"]],
    ["风电来着", ["风电"]],
    ["充电站有哪些", ["充电站"]],
    ["天涯山登山步道是什么", ["天涯山登山步道"]],
    ["请问风电发电量怎么样", ["风电发电量"]],
  ])("%s is asked of %j", (question, concepts) => {
    expect(conceptsOf(question)).toEqual(concepts);
  });

  it("a question of question words alone names nothing: 多少来着 is vague", () => {
    expect(parse("多少来着").concepts).toEqual([]);
    expect(engine.ask("多少来着", SMALL_NOW).reason).toBe("vague");
  });
});

describe("JOINERS: a run of words is cut at 的 和 与 、", () => {
  it.each([
    ["风电发电量和充电站", ["风电发电量", "充电站"]],
    ["风电发电量与充电站", ["风电发电量", "充电站"]],
    ["风电发电量、充电站", ["风电发电量", "充电站"]],
  ])("%s names two things: %j", (question, concepts) => {
    expect(conceptsOf(question)).toEqual(concepts);
  });

  it("not at 及: 埃及 stays one word", () => {
    const concepts = conceptsOf("埃及的法兰出口");
    expect(concepts).toContain("埃及");
    expect(concepts).not.toContain("埃");
  });
});

describe("KIND_CUES: the kind of answer wanted, the first cued first", () => {
  it.each([
    ["装机占全省比重多少", "share"],
    ["装机占全省多少", "share"],
    ["风电发电量增长了多少", "growth"],
    ["装机排名第几", "rank"],
    ["宏达法兰公司的董事长是谁", "person"],
    ["定襄有哪些法兰企业", "list"],
    ["天涯山在哪个县", "text"],
    ["定襄有几家法兰企业", "count"],
    ["宏达法兰公司何时创立", "time"],
    ["原平接待游客多少", "amount"],
    ["how many charging stations are there", "count"],
    ["what share of Shanxi's capacity", "share"],
    ["how much did wind power grow", "growth"],
    ["how much is the investment", "amount"],
    ["who runs the flange company", "person"],
  ])("%s → %s first", (question, kind) => {
    expect(parse(question).kinds[0]).toBe(kind);
  });

  it.each([
    ["the whole capacity of Xinzhou", "person"],
    ["showing the capacity of Xinzhou", "amount"],
    ["totally new capacity", "amount"],
    ["a specialist in flange", "list"],
    ["rosemary farms of Xinzhou", "growth"],
  ])("near-miss %s cues no %s (English cues are whole words)", (question, kind) => {
    expect(parse(question).kinds).not.toContain(kind);
  });
});

describe("GREETINGS: a message that only greets", () => {
  it.each(["你好！", "您好", "谢谢", "Thank you!", "hello", "在吗？", "早上好~", "再见。"])(
    "%s is a greeting",
    (text) => {
      expect(parse(text).greeting).toBe(true);
      expect(engine.ask(text, SMALL_NOW).reason).toBe("greeting");
    },
  );

  it.each(["你好，忻州GDP多少", "谢谢，装机多少", "hello, what is the capacity of Xinzhou", "你好吗我想问装机"])(
    "%s greets but asks: no greeting",
    (text) => {
      expect(parse(text).greeting).toBe(false);
      expect(engine.ask(text, SMALL_NOW).reason).not.toBe("greeting");
    },
  );
});

describe("RELATIVE_YEARS: years said against the year of asking", () => {
  it.each([
    ["今年装机多少", 2025],
    ["本年装机多少", 2025],
    ["去年装机多少", 2024],
    ["上年装机多少", 2024],
    ["前年装机多少", 2023],
    ["明年装机多少", 2026],
  ])("%s is read as %i when asked in 2025", (question, year) => {
    expect(questionYears(question, SMALL_NOW)).toEqual([year]);
  });

  it("a question saying 去年 prefers that year and does not filter by it", () => {
    const q = parse("忻州去年接待游客多少");
    expect(q.relativeYears).toEqual([2024]);
    expect(q.years).toEqual([]);
  });

  it.each(["年度装机多少", "年年增长", "近年来装机多少"])("near-miss %s names no year", (question) => {
    expect(questionYears(question, SMALL_NOW)).toEqual([]);
  });
});

describe("MONTH_SPANS: parts of a year as the months they span", () => {
  it.each([
    ["前三季度", "1-9月"],
    ["今年1月至9月", "1-9月"],
    ["上半年", "1-6月"],
    ["第一季度", "1-3月"],
    ["前十个月", "1-10月"],
    ["1至8月", "1-8月"],
  ])("%s → %s", (text, span) => {
    expect(monthSpan(text)).toBe(span);
  });

  it.each(["全年", "三季度", "9月", "下半年"])("near-miss %s spans no months from January", (text) => {
    expect(monthSpan(text)).toBe("");
  });

  it("a sentence of 前三季度 speaks of January to September of its article's year", () => {
    expect(periodOf("今年前三季度，装机达到1350万千瓦。", "2025-11-10")).toBe("2025年1-9月");
  });
});

describe("AS_OF_NOW: words that mean the day the article was written", () => {
  it.each([
    ["目前，全市已建成充电站86座。", "截至2025年11月"],
    ["截至目前，全市已建成充电站86座。", "截至2025年11月"],
    ["全市至今已建成充电站86座。", "截至2025年11月"],
    ["全市现有充电站86座。", "截至2025年11月"],
  ])("%s → %s (article of 2025-11-10)", (sentence, period) => {
    expect(periodOf(sentence, "2025-11-10")).toBe(period);
  });

  it("near-miss: a sentence that names no time has no period of its own", () => {
    expect(periodOf("全市建成充电站86座。", "2025-11-10")).toBe("");
  });

  it("the engine states a 目前 figure with the article's month", () => {
    expect(engine.ask("忻州充电站有多少座", SMALL_NOW).period).toBe("截至2025年11月");
  });
});

describe("units: what a unit measures", () => {
  it.each([
    ["万千瓦", "power"],
    ["亿千瓦时", "energy"],
    ["人次", "visits"],
    ["万人次", "visits"],
    ["万人", "people"],
    ["个百分点", "percent"],
    ["%", "percent"],
    ["亿元", "money"],
    ["平方公里", "area"],
    ["公里", "length"],
    ["GW", "power"],
    ["million yuan", "money"],
  ])("%s → %s", (unit, measure) => {
    expect(measureOf(unit)).toBe(measure);
  });

  it.each(["家", "座", "万", ""])("near-miss: %j measures nothing in particular", (unit) => {
    expect(measureOf(unit)).toBeUndefined();
  });
});

describe("units: what a question asks its figure in", () => {
  it.each([
    ["天涯山登山步道多少公里", { measure: "length", strict: true }],
    ["接待游客多少万人次", { measure: "visits", strict: true }],
    ["失业率下降了多少个百分点", { measure: "percent", strict: true }],
    ["哪一年成立", { measure: "year", strict: true }],
    ["几月几日开业", { measure: "date", strict: true }],
    ["定襄有几家企业", { word: "家" }],
    ["装机有多少", { measure: "power" }],
    ["失业率是多少", { measure: "percent" }],
    ["人口多少", { measure: "people" }],
    ["what is the unemployment rate", { measure: "percent" }],
  ])("%s → %j", (question, asked) => {
    expect(measureAsked(question)).toEqual(asked);
  });

  it.each(["增长率是多少", "增速率是多少", "装机占全省比重多少", "装机排名第几"])(
    "near-miss %s asks no unit: a rate of growth, a share or a rank is not the metric's measure",
    (question) => {
      expect(measureAsked(question)).toEqual({});
    },
  );
});

describe("EVENT_VERBS: verbs of one event stand for each other", () => {
  it.each([
    ["创立", "成立"],
    ["正式成立", "创立"],
    ["挂牌", "设立"],
    ["逝世", "去世"],
    ["建成", "竣工"],
  ])("%s may be said as %s", (word, other) => {
    expect(eventVerbsIn(word).flatMap((v) => v.others)).toContain(other);
  });

  it.each(["立", "死亡", "成本"])("near-miss %s holds no event verb of two characters", (word) => {
    expect(eventVerbsIn(word)).toEqual([]);
  });

  it("a question asking when a company 成立 is answered from a sentence saying 创立", () => {
    const a = engine.ask("宏达法兰公司哪一年成立", SMALL_NOW);
    expect(a.figure).toBe("1998年");
    expect(a.citations[0]?.quote).toContain("创立");
    // The question is covered whole, and the figure's own clause counts as saying the event.
    expect(a.signals).toMatchObject({ coverage: 1, event: 1 });
  });
});

describe("places: KNOWN_PLACES and PROVINCES", () => {
  it.each([
    ["原平接待游客多少", "原平"],
    ["定襄失业率是多少", "定襄"],
    ["Yuanping tourists", "原平"],
  ])("%s names the covered place %s", (question, place) => {
    const q = parse(question);
    expect(q.places.map((g) => g[0])).toEqual([place]);
    expect(q.foreignPlace).toBeUndefined();
  });

  it.each([
    ["大同的装机多少", "大同"],
    ["太原接待游客多少", "太原"],
    ["Paris tourists", "paris"],
  ])("%s names a known place the base does not cover: refused as %s", (question, place) => {
    expect(parse(question).foreignPlace).toBe(place);
    const a = engine.ask(question, SMALL_NOW);
    expect([a.answered, a.reason, a.foreignPlace]).toEqual([false, "place", place]);
  });

  it.each(["山西", "内蒙古", "广西", "澳门", "北京"])("%s is a province-level name", (name) => {
    expect(PROVINCES.has(name)).toBe(true);
  });

  it.each(["太原", "石家庄", "忻州", "原平"])("near-miss: %s is not a province-level name", (name) => {
    expect(PROVINCES.has(name)).toBe(false);
  });

  it("evidence saying 全省 is about a province asked, not about a city", () => {
    expect(placeFits([["山西"]], "占全省比重为21.5%")).toBe(true);
    expect(placeFits([["太原"]], "占全省比重为21.5%")).toBe(false);
  });
});

describe("ENGLISH_STOP: English words that ask but name nothing", () => {
  it.each([
    ["what is the turnover of Xinzhou", "turnover"],
    ["how many employees does Hongda have", "employees"],
    ["please tell me about the flange exports", "flange"],
  ])("%s is asked of %s and of no question word", (question, word) => {
    const concepts = conceptsOf(question);
    expect(concepts).toContain(word);
    for (const stop of ["what", "how", "many", "does", "have", "please", "tell", "about", "the", "of"]) {
      expect(concepts).not.toContain(stop);
    }
  });

  it("capacity is a concept: the glossary's 装机容量", () => {
    expect(conceptsOf("what is the capacity of Xinzhou")).toEqual(["装机容量"]);
  });
});
