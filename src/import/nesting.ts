/**
 * How deeply a page's markup nests, read from the raw HTML by counting tags, without building a DOM:
 * Readability's time grows with the cube of the depth (200 levels: 3 s, 1,000: 40 s) and a DOM walk
 * that recurses overflows the stack at about 20,000. A page nested too deeply has its middle wrapper
 * levels taken out before it is read: the outer layout and the article's own markup stay.
 */
import { BLOCK_ELEMENTS } from "./tags.js";

/** Deeper than this, a page is no article page: it is refused before it is parsed. */
export const MAX_NESTING = 2000;
/** More elements than this are refused (5 MB of `<p>x</p>` is 700,000). */
export const MAX_ELEMENTS = 300_000;
/** Deeper than this, a page's middle levels are taken out before Readability reads it. */
export const READ_DEPTH = 48;
const KEEP_OUTER = 16;
const KEEP_INNER = READ_DEPTH - KEEP_OUTER - 1;

/** Elements that have no end tag. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "keygen",
]);
/** Elements whose text is not markup: a `<div>` inside a script is no element. */
const RAW_TEXT = new Set([
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
]);
/**
 * Elements whose end tag may be left out, with the open element a new one closes, and those inside it
 * (a `<tr>` closes the row before and its cells), and where the search for one stops (not beyond the
 * list an `<li>` is in).
 */
const IMPLIED_END: Record<string, { closes: readonly string[]; within: readonly string[] }> = {
  li: { closes: ["li"], within: ["ul", "ol", "menu"] },
  dt: { closes: ["dt", "dd"], within: ["dl"] },
  dd: { closes: ["dt", "dd"], within: ["dl"] },
  tr: { closes: ["tr"], within: ["table", "thead", "tbody", "tfoot"] },
  td: { closes: ["td", "th"], within: ["tr", "table"] },
  th: { closes: ["td", "th"], within: ["tr", "table"] },
  thead: { closes: ["thead", "tbody", "tfoot"], within: ["table"] },
  tbody: { closes: ["thead", "tbody", "tfoot"], within: ["table"] },
  tfoot: { closes: ["thead", "tbody", "tfoot"], within: ["table"] },
  option: { closes: ["option"], within: ["select", "datalist", "optgroup"] },
  optgroup: { closes: ["optgroup"], within: ["select"] },
};
/** An open `<p>` is closed by any of these, unless a table cell or a button lies between. */
const CLOSES_P = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "table",
  "figure",
  "figcaption",
  "hr",
  "center",
  "address",
  "details",
  "summary",
  "fieldset",
  "form",
  "menu",
  "listing",
  "dialog",
  "hgroup",
  "search",
]);
const P_WITHIN = ["td", "th", "table", "button", "caption", "object", "marquee", "applet", "template", "html"];
/** How far down the open elements the search for one to close goes: far enough for real pages, and cheap. */
const IMPLIED_SEARCH = 64;

/** Block elements: where one is taken out, a line break keeps its text apart from the text around it. */
const BLOCK = new Set(BLOCK_ELEMENTS);

/** A tag, a comment, a doctype or a processing instruction; attributes may hold `>` inside quotes. */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<![^>]*>|<\?[^>]*>/g;

interface Tag {
  readonly end: boolean;
  readonly name: string;
  readonly start: number;
  readonly stop: number;
  readonly selfClosing: boolean;
}

/** The tags of `html` in order, the contents of raw-text elements skipped. */
function* tagsOf(html: string): Generator<Tag> {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[2] === undefined) continue;
    const name = m[2].toLowerCase();
    const end = m[1] === "/";
    yield { end, name, start: m.index, stop: TOKEN.lastIndex, selfClosing: /\/\s*$/.test(m[3] ?? "") };
    if (!end && RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      TOKEN.lastIndex = close < 0 ? html.length : close;
    }
  }
}

/**
 * The open elements while the tags go by, as a parser would keep them: a void element never opens,
 * an end tag closes the nearest open element of its name (and those inside it), a stray one nothing.
 */
class OpenElements {
  readonly stack: { name: string; index: number }[] = [];
  private readonly open = new Map<string, number>();

  /** The open elements a start tag of `name` closes first, innermost first: an open `<p>` by the next `<p>`. */
  closeSiblings(name: string): { name: string; index: number }[] {
    const closed = CLOSES_P.has(name) ? this.closeWithin(["p"], P_WITHIN) : [];
    const implied = IMPLIED_END[name];
    if (implied) closed.push(...this.closeWithin(implied.closes, implied.within));
    return closed;
  }

  /** Closes the innermost open element named in `names` and those inside it, unless one in `within` comes first. */
  private closeWithin(names: readonly string[], within: readonly string[]): { name: string; index: number }[] {
    const { stack } = this;
    if (!names.some((n) => this.open.get(n))) return [];
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - IMPLIED_SEARCH); i--) {
      const open = stack[i]!.name;
      if (names.includes(open)) {
        const closed: { name: string; index: number }[] = [];
        while (stack.length > i) closed.push(this.pop()!);
        return closed;
      }
      if (within.includes(open)) break;
    }
    return [];
  }

  push(name: string, index: number): void {
    this.stack.push({ name, index });
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  /** The elements an end tag of `name` closes, innermost first; none for a stray end tag. */
  close(name: string): { name: string; index: number }[] {
    if (!this.open.get(name)) return [];
    const closed: { name: string; index: number }[] = [];
    for (;;) {
      const el = this.pop()!;
      closed.push(el);
      if (el.name === name) return closed;
    }
  }

  pop(): { name: string; index: number } | undefined {
    const el = this.stack.pop();
    if (el) this.open.set(el.name, this.open.get(el.name)! - 1);
    return el;
  }
}

