/**
 * Whether a question asks for a description (是什么, 有哪些, 为什么, 如何; what is, how, why) or for an overview
 * of a place (忻州经济怎么样, 原平市概况, overview of Xinzhou), rather than for a figure. A question that asks how
 * much, how many, which rank, when or who is a figure question whatever else it says (GDP是多少 against GDP是什么).
 */
import { DESCRIBE_CUES, type DescribeKind, OVERVIEW_CUES, OVERVIEW_TOPICS } from "../../lexicon/describe.js";
import { alt, anyWordLatinWhole } from "../../lexicon/match.js";

export type { DescribeKind } from "../../lexicon/describe.js";

export interface Describing {
  readonly kind: DescribeKind;
  /** Where the cue stands in the question's text, and its length: the thing asked stands beside it. */
  readonly at: number;
  readonly length: number;
}

/** Kinds of answer that are figures (or a person's name): a question cueing one is not descriptive. */
const FIGURE_KINDS: ReadonlySet<string> = new Set(["amount", "count", "share", "rank", "time", "person", "fraction"]);

const CUES = DESCRIBE_CUES.map(([kind, cue]) => [kind, anyWordLatinWhole([...cue.han, ...cue.latin])] as const);
const OVERVIEW_WORDS = [...OVERVIEW_CUES.han, ...OVERVIEW_CUES.latin];
const OVERVIEW_CUE = anyWordLatinWhole(OVERVIEW_WORDS);
const OVERVIEW_CUES_ALL = anyWordLatinWhole(OVERVIEW_WORDS, "g");
const OVERVIEW_TOPIC_HAN = new RegExp(`^(?:${alt(OVERVIEW_TOPICS.filter((w) => !/^[a-z]/.test(w)))})*$`);
const OVERVIEW_TOPIC_LATIN: ReadonlySet<string> = new Set(OVERVIEW_TOPICS.filter((w) => /^[a-z]/.test(w)));

/** The descriptive kind a question asks, from its normalized text; none for a figure question. */
export function describingOf(
  text: string,
  asked: { readonly kinds: readonly string[]; readonly strict?: boolean; readonly strictKind?: string },
): Describing | undefined {
  // A unit or a date asked (多少米, 哪一年) asks a figure; a metric named (收入, 人口) may be asked how or why.
  if (asked.strict || asked.strictKind || asked.kinds.some((k) => FIGURE_KINDS.has(k))) return undefined;
  // How did it grow? asks the rate in English; 增长 in Chinese is as often a noun (如何实现经济增长).
  if (asked.kinds.includes("growth") && !/\p{Script=Han}/u.test(text)) return undefined;
  for (const [kind, cue] of CUES) {
    const m = cue.exec(text);
    if (m) return { kind, at: m.index, length: m[0].length };
  }
  return undefined;
}

/**
 * Whether a question asks for an overview of the place it names: an overview word (概况, 怎么样, overview) and,
 * besides the place, only words of the economy as a whole (经济, 发展). 忻州旅游怎么样 asks about tourism.
 */
export function isOverview(text: string, placeNames: readonly string[]): boolean {
  if (!placeNames.length || !OVERVIEW_CUE.test(text)) return false;
  let rest = text.replace(OVERVIEW_CUES_ALL, " ");
  for (const name of [...placeNames].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(" ");
  const han = (rest.match(/\p{Script=Han}+/gu) ?? []).join("");
  const latin = rest.match(/[a-z]+/g) ?? [];
  return OVERVIEW_TOPIC_HAN.test(han) && latin.every((w) => OVERVIEW_TOPIC_LATIN.has(w));
}
