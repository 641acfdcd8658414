/** Checks a message against Telegram's HTML rules: known tags only, balanced, entities escaped, within limits. */
import { expect } from "vitest";

const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (html.length > 4096) problems.push(`${html.length} UTF-16 units, over 4096`);
  if (!html.replace(/<[^>]*>/g, "").trim()) problems.push("no visible text");
  const stack: string[] = [];
  const tag = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|<|>|&(?!(?:amp|lt|gt|quot|#\d+|#x[\da-f]+);)/gi;
  for (const m of html.matchAll(tag)) {
    if (!m[2]) {
      problems.push(`unescaped ${JSON.stringify(m[0])} at ${m.index}`);
      continue;
    }
    const name = m[2].toLowerCase();
    if (!ALLOWED.has(name)) problems.push(`tag <${name}> is not Telegram's`);
    if (m[1]) {
      if (stack.pop() !== name) problems.push(`</${name}> closes nothing open`);
    } else stack.push(name);
    if (name === "a" && !m[1] && !/href="(https?:\/\/|tg:\/\/)/.test(m[3] ?? ""))
      problems.push("link without an http(s) href");
  }
  if (stack.length) problems.push(`unclosed ${stack.join(", ")}`);
  return problems;
}

export function assertTelegramHtml(html: string): void {
  expect(telegramHtmlProblems(html), html.slice(0, 200)).toEqual([]);
}
