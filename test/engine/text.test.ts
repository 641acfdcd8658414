import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/engine/read/figures.js";
import { normalize, tokenize } from "../../src/engine/text.js";

describe("normalize", () => {
  it("folds full-width forms, traditional characters and case", () => {
    expect(normalize("忻州接待遊客ＧＤＰ１２００萬千瓦")).toBe("忻州接待游客gdp1200万千瓦");
  });
  it("turns punctuation into spaces but keeps what belongs to numbers", () => {
    expect(normalize("占比17.38%，国土1/9；2,387人。")).toBe("占比17.38% 国土1/9 2387人");
  });
});

describe("tokenize", () => {
  it("indexes Han text as overlapping bigrams", () => {
    expect(tokenize("新能源装机")).toEqual(["新能", "能源", "源装", "装机"]);
    expect(tokenize("市")).toEqual(["市"]);
  });
  it.each(["1200", "17.38%", "2.56", "1/9", "2387.2"])("never splits the number %s", (n) => {
    expect(tokenize(`共${n}万`)).toContain(n);
  });
  it("keeps a number glued to its Latin unit", () => {
    expect(tokenize("14GW光伏")).toEqual(["14", "14gw", "光伏"]);
  });
  it("reads English as words", () => {
    expect(tokenize("How many Tourists?")).toEqual(["how", "many", "tourists"]);
  });
});

describe("findFigures", () => {
  const s = "今年前三季度,该市新能源和清洁能源装机突破了1200万千瓦,占全省新能源装机总量的17.38%,排名全省第一";
  it("finds values with their units, shares and ranks, each as written", () => {
    const f = findFigures(s);
    expect(f.map((x) => [x.text, x.kind])).toEqual([
      ["1200万千瓦", "amount"],
      ["17.38%", "share"],
      ["全省第一", "rank"],
    ]);
    for (const x of f) expect(s.slice(x.index, x.index + x.text.length)).toBe(x.text);
  });
  it("skips dates and names with numbers", () => {
    const f = findFigures("截至今年10月底,2023年PM10浓度下降,TOPCon4.0电池,共6处");
    expect(f.map((x) => x.text)).toEqual(["6处"]);
  });
  it("reads growth, counts, fractions, approximations and durations", () => {
    const f = findFigures(
      "同比增长11.2%,培育了2个专业镇,国土面积占全省的1/9,面积300万亩以上,60多个工程,连续6年第一,实现了八连丰",
    );
    expect(f.map((x) => [x.text, x.kind])).toEqual([
      ["11.2%", "growth"],
      ["2个", "count"],
      ["1/9", "fraction"],
      ["300万亩以上", "amount"],
      ["60多个", "count"],
      ["6年", "duration"],
      ["第一", "rank"],
      ["八连丰", "duration"],
    ]);
  });
  it("counts years said about (1800多年, 600余年), and takes a reign's year beside its common-era year as a date", () => {
    const f = findFigures("某城始建于东汉建安二十年(215年),已有1800多年的历史;某寺距今600余年");
    expect(f.map((x) => [x.text, x.kind])).toEqual([
      ["1800多年", "duration"],
      ["600余年", "duration"],
    ]);
  });
});
