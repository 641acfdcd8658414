/**
 * HTML pages: the article is found by Mozilla Readability over a linkedom document, then its text
 * blocks go through the same rules as captures. Metadata comes from the page's `og:` and article
 * meta tags, JSON-LD, `<time>`, the canonical link and the line under the headline.
 */

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { cleanBody, lineHints } from "./body.js";
import { dateInMeta } from "./dates.js";
import { pageHints } from "./hints.js";
import type { Reading } from "./reading.js";
import { BLOCK_ELEMENTS } from "./tags.js";
import { type Found, noCandidates, type RawBlock } from "./types.js";

/** The little of the DOM this module uses; linkedom's objects have it (the project has no DOM types). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomDocument extends DomElement {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "meta",
  "link",
  "button",
  "select",
  "option",
  "textarea",
  "input",
  "svg",
  "canvas",
  "iframe",
  "object",
  "embed",
  "map",
]);
const MEDIA = new Set(["img", "picture", "video", "audio"]);
const BLOCK = new Set([...BLOCK_ELEMENTS, "hr", "legend", "body"]);

/** Han characters and CJK punctuation: a line break in the source between two of them is no space. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;

/**
 * HTML whitespace as a reader sees it: runs of spaces, tabs and line breaks are one space, except a
 * line break between Chinese characters, which is only where the source was wrapped (the knowledge
 * loader joins wrapped Chinese lines the same way). No-break spaces are text and stay.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t\n\r\f]+/g, (run, at: number, all: string) =>
      /[\n\r]/.test(run) && CJK.test(all[at - 1] ?? "") && CJK.test(all[at + run.length] ?? "") ? "" : " ",
    )
    .trim();
}

const compact = (text: string) => text.replace(/\s+/g, "");

function isHidden(el: DomElement): boolean {
  const style = (el.getAttribute("style") ?? "").replace(/\s+/g, "").toLowerCase();
  return el.hasAttribute("hidden") || style.includes("display:none") || el.getAttribute("aria-hidden") === "true";
}

/** The text blocks of `root` in reading order: each block element, `<br>` and image starts a new one. */
export function blocksOf(root: DomNode): RawBlock[] {
  const out: RawBlock[] = [];
  let text = "";
  let linked = "";
  let kind: RawBlock["kind"] = "text";
  const flush = () => {
    const t = collapseWhitespace(text);
    if (t) {
      const isLink = linked.replace(/\s+/g, "").length >= t.replace(/\s+/g, "").length;
      out.push(isLink ? { text: t, kind, link: true } : { text: t, kind });
    }
    text = "";
    linked = "";
  };
  // Depth first with a stack of its own, not recursion: a deeply nested page must not overflow the call stack.
  type Step = { node: DomNode; inLink: boolean } | { leave: RawBlock["kind"] };
  const steps: Step[] = [{ node: root, inLink: false }];
  while (steps.length) {
    const step = steps.pop()!;
    if ("leave" in step) {
      flush();
      kind = step.leave;
      continue;
    }
    const { node, inLink } = step;
    if (node.nodeType === 3) {
      text += node.textContent ?? "";
      if (inLink) linked += node.textContent ?? "";
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as DomElement;
    const tag = el.nodeName.toLowerCase();
    if (SKIP.has(tag) || isHidden(el)) continue;
    if (tag === "br" || tag === "hr") {
      flush();
      continue;
    }
    if (MEDIA.has(tag)) {
      flush();
      out.push({ text: "", kind: "figure" });
      continue;
    }
    if (BLOCK.has(tag)) {
      flush();
      steps.push({ leave: kind });
      if (/^h[1-6]$/.test(tag)) kind = "heading";
      else if (tag === "li" || tag === "dt" || tag === "dd") kind = "item";
      else if (tag === "figcaption") kind = "caption";
    }
    const children = Array.from(el.childNodes);
    for (let i = children.length - 1; i >= 0; i--) steps.push({ node: children[i]!, inLink: inLink || tag === "a" });
  }
  flush();
  return out;
}

/** `<meta>` contents by lower-cased name, property or itemprop; the first of each wins. */
function metaTags(doc: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll("meta"))) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? "")
      .trim()
      .toLowerCase();
    const content = collapseWhitespace(el.getAttribute("content") ?? "");
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

const ARTICLE_TYPES = new RegExp(
  String.raw`^(?:NewsArticle|Article|` +
    String.raw`ReportageNewsArticle|` +
    String.raw`AnalysisNewsArticle|` +
    String.raw`OpinionNewsArticle|` +
    String.raw`BackgroundNewsArticle|` +
    String.raw`BlogPosting|Report|` +
    String.raw`ScholarlyArticle)$`,
  "",
);

