/**
 * Importing in chat (admins, private chat): a link, an .html/.htm/.txt/.md file or a long pasted
 * text becomes a preview with Save / Cancel; a field the source lacks (title, publisher, date, link)
 * is asked for first. Save writes the file through live.add (checked with the whole folder, written,
 * reloaded, with no other change in between). What waits for Save is kept in the bot's records
 * (records.ts: in Redis with several replicas, so that Save works on whichever one the press reaches),
 * for 30 minutes, with a list of each admin's imports beside it.
 *
 * Reading a link waits for the network (up to 20 s), and a page is read in a thread of its own
 * (import/isolated.ts): only this admin's chat waits meanwhile (updates are ordered per chat), the other
 * chats go on.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type CallbackQueryContext, Composer, type Filter } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { DEFAULT_TIME_ZONE } from "../../config.js";
import { findFigures } from "../../engine/read/figures.js";
import { latestPublicationDate } from "../../import/dates.js";
import { FetchError, type FetchLimits, fetchPage, InternalAddressError, type Network } from "../../import/fetch.js";
import {
  type ImportSource,
  type PreparedArticle,
  type PreparedImport,
  REGION_GUESSED,
  saveImport,
} from "../../import/import.js";
import { prepareIsolated } from "../../import/isolated.js";
import { sampleQuestions } from "../../import/questions.js";
import type { Field } from "../../import/types.js";
import { MAX_ARTICLE_BYTES } from "../../knowledge/load.js";
import { KnowledgeBusy } from "../../live.js";
import { clip } from "../../render/clip.js";
import { clipButton, escapeHtml } from "../../render/telegram.js";
import type { BotContext, BotDeps } from "../context.js";
import { download } from "../download.js";
import { openMemoryRecords, type RecordStore } from "../records.js";
import { busyReport, reloadReport, replyChunks } from "./report.js";

export interface ImportOptions {
  /** How long downloading an uploaded file may take. Default 30 s. */
  readonly downloadTimeoutMs?: number;
  /** Limits on fetching a link (default: the import library's, 20 s and 5 MB). */
  readonly fetchLimits?: Partial<FetchLimits>;
  /** How links are resolved and fetched (tests). Default: the system's resolver and http/https. */
  readonly fetchNetwork?: Network;
  /** How long a preview waits for Save. Default 30 min. */
  readonly pendingMs?: number;
  /** How long reading a page and checking it with the folder may take. Default 60 s. */
  readonly prepareTimeoutMs?: number;
}

/** Bytes in hand (what was downloaded, fetched or pasted), or the article already extracted from them. */
type Source = Exclude<ImportSource, string>;

interface Pending {
  readonly token: string;
  readonly admin: number;
  source: Source;
  readonly given: Partial<Record<Field, string>>;
  /** The field asked for, while the admin is expected to reply with it. */
  asking?: Field;
  article?: PreparedArticle;
  questions?: string[];
}

/** Pasted text at least this long that reads as an article (not a question) is imported. */
export const MIN_PASTE_CHARS = 200;
const MAX_PENDING_PER_ADMIN = 3;
const FILE_TYPES = /\.(html?|txt|md)$/i;

const FIELD_NAMES: Record<Field, string> = {
  title: "标题",
  publisher: "发布者（报纸、网站或公众号）",
  date: "发布日期",
  url: "原文链接",
  author: "作者",
  region: "地区",
  id: "ID",
};
const FIELD_HINTS: Partial<Record<Field, string>> = {
  title: "请回复文章标题：",
  publisher: "请回复发布者（例如 山西经济日报）：",
  date: "请回复发布日期（YYYY-MM-DD，例如 2024-11-20）：",
  url: "请回复原文链接（http:// 或 https:// 开头）：",
};

/** A link alone in a message. */
export const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text.trim());

/** Long text with several sentences that does not end as a question: an article pasted in. */
export function isPastedArticle(text: string): boolean {
  const t = text.trim();
  const sentences = (t.match(/[。！；]/gu) ?? []).length;
  return [...t].length >= MIN_PASTE_CHARS && sentences >= 2 && !/[？?吗呢]\s*$/u.test(t);
}

/** What every handler of this feature shares: the bot's parts, the options and the imports waiting for Save. */
interface Imports {
  readonly deps: BotDeps;
  readonly options: ImportOptions;
  readonly pendingMs: number;
  readonly pending: RecordStore<Pending>;
  /** Each admin's imports by token, oldest first; a token whose import expired is skipped. */
  readonly byAdmin: RecordStore<string[]>;
}

