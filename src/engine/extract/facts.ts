/**
 * Every figure of every sentence of an article as a fact: whose it is, what it measures, when, what kind
 * of figure and whether a result, a target or a forecast. Pure and linear in the text: each sentence is
 * read once, with what the article said before it (its heading, its paragraph's lead, the company named).
 */
import type { Article, FactKind } from "../../model/knowledge.js";
import { type Clause, groupStart, splitClauses } from "../read/clauses.js";
import { type Figure, findFigures } from "../read/figures.js";
import { dropReadings, simplifyAligned } from "../text.js";
import { type ArticleContext, contextOf } from "./context.js";
import { canonicalMeasure, isRelative, writtenEnglishMeasure, writtenMeasure } from "./measure.js";
import { periodOfFigure, type Status } from "./period.js";
import { kindOf, statusOf } from "./status.js";
import { type Memory, type Named, namedIn, remember, resolve } from "./subject.js";

export type { Status } from "./period.js";

export interface ExtractedFact {
  /** Position of the sentence among the article's sentences outside headings, from 0. */
  readonly sentence: number;
  /** The figure exactly as written, with its unit (192.4億元, 50余万人次). */
  readonly value: string;
  readonly unit: string;
  readonly subject: string;
  /** The measure as the sentence writes it, and its canonical form (地区生产总值 for GDP). */
  readonly measure: string;
  readonly canonical: string;
  readonly kind: FactKind;
  readonly status: Status;
  /** 2024年, 2024年前三季度, 截至2024年10月底, 2025年春节, 十四五; "" when nothing says when. */
  readonly period: string;
}

/** Where a sentence stands in its article. */
interface Place {
  readonly index: number;
  readonly heading: string;
  /** Subjects named by the paragraph's lead and by the heading, read once per paragraph. */
  readonly leadNamed: readonly Named[];
  readonly headingNamed: readonly Named[];
}

export function extractFacts(article: Article): ExtractedFact[] {
  const ctx = contextOf(article);
  const memory: Memory = {};
  const out: ExtractedFact[] = [];
  let heading = "";
  let headingNamed: readonly Named[] = [];
  let index = 0;
  for (const p of article.paragraphs) {
    if (p.heading) {
      heading = simplifyAligned(p.text);
      headingNamed = namedIn(heading);
      continue;
    }
    const leadNamed = namedIn(simplifyAligned(p.sentences[0]?.text ?? ""));
    for (const s of p.sentences) {
      out.push(...sentenceFacts(s.text, { index: index++, heading, leadNamed, headingNamed }, ctx, memory));
    }
  }
  return out;
}

function sentenceFacts(written: string, place: Place, ctx: ArticleContext, memory: Memory): ExtractedFact[] {
  // A mirror's readings (實(shí)現(xiàn)) are not the author's words: figures are read, and quoted, without them.
  const text = dropReadings(written);
  const s = simplifyAligned(text);
  const figures = findFigures(text)
    .map((f) => asRank(f, text))
    .filter((f) => isFact(f, s));
  const named = namedIn(s);
  if (!figures.length) {
    remember(named, memory);
    return [];
  }
  const clauses = splitClauses(s);
  const facts: ExtractedFact[] = [];
  let last: { measure: string; end: number } = { measure: "", end: 0 };
  for (const f of figures) {
    const i = Math.max(
      0,
      clauses.findIndex((c) => f.index < c.end),
    );
    const group = clauses[groupStart(clauses, i)]!.start;
    const from = Math.max(group, last.end);
    const measure = measureAt(s, f, from, last.measure);
    const before = s.slice(clauses[i]!.start, f.index);
    // 同比增长7.5% is of its group's clause; 并有6家 is a clause of its own.
    const own = s.slice(MEASURE_GOES_ON.test(clauses[i]!.text) ? group : clauses[i]!.start, clauses[i]!.end);
    const status = statusOf(own, leadsOf(clauses, i, figures), place.heading);
    const subject = subjectOf({ s, named }, f, clauses[i]!, { ...place, ctx, memory });
    facts.push({
      sentence: place.index,
      value: f.text,
      unit: f.unit,
      subject,
      measure,
      canonical: canonicalMeasure(measure),
      kind: kindOf(f, before, s.slice(f.index + f.text.length)),
      status,
      period: periodOfFigure({ before: s.slice(0, f.index), sentence: s, heading: place.heading }, status, ctx),
    });
    last = { measure, end: f.index + f.text.length };
  }
  remember(named, memory);
  return facts;
}

const MEASURE_GOES_ON = /^(?:同比|增长|增加|下降|减少|占|比|较|排名|位居|居|达|为|约)/;
const HAN = /\p{Script=Han}/u;

