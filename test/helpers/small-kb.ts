/**
 * A small invented knowledge base (three short articles and a glossary; two sentences with rival counts
 * of one thing, for a judge that must be unsure), loaded as the bot loads a folder,
 * with its indexes: for tests of one stage or one word list at a time.
 */

import { engineOptions, type OptionsOverride } from "../../src/engine/options.js";
import { buildIndexes, type Indexes } from "../../src/engine/retrieve/indexes.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem, type KnowledgeBase } from "../../src/model/knowledge.js";
import { article, knowledgeDir } from "./knowledge.js";

export const SMALL_FILES = {
  "articles/xinzhou-energy.md": article(
    {
      title: "忻州新能源发展提速",
      publisher: "忻州日报",
      date: "2025-11-10",
      url: "https://example.org/xz-energy",
      region: "忻州市",
    },
    [
      "今年前三季度，忻州市新能源装机容量达到1350万千瓦，占全省比重为21.5%，排名全省第一。",
      "全市风电发电量86.4亿千瓦时，同比增长12.4%。",
      "目前，全市已建成充电站86座。",
    ].join("\n\n"),
  ),
  "articles/yuanping-tourism.md": article(
    {
      title: "原平文旅市场持续升温",
      publisher: "原平新闻网",
      date: "2024-08-05",
      url: "https://example.org/yp-tour",
      region: "原平市",
    },
    [
      "2024年上半年，原平市接待游客320万人次，实现旅游收入28.6亿元。",
      "天涯山登山步道全长12公里，去年吸引游客15万人次。",
    ].join("\n\n"),
  ),
  "articles/dingxiang-flange.md": article(
    {
      title: "定襄法兰企业走向世界",
      publisher: "山西经济日报",
      date: "2025-06-01",
      url: "https://example.org/dx-flange",
      region: "定襄县",
    },
    [
      "定襄县宏达法兰公司创立于1998年，产品出口欧洲和埃及。",
      "2024年全县城镇登记失业率为3.2%。",
      "2024年，全县新建通信基站120个。",
      "2024年，全县改造通信基站80个。",
    ].join("\n\n"),
  ),
  "glossary.yaml": [
    "places:",
    "  - [忻州市, 忻州, Xinzhou]",
    "  - [原平市, 原平, Yuanping]",
    "  - [定襄县, 定襄, Dingxiang]",
    "terms:",
    "  - [装机容量, 装机, installed capacity, capacity]",
    "",
  ].join("\n"),
};

/** When questions are asked in these tests: 今年 is 2025. */
export const SMALL_NOW = new Date("2025-12-01T08:00:00Z");

export async function smallKnowledge(): Promise<KnowledgeBase> {
  const result = await loadKnowledge(knowledgeDir(SMALL_FILES));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.kb;
}

export function indexesOf(kb: KnowledgeBase, options: OptionsOverride = {}): Indexes {
  return buildIndexes(kb, { options: engineOptions(options), log: () => {} });
}
