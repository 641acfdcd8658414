/**
 * Admins: /reload, /stats, and uploading an article as a .md document in a private chat. Every
 * admin action checks the sender; a refused attempt is logged.
 */
import { Composer } from "grammy";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem } from "../../knowledge/types.js";
import type { ReloadResult } from "../../live.js";
import { escapeHtml, splitMessage } from "../../render/telegram.js";
import { isAdmin, type BotContext, type BotDeps } from "../context.js";

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function adminFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { config } = deps;

  const refuse = async (ctx: BotContext, action: string) => {
    ctx.log.warn({ user: ctx.from ? deps.hashUser(ctx.from.id) : undefined, action }, "refused: not an admin");
    await ctx.reply("抱歉，这个命令只对管理员开放。");
  };

  feature.command("reload", async (ctx) => {
    if (!isAdmin(ctx, config)) return refuse(ctx, "reload");
    const result = await deps.live.reload();
    ctx.log.info({ ok: result.ok, ms: result.ms, ...(result.ok ? { version: result.version } : { problems: result.problems.length }) }, "reload");
    await replyChunks(ctx, reloadReport(result, "重新加载"));
  });

  feature.command("stats", async (ctx) => {
    if (!isAdmin(ctx, config)) return refuse(ctx, "stats");
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

  feature.chatType("private").on("message:document", async (ctx) => {
    if (!isAdmin(ctx, config)) return refuse(ctx, "upload");
    const doc = ctx.message.document;
    const name = safeName(doc.file_name ?? "");
    if (!name) {
      await ctx.reply("请发送 .md 格式的文章文件（文件名只用字母、数字、-、_）。");
      return;
    }
    if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
      await ctx.reply(`文件太大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）。`);
      return;
    }
    const file = await ctx.getFile();
    if (!file.file_path) throw new Error("getFile returned no file_path");
    const response = await fetch(`${config.telegramApiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      await ctx.reply(`articles/${name}: 文件不是 UTF-8 文本，没有保存。`);
      return;
    }
    const rel = path.join("articles", name);
    const checked = await deps.live.check({ [rel]: text });
    if (!checked.ok) {
      ctx.log.info({ file: rel, problems: checked.problems.length }, "upload rejected");
      await replyChunks(ctx, reloadReport(checked, "上传"));
      return;
    }
    // Written whole or not at all: a temporary file renamed into place.
    const target = path.join(config.knowledgeDir, rel);
    await writeFile(`${target}.uploading`, text);
    await rename(`${target}.uploading`, target);
    const reloaded = await deps.live.reload();
    ctx.log.info({ file: rel, ok: reloaded.ok }, "article uploaded");
    await replyChunks(ctx, `已保存 <code>${escapeHtml(rel)}</code>。\n\n${reloadReport(reloaded, "重新加载")}`);
  });

  return feature;
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
  for (const chunk of splitMessage(html)) await ctx.reply(chunk, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
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
