/**
 * An imported article as a knowledge file: front matter, then its paragraphs, in the format of
 * knowledge/README.md. Also its id, the place it is about, and a short preview of it. Pure.
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import { guessRegion, type RegionGuess } from "../knowledge/region.js";
import type { BodyParagraph } from "./body.js";

/** The front matter of an imported article, in the order it is written. */
export interface ArticleFields {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly author?: string;
  readonly region?: string;
  readonly lang: "zh" | "en";
}

/** The `.md` file: every paragraph on one line, a blank line between paragraphs, headings as `## `. */
export function renderArticle(fields: ArticleFields, paragraphs: readonly BodyParagraph[]): string {
  const { id, title, publisher, date, url, author, region, lang } = fields;
  const ordered = { id, title, publisher, date, url, author, region, lang };
  const front = stringify(Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined && v !== "")), {
    lineWidth: 0,
  });
  const body = paragraphs.map((p) => (p.heading ? `## ${p.text}` : p.text)).join("\n\n");
  return `---\n${front}---\n\n${body}\n`;
}

/**
 * Paragraphs an article file cannot hold as they are: a paragraph that starts like a heading
 * (`# `) would be read back as one. Each as a message naming the paragraph.
 */
export function unwritable(paragraphs: readonly BodyParagraph[]): string[] {
  return paragraphs.flatMap((p, i) =>
    !p.heading && /^#{1,6}\s/.test(p.text)
      ? [
          `paragraph ${i + 1} starts with "${p.text.slice(0, 8)}", which an article file reads as a heading; ` +
            "import it with --dry-run and edit it by hand",
        ]
      : [],
  );
}

const hash8 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The site's own name in a host: theory.sxrb.com → sxrb, www.xinzhou.gov.cn → xinzhou. */
function siteName(host: string): string {
  if (/(^|\.)weixin\.qq\.com$/.test(host)) return "weixin";
  if (/^[\d.]+$|:/.test(host)) return slug(host);
  const labels = host
    .toLowerCase()
    .replace(/^www\d*\./, "")
    .split(".");
  if (labels.length > 1) labels.pop();
  if (labels.length > 1 && /^(com|net|org|gov|edu|ac|co)$/.test(labels.at(-1)!)) labels.pop();
  return slug(labels.at(-1) ?? "");
}

/** What in a link names the article: its last path segment, or the query of a generic one. */
function pageName(url: URL): string | undefined {
  const last = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "").replace(
    /\.(s?html?|php|aspx?|jsp|cms|shtm)$/i,
    "",
  );
  const generic = !last || /^(index|default|content|detail|details|article|show|view|news|s|page|info)$/i.test(last);
  const name = generic ? [...url.searchParams.values()].join("-") : last;
  const s = slug(name);
  if (!s) return undefined;
  // Long or case-sensitive names (WeChat's /s/AbC…) make poor file names: a short hash instead.
  return s.length > 24 || (/[a-z]/.test(name) && /[A-Z]/.test(name) && name.length >= 12) ? hash8(url.href) : s;
}

/**
 * An id for an article: the site and the page's name from its link (sxrb-10250344); where the link
 * names no page, the first words of an English title, or a short hash; `-2`, `-3` … while it
 * clashes with one in `taken`.
 */
export function articleId(url: string, title: string, taken: ReadonlySet<string>): string {
  let site = "";
  let page: string | undefined;
  try {
    const u = new URL(url);
    site = siteName(u.hostname);
    page = pageName(u);
  } catch {
    // Not a link: the title names it.
  }
  page ??= slug(title).split("-").slice(0, 6).join("-") || hash8(`${url}\n${title}`);
  const base = site ? `${site}-${page}` : /^[0-9a-f]{8}$/.test(page) && !slug(title) ? `article-${page}` : page;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The place an article is about, for `region`: the most specific place its title names, else its lead. */
export function guessArticleRegion(
  title: string,
  paragraphs: readonly BodyParagraph[],
  places: readonly (readonly string[])[],
): RegionGuess | undefined {
  return guessRegion(title, paragraphs.find((p) => !p.heading)?.text ?? "", places);
}

/** What a person sees before saving: enough to tell the right article from a wrong one. */
export interface ArticlePreview {
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly paragraphs: number;
  readonly headings: number;
  readonly figures: number;
  readonly characters: number;
  /** The first paragraphs, each cut to `width` characters. */
  readonly firstLines: readonly string[];
}

export function previewArticle(
  fields: ArticleFields,
  paragraphs: readonly BodyParagraph[],
  figures: number,
  options: { lines?: number; width?: number } = {},
): ArticlePreview {
  const { lines = 3, width = 60 } = options;
  const text = paragraphs.filter((p) => !p.heading);
  const cut = (t: string) => ([...t].length > width ? `${[...t].slice(0, width).join("")}…` : t);
  return {
    title: fields.title,
    publisher: fields.publisher,
    date: fields.date,
    url: fields.url,
    paragraphs: text.length,
    headings: paragraphs.length - text.length,
    figures,
    characters: text.reduce((n, p) => n + [...p.text].length, 0),
    firstLines: text.slice(0, lines).map((p) => cut(p.text)),
  };
}
