/**
 * The article body out of a page's text blocks: what is not the article (buttons, reprint notices,
 * editor lines, captions, "猜您喜欢" lists) is dropped and listed, section headings are recognised,
 * and every other block is kept as a paragraph, its text untouched. The same rules serve HTML
 * pages, text captures and Markdown, so that the three give the same article.
 */
import { dateInText } from "./dates.js";
import type { Found, RawBlock } from "./types.js";

export interface BodyParagraph {
  readonly text: string;
  readonly heading: boolean;
}

export type DroppedKind =
  | "header"
  | "title"
  | "notice"
  | "button"
  | "link"
  | "editor"
  | "byline"
  | "source"
  | "caption"
  | "number"
  | "heading"
  | "end";

/** Something of the page that is not in the article, kept to show the person importing it. */
export interface Dropped {
  readonly kind: DroppedKind;
  readonly text: string;
  /** For `end`: how many blocks followed the marker and were dropped with it. */
  readonly count?: number;
}

export interface Body {
  readonly paragraphs: readonly BodyParagraph[];
  readonly figures: number;
  readonly dropped: readonly Dropped[];
  /** Metadata the text gives: the byline, the 来源 line, a date in the header. */
  readonly hints: { readonly publisher: Found[]; readonly author: Found[]; readonly date: Found[] };
  readonly unsure: readonly string[];
}

/** `en` when fewer than one letter in ten is a Chinese character, else `zh`. */
export function languageOf(text: string): "zh" | "en" {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han * 10 < han + latin ? "en" : "zh";
}

/** A heading is a short line that does not end like a sentence. */
const HEADING_MAX = 40;
const SENTENCE_END = /[。！？!?…；;：:，,、.]$/u;
const SENTENCE_INSIDE = /[。！？!?]/u;

export function isHeadingLike(text: string): boolean {
  return (
    [...text].length <= HEADING_MAX && !SENTENCE_END.test(text) && !SENTENCE_INSIDE.test(text) && /[\p{L}]/u.test(text)
  );
}

const wholeLine = (words: string) =>
  new RegExp(`^[\\s\\-—–_=*·•【\\[]*(?:${words})[\\s\\-—–_=*·•】\\]:：▼↓>»]*$`, "iu");

/** Where the article is over: what follows these is lists, comments and footers. */
const END = [
  wholeLine(
    "猜[您你]喜欢|往期精选|往期推荐|往期回顾|往期阅读|精彩推荐|精彩回顾|" +
      "相关阅读|相关新闻|相关文章|相关链接|相关推荐|延伸阅读|推荐阅读|" +
      "热门推荐|热门文章|热点推荐|更多精彩|更多阅读|" +
      "版权声明|免责声明|留言与评论|发表评论|网友评论|我要评论|" +
      "全部评论|热门评论|评论|写留言|留言|" +
      "上一篇|下一篇|返回顶部|返回首页|END|完|the end|related articles|" +
      "related stories|read more|more stories|comments",
  ),
  /^[（(【[]\s*完\s*[）)】\]]$/u,
  /^(?:留言与评论|网友评论|发表评论|全部评论)\s*[（(].*[）)]$/u,
  /^(?:上一篇|下一篇)\s*[:：]/u,
  /^喜欢此内容的人还喜欢/u,
];

/** Reprint and copyright notices, wherever they stand. */
const NOTICE = [
  new RegExp(
    String.raw`转载.{0,30}(?:授权|许可|注明|须|请|严禁|` +
      String.raw`禁止|不得|联系)|(?:授权|许可|注明|须|请|` +
      String.raw`严禁|禁止|不得).{0,30}转载`,
    "u",
  ),
  /^(?:版权所有|版权声明|免责声明|Copyright\b|©|\(c\)\s*\d{4}|All rights reserved)/iu,
  /未经.{0,15}(?:许可|授权|同意)/u,
  /仅代表作者.{0,6}观点|不代表本.{0,3}(?:观点|立场)/u,
  /如有侵权|侵权.{0,10}删除|联系.{0,10}删除/u,
  /ICP[备证]\s*\d|公网安备/u,
  /^本文系.{0,15}(?:授权|原创)/u,
  /^原标题\s*[:：]/u,
];
const NOTICE_MAX = 300;

