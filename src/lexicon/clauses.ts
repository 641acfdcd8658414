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
  "其中",
  "以及",
  "然后",
  "然後",
  "随后",
  "隨後",
  "接着",
  "接著",
];

/** 该 and 該: the character that refers back (该市, 该公司). */
export const REFERRING = ["该", "該"];

/** Places 该 refers to (该市, 该县, 该经济区): the place the article is about. */
export const REFERRED_PLACES = ["市", "区", "區", "县", "縣", "省", "地", "经济区", "經濟區"];

/** Subjects that are not places (该公司, 本项目): they keep their own subject. 本 refers here too. */
export const REFERRED_OTHERS = ["公司", "企业", "企業", "集团", "集團", "厂", "廠", "项目", "項目", "园区", "園區", "医院", "醫院", "学校", "學校"];

/** How a company's full name ends (山西某某科技有限公司): the name a company article's 公司 and 该企业 refer to. */
export const COMPANY_ENDINGS = ["股份有限公司", "有限责任公司", "有限公司", "有限責任公司", "集团有限公司", "集團有限公司"];

/** Words with which a sentence speaks of the company its article is about (公司实现产值…, 该企业…). */
export const COMPANY_REFERENCES = ["公司", "企业", "企業"];

/** Characters that end the words before a company's name (走进位于开发区的山西某某有限公司 → 山西某某有限公司). */
export const BEFORE_A_NAME = ["的", "是", "在", "于", "於", "与", "與", "和", "、", "进", "進", "到"];
