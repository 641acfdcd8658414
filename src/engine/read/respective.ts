/**
 * Lists said respectively (分别): 2021年、2022年、2023年…分别为54.3亿元、61.8亿元、66.5亿元, or 红芸豆、马铃薯、燕麦种植面积
 * 分别为12.5万亩、8.3万亩、5.1万亩. The n-th figure of the list after 分别 is the n-th year or item of the list before it;
 * when the counts differ nothing is read.
 */

import { normalize } from "../text.js";

interface Placed {
  readonly index: number;
  readonly unit: string;
  readonly kind: string;
}

const YEAR_LIST = /(?:19|20)\d\d年(?:[、和及与](?:19|20)\d\d年)+/g;
const RESPECTIVELY = /分[别別]|依次/;
/** Where a list of items before 分别 ends at the front: a clause mark, or a verb or a time before the first item. */
const ITEM_CUT = /[，,；;：:。（(]/;
const ITEM_SEPARATOR = /[、和及与]/;

/** The figures of the list after 分别 that the figure belongs to (its unit and kind), and where 分别 stands. */
function listOf(text: string, figures: readonly Placed[], figure: Placed) {
  const cue = RESPECTIVELY.exec(text);
  if (!cue || figure.index < cue.index) return undefined;
  const end = text.slice(cue.index).search(/[；;。]/);
  const until = end < 0 ? text.length : cue.index + end;
  const listed = figures.filter(
    (f) => f.index > cue.index && f.index < until && f.unit === figure.unit && f.kind === figure.kind,
  );
  return { cue: cue.index, listed, at: listed.indexOf(figure) };
}

/** The year of one figure of a list that follows a list of years, or undefined. */
export function respectiveYear(text: string, figures: readonly Placed[], figure: Placed): string | undefined {
  const list = listOf(text, figures, figure);
  if (!list || list.at < 0) return undefined;
  const years = [...text.slice(0, list.cue).matchAll(YEAR_LIST)].pop()?.[0].match(/(?:19|20)\d\d/g);
  return years && list.listed.length === years.length ? `${years[list.at]}年` : undefined;
}

/**
 * The items of the list before 分别 (红芸豆, 马铃薯, 燕麦种植面积: the last holds the measure they share) and the
 * place of the figure among them; undefined when the figure is in no such list or the counts differ.
 */
export function respectiveItems(
  text: string,
  figures: readonly Placed[],
  figure: Placed,
): { readonly items: readonly string[]; readonly at: number } | undefined {
  const list = listOf(text, figures, figure);
  if (!list || list.at < 0 || list.listed.length < 2) return undefined;
  const before = text.slice(0, list.cue);
  const start = Math.max(...[...before].map((ch, i) => (ITEM_CUT.test(ch) ? i + 1 : 0)));
  const said = before
    .slice(start)
    .split(ITEM_SEPARATOR)
    .map((s) => normalize(s).trim());
  // 第一、二、三产业增加值: the ordinals after the first leave out its 第.
  const items = said.map((s, i) =>
    i > 0 && said[0]!.startsWith("第") && /^[二三四五六七八九十]/.test(s) ? `第${s}` : s,
  );
  if (items.length !== list.listed.length || items.some((s) => !s)) return undefined;
  return { items, at: list.at };
}

/**
 * Whether a (normalized) question names this item: the item itself, or (the last, which holds the shared measure) its
 * first two characters. Undefined when it names none of the list's items: the list then says nothing of the figure.
 */
export function itemAsked(question: string, list: { readonly items: readonly string[]; readonly at: number }) {
  const named = (item: string, i: number) =>
    question.includes(item) || (i === list.items.length - 1 && item.length > 2 && question.includes(item.slice(0, 2)));
  if (!list.items.some(named)) return undefined;
  return named(list.items[list.at]!, list.at);
}