/** Buttons, share bars, counters and menus. */
const BUTTON = [
  new RegExp(
    String.raw`^(?:点?分享|点?点赞|点?在看|点?收藏|点?赞|` +
      String.raw`在看|收藏|转发|打印|关闭|关闭窗口|打印本页|` +
      String.raw`【打印】|【关闭】|【收藏】|阅读原文|复制链接|微博|` +
      String.raw`微信|QQ空间|QQ好友|大|中|小|大中小|字号|` +
      String.raw`A\+|A-|默认)$`,
    "iu",
  ),
  /^(?:分享到|分享至|字号|字体|阅读量|浏览量|浏览次数|点击数|点击量|阅读|浏览)\s*[:：]/u,
  new RegExp(
    String.raw`^(?:微信)?扫(?:一扫|码|描二维码)|` +
      String.raw`长按.{0,8}(?:识别|关注|二维码)|` +
      String.raw`点击.{0,6}(?:蓝字|关注|上方|下方)|` +
      String.raw`关注我们|设为星标`,
    "u",
  ),
  /^(?:首页|当前位置|您的位置|你的位置|您现在的位置|当前位置)\s*[:：>»]/u,
  /^\d+\s*(?:人)?(?:阅读|浏览|点赞|在看|评论|收藏|分享)$/u,
];
const BUTTON_MAX = 40;

const EDITOR = new RegExp(
  String.raw`^[（(【[]?\s*(?:责任编辑|责编|编辑|编审|` +
    String.raw`校对|审核|审校|审签|终审|二审|三审|一审|初审|` +
    String.raw`复审|监制|统筹|策划|出品|制作|主编|值班编辑|` +
    String.raw`网络编辑|新媒体编辑|美编|排版|设计|编排|` +
    String.raw`来源编辑)\s*[:：|｜丨]`,
  "u",
);

const SOURCE = new RegExp(
  String.raw`^[（(【[]?\s*(?:来源|稿源|文章来源|` +
    String.raw`信息来源|出处|转自|来自)\s*[:：|` +
    String.raw`｜丨]\s*([^\s（）()【】[\]]{2,30})`,
  "u",
);

/** `作者：张三`, `文/张三`, `记者 张三 李四` */
const BYLINE = new RegExp(
  String.raw`^[（(]?\s*(?:作者|撰文|文字|文|记者|` +
    String.raw`本报记者|通讯员|图文)\s*(?:[:：/／|` +
    String.raw`丨]\s*|` +
    String.raw`\s+)([^\s:：]{2,8}(?:[\s、，,]+[^\s:：]{2,8})*)\s*[）)]?$`,
  "u",
);
/** `山西经济日报全媒体记者 畅雪`: a newspaper's reporter. */
const PAPER_BYLINE = new RegExp(
  String.raw`^(\S{2,20}?)(?:全媒体|融媒体|首席|` +
    String.raw`特约|实习|驻\S{1,4})*记者(?:\s+|` +
    String.raw`\s*[:：]\s*|` +
    String.raw`(?=\p{Script=Han}{2,3}$))([^\s:：]{2,8}(?:[\s、，,]+[^\s:：]{2,8})*)$`,
  "u",
);
const SELF = /^(?:本报|本台|本网|本刊|本站|新华社|央视)$/u;

const CAPTION = [
  new RegExp(
    String.raw`^(?:图为|图片为|上图|下图|左图|右图|` +
      String.raw`图\s*[:：]|图片\s*[:：]|` +
      String.raw`摄影\s*[:：/／]|▲|△|↑|【图】|\[图\])`,
    "u",
  ),
  // 冯晓磊 摄, 冯晓磊/摄, 记者 张三 李四 摄, （张三 摄）: a photographer's name, set apart
  // from 摄.
  /[\p{Script=Han}·]{2,6}(?:\s+|\s*[/／]\s*)摄(?:影)?\s*[）)]?$/u,
  /(?:记者|通讯员)\s*[\p{Script=Han}·]{2,6}(?:[\s、]+[\p{Script=Han}·]{2,6})*\s*摄(?:影)?\s*[）)]?$/u,
  /[（(]\s*[\p{Script=Han}·]{2,6}\s*摄\s*[）)]$/u,
  /(?:供图|资料图片?|图片来源\s*[:：].*|图源\s*[:：].*|视觉中国)\s*[）)]?$/u,
];
const CAPTION_MAX = 150;

/** A section number alone: 01, 一、, PART 2. */
const NUMBER = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|part\s*\d{1,2}|no\.\s*\d{1,2})[、.．]?$/iu;

const LABELLED = /(来源|作者|记者|发布时间|发布日期|时间|日期|编辑|浏览|阅读|点击)\s*[:：]/u;

const compact = (text: string) => text.replace(/\s+/gu, "");

function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}

/** Why `text` is not article text (other than being a heading or a header line), or undefined. */
function furniture(text: string, kind: RawBlock["kind"]): DroppedKind | undefined {
  const length = [...text].length;
  if (kind === "caption") return "caption";
  if (length <= 60 && matchesAny(END, text)) return "end";
  if (length <= NOTICE_MAX && matchesAny(NOTICE, text)) return "notice";
  if (length <= BUTTON_MAX && matchesAny(BUTTON, text)) return "button";
  if (length <= 120 && EDITOR.test(text)) return "editor";
  if (length <= 60 && SOURCE.test(text)) return "source";
  if (length <= 40 && !SENTENCE_INSIDE.test(text) && (BYLINE.test(text) || PAPER_BYLINE.test(text))) return "byline";
  if (length <= CAPTION_MAX && matchesAny(CAPTION, text)) return "caption";
  if (NUMBER.test(text)) return "number";
  return undefined;
}

