/**
 * Verbs that name the same event (成立 / 创立 / 设立, 去世 / 逝世 / 死): a question says one, the article
 * another. Generic Chinese, not any article's wording; written simplified, as questions and evidence are
 * compared (engine/text.ts). One group a line.
 */
export const EVENT_VERBS: readonly (readonly string[])[] = [
  ["去世", "过世", "逝世", "病逝", "辞世", "身故", "死"],
  ["成立", "创立", "建立", "创建", "设立", "组建", "创办", "成军", "挂牌", "揭牌"],
  ["结婚", "成婚", "完婚", "结为夫妻"],
  ["开业", "开张", "开馆", "营业", "营运", "运营"],
  ["开工", "动工", "开建", "奠基"],
  ["竣工", "建成", "完工", "落成"],
  ["投产", "投运", "并网"],
  ["爆发", "发生", "开战"],
  ["即位", "登基", "继位"],
  ["出生", "诞生", "生于"],
  ["签署", "签订", "签约", "缔结"],
  ["废除", "废止", "取消"],
  ["更名", "改名", "改称", "易名"],
  ["开通", "通车"],
  ["举办", "举行", "召开"],
  ["发布", "公布", "发表"],
];

