/**
 * Markdown sources: an article written or converted elsewhere, with or without front matter.
 * Front matter fields are taken as found; `# Title` as the title; `##` lines as headings. Images
 * are counted as figures and links keep their text, so the body is the text a reader sees.
 */
import { parse } from "yaml";
import { cleanBody, languageOf } from "./body.js";
import { dateInMeta } from "./dates.js";
import type { Reading } from "./reading.js";
import { FIELDS, noCandidates, type RawBlock } from "./types.js";

/** Markdown's inline marks taken off; the text between them stays as written. */
function plain(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/`([^`]+)`/g, "$1")
    .trim();
}

/**
 * The fields of a YAML front matter between two `---` lines, added to `candidates`; `from` is the first
 * line after it (0 when there is none).
 */
function readFrontMatter(
  lines: readonly string[],
  candidates: Reading["candidates"],
  unsure: string[],
): { from: number; lang?: "zh" | "en" } {
  if (lines[0]?.trim() !== "---") return { from: 0 };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (close <= 0) return { from: 0 };
  const from = close + 1;
  try {
    const fields = parse(lines.slice(1, close).join("\n")) as Record<string, unknown> | null;
    for (const field of FIELDS) {
      const raw = fields?.[field];
      const value =
        raw instanceof Date
          ? raw.toISOString().slice(0, 10)
          : typeof raw === "string" || typeof raw === "number"
            ? String(raw).trim()
            : undefined;
      if (!value) continue;
      candidates[field].push({
        value: field === "date" ? (dateInMeta(value) ?? value) : value,
        from: "the front matter",
      });
    }
    if (fields?.lang === "en" || fields?.lang === "zh") return { from, lang: fields.lang };
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    unsure.push(`the front matter is not YAML (${why}); its fields were not read`);
  }
  return { from };
}

export function readMarkdown(text: string): Reading {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const candidates = noCandidates();
  const unsure: string[] = [];
  const { from, lang } = readFrontMatter(lines, candidates, unsure);

  const language = lang ?? languageOf(lines.slice(from).join("\n"));
  const blocks: RawBlock[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) {
      // Wrapped lines join as the knowledge loader joins them: Chinese without a space.
      blocks.push({ text: run.join(language === "zh" ? "" : " "), kind: "text" });
    }
    run = [];
  };
  for (const raw of lines.slice(from)) {
    const line = raw.trim();
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      if (heading[1] === "#" && !candidates.title.length)
        candidates.title.push({ value: plain(heading[2]!), from: "the '# ' heading" });
      else blocks.push({ text: plain(heading[2]!), kind: "heading" });
    } else if (/^!\[[^\]]*\]\([^)]*\)$/.test(line)) {
      flush();
      blocks.push({ text: "", kind: "figure" });
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      blocks.push({ text: plain(line.replace(/^[-*+]\s+/, "")), kind: "item" });
    } else {
      run.push(plain(line.replace(/^>\s?/, "")));
    }
  }
  flush();

  const title = candidates.title[0]?.value;
  const body = cleanBody(blocks, title ? { title } : {});
  candidates.publisher.push(...body.hints.publisher);
  candidates.date.push(...body.hints.date);
  candidates.author.push(...body.hints.author);
  return { candidates, body, unsure: [...unsure, ...body.unsure], ...(lang ? { lang } : {}) };
}