const opens = (tag: Tag) => !tag.end && !tag.selfClosing && !VOID.has(tag.name);

export interface Nesting {
  /** The most elements open at once. */
  readonly depth: number;
  /** Start tags. */
  readonly elements: number;
}

/** How deeply `html` nests and how many elements it has: one pass over the text, no DOM. */
export function measureNesting(html: string): Nesting {
  const open = new OpenElements();
  let depth = 0;
  let elements = 0;
  for (const tag of tagsOf(html)) {
    if (tag.end) {
      open.close(tag.name);
      continue;
    }
    elements++;
    if (!opens(tag)) continue;
    open.closeSiblings(tag.name);
    open.push(tag.name, elements);
    depth = Math.max(depth, open.stack.length);
  }
  return { depth, elements };
}

/**
 * `html` with at most `outer + inner + 1` levels: an element is kept if it is among the `outer`
 * outermost levels or if at most `inner` levels nest inside it. The elements between lose their tags
 * (their text stays; a block's becomes a line break) and `removed` counts them.
 */
export function flattenNesting(html: string, outer: number, inner: number): { html: string; removed: number } {
  // First pass: how many levels nest inside each element (by its start tag's number).
  const heights: number[] = [];
  const depths: number[] = [];
  const open = new OpenElements();
  let n = 0;
  const finish = (closed: { index: number }[]) => {
    // Each element closed gives its height to the one it was in, innermost first.
    for (let i = 0; i < closed.length; i++) {
      const el = closed[i]!;
      const parent = closed[i + 1] ?? open.stack[open.stack.length - 1];
      if (parent) heights[parent.index] = Math.max(heights[parent.index] ?? 0, (heights[el.index] ?? 0) + 1);
    }
  };
  for (const tag of tagsOf(html)) {
    if (tag.end) {
      finish(open.close(tag.name));
      continue;
    }
    n++;
    if (!opens(tag)) continue;
    heights[n] = 0;
    finish(open.closeSiblings(tag.name));
    open.push(tag.name, n);
    depths[n] = open.stack.length;
  }
  while (open.stack.length) finish([open.pop()!]);

  // Second pass: the same tags again, in the same order, each kept or taken out.
  const kept = (index: number) => (depths[index] ?? 0) <= outer || (heights[index] ?? 0) <= inner;
  const out: string[] = [];
  const again = new OpenElements();
  let at = 0;
  let removed = 0;
  n = 0;
  let lastBreak = false;
  const emit = (tag: Tag, keep: boolean) => {
    const between = html.slice(at, tag.start);
    // Wrappers taken out one inside another leave one line break, not one each.
    const breaks = !keep && BLOCK.has(tag.name) && !(lastBreak && !between.trim());
    out.push(between, keep ? html.slice(tag.start, tag.stop) : breaks ? "<br>" : "");
    if (keep || breaks || between.trim()) lastBreak = breaks;
    at = tag.stop;
  };
  for (const tag of tagsOf(html)) {
    if (tag.end) {
      const closed = again.close(tag.name);
      emit(tag, closed.length === 0 || kept(closed[closed.length - 1]!.index));
      continue;
    }
    n++;
    if (!opens(tag)) {
      emit(tag, true);
      continue;
    }
    const keep = kept(n);
    if (!keep) removed++;
    again.closeSiblings(tag.name);
    again.push(tag.name, n);
    emit(tag, keep);
  }
  out.push(html.slice(at));
  return { html: out.join(""), removed };
}

export type Readable =
  | { readonly ok: true; readonly html: string; readonly note?: string }
  | { readonly ok: false; readonly reason: string; readonly depth?: number; readonly elements?: number };

/** A page too deeply nested or too large is refused; one nested deeper than Readability reads well, flattened. */
export function readableMarkup(html: string): Readable {
  const { depth, elements } = measureNesting(html);
  if (depth > MAX_NESTING) {
    const reason = `the page's markup is nested ${depth} levels deep (an article page has at most ${MAX_NESTING})`;
    return { ok: false, reason, depth };
  }
  if (elements > MAX_ELEMENTS) {
    const reason = `the page has ${elements} elements (an article page has at most ${MAX_ELEMENTS})`;
    return { ok: false, reason, elements };
  }
  if (depth <= READ_DEPTH) return { ok: true, html };
  const flat = flattenNesting(html, KEEP_OUTER, KEEP_INNER);
  const note =
    `structure: the page's markup is nested ${depth} levels deep; ` +
    `${flat.removed} wrapper elements between its layout and its text were left out to read it`;
  return { ok: true, html: flat.html, note };
}
