/**
 * Admins: /reload, /stats, and uploading an article as a .md document in a private chat. One filter
 * lets admins in; anyone else who tries is refused, and the attempt is logged (with the hashed user id).
 */
import { Composer } from "grammy";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_ARTICLE_BYTES } from "../../knowledge/load.js";
import { formatProblem } from "../../model/knowledge.js";
import type { ReloadResult } from "../../live.js";
import { escapeHtml, splitMessage } from "../../render/telegram.js";
import { isAdmin, type BotContext, type BotDeps } from "../context.js";

export interface AdminOptions {
  /** How long downloading an uploaded file may take. Default 30 s. */
  readonly downloadTimeoutMs?: number;
}

export function adminFeature(deps: BotDeps, options: AdminOptions = {}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { config } = deps;
  const byAdmin = (ctx: BotContext) => isAdmin(ctx, config);
  const admin = feature.filter(byAdmin);
  const others = feature.drop(byAdmin);

  const refuse = (action: string) => async (ctx: BotContext) => {
    ctx.log.warn({ user: ctx.from ? deps.hashUser(ctx.from.id) : undefined, action }, "refused: not an admin");
    await ctx.reply("抱歉，这个命令只对管理员开放。");
  };
  others.command("reload", refuse("reload"));
  others.command("stats", refuse("stats"));
  others.chatType("private").on("message:document", refuse("upload"));

  admin.command("reload", async (ctx) => {
    const result = await deps.live.reload();
    ctx.log.info({ ok: result.ok, ms: result.ms, ...(result.ok ? { version: result.version } : { problems: result.problems.length }) }, "reload");
    await replyChunks(ctx, reloadReport(result, "重新加载"));
  });

  admin.command("stats", async (ctx) => {
    const now = deps.now();
    const s = deps.stats.snapshot(now);
    const kb = deps.live.summary;
    const uptime = formatDuration(now.getTime() - deps.startedAt.getTime());
    const top = s.topUnanswered.length
      ? s.topUnanswered.map((u, i) => `${i + 1}. ${escapeHtml(u.question)}（${u.count} 次）`).join("\n")
      : "（暂无）";
    await replyChunks(
      ctx,
      [
        "<b>统计</b>",
        `知识库：${kb.articles.length} 篇文章，${kb.facts.length} 条数据，版本 <code>${kb.version}</code>（${deps.live.loadedAt.toISOString()} 加载）`,
        `启动以来：已回答 ${s.answered}，未回答 ${s.unanswered}`,
        `今天：已回答 ${s.answeredToday}，未回答 ${s.unansweredToday}`,
        `运行时间：${uptime}`,
        `<b>最常见的未回答问题</b>\n${top}`,
      ].join("\n\n"),
    );
  });

  admin.chatType("private").on("message:document", async (ctx) => {
    const doc = ctx.message.document;
    const name = safeName(doc.file_name ?? "");
    if (!name) {
      await ctx.reply("请发送 .md 格式的文章文件（文件名只用字母、数字、-、_）。");
      return;
    }
    const tooLarge = () => ctx.reply(`文件太大（上限 ${MAX_ARTICLE_BYTES / 1024 / 1024} MB），没有保存。`);
    if ((doc.file_size ?? 0) > MAX_ARTICLE_BYTES) return void (await tooLarge());
    const file = await ctx.getFile();
    if (!file.file_path) throw new Error("getFile returned no file_path");
    if ((file.file_size ?? 0) > MAX_ARTICLE_BYTES) return void (await tooLarge());
    const url = `${config.telegramApiRoot}/file/bot${ctx.api.token}/${file.file_path}`;
    const timeoutMs = options.downloadTimeoutMs ?? 30_000;
    const bytes = await download(url, MAX_ARTICLE_BYTES, timeoutMs);
    if (bytes === "too large") return void (await tooLarge());
    if (bytes === "timed out") {
      ctx.log.warn({ file: name, timeout_ms: timeoutMs }, "upload download timed out");
      await ctx.reply(`下载文件超时（${timeoutMs / 1000} 秒），没有保存，请重新发送。`);
      return;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      await ctx.reply(`articles/${name}: 文件不是 UTF-8 文本，没有保存。`);
      return;
    }
    const rel = path.join("articles", name);
    const target = path.join(config.knowledgeDir, rel);
    // Checked with the folder as every earlier upload left it, written, then reloaded: one change at a time.
    const { checked, reloaded } = await deps.live.add({ [rel]: text }, async () => {
      // Written whole or not at all: a temporary file renamed into place.
      await writeFile(`${target}.uploading`, text);
      await rename(`${target}.uploading`, target);
    });
    if (!reloaded) {
      ctx.log.info({ file: rel, problems: checked.ok ? 0 : checked.problems.length }, "upload rejected");
      await replyChunks(ctx, reloadReport(checked, "上传"));
      return;
    }
    ctx.log.info({ file: rel, ok: reloaded.ok }, "article uploaded");
    await replyChunks(ctx, `已保存 <code>${escapeHtml(rel)}</code>。\n\n${reloadReport(reloaded, "重新加载")}`);
  });

  return feature;
}

/** The file's bytes, read no further than `maxBytes` and for no longer than `timeoutMs`. */
async function download(url: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array | "too large" | "timed out"> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
      await response.body?.cancel();
      return "too large";
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) return "too large"; // leaving the loop cancels the download
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (signal.aborted) return "timed out";
    throw e;
  }
}

function reloadReport(result: ReloadResult, what: string): string {
  if (result.ok && result.unchanged) {
    return `知识库没有变化（${result.articles} 篇文章，${result.facts} 条数据，版本 <code>${result.version}</code>），无需重建。`;
  }
  if (result.ok) {
    return `${what}成功：${result.articles} 篇文章，${result.facts} 条数据，用时 ${result.ms} ms，版本 <code>${result.version}</code>。`;
  }
  const lines = result.problems.map((p) => `<code>${escapeHtml(formatProblem(p))}</code>`);
  return `${what}失败，知识库保持不变。${result.problems.length} 个问题：\n${lines.join("\n")}`;
}

async function replyChunks(ctx: BotContext, html: string): Promise<void> {
  for (const chunk of splitMessage(html)) await ctx.reply(chunk, { link_preview_options: { is_disabled: true } });
}

/** A file name safe to write into articles/: letters, digits, '-', '_' and '.md', nothing else. */
function safeName(fileName: string): string | undefined {
  const base = path.basename(fileName);
  return /^[\w-][\w.-]{0,100}\.md$/i.test(base) && !base.includes("..") ? base : undefined;
}

function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d ? `${d} 天 ` : ""}${h} 小时 ${m} 分 ${s % 60} 秒`;
}
