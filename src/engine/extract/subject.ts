/**
 * Whose figure it is. A subject is named in the figure's clause, else earlier in its sentence, else in the
 * paragraph's lead, the section heading, the title, or the article's region; 全县 / 该县 / 该公司 refer to
 * the article's own county, city, company or project.
 */
import {
  GENERIC_PROJECT_WORDS,
  NAME_STOPS,
  NOT_SUBJECT_BEFORE,
  REFERRING_OTHERS,
  SHANXI_CITIES,
  SUBJECT_ENDINGS,
  WHOLE_PLACE_WORDS,
} from "../../lexicon/extraction.js";
import { alt } from "../../lexicon/match.js";
import { ENGLISH_PLACES, XINZHOU_COUNTIES } from "../../lexicon/places.js";
import { simplifyAligned } from "../text.js";

/** A subject named in a text: where it stands and what it is called once resolved. */
export interface Named {
  readonly name: string;
  readonly at: number;
  readonly end: number;
  /** What a referring word stands for, resolved by the caller: the article's city, county, company or project. */
  readonly refers?: "city" | "county" | "district" | "company" | "project";
}

/** The company and project an article named last, for 该公司 and 该项目. */
export interface Memory {
  company?: string;
  project?: string;
}

const SHORT_COUNTIES = XINZHOU_COUNTIES.map((c) => [c.length > 2 ? c.replace(/(区|市|县)$/, "") : c, c] as const);
const CITY_NAMES = ["忻州市", "忻州"];
const OTHER_CITIES = SHANXI_CITIES.flatMap((c) => [c, c.replace(/市$/, "")]);
const PLACE = new RegExp(
  alt([...XINZHOU_COUNTIES, ...SHORT_COUNTIES.map(([s]) => s), ...CITY_NAMES, ...OTHER_CITIES]),
  "g",
);
const ENDED = new RegExp(`[^${NAME_STOPS}\\d\\s]{1,12}?${alt(SUBJECT_ENDINGS)}`, "gu");
const REFERRING: readonly (readonly [RegExp, Named["refers"]])[] = [
  ...Object.entries(WHOLE_PLACE_WORDS),
  ...Object.entries(REFERRING_OTHERS),
].map(([refers, words]) => [new RegExp(alt(words), "gi"), refers as Named["refers"]]);
const ENGLISH = new RegExp(`\\b(${Object.keys(ENGLISH_PLACES).join("|")})(?:\\s+(county|city|district))?\\b`, "gi");
const NOT_SUBJECT = new RegExp(`${alt(NOT_SUBJECT_BEFORE)}$`, "i");
/** 全市 in 全市排名第一 or 居全省 is the scope of a rank, not whose figure it is. */
const SCOPE_AFTER = /^(?:排名|排第|第|前|同类|平均|的)/;
const GENERIC_PROJECT = new RegExp(alt(GENERIC_PROJECT_WORDS));

/** 忻州 → 忻州市, 定襄 → 定襄县, wutai county → 五台县; other names as written. */
export function canonicalPlace(name: string): string {
  const lower = name.toLowerCase().replace(/\s+(county|city|district)$/, "");
  const zh = ENGLISH_PLACES[lower] ?? name;
  if (CITY_NAMES.includes(zh)) return "忻州市";
  if (SHANXI_CITIES.includes(`${zh}市`)) return `${zh}市`;
  return SHORT_COUNTIES.find(([short, full]) => zh === short || zh === full)?.[1] ?? zh;
}

/** Subjects named in a simplified text, in order; overlapping names keep the longest (忻州古城 over 忻州). */
export function namedIn(text: string): Named[] {
  const found: Named[] = [];
  const push = (n: Named) => {
    const before = text.slice(Math.max(0, n.at - 2), n.at);
    if (NOT_SUBJECT.test(before)) return;
    if (n.refers && SCOPE_AFTER.test(text.slice(n.end))) return;
    found.push(n);
  };
  for (const m of text.matchAll(ENDED)) {
    const name = m[0];
    if (/(项目|工程)$/.test(name) && (name.length < 5 || GENERIC_PROJECT.test(name))) continue;
    // 多家境内外上市公司, 5大风电集团, A级旅游景区: a kind of thing counted, not a name.
    if (/^(?:[多各几数两大家个座项位名户]|一家)|[A-Za-z]/.test(name)) continue;
    push({ name, at: m.index, end: m.index + name.length });
  }
  for (const [re, refers] of REFERRING) {
    for (const m of text.matchAll(re)) {
      // 公司 and 项目 alone refer only where nothing names them (该公司, 项目 at a clause's start).
      if (/^(公司|项目)$/.test(m[0]) && m.index > 0 && !/[，,。;；\s]/.test(text[m.index - 1]!)) continue;
      push({ name: m[0], at: m.index, end: m.index + m[0].length, refers });
    }
  }
  for (const m of text.matchAll(PLACE)) push({ name: canonicalPlace(m[0]), at: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ENGLISH)) push({ name: canonicalPlace(m[0]), at: m.index, end: m.index + m[0].length });
  return keepLongest(found);
}

function keepLongest(found: Named[]): Named[] {
  const sorted = [...found].sort((a, b) => b.end - b.at - (a.end - a.at) || a.at - b.at);
  const kept: Named[] = [];
  for (const n of sorted) if (kept.every((k) => n.end <= k.at || n.at >= k.end)) kept.push(n);
  return kept.sort((a, b) => a.at - b.at);
}

/**
 * The subject named last in the words before a figure, remembered for the last few thousand texts (every
 * question reads the same sentences). 扩建大型煤矿22座 counts mines: a name right before a figure is what it counts.
 */
export function subjectBefore(written: string): Named | undefined {
  let found = subjectsBefore.get(written);
  if (found === undefined) {
    // Simplified character for character, so that a name's offsets stand in the text as written too.
    const before = simplifyAligned(written);
    const named = namedIn(before).filter((n) => !/^[共达有约近]*$/.test(before.slice(n.end)));
    found = named[named.length - 1] ?? null;
    if (subjectsBefore.size >= 4096) subjectsBefore = new Map();
    subjectsBefore.set(written, found);
  }
  return found ?? undefined;
}

let subjectsBefore = new Map<string, Named | null>();

/** The first subject a text names outright (a title's 定襄县, 忻州古城), not counting words that refer. */
export function firstNamed(text: string): string | undefined {
  return namedIn(text).find((n) => !n.refers)?.name;
}

/** A named subject as the article means it: 全县 → the article's county, 该公司 → the company named before. */
export function resolve(
  n: Named,
  places: { city: string; county: string; fallback: string },
  memory: Memory,
): string | undefined {
  switch (n.refers) {
    case undefined:
      return n.name;
    case "city":
      return places.city;
    case "county":
    case "district":
      return places.county || places.fallback;
    case "company":
      return memory.company;
    case "project":
      return memory.project;
  }
}

/** Notes the companies and projects a text names, for 该公司 and 该项目 later in the article. */
export function remember(named: readonly Named[], memory: Memory): void {
  for (const n of named) {
    if (n.refers) continue;
    if (/(公司|集团)$/.test(n.name)) memory.company = n.name;
    if (/(项目|工程)$/.test(n.name)) memory.project = n.name;
  }
}