/** The article objects of the page's JSON-LD (`@graph`s and lists opened). */
function jsonLdArticles(doc: DomDocument): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  // A list of its own, not recursion: lists in lists as deep as a page likes.
  const visit = (value: unknown) => {
    const todo = [value];
    while (todo.length) {
      const next = todo.pop();
      if (Array.isArray(next)) for (let i = next.length - 1; i >= 0; i--) todo.push(next[i]);
      else if (next && typeof next === "object") {
        const obj = next as Record<string, unknown>;
        const types = ([] as unknown[]).concat(obj["@type"] ?? []);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) found.push(obj);
        if (obj["@graph"]) todo.push(obj["@graph"]);
      }
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block says nothing; the other sources may.
    }
  }
  return found;
}

/** A name from JSON-LD: `"x"`, `{ name: "x" }`, or a list of them. */
function ldName(value: unknown): string | undefined {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((v) => (typeof v === "string" ? v : v && typeof v === "object" ? (v as { name?: unknown }).name : undefined))
    .filter((v): v is string => typeof v === "string" && v.trim().length > 0)
    .map((v) => collapseWhitespace(v));
  return names.length ? names.join("、") : undefined;
}

function ldUrl(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const id = (value as Record<string, unknown>)["@id"] ?? (value as Record<string, unknown>).url;
    if (typeof id === "string") return id;
  }
  return undefined;
}