export function importFeature(deps: BotDeps, options: ImportOptions = {}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const open = deps.records ?? openMemoryRecords;
  const capacity = Math.max(10, deps.config.adminIds.length * MAX_PENDING_PER_ADMIN);
  const imports: Imports = {
    deps,
    options,
    pendingMs: options.pendingMs ?? 30 * 60 * 1000,
    pending: open<Pending>("import", capacity),
    byAdmin: open<string[]>("imports", capacity),
  };
  const privateChat = feature.chatType("private");
  privateChat.on("message:document", (ctx) => onDocument(imports, ctx));
  privateChat.on("message:text", (ctx, next) => onText(imports, ctx, next));
  feature.callbackQuery(/^imp:([sc]):([\w-]+)$/, (ctx) => onPress(imports, ctx));
  return feature;
}

async function mine(imports: Imports, admin: number): Promise<Pending[]> {
  const tokens = (await imports.byAdmin.get(String(admin))) ?? [];
  const found = await Promise.all(tokens.map((t) => imports.pending.get(t)));
  return found.filter((p): p is Pending => p !== undefined && p.admin === admin);
}

async function keep(imports: Imports, p: Pending): Promise<void> {
  const { pending, byAdmin, pendingMs } = imports;
  const others = (await mine(imports, p.admin)).filter((o) => o.token !== p.token);
  const dropped = others.slice(0, Math.max(0, others.length - MAX_PENDING_PER_ADMIN + 1));
  const kept = others.slice(dropped.length);
  // The admin is answering one question at a time: a new import stops waiting for the old one's field.
  for (const o of kept.filter((k) => k.asking)) {
    delete o.asking;
    await pending.set(o.token, o, pendingMs);
  }
  for (const o of dropped) await pending.delete(o.token);
  await pending.set(p.token, p, pendingMs);
  await byAdmin.set(String(p.admin), [...kept.map((o) => o.token), p.token], pendingMs);
}

const cancelButton = (p: Pending): InlineKeyboardButton => ({ text: "取消", callback_data: `imp:c:${p.token}` });

const start = (imports: Imports, ctx: BotContext, source: Source) =>
  advance(imports, ctx, { token: randomBytes(6).toString("base64url"), admin: ctx.from!.id, source, given: {} });

/** Reads the source as it is now given, then asks for a field, shows the preview, or says why not. */
async function advance(imports: Imports, ctx: BotContext, p: Pending): Promise<void> {
  const { deps, options, pending } = imports;
  const { config } = deps;
  await ctx.replyWithChatAction("typing").catch(() => {});
  // Off this thread: a large or deeply nested page takes seconds to read, and the other chats go on. A link
  // was fetched here already, with its addresses checked: the thread is given bytes, never an address.
  const outcome = await prepareIsolated(
    {
      source: p.source,
      options: { knowledgeDir: config.knowledgeDir, given: p.given, now: deps.now(), timeZone: config.timeZone },
    },
    options.prepareTimeoutMs ? { timeoutMs: options.prepareTimeoutMs } : {},
  );
  if (!outcome.ok) {
    pending.delete(p.token);
    ctx.log.warn({ reason: outcome.reason }, "import not prepared");
    ctx.log.debug({ message: outcome.message }, "import not prepared");
    const timedOut = "读取这个网页用时太长，已经停止";
    const why = outcome.reason === "timeout" ? timedOut : "读取这个网页时出错";
    await ctx.reply(`${why}，没有保存任何内容。`);
    return;
  }
  const { prepared } = outcome;
  // The article is extracted once: a field the admin gives next is checked against it, the page not read
  // again.
  if (prepared.extracted) p.source = { extracted: prepared.extracted, name: p.source.name };
  const asking = prepared.missing[0];
  if (asking) {
    p.asking = asking;
    await keep(imports, p);
    await ctx.reply(missingText(prepared, asking), { reply_markup: { inline_keyboard: [[cancelButton(p)]] } });
    return;
  }
  if (prepared.problems.length || !prepared.article) {
    await pending.delete(p.token);
    ctx.log.info({ problems: prepared.problems.length }, "import refused");
    await replyChunks(ctx, refusal(prepared));
    return;
  }
  delete p.asking;
  p.article = prepared.article;
  p.questions = sampleQuestions(prepared.extracted?.paragraphs ?? []);
  await keep(imports, p);
  ctx.log.info({ id: p.article.id, paragraphs: p.article.preview.paragraphs }, "import previewed");
  await ctx.reply(previewHtml(prepared, p.questions), {
    link_preview_options: { is_disabled: true },
    reply_markup: { inline_keyboard: [[{ text: "保存", callback_data: `imp:s:${p.token}` }, cancelButton(p)]] },
  });
}