/**
 * Whether a figure is a fact. Not: a bare number in Chinese text (8+6, 5大), a date, a rank that is part of a
 * name (中华第一关, 第十二届), a span of years (五年, 十年) or a group named by its size (四大战略).
 */
function isFact(f: Figure, s: string): boolean {
  if (f.kind === "time") return false;
  const chinese = HAN.test(s);
  const next = s.slice(f.index + f.text.length, f.index + f.text.length + 1);
  if (f.kind === "rank") return isRank(f, s, next);
  if (f.kind === "fraction") return true;
  if (chinese && !f.unit) return false;
  if (/^[一二两三四五六七八九十百千]+(?:年|大)$/.test(f.text)) return false;
  return !/^[日号月]$/.test(f.unit);
}

/** 位于全省第4位: the number after 第 is a rank, written with its 第. */
function asRank(f: Figure, text: string): Figure {
  if (f.kind === "rank" || text[f.index - 1] !== "第") return f;
  return { ...f, text: `第${f.text}`, index: f.index - 1, kind: "rank" };
}

/** A rank has a scope (全省第三), follows 居 or 排名, or ends its phrase: 第一抓手 and 第十二届 are ordinals. */
function isRank(f: Figure, s: string, next: string): boolean {
  if (/^(?:全国|全省|全市|全区|全县|全球|世界)/.test(f.text)) return true;
  if (
    /(?:居|排名|排|位列|列|名列|位于|位居)(?:全国|全省|全市|全区|全县)?$/.test(
      s.slice(Math.max(0, f.index - 6), f.index),
    )
  ) {
    return true;
  }
  return !next || /[，,。;；、）)的]/.test(next);
}

function measureAt(s: string, f: Figure, from: number, previous: string): string {
  const segment = s.slice(from, f.index);
  const after = s.slice(f.index + f.text.length);
  if (!HAN.test(s)) {
    const english = writtenEnglishMeasure(segment, after);
    // a year-on-year increase of 5,300 is a change of the measure before it.
    return /^(?:year-on-year |annual )?(?:increase|decrease|growth|rise)$/.test(english) && previous
      ? previous
      : english;
  }
  const written = countedNoun(writtenMeasure(cutSubject(segment)), f, after);
  if (!isRelative(written)) return written;
  // 增速位于全省第4位 is a rank of the growth of the measure before it.
  return /增速|增幅|比重/.test(written) && previous ? `${previous}${written}` : previous || written;
}

/** A count's measure ends with what it counts: 签约11个项目 → 签约项目; 华能…等6个项目 → 项目. */
function countedNoun(written: string, f: Figure, after: string): string {
  if (f.kind !== "count") return written;
  const noun = after.match(/^\p{Script=Han}{1,6}?(?=[，,。;；、的已正在将并和及与是为（(]|$)/u)?.[0] ?? "";
  if (!noun || written.endsWith(noun)) return written;
  return written.endsWith("等") || /^其余$/.test(written) ? noun : `${written}${noun}`;
}

/** The part of a segment after the last subject named in it: 一季度该市地区生产总值 → 地区生产总值. */
function cutSubject(segment: string): string {
  const names = namedIn(segment);
  const lastName = names[names.length - 1];
  return lastName ? segment.slice(lastName.end) : segment;
}

/** The clauses before the figure's that hold no figure of their own: a lead such as 力争到2025年. */
function leadsOf(clauses: readonly Clause[], i: number, figures: readonly Figure[]): string {
  return clauses
    .slice(0, i)
    .filter((c) => !figures.some((f) => f.index >= c.start && f.index < c.end))
    .map((c) => c.text)
    .join("，");
}

/** A sentence being read: its simplified text and the subjects it names. */
interface Reading {
  readonly s: string;
  readonly named: readonly Named[];
}

function subjectOf(
  { s, named }: Reading,
  f: Figure,
  clause: Clause,
  at: Place & { ctx: ArticleContext; memory: Memory },
): string {
  const pick = (n: Named | undefined) => (n ? resolve(n, at.ctx, at.memory) : undefined);
  // 扩建大型煤矿22座 counts coal mines: a name right before a count is what it counts, not whose count it is.
  const counted = (n: Named) => f.kind === "count" && /^[共达有约近]*$/.test(s.slice(n.end, f.index));
  const inClause = named.filter((n) => n.at >= clause.start && n.end <= f.index && !counted(n));
  // 总投资30亿元的华润…项目: the figure is the project's, named after it.
  const after = named.find((n) => n.at === f.index + f.text.length + 1 && s[n.at - 1] === "的");
  const earlier = named.filter((n) => n.end <= clause.start);
  return (
    pick(inClause[inClause.length - 1]) ??
    pick(after) ??
    pick(earlier[earlier.length - 1]) ??
    pick(at.leadNamed[0]) ??
    pick(at.headingNamed[0]) ??
    at.ctx.fallback
  );
}
