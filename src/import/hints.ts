/**
 * Metadata a page states in its text, outside the article: its address (本文地址), the paper whose
 * piece it reprints (转载…稿件), the account it belongs to (…官方公众号), the copyright holder.
 */
import type { Found } from "./types.js";

export interface PageHints {
  readonly url: Found[];
  readonly publisher: Found[];
}

const ADDRESS = new RegExp(
  String.raw`(?:本文地址|本文链接|原文地址|原文链接|文章地址|` +
    String.raw`文章链接|本页地址|网址|链接|` +
    String.raw`URL)\s*[:：]\s*(https?:\/\/[^\s"'<>，。]+)`,
  "iu",
);
const REPRINT = /转载([^\s，,。:：、]{2,15}?)(?:的)?稿件/u;
const ACCOUNT = /^(\S{2,20}?)(?:官方)?(?:微信)?公众号$/u;
const COPYRIGHT = [
  /(?:Copyright\s*)?©\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*)?([^\s,，.。:：|]{2,20})/iu,
  /版权所有\s*[:：]?\s*(?:©\s*)?([^\s,，.。|]{2,20})/u,
];

export function pageHints(lines: readonly string[]): PageHints {
  const url: Found[] = [];
  const publisher: Found[] = [];
  const short = (line: string) => (line.length > 50 ? `${line.slice(0, 50)}…` : line);
  for (const line of lines) {
    const address = line.match(ADDRESS);
    if (address) url.push({ value: address[1]!, from: `the line "${short(line)}"` });
    const reprint = line.match(REPRINT);
    if (reprint && !/本(?:报|网|站|刊|号)|非|原创/u.test(reprint[1]!))
      publisher.push({ value: reprint[1]!, from: `the notice "${short(line)}"` });
    const account = line.match(ACCOUNT);
    if (account && line.length <= 30) publisher.push({ value: account[1]!, from: `the line "${line}"` });
  }
  // The copyright holder is the site, which reprints as often as it writes: the weakest hint.
  for (const line of lines) {
    for (const pattern of COPYRIGHT) {
      const holder = line.match(pattern)?.[1];
      if (holder && !/^(?:本|all|by)/iu.test(holder))
        publisher.push({ value: holder, from: `the copyright line "${short(line)}"` });
    }
  }
  return { url, publisher };
}
