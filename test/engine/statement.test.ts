import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/index.js";
import { statement } from "../../src/engine/state/statement.js";
import { figuresIn } from "../../src/eval/judge.js";
import { directAnswer } from "../../src/render/words.js";

/** The statement for `figure` in `quote` (invented text), about 青川市 unless told; every figure checked against the quote. */
function stated(quote: string, figure: string, extra: { subject?: string; period?: string; date?: string } = {}) {
  const index = quote.indexOf(figure);
  expect(index, `${figure} in ${quote}`).toBeGreaterThanOrEqual(0);
  const subject = extra.subject ?? "青川市";
  const made = statement({
    quote,
    spans: [{ index, length: figure.length }],
    subject,
    subjectNames: [subject.replace(/[市县]$/, "")],
    period: extra.period ?? "2023年",
    articleDate: extra.date ?? "2023-12-20",
  });
  for (const f of figuresIn(made)) expect(quote.normalize("NFKC"), `${f} of "${made}"`).toContain(f);
  return made;
}

describe("the direct answer's subject is the figure's own", () => {
  it("keeps a five-year plan's period before the figure, with no year put before it", () => {
    const s = stated("据悉,“十四五”期间,全市规划项目512个,总投资达2100亿元。", "512个", { date: "2021-03-01" });
    expect(s).toBe("“十四五”期间，青川市规划项目512个。");
  });

  it("says an item of a project list as a sentence of its own: the project, then its investment", () => {
    const quote = "总投资18亿元的青川化工新材料一期工程;总投资6亿元的青川风电二期项目;总投资9亿元的青川物流园……";
    expect(stated(quote, "6亿元")).toBe("青川风电二期项目总投资6亿元。");
  });

  it("names the project 该项目 refers to, from the sentence before", () => {
    const quote = "该项目建成后预计年产值30亿元。";
    const index = quote.indexOf("30亿元");
    const made = statement({
      quote,
      spans: [{ index, length: 5 }],
      subject: "青川市",
      subjectNames: ["青川"],
      period: "",
      articleDate: "2024-06-02",
      referent: "其中，总投资12亿元的青川市绿色铸造产业园项目由某某公司投资建设。",
    });
    expect(made).toBe("青川市绿色铸造产业园项目建成后预计年产值30亿元。");
  });

  it("says a part (其中，…) with the whole the sentence before counts, and 这里 as the place", () => {
    const quote = "其中，产业类项目37个，总投资171.3亿元；基础设施类项目10个，总投资33.8亿元。";
    const index = quote.indexOf("10个");
    const made = statement({
      quote,
      spans: [{ index, length: 3 }],
      subject: "青川市",
      subjectNames: ["青川"],
      period: "2025年",
      articleDate: "2025-05-20",
      referent: "此次第二批集中开工项目共52个，总投资218.6亿元。",
    });
    expect(made).toBe("2025年，青川市第二批集中开工项目中，基础设施类项目10个。");
    expect(stated("这里生产的法兰占全国市场份额的40%以上。", "40%以上")).toBe(
      "2023年，青川市生产的法兰占全国市场份额的40%以上。",
    );
  });

  it("puts the place in a traditional quote's own script", () => {
    const s = stated("該縣鍛鋼法蘭年出口量占全國總量的55%。", "55%", { subject: "青川县" });
    expect(s).toBe("2023年，青川縣鍛鋼法蘭年出口量占全國總量的55%。");
  });

  it("leaves an outline's numbering (一是) and 此次 out of the statement", () => {
    expect(stated("为此，全县一是加快园区建设,新建标准化厂房12座。", "12座", { subject: "青川县" })).toBe(
      "2023年，青川县加快园区建设,新建标准化厂房12座。",
    );
    expect(stated("此次集中开工的重大项目共64个,总投资210亿元。", "64个")).toBe(
      "2023年，青川市集中开工的重大项目共64个。",
    );
  });

  it("says 目前 as the date its article gives it, once", () => {
    const s = stated("目前，全县共有铸造企业85家，其中规模以上企业19户。", "19户", {
      subject: "青川县",
      period: "截至2024年12月",
      date: "2024-12-20",
    });
    expect(s).toBe("截至2024年12月，青川县共有铸造企业85家，其中规模以上企业19户。");
  });

  it("keeps a holiday's days and an interview's speaker out of the subject, and the days in the period", () => {
    const s = stated("据了解，从除夕到初五，青川古城共接待游客20.4万人次。", "20.4万人次", {
      period: "2025年",
      date: "2025-02-05",
    });
    expect(s).toBe("2025年从除夕到初五，青川古城共接待游客20.4万人次。");
    expect(stated("记者:今年全县红芸豆最高亩产达到了231公斤。", "231公斤")).not.toContain("记者");
  });

  it("keeps a project as the subject instead of putting the city before its capacity", () => {
    const s = stated("与某某能源公司合作的光伏项目，总投资12亿元，装机约80兆瓦。", "80兆瓦");
    expect(s).toContain("光伏项目");
    expect(s).not.toMatch(/^青川市/);
  });

  it("keeps an airport as the subject of its passenger count", () => {
    const s = stated("云岭机场自通航以来运行平稳，2016年旅客吞吐量12.3万人次。", "12.3万人次");
    expect(s).toContain("云岭机场");
    expect(s).not.toContain("青川市");
  });

  it("says the first batch of projects, not the zone, planned the investment", () => {
    const s = stated("此次首批签约的重大项目共45个，总投资300亿元，年度计划完成投资90亿元。", "90亿元", {
      subject: "青川经济区",
    });
    expect(s).toContain("首批");
    expect(s).not.toContain("青川经济区年度计划");
  });

  it("says the place once where the clause already says 全县", () => {
    const s = stated("全县粮食总产量达到5.2亿斤，创历史新高。", "5.2亿斤", { subject: "青川县" });
    expect(s).toBe("2023年，青川县粮食总产量达到5.2亿斤。");
  });

  it("puts no place before a quotation", () => {
    const s = stated("“云上农场”带动农户户均增收1200元。", "1200元");
    expect(s).toMatch(/^2023年，“云上农场”/);
  });
});

