/**
 * An invented county's knowledge for the tests of replies in the asker's language: one bulletin of 定襄县 with
 * curated facts (some measures with English names, one without), and what an English reply may show in Chinese.
 */
import { UNIT_GLOSSES } from "../../src/lexicon/english.js";
import { article } from "./knowledge.js";

const FACTS = `article: dingxiang-2024
facts:
  - id: dx-gdp
    subject: 定襄县
    metric: 地区生产总值
    aliases: [GDP]
    kind: amount
    value: 180.5
    unit: 亿元
    period: 2024年
    quote: 2024年，全县地区生产总值完成180.5亿元，同比增长5.1%。
  - id: dx-visitors
    subject: 定襄县
    metric: 接待游客
    aliases: [游客量]
    kind: amount
    value: 320
    unit: 万人次
    period: 2024年
    quote: 全年全县接待游客320万人次，实现旅游总收入28.6亿元。
  - id: dx-tourism
    subject: 定襄县
    metric: 旅游总收入
    aliases: [旅游收入]
    kind: amount
    value: 28.6
    unit: 亿元
    period: 2024年
    quote: 全年全县接待游客320万人次，实现旅游总收入28.6亿元。
  - id: dx-capacity
    subject: 定襄县
    metric: 新能源装机
    aliases: [装机容量]
    kind: amount
    value: 85
    unit: 万千瓦
    period: 2024年
    quote: 到2024年底，全县新能源装机达到85万千瓦。
  - id: dx-workshops
    subject: 定襄县
    metric: 非遗工坊
    aliases: [非遗工坊数量]
    kind: count
    value: 12
    unit: 个
    period: 2024年
    quote: 全县建成非遗工坊12个，带动就业1600人。
`;

export const COUNTY_FILES: Record<string, string> = {
  "articles/dingxiang-2024.md": article(
    {
      id: "dingxiang-2024",
      title: "定襄县2024年国民经济和社会发展统计公报",
      publisher: "测试统计局",
      date: "2025-03-20",
      url: "https://example.org/dingxiang-2024",
      region: "定襄县",
    },
    [
      "2024年，全县地区生产总值完成180.5亿元，同比增长5.1%。",
      "全年全县接待游客320万人次，实现旅游总收入28.6亿元。",
      "到2024年底，全县新能源装机达到85万千瓦。",
      "全县建成非遗工坊12个，带动就业1600人。",
    ].join("\n\n"),
  ),
  "facts/dingxiang-2024.yaml": FACTS,
};

/**
 * The Han characters of an English reply outside what may stay Chinese: quotes («…», “…”), titles (《…》),
 * figures with their units and the glosses of units (万千瓦 = 10 MW), and the source's link or line.
 */
export function hanOutsideQuotes(text: string): string[] {
  const rest = text
    .replace(/<a [^>]*>[^<]*<\/a>/g, "")
    .replace(/<blockquote>[^<]*<\/blockquote>/g, "")
    .replace(/«[^»]*»|“[^”]*”|《[^》]*》/g, "")
    .replace(/^.*\d{4}-\d{2}-\d{2}$/gm, "")
    .replace(UNIT_GLOSS, "")
    .replace(FIGURE, "");
  return rest.match(/\p{Script=Han}+/gu) ?? [];
}

const UNITS = Object.keys(UNIT_GLOSSES)
  .sort((a, b) => b.length - a.length)
  .join("|");
const UNIT_GLOSS = new RegExp(`“?(?:${UNITS})”? = `, "gu");
const FIGURE = new RegExp(`\\d[\\d.,]*\\s*(?:${UNITS})`, "gu");