/**
 * What a byline, a 来源 line or a header line says of the article: its publisher, author and, for a
 * header line (`header`), its date.
 */
export function lineHints(line: string, header: boolean): Body["hints"] {
  const hints = { publisher: [] as Found[], author: [] as Found[], date: [] as Found[] };
  const source = line.match(SOURCE) ?? line.match(/(?:来源|稿源)\s*[:：]\s*([^\s（）()【】[\]]{2,30})/u);
  if (source?.[1]) hints.publisher.push({ value: source[1], from: `the line "${line}"` });
  const author = line.match(BYLINE)?.[1] ?? line.match(/(?:作者|记者)\s*[:：]\s*([^\s:：]{2,8})/u)?.[1];
  if (author) hints.author.push({ value: author, from: `the line "${line}"` });
  const paper = line.match(PAPER_BYLINE);
  if (paper && !SELF.test(paper[1]!)) hints.publisher.push({ value: paper[1]!, from: `the byline "${line}"` });
  if (paper) hints.author.push({ value: paper[2]!, from: `the byline "${line}"` });
  const date = header ? dateInText(line) : undefined;
  if (date) hints.date.push({ value: date, from: `the header line "${line}"` });
  return hints;
}

/**
 * The body of the article in `blocks`. `title` is dropped where the page repeats it. Blocks before
 * the first paragraph that look like a header (a date line, 来源, short lines) are dropped as header.
 */
export function cleanBody(blocks: readonly RawBlock[], options: { title?: string } = {}): Body {
  const paragraphs: BodyParagraph[] = [];
  const dropped: Dropped[] = [];
  const unsure: string[] = [];
  const hints = { publisher: [] as Found[], author: [] as Found[], date: [] as Found[] };
  const title = options.title ? compact(options.title) : undefined;
  let figures = 0;
  let pending: string[] = [];
  let started = false;

  const hint = (line: string) => {
    const found = lineHints(line, !started);
    hints.publisher.push(...found.publisher);
    hints.author.push(...found.author);
    hints.date.push(...found.date);
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === "figure") {
      figures++;
      continue;
    }
    const text = block.text.trim();
    if (!text) continue;
    const kind = furniture(text, block.kind);
    if (kind === "end" && started) {
      const rest = blocks.slice(i + 1).filter((b) => b.text.trim());
      dropped.push({ kind, text, count: rest.length });
      checkTail(rest, paragraphs, text, unsure);
      break;
    }
    if (kind) {
      if (kind === "source" || kind === "byline" || kind === "editor") hint(text);
      if (kind !== "number") dropped.push({ kind, text });
      continue;
    }
    if (block.link && [...text].length <= 60) {
      dropped.push({ kind: "link", text });
      continue;
    }
    // The headline again, or (as a heading before the text) a longer or shorter form of it.
    const c = compact(text);
    if (
      title &&
      (c === title ||
        (!started && block.kind === "heading" && c.length >= 4 && (title.includes(c) || c.includes(title))))
    ) {
      dropped.push({ kind: "title", text });
      continue;
    }
    const headingLike =
      block.kind === "heading" ? [...text].length <= 80 : block.kind !== "item" && isHeadingLike(text);
    if (!started && block.kind !== "heading" && (headingLike || (LABELLED.test(text) && !SENTENCE_INSIDE.test(text)))) {
      hint(text);
      dropped.push({ kind: "header", text });
      continue;
    }
    if (headingLike) {
      pending.push(text);
      continue;
    }
    if (pending.length) paragraphs.push({ text: pending.join(" "), heading: true });
    pending = [];
    paragraphs.push({ text, heading: false });
    started = true;
  }
  for (const text of pending) dropped.push({ kind: "heading", text });
  return { paragraphs, figures, dropped, hints, unsure };
}

/** After an end marker: if much text like the article's follows, say so; the cut may be wrong. */
function checkTail(
  rest: readonly RawBlock[],
  paragraphs: readonly BodyParagraph[],
  marker: string,
  unsure: string[],
): void {
  const body = paragraphs.reduce((n, p) => n + (p.heading ? 0 : p.text.length), 0);
  const after = rest
    .map((b) => b.text.trim())
    .filter((t) => !isHeadingLike(t) && !furniture(t, "text") && SENTENCE_INSIDE.test(t))
    .reduce((n, t) => n + t.length, 0);
  if (after >= Math.max(300, body / 4)) {
    unsure.push(
      `the text goes on for ${after} characters after "${marker}", where the article was taken to end; ` +
        "check that none of it is the article's",
    );
  }
}