/** What was read so far, and the field the admin is asked for next. */
function missingText(prepared: PreparedImport, asking: Field): string {
  const found = prepared.extracted;
  const title = prepared.fields.title?.value;
  const named = title ? `《${escapeHtml(title)}》` : "文章";
  const lines = [
    found ? `已读取${named}：${found.paragraphs.filter((x) => !x.heading).length} 段。` : "",
    prepared.futureDate ? `页面上的日期 ${prepared.futureDate} 晚于明天，不会是发布日期。` : "",
    `缺少：${prepared.missing.map((f) => FIELD_NAMES[f]).join("、")}。`,
    FIELD_HINTS[asking] ?? `请回复${FIELD_NAMES[asking]}：`,
  ];
  return lines.filter(Boolean).join("\n");
}

/** An uploaded file: downloaded within the size and time limits, then read. */
async function onDocument(imports: Imports, ctx: Filter<BotContext, "message:document">): Promise<void> {
  const { config } = imports.deps;
  const doc = ctx.message.document;
  const name = path.basename(doc.file_name ?? "");
  if (!FILE_TYPES.test(name)) {
    const types = ".html、.htm、.txt（网页另存的文字）或 .md 文件";
    await ctx.reply(`请发送 ${types}，或者直接发送文章链接。`);
    return;
  }
  const tooLarge = () => ctx.reply(`文件太大（上限 ${MAX_ARTICLE_BYTES / 1024 / 1024} MB），没有保存。`);
  if ((doc.file_size ?? 0) > MAX_ARTICLE_BYTES) return void (await tooLarge());
  const file = await ctx.getFile();
  if (!file.file_path) throw new Error("getFile returned no file_path");
  if ((file.file_size ?? 0) > MAX_ARTICLE_BYTES) return void (await tooLarge());
  const timeoutMs = imports.options.downloadTimeoutMs ?? 30_000;
  const bytes = await download(
    `${config.telegramApiRoot}/file/bot${ctx.api.token}/${file.file_path}`,
    MAX_ARTICLE_BYTES,
    timeoutMs,
  );
  if (bytes === "too large") return void (await tooLarge());
  if (bytes === "timed out") {
    ctx.log.warn({ timeout_ms: timeoutMs }, "upload download timed out");
    await ctx.reply(`下载文件超时（${timeoutMs / 1000} 秒），没有保存，请重新发送。`);
    return;
  }
  await start(imports, ctx, { bytes, name });
}

/** A text message: the field an import waits for, a link, or a pasted article; anything else goes on. */
async function onText(
  imports: Imports,
  ctx: Filter<BotContext, "message:text">,
  next: () => Promise<void>,
): Promise<void> {
  const text = ctx.message.text;
  if (text.startsWith("/")) return next();
  const waiting = (await mine(imports, ctx.from.id)).find((p) => p.asking);
  if (waiting?.asking) return giveField(imports, ctx, waiting, text);
  if (isLink(text)) return importLink(imports, ctx, text.trim());
  if (isPastedArticle(text)) {
    await start(imports, ctx, {
      bytes: Buffer.from(text, "utf8"),
      name: "粘贴的文字.txt",
      contentType: "text/plain; charset=utf-8",
    });
    return;
  }
  return next();
}

/** The admin's reply with the field asked for: checked, then the import goes on, or asked again. */
async function giveField(imports: Imports, ctx: BotContext, waiting: Pending, text: string): Promise<void> {
  const { deps } = imports;
  const asking = waiting.asking!;
  const checked = checkField(asking, text, deps.now(), deps.config.timeZone);
  if (!checked.ok) {
    await ctx.reply(`${checked.reason}\n${FIELD_HINTS[asking] ?? ""}`, {
      reply_markup: { inline_keyboard: [[cancelButton(waiting)]] },
    });
    return;
  }
  waiting.given[asking] = checked.value;
  await advance(imports, ctx, waiting);
}

