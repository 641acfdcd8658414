/** A prepared import as plain text lines: what was found and where, what was left out, what is unsure. */
import type { PreparedImport } from "./import.js";
import { FIELDS } from "./types.js";

const cut = (text: string, width = 60) => {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width).join("")}…` : text;
};

export function reportImport(source: string, prepared: PreparedImport): string[] {
  const { extracted, fields, article, missing } = prepared;
  if (!extracted) return [];
  const lines = [
    `read ${source} (${extracted.format === "capture" ? "page capture" : extracted.format}, ${extracted.charset})`,
  ];
  for (const field of FIELDS) {
    const found = fields[field];
    if (found) lines.push(`  ${field.padEnd(10)} ${found.value}   ← ${found.from}`);
    else if ((missing as readonly string[]).includes(field)) lines.push(`  ${field.padEnd(10)} (not found)`);
  }
  const p = article?.preview;
  const text = extracted.paragraphs.filter((x) => !x.heading);
  lines.push(
    `  ${"text".padEnd(10)} ${text.length} paragraphs, ${extracted.paragraphs.length - text.length} headings, ` +
      `${extracted.figures} figures, ` +
      `${p?.characters ?? text.reduce((n, x) => n + [...x.text].length, 0)} characters (${extracted.lang})`,
  );
  for (const first of text.slice(0, 2)) lines.push(`  ${"".padEnd(10)} ${cut(first.text)}`);
  if (extracted.dropped.length) {
    lines.push(`left out:`);
    for (const d of extracted.dropped) {
      lines.push(`  ${d.kind.padEnd(10)} ${cut(d.text)}${d.count ? ` (and the ${d.count} lines after it)` : ""}`);
    }
  }
  if (prepared.unsure.length) {
    lines.push(`unsure:`);
    for (const u of prepared.unsure) lines.push(`  - ${u}`);
  }
  return lines;
}