describe("the period is said once, with its year", () => {
  it("does not put 1月至3月 before a clause that says 一季度", () => {
    const s = stated("一季度该市地区生产总值完成150.2亿元，同比增长6.1%。", "150.2亿元", { period: "2021年1-3月" });
    expect(s).toBe("2021年一季度青川市地区生产总值完成150.2亿元。");
  });

  it("reads 今年前三季度 as the article's year", () => {
    const s = stated("今年前三季度，全市新增市场主体1.6万户。", "1.6万户", {
      period: "2024年1-9月",
      date: "2024-10-25",
    });
    expect(s).toBe("2024年前三季度，青川市新增市场主体1.6万户。");
  });

  it("gives 截至4月29日 its year instead of a second period", () => {
    const s = stated("截至4月29日，该市共签约项目88个。", "88个", { period: "截至2019年4月", date: "2019-05-02" });
    expect(s).toBe("截至2019年4月29日，青川市共签约项目88个。");
  });
});

describe("the qualifiers that limit a figure stay", () => {
  it("keeps 其中", () => {
    const s = stated("全县共有工业企业300家，其中规模以上企业42家。", "42家", { subject: "青川县" });
    expect(s).toContain("其中规模以上企业42家");
  });

  it("keeps 仅…一项", () => {
    expect(stated("全年旅游收入8.6亿元，仅门票一项就达1.2亿元。", "1.2亿元")).toContain("仅门票一项");
  });

  it("keeps 力争 and 预计", () => {
    expect(stated("围绕乡村振兴，力争实施3个土地整理项目，新增耕地800亩。", "800亩")).toContain("力争");
    expect(stated("该项目预计明年6月投产，可实现产值20亿元。", "20亿元")).toContain("预计");
  });
});

