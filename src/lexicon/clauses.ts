/**
 * Words that tie a clause to its sentence: a clause that goes on from the one before it, connectives a
 * statement drops at its start, and the words that refer to a subject named elsewhere. One entry a line.
 */

/** A clause starting with one of these goes on from the one before it and makes no sense alone. */
export const CONTINUING = [
  "占",
  "排名",
  "排",
  "位居",
  "居",
  "数量",
  "同比",
  "增长",
  "其中",
  "分别",
  "较",
  "比",
  "达",
  "达到",
  "共",
  "并",
  "及",
  "和",
  "使用",
  "主业",
  "总投资",
  "涉及",
  "是",
  "为",
  "稳定在",
  "突破",
  "超过",
  "成为",
  "约",
  "位列",
  "列",
  "以",
  "增加",
  "减少",
  "下降",
  // English clauses that go on from the measure before them (…reached 10.86 billion yuan, up 12.4 percent).
  "up ",
  "down ",
  "a year-on-year increase",
  "a year-on-year decrease",
  "an increase of",
  "a decrease of",
  "accounting for",
  "ranking ",
];

/**
 * An aside between a measure and its figures (…生产总值1316.8亿元，按不变价格计算，比上年增长4.6%): a clause ending so
 * says how the figure after it was reckoned, and the figure still goes on from the clause before the aside.
 */
export const ASIDE_ENDINGS = [
  "价格计算",
  "價格計算",
  "可比口径",
  "可比口徑",
  "扣除价格因素",
  "扣除價格因素",
];

/** Connectives a statement does not start with (到…再到…, 此外, 随后). */
export const CONNECTIVES = [
  "再到",
  "到",
  "从",
  "而",
  "并且",
  "并",
  "同时",
  "此外",
  "另外",
  "以及",
  "然后",
  "然後",
  "随后",
  "隨後",
  "接着",
  "接著",
  "一是",
  "二是",
  "三是",
  "四是",
  "五是",
  "六是",
  "此次",
  "这次",
  "這次",
  "本次",
];

/** Measures that open an item of a list of projects (总投资20亿元的某某项目). */
export const ITEM_MEASURES = ["总投资", "總投資", "计划投资", "計劃投資", "投资", "投資", "装机", "裝機", "占地"];

/** How the name of an item of a list ends: a project, a works, a park (…风电项目, …三期工程). */
export const ITEM_HEADS = ["项目", "項目", "工程", "产业园", "產業園", "园区", "園區", "基地", "电站", "電站", "中心", "生产线", "生產線"];

/** How a clause opens when it says what was done, not who did it (积极发展…, 加快建设…): the place stands before it. */
export const ACTION_OPENINGS = [
  "积极",
  "積極",
  "加快",
  "大力",
  "全力",
  "着力",
  "著力",
  "坚持",
  "堅持",
  "持续",
  "持續",
  "不断",
  "不斷",
  "深入",
  "全面",
  "推进",
  "推進",
  "实施",
  "實施",
  "成功",
  "先后",
  "先後",
];

/** 该 and 該: the character that refers back (该市, 该公司). */
export const REFERRING = ["该", "該"];

/** Places 该 refers to (该市, 该县, 该经济区): the place the article is about. */
export const REFERRED_PLACES = ["市", "区", "區", "县", "縣", "省", "地", "经济区", "經濟區"];

/** Subjects that are not places (该公司, 本项目): they keep their own subject. 本 refers here too. */
export const REFERRED_OTHERS = ["公司", "企业", "企業", "集团", "集團", "厂", "廠", "项目", "項目", "园区", "園區", "医院", "醫院", "学校", "學校"];

/** The article's own place as a clause says it (全市财政收入…): the statement names the place here instead. */
export const WHOLE_PLACES = ["全市", "全县", "全縣", "全区", "全區", "本市", "本县", "本縣"];

/**
 * Openings of a clause whose subject is not the article's place, so that the place is not put before it: a
 * preposition or an attribute (与…合作的项目, 总投资…的工程), a demonstrative (这个, 此次), 其中 or 其余.
 */
export const NOT_PLACE_OPENINGS = [
  "与",
  "與",
  "同",
  "在",
  "为",
  "為",
  "有着",
  "有著",
  "随着",
  "隨著",
  "作为",
  "作為",
  "围绕",
  "圍繞",
  "按",
  "对",
  "對",
  "由",
  "通过",
  "通過",
  "特别是",
  "特別是",
  "总投资",
  "總投資",
  "这",
  "這",
  "此",
  "其中",
  "其余",
  "其餘",
  "主会场",
  "主會場",
  "公司",
  "企业",
  "企業",
  "集团",
  "集團",
];

/** Openings that refer to something outside the sentence: a statement cut from one is not whole. */
export const REFERRING_OUT = ["其中", "其余", "其餘", "这", "這", "此外"];

/** Verbs that date an event by its year (成立于2008年, 2008年建成): that year is no period of the figures after it. */
export const FOUNDING_VERBS = ["成立", "创建", "創建", "始建", "建于", "建於", "设立", "設立", "创办", "創辦", "组建", "組建", "成立於", "建成", "投产"];

/** A sentence opening with the bare head noun (项目达产后…) speaks of the project the sentence before names. */
export const BARE_REFERENCES = ["项目", "項目"];

/** How a clause that only says who reported ends or starts (记者从…获悉, 负责人介绍, 初步核算). */
export const REPORTING_CLAUSES = ["获悉", "獲悉", "了解到", "介绍", "介紹", "表示", "透露", "指出", "据悉", "據悉", "据了解", "據了解", "初步核算", "据统计", "據統計", "数据显示", "數據顯示"];

/** How a company's full name ends (山西某某科技有限公司): the name a company article's 公司 and 该企业 refer to. */
export const COMPANY_ENDINGS = ["股份有限公司", "有限责任公司", "有限公司", "有限責任公司", "集团有限公司", "集團有限公司"];

/** Words with which a sentence speaks of the company its article is about (公司实现产值…, 该企业…). */
export const COMPANY_REFERENCES = ["公司", "企业", "企業"];

/** Characters that end the words before a company's name (走进位于开发区的山西某某有限公司 → 山西某某有限公司). */
export const BEFORE_A_NAME = ["的", "是", "在", "于", "於", "与", "與", "和", "、", "进", "進", "到"];

/** Who speaks in an interview's label (记者:, 县农委副主任某某:): the label ends so, with at most a name after. */
export const SPEAKER_ROLES = ["记者", "記者", "主任", "书记", "書記", "局长", "局長", "县长", "縣長", "市长", "市長", "区长", "經理", "经理", "负责人", "負責人", "主席", "董事长", "董事長", "院长", "院長", "专家", "專家"];
