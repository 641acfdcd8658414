/**
 * Page captures: the text of a page as a browser shows it, saved as .txt (the seeds are these). A
 * capture has the page's title on a line of its own with a line under it that holds the date (and
 * often the account or the section), then the article, then the page's furniture. Each line is a
 * paragraph.
 */
import { cleanBody } from "./body.js";
import { dateInText } from "./dates.js";
import { pageHints } from "./hints.js";
import type { Reading } from "./reading.js";
import { noCandidates, type RawBlock } from "./types.js";

/** How far down the capture the title and its date line are looked for, in non-blank lines. */
const HEADER_LINES = 12;

const isNumber = (line: string) => /^\d{1,3}$/.test(line);
const isHeaderLine = (line: string) => [...line].length <= 100 && !/[。！？!?]/u.test(line);

export function readCapture(text: string): Reading {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim());
  const filled = lines.flatMap((l, i) => (l ? [i] : []));
  const unsure: string[] = [];
  const candidates = noCandidates();

  const dateAt = filled.slice(0, HEADER_LINES).find((i) => isHeaderLine(lines[i]!) && dateInText(lines[i]!));
  let titleAt: number | undefined;
  if (dateAt !== undefined) {
    titleAt = filled.filter((i) => i < dateAt && !isNumber(lines[i]!)).at(-1);
  }
  if (titleAt === undefined) {
    titleAt = filled.find((i) => !isNumber(lines[i]!));
    if (titleAt !== undefined)
      unsure.push(`title: the capture has no line with a date under its title; its first line was taken as the title`);
  }
  const title = titleAt === undefined ? undefined : lines[titleAt]!;
  if (title)
    candidates.title.push({
      value: title,
      from: dateAt === undefined ? "the capture's first line" : "the line above the capture's date line",
    });
  if (dateAt !== undefined)
    candidates.date.push({ value: dateInText(lines[dateAt]!)!, from: `the capture's header line "${lines[dateAt]}"` });

  const bodyFrom = Math.max(dateAt ?? -1, titleAt ?? -1) + 1;
  const blocks: RawBlock[] = lines.slice(bodyFrom).map((line) => ({ text: line, kind: "text" }));
  const body = cleanBody(blocks, title ? { title } : {});
  const hints = pageHints(lines);

  candidates.date.push(...body.hints.date);
  candidates.author.push(...body.hints.author);
  candidates.url.push(...hints.url);
  candidates.publisher.push(...body.hints.publisher, ...hints.publisher);
  // Above the title a capture has the site's name, if anything.
  const site = filled
    .filter((i) => titleAt !== undefined && i < titleAt && !isNumber(lines[i]!))
    .map((i) => lines[i]!)[0];
  if (site && [...site].length <= 30)
    candidates.publisher.push({ value: site, from: "the line above the title (the site's name)" });

  return { candidates, body, unsure: [...unsure, ...body.unsure] };
}