describe("the statement is a whole sentence", () => {
  it("does not start in the middle of a sentence at 增速居全省第三，其中…", () => {
    const s = stated(
      "青川市地区生产总值618.5亿元，增长3.6%，增速居全省第三，其中规模以上工业增加值增长7.9%。",
      "7.9%",
      {
        period: "2024年1-6月",
      },
    );
    expect(s).toMatch(/^2024年1月至6月，青川市地区生产总值618.5亿元/);
    expect(s).toContain("其中规模以上工业增加值增长7.9%");
  });

  it("is the quote itself when its 其中 refers to a sentence before it", () => {
    const quote = "其中，基础设施类项目30个，总投资120亿元。";
    expect(stated(quote, "30个")).toBe(quote);
  });

  it("starts an English part with its own subject and a capital", () => {
    const quote = "The city covers 9,800 square kilometers; it has 12 counties, 150 towns, and 3,400 villages.";
    expect(stated(quote, "3,400")).toBe("It has 12 counties, 150 towns, and 3,400 villages.");
  });
});

describe("what the page left around its words goes", () => {
  it("drops a dateline", () => {
    const s = stated("青川日报5月20日电 (记者 王某某) 全市年产月饼2.3亿个，产值5.1亿元。", "2.3亿个");
    expect(s).toBe("2023年，青川市年产月饼2.3亿个。");
  });

  it("drops the readings a mirror left in parentheses", () => {
    const s = stated("一季度，該市完成投資(zī)35.2億(yì)元。", "35.2億(yì)元", { period: "2019年1-3月" });
    expect(s).toBe("2019年一季度，青川市完成投資35.2億元。");
  });

  it("says that a Chinese statement after the English framing is the source's words", () => {
    const answer = {
      question: "How much was invested?",
      answered: true,
      answer: "2019年一季度，青川市完成投资35.2亿元。",
      lang: "en",
      figure: "35.2亿元",
      period: "2019年1-3月",
      citations: [],
      facts: [],
      others: [],
      related: [],
    } satisfies Answer;
    expect(directAnswer(answer)).toMatch(/^The figure: 35\.2亿元 \(Jan–Mar 2019\)\. The source says: «2019年/);
  });
});

describe("what a statement leaves out", () => {
  it("drops 其中 when the statement starts after the clause whose whole it was of", () => {
    const quote = "2024年末全市常住人口为90.2万人；其中城镇常住人口52.1万人，常住人口城镇化率达57.8%。";
    expect(stated(quote, "57.8%", { period: "2024年" })).not.toMatch(/[，,]其中|^其中/);
  });

  it("puts no year before 近年来, nor before a goal that names no time of its own", () => {
    const lately = stated("近年来，当地成立杂粮合作社40多个。", "40多个");
    expect(lately).not.toMatch(/\d{4}年近年来/);
    expect(lately).not.toContain("青川市当地");
    const goal = "全面提升农业水平，为“十四五”末农民人均纯收入实现1.2万元的目标打下基础。";
    expect(stated(goal, "1.2万元")).not.toMatch(/^2023年/);
  });

  it("leaves a reader's note （下同） out", () => {
    expect(stated("2023年，全市地区生产总值为812.4亿元（下同）。", "812.4亿元")).not.toContain("下同");
  });
});

describe("a part named in full", () => {
  it("drops 其中 before a subject named in full, whose whole is said elsewhere", () => {
    const quote = "其中，华能东风一期、国电西岭一期等6个项目已经并网发电，年可实现产值2.5亿元，其余2个正在建设。";
    const made = stated(quote, "2.5亿元");
    expect(made).not.toMatch(/^其中/);
    expect(made).toContain("6个项目");
  });
});

describe("a list of ordinals said respectively", () => {
  const quote = "分产业看，第一、二、三产业增加值分别为86.4亿元、402.7亿元和331.5亿元，分别增长4.1%、6.2%和5.0%。";

  it("says one ordinal's figure alone, with its period and place", () => {
    expect(stated(quote, "402.7亿元")).toBe("2023年，青川市第二产业增加值402.7亿元。");
  });

  it("says a figure of the second list (its growths) with the whole sentence, not as a level", () => {
    expect(stated(quote, "6.2%")).not.toMatch(/产业增加值6\.2%/);
  });
});