/** An http(s) link, resolved against the page's address; undefined if it is neither. */
function webUrl(href: string, base: string | undefined): string | undefined {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const DATE_META = [
  "article:published_time",
  "pubdate",
  "publishdate",
  "publish_date",
  "publish-date",
  "publishtime",
  "datepublished",
  "og:release_date",
  "dc.date.issued",
  "dc.date",
  "dcterms.date",
  "date",
  "parsely-pub-date",
  "sailthru.date",
];
/** Sites with no publisher of their own: the account that posted is the publisher. */
const PLATFORM = /^(?:微信公众平台|微信|weixin|wechat|今日头条|网易号|搜狐号|百家号)$/iu;

export function readHtml(html: string, baseUrl?: string): Reading {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const doc = document;
  const candidates = noCandidates();
  const unsure: string[] = [];
  const page: Page = { doc, html, meta: metaTags(doc), articles: jsonLdArticles(doc), baseUrl };
  titlesOf(page, candidates.title);
  // The page's "来源" names the paper a piece is from, which is the publisher to cite.
  add(candidates.publisher, page.meta.get("contentsource"), "meta ContentSource (来源)");
  const pagePublishers = publishersOf(page);
  datesOf(page, candidates.date);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
  urlsOf(page, canonical, candidates.url);
  authorsOf(page, candidates.author);
  const lang = doc.documentElement.getAttribute("lang")?.toLowerCase();

  // The whole page's text, before Readability takes the article out of it: the line under the
  // headline often holds the date and the 来源, and the footer the address and the copyright.
  const pageLines = (doc.body ? blocksOf(doc.body) : []).map((b) => b.text);
  const underHeadline = linesUnderHeadline(pageLines, candidates.title, doc.querySelector("title")?.textContent ?? "");
  const hints = pageHints(pageLines);

  // WeChat pages hide the article until their script shows it; Readability skips hidden elements.
  doc.querySelector("#js_content")?.removeAttribute("style");
  const parsed = new Readability(doc as never, { serializer: (node: unknown) => node as DomNode }).parse();
  add(candidates.title, parsed?.title ?? undefined, "the page's <title> and headline (Readability)");
  const title = candidates.title[0]?.value;
  const blocks = parsed?.content ? blocksOf(parsed.content) : [];
  const body = cleanBody(blocks, title ? { title } : {});
  if (parsed?.byline) add(candidates.author, parsed.byline, "the byline (Readability)");

  candidates.publisher.push(...underHeadline.publisher, ...body.hints.publisher, ...pagePublishers, ...hints.publisher);
  candidates.date.push(...underHeadline.date, ...body.hints.date);
  candidates.author.push(...underHeadline.author, ...body.hints.author);
  candidates.url.push(...hints.url);
  if (baseUrl) add(candidates.url, webUrl(baseUrl, undefined), "the address it was fetched from");
  if (canonical && !webUrl(canonical, baseUrl)) {
    unsure.push(`url: the canonical link "${canonical}" is relative and the page's address is not known`);
  }
  return {
    candidates,
    body,
    unsure: [...unsure, ...body.unsure],
    ...(lang?.startsWith("en") ? { lang: "en" as const } : lang?.startsWith("zh") ? { lang: "zh" as const } : {}),
  };
}

/** What the field readers of a page look at. */
interface Page {
  readonly doc: DomDocument;
  readonly html: string;
  readonly meta: ReadonlyMap<string, string>;
  readonly articles: ReturnType<typeof jsonLdArticles>;
  readonly baseUrl: string | undefined;
}

function add(list: Found[], value: string | undefined, from: string): void {
  const v = value && collapseWhitespace(value);
  if (v) list.push({ value: v, from });
}

function titlesOf({ doc, meta, articles }: Page, titles: Found[]): void {
  for (const a of articles) add(titles, typeof a.headline === "string" ? a.headline : undefined, "JSON-LD headline");
  add(titles, meta.get("og:title"), "og:title");
  add(titles, meta.get("articletitle"), "meta ArticleTitle");
  add(titles, meta.get("twitter:title"), "twitter:title");
  // Chinese sites write <title> as 标题_栏目_网站; the <h1> that <title> starts with is the headline.
  // A title in metadata with the site's name after the <h1> is the <h1>.
  const pageTitle = doc.querySelector("title")?.textContent ?? "";
  for (const h1 of Array.from(doc.querySelectorAll("h1"))) {
    const text = collapseWhitespace(h1.textContent ?? "");
    if ([...text].length < 4) continue;
    const first = titles[0];
    if (first && first.value.startsWith(text) && /^\s*[-_|–—·:：]+\s*\S/u.test(first.value.slice(text.length))) {
      const adds = first.value.slice(text.length).trim();
      titles.unshift({ value: text, from: `the <h1> headline (${first.from} adds "${adds}")` });
    } else if (compact(pageTitle).startsWith(compact(text)))
      add(titles, text, "the <h1> headline, which <title> starts with");
  }
}

/** The site or account that published the page (a reprint's 来源 is read apart, and preferred). */
function publishersOf({ doc, html, meta, articles }: Page): Found[] {
  const found: Found[] = [];
  for (const a of articles) add(found, ldName(a.publisher), "JSON-LD publisher");
  const account =
    doc.querySelector("#js_name")?.textContent ??
    html.match(/var\s+nickname\s*=\s*(?:htmlDecode\()?["']([^"']+)["']/)?.[1];
  add(found, account, "the WeChat account's name");
  const siteName = meta.get("og:site_name");
  if (siteName && !PLATFORM.test(siteName)) add(found, siteName, "og:site_name");
  add(found, meta.get("sitename"), "meta SiteName");
  add(found, meta.get("application-name"), "meta application-name");
  return found;
}

function datesOf({ doc, html, meta, articles }: Page, dates: Found[]): void {
  for (const a of articles) {
    add(dates, typeof a.datePublished === "string" ? dateInMeta(a.datePublished) : undefined, "JSON-LD datePublished");
  }
  for (const name of DATE_META) add(dates, meta.get(name) && dateInMeta(meta.get(name)!), `meta ${name}`);
  const wechat =
    html.match(/\bvar\s+ct\s*=\s*["'](\d{10})["']/)?.[1] ?? html.match(/\bcreate_time\s*[:=]\s*["']?(\d{10})\b/)?.[1];
  if (wechat) add(dates, dateInMeta(wechat), "the WeChat page's time");
  const time = doc.querySelector("time[datetime]") ?? doc.querySelector("time");
  if (time) add(dates, dateInMeta(time.getAttribute("datetime") ?? time.textContent ?? ""), "<time>");
}

function urlsOf({ meta, articles, baseUrl }: Page, canonical: string | null | undefined, urls: Found[]): void {
  if (canonical) add(urls, webUrl(canonical, baseUrl), "the canonical link");
  add(urls, meta.get("og:url") && webUrl(meta.get("og:url")!, baseUrl), "og:url");
  for (const a of articles) add(urls, webUrl(ldUrl(a.url) ?? ldUrl(a.mainEntityOfPage) ?? "", baseUrl), "JSON-LD url");
}

function authorsOf({ meta, articles }: Page, authors: Found[]): void {
  for (const a of articles) add(authors, ldName(a.author), "JSON-LD author");
  for (const name of ["article:author", "author", "dc.creator"]) {
    const value = meta.get(name);
    if (value && !/^https?:/.test(value)) add(authors, value, `meta ${name}`);
  }
}

/**
 * The fields the few short lines under the headline give (its date, 来源, author). Without <h1> or metadata
 * (old sites lay pages out in tables), the headline is the first line of the page that <title> starts with.
 */
function linesUnderHeadline(pageLines: readonly string[], titles: Found[], pageTitle: string) {
  if (!titles.length) {
    const line = pageLines.find(
      (l) => [...l].length >= 6 && !/[。！？]/u.test(l) && compact(pageTitle).startsWith(compact(l)),
    );
    add(titles, line, "the headline on the page, which <title> starts with");
  }
  const headline = titles[0]?.value;
  const headlineAt = headline ? pageLines.findIndex((l) => compact(l) === compact(headline)) : -1;
  const under = { publisher: [] as Found[], author: [] as Found[], date: [] as Found[] };
  if (headlineAt < 0) return under;
  for (const line of pageLines.slice(headlineAt + 1, headlineAt + 6)) {
    if ([...line].length > 120 || /[。！？]/u.test(line)) continue;
    const found = lineHints(line, true);
    under.publisher.push(...found.publisher);
    under.author.push(...found.author);
    under.date.push(...found.date.map((d) => ({ ...d, from: `the line under the headline "${line}"` })));
  }
  return under;
}
