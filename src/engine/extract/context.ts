/**
 * What an article says about all its figures at once: whose article it is (its region, the county or
 * company its title names), which year it reports on, and whether it is a government work report, whose
 * results are of the year before the one it is given in.
 */
import { WORK_REPORT_WORDS } from "../../lexicon/extraction.js";
import { anyWordLatinWhole } from "../../lexicon/match.js";
import { XINZHOU_COUNTIES } from "../../lexicon/places.js";
import type { Article } from "../../model/knowledge.js";
import { titleYear } from "../read/periods.js";
import { simplifyAligned } from "../text.js";
import { canonicalPlace, firstNamed } from "./subject.js";

export interface ArticleContext {
  readonly title: string;
  readonly date: string;
  /** The year of the article's date. */
  readonly year: number;
  /** The one year its title names (2023年…统计公报), if any. */
  readonly titleYear?: number;
  /** A government work report given in `year`: its results are of year − 1, its targets of `year`. */
  readonly workReport: boolean;
  /** The place 全市 / 该市 refers to: 忻州市, or a county-level city (原平市) in its own article. */
  readonly city: string;
  /** The place 全县 / 该县 refers to: the region's county, else the county the title names. */
  readonly county: string;
  /** The subject of a figure nothing else names: the title's subject, else the region. */
  readonly fallback: string;
}

const WORK_REPORT = anyWordLatinWhole(WORK_REPORT_WORDS, "i");
const COUNTY_LEVEL_CITIES = XINZHOU_COUNTIES.filter((c) => c.endsWith("市"));

export function contextOf(article: Article): ArticleContext {
  const title = simplifyAligned(article.title);
  const region = canonicalPlace(
    simplifyAligned(article.region ?? "")
      .replace(/[(（].*$/, "")
      .trim(),
  );
  const named = firstNamed(title);
  const county = XINZHOU_COUNTIES.includes(region) ? region : (XINZHOU_COUNTIES.find((c) => named === c) ?? "");
  const year = Number(article.date.slice(0, 4));
  const ty = titleYear(title);
  return {
    title,
    date: article.date,
    year,
    ...(ty !== undefined ? { titleYear: ty } : {}),
    workReport: WORK_REPORT.test(title),
    city: COUNTY_LEVEL_CITIES.includes(county) ? county : "忻州市",
    county,
    fallback: named ?? (region || "忻州市"),
  };
}