/** A link: fetched here, with its addresses checked, then read; or the reason it was not fetched. */
async function importLink(imports: Imports, ctx: BotContext, address: string): Promise<void> {
  const { deps, options } = imports;
  await ctx.replyWithChatAction("typing").catch(() => {});
  try {
    const page = await fetchPage(address, {
      ...options.fetchLimits,
      allow: deps.config.fetchAllow,
      ...(options.fetchNetwork ? { network: options.fetchNetwork } : {}),
    });
    await start(imports, ctx, {
      bytes: page.bytes,
      name: address,
      url: page.url,
      ...(page.contentType ? { contentType: page.contentType } : {}),
    });
  } catch (e) {
    if (e instanceof InternalAddressError) {
      ctx.log.warn({ address: e.address, redirected: e.redirected }, "import link refused: internal address");
      await ctx.reply(internalRefusal(e), { link_preview_options: { is_disabled: true } });
      return;
    }
    if (!(e instanceof FetchError)) throw e;
    ctx.log.info("import link not read");
    ctx.log.debug({ reason: e.message }, "import link not read");
    await ctx.reply(`无法读取这个链接，没有保存任何内容：\n<code>${escapeHtml(e.message)}</code>`, {
      link_preview_options: { is_disabled: true },
    });
  }
}

