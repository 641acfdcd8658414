/**
 * The pure core of importing: the bytes of a page, capture or Markdown file in, the article found in
 * it out (its metadata, each with where it was found, and its paragraphs exactly as published), or
 * the reason there is none. No files, network or clock: whatever fetched the bytes is elsewhere.
 */
import { type BodyParagraph, type Dropped, languageOf } from "./body.js";
import { readCapture } from "./capture.js";
import { decodePage } from "./decode.js";
import { readHtml } from "./html.js";
import { readMarkdown } from "./markdown.js";
import { readableMarkup } from "./nesting.js";
import type { Reading } from "./reading.js";
import type { Field, Found } from "./types.js";

export type SourceFormat = "html" | "capture" | "markdown";

export interface ExtractInput {
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type (with its charset), or the type a file's extension gives. */
  readonly contentType?: string;
  /** The page's address, to resolve relative links against. */
  readonly baseUrl?: string;
}

export interface Extracted {
  readonly format: SourceFormat;
  readonly charset: string;
  /** The chosen value of each field found, with where it was found. */
  readonly found: Readonly<Partial<Record<Field, Found>>>;
  readonly lang: "zh" | "en";
  /** The article's text: paragraphs and section headings, each exactly as published. */
  readonly paragraphs: readonly BodyParagraph[];
  /** Images and videos in the article (their captions are dropped). */
  readonly figures: number;
  /** What of the page was left out, and why. */
  readonly dropped: readonly Dropped[];
  /** What a person should check: guesses, disagreeing sources, charsets assumed. */
  readonly unsure: readonly string[];
}

export type ExtractResult =
  | { readonly ok: true; readonly article: Extracted }
  /** `depth` or `elements`: refused as nested too deeply or too large to be an article page. */
  | { readonly ok: false; readonly reason: string; readonly depth?: number; readonly elements?: number };

/**
 * Less article text than this, or no sentence, is no article: a menu, a list of links, an error page.
 * (A two-sentence news brief has about 40 characters.)
 */
export const MIN_BODY_CHARS = 30;

/** Sources that only suggest a value: the choice is reported as a guess. */
const WEAK =
  /^(?:the copyright line|the line above the title|the capture's first line|the page's <title>|meta application-name)/;

function formatOf(contentType: string | undefined): SourceFormat | "unknown" | { refused: string } {
  const mime = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mime === "text/html" || mime === "application/xhtml+xml") return "html";
  if (mime === "text/plain") return "capture";
  if (mime === "text/markdown" || mime === "text/x-markdown") return "markdown";
  if (!mime || mime === "application/octet-stream" || mime === "binary/octet-stream") return "unknown";
  return { refused: `it is ${mime}, not a web page, a page capture or Markdown` };
}

const looksLikeHtml = (text: string) => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text);

const compact = (text: string) => text.replace(/[\s\p{P}]+/gu, "").toLowerCase();

/** Whether two candidates say the same: equal but for spaces and punctuation, or one inside the other. */
function agree(a: string, b: string): boolean {
  const x = compact(a);
  const y = compact(b);
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)));
}

/** The first candidate, with a note when others disagree or when it is only a guess. */
function choose(field: Field, list: readonly Found[], unsure: string[]): Found | undefined {
  const [first, ...rest] = list;
  if (!first) return undefined;
  const others = [...new Map(rest.filter((c) => !agree(first.value, c.value)).map((c) => [c.value, c])).values()];
  if (others.length) {
    const said = others
      .slice(0, 2)
      .map((c) => `${c.from} says "${c.value}"`)
      .join("; ");
    unsure.push(`${field}: took "${first.value}" from ${first.from}; ${said}`);
  } else if (WEAK.test(first.from)) {
    unsure.push(`${field}: "${first.value}" is only a guess from ${first.from}`);
  }
  return first;
}

export function extractArticle(input: ExtractInput): ExtractResult {
  let format = formatOf(input.contentType);
  if (typeof format === "object") return { ok: false, reason: format.refused };
  const decoded = decodePage(input.bytes, {
    html: format === "html" || format === "unknown",
    ...(input.contentType ? { contentType: input.contentType } : {}),
  });
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const unsure: string[] = decoded.note ? [`charset: ${decoded.note}`] : [];
  const text = decoded.text;
  if (format === "unknown") format = looksLikeHtml(text) ? "html" : /^---\r?\n/.test(text) ? "markdown" : "capture";
  else if (format !== "html" && looksLikeHtml(text)) {
    unsure.push(`format: the ${format === "capture" ? "text" : "Markdown"} file is an HTML page; it was read as HTML`);
    format = "html";
  }

  let reading: Reading;
  if (format === "html") {
    const markup = readableMarkup(text);
    if (!markup.ok) return markup;
    if (markup.note) unsure.push(markup.note);
    reading = readHtml(markup.html, input.baseUrl);
  } else reading = format === "markdown" ? readMarkdown(text) : readCapture(text);
  const { body } = reading;
  const textChars = body.paragraphs.filter((p) => !p.heading).reduce((n, p) => n + [...p.text].length, 0);
  const sentence = body.paragraphs.some((p) => !p.heading && /[。！？!?.]/u.test(p.text));
  if (textChars < MIN_BODY_CHARS || !sentence) {
    const left = body.dropped.length ? ` (only ${body.dropped.length} lines of menus, links, notices and headers)` : "";
    return {
      ok: false,
      reason:
        `no article body found: the ${format === "html" ? "page" : "file"} has ` +
        `${textChars ? `only ${textChars} characters of` : "no"} article text${left}`,
    };
  }
  unsure.push(...reading.unsure);

  const found: Partial<Record<Field, Found>> = {};
  for (const field of Object.keys(reading.candidates) as Field[]) {
    const chosen = choose(field, reading.candidates[field], unsure);
    if (chosen) found[field] = chosen;
  }
  return {
    ok: true,
    article: {
      format,
      charset: decoded.charset,
      found,
      lang: reading.lang ?? languageOf(body.paragraphs.map((p) => p.text).join("\n")),
      paragraphs: body.paragraphs,
      figures: body.figures,
      dropped: body.dropped,
      unsure,
    },
  };
}