/** Save or Cancel pressed under a preview. */
async function onPress(imports: Imports, ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { pending, deps } = imports;
  const p = await pending.get(ctx.match[2]!);
  // Deleted first: of two presses (on two replicas), one goes on.
  if (!p || p.admin !== ctx.from.id || !(await pending.delete(p.token))) {
    await ctx.answerCallbackQuery({ text: "这个预览已过期或已处理，请重新发送链接或文件。" });
    return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
  if (ctx.match[1] === "c" || !p.article) {
    await ctx.answerCallbackQuery({ text: "已取消" });
    await ctx.reply("已取消，没有保存任何文件。");
    return;
  }
  await ctx.answerCallbackQuery({ text: "正在保存…" });
  await save(ctx, deps, p.article, p.questions ?? []);
}

class SaveRefused extends Error {
  constructor(readonly problems: string[]) {
    super("save refused");
  }
}

async function save(
  ctx: BotContext,
  deps: BotDeps,
  article: PreparedArticle,
  questions: readonly string[],
): Promise<void> {
  const dir = deps.config.knowledgeDir;
  let outcome: Awaited<ReturnType<BotDeps["live"]["add"]>>;
  try {
    // Checked with the folder as every earlier change left it, written, then reloaded: one change at a
    // time.
    outcome = await deps.live.add({ [article.file]: article.text }, async () => {
      const saved = await saveImport(dir, article);
      if (!saved.ok) throw new SaveRefused(saved.problems);
    });
  } catch (e) {
    if (e instanceof KnowledgeBusy) {
      ctx.log.warn(
        { file: article.file, reason: e.reason, holder: e.holder },
        "import not saved: the knowledge folder is busy",
      );
      await ctx.reply(busyReport(e));
      return;
    }
    if (!(e instanceof SaveRefused)) throw e;
    await replyChunks(ctx, `没有保存：\n${e.problems.map((p) => `<code>${escapeHtml(p)}</code>`).join("\n")}`);
    return;
  }
  const { checked, reloaded } = outcome;
  if (!reloaded) {
    ctx.log.info({ file: article.file, problems: checked.ok ? 0 : checked.problems.length }, "import rejected");
    await replyChunks(ctx, reloadReport(checked, "保存"));
    return;
  }
  ctx.log.info({ file: article.file, ok: reloaded.ok }, "article imported");
  const keyboard: InlineKeyboardButton[][] = [];
  if (reloaded.ok) {
    for (const q of questions) {
      const answer = await deps.live.ask(q, deps.now());
      if (answer.answered) keyboard.push([{ text: clipButton(q), callback_data: deps.callbacks.encode(q) }]);
    }
  }
  await ctx.reply(
    `已保存 <code>${escapeHtml(article.file)}</code>（《${escapeHtml(article.fields.title)}》）。\n\n` +
      `${reloadReport(reloaded, "重新加载")}${keyboard.length ? "\n\n现在可以问：" : ""}`,
    {
      link_preview_options: { is_disabled: true },
      ...(keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    },
  );
}

/** Why a link to the bot's own network is not fetched, and who can allow it. */
function internalRefusal(e: InternalAddressError): string {
  const where = escapeHtml(e.address);
  const why = e.redirected
    ? `这个链接跳转到内部地址（${where}），不能导入。`
    : `这个链接指向内部地址（${where}），不能导入。`;
  return `${why}\n没有读取这个地址。如确需导入，请运维人员在 FETCH_ALLOW_HOSTS 中允许它。`;
}

/** Why an import cannot be saved, for the admin: the library's messages, file:line where there is one. */
function refusal(prepared: PreparedImport): string {
  const { depth, elements } = prepared.tooComplex ?? {};
  const notRead = "不像一篇文章的网页，无法读取，没有保存任何内容。";
  if (depth) return `这个网页的结构嵌套了 ${depth} 层，${notRead}`;
  if (elements) return `这个网页有 ${elements} 个元素，太大了，${notRead}`;
  const lines = prepared.problems.map((p) => `• <code>${escapeHtml(p)}</code>`);
  return `没有保存，知识库保持不变：\n${lines.join("\n")}`;
}

function previewHtml(prepared: PreparedImport, questions: readonly string[]): string {
  const a = prepared.article!;
  const p = a.preview;
  const numbers = (prepared.extracted?.paragraphs ?? [])
    .filter((x) => !x.heading)
    .reduce((n, x) => n + findFigures(x.text).length, 0);
  const parts = [
    "<b>预览：确认后保存</b>",
    [
      `标题：${escapeHtml(p.title)}`,
      `发布：${escapeHtml(p.publisher)} · ${escapeHtml(p.date)}`,
      `链接：<a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a>`,
      `正文 ${p.paragraphs} 段${p.headings ? `（${p.headings} 个小标题）` : ""}，` +
        `${p.characters} 字，数字 ${numbers} 个，图片 ${p.figures} 张`,
      ...regionLine(prepared),
      `文件：<code>${escapeHtml(a.file)}</code>`,
    ].join("\n"),
    `<blockquote>${p.firstLines.map(escapeHtml).join("\n")}</blockquote>`,
  ];
  if (questions.length) parts.push(`保存后可以问：\n${questions.map((q) => `• ${escapeHtml(q)}`).join("\n")}`);
  if (prepared.unsure.length)
    parts.push(
      `请核对：\n${prepared.unsure
        .slice(0, 5)
        .map((u) => `• ${escapeHtml(u)}`)
        .join("\n")}`,
    );
  const html = parts.join("\n\n");
  return html.length <= 4000 ? html : `${parts.slice(0, 3).join("\n\n")}`;
}

/** Where the region came from, for an admin: a guess says from what, so a wrong one is corrected before saving. */
const REGION_FROM: Record<string, string> = {
  [REGION_GUESSED.title]: "据标题推断",
  [REGION_GUESSED.lead]: "据导语推断",
};

function regionLine(prepared: PreparedImport): string[] {
  const found = prepared.fields.region;
  if (!found) return [];
  const from = REGION_FROM[found.from];
  return [`地区：${escapeHtml(found.value)}${from ? `（${from}）` : ""}`];
}

type Checked = { ok: true; value: string } | { ok: false; reason: string };

/** A value the admin typed for a field, checked and put in the form the article file takes. */
export function checkField(field: Field, raw: string, now: Date, timeZone = DEFAULT_TIME_ZONE): Checked {
  const text = raw.trim();
  if (field === "date") {
    const m = text.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u);
    if (!m) return { ok: false, reason: `“${escapeHtml(clip(text, 40))}” 不是日期。` };
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
      return { ok: false, reason: `${y}年${mo}月${d}日 不存在。` };
    const value = date.toISOString().slice(0, 10);
    // The same limit as for a date the page gives: no later than tomorrow where the users are.
    if (value > latestPublicationDate(now, timeZone))
      return { ok: false, reason: "这个日期还没到（最晚可以是明天）。" };
    return { ok: true, value };
  }
  if (field === "url") {
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return { ok: true, value: url.href };
    } catch {
      // falls through
    }
    return { ok: false, reason: "这不是 http(s) 链接。" };
  }
  if (/\n/.test(text)) return { ok: false, reason: `${FIELD_NAMES[field]}只能有一行。` };
  const max = field === "title" ? 200 : 100;
  if ([...text].length < 2 || [...text].length > max)
    return { ok: false, reason: `${FIELD_NAMES[field]}应为 2 到 ${max} 个字。` };
  return { ok: true, value: text };
}
