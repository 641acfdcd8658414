/**
 * Admins: /reload, /stats, and uploading an article as a .md document in a private chat. One filter
 * lets admins in; anyone else who tries is refused, and the attempt is logged (with the hashed user id).
 */
import { Composer } from "grammy";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_ARTICLE_BYTES } from "../../knowledge/load.js";
import { formatProblem } from "../../model/knowledge.js";
import { KnowledgeBusy, type ReloadResult, type Spread } from "../../live.js";
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
    await replyChunks(ctx, await statsReport(deps));
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
    let added: Awaited<ReturnType<typeof deps.live.add>>;
    try {
      added = await deps.live.add({ [rel]: text }, async () => {
        // Written whole or not at all: a temporary file renamed into place.
        await writeFile(`${target}.uploading`, text);
        await rename(`${target}.uploading`, target);
      });
    } catch (e) {
      if (!(e instanceof KnowledgeBusy)) throw e;
      ctx.log.warn({ file: rel, reason: e.reason, holder: e.holder }, "upload not saved: the knowledge folder is busy");
      await ctx.reply(
        e.reason === "busy"
          ? `另一位管理员正在修改知识库（副本 <code>${escapeHtml(e.holder ?? "?")}</code>），文件没有保存，请稍后再发送。`
          : "共享存储（Redis）暂时不可用，无法确认没有别人同时在修改知识库，文件没有保存，请稍后再发送。",
      );
      return;
    }
    const { checked, reloaded } = added;
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
  const spread = result.ok && result.spread ? `\n\n${spreadReport(result.spread, result.version)}` : "";
  if (result.ok && result.unchanged) {
    return `知识库没有变化（${result.articles} 篇文章，${result.facts} 条数据，版本 <code>${result.version}</code>），无需重建。${spread}`;
  }
  if (result.ok) {
    return `${what}成功：${result.articles} 篇文章，${result.facts} 条数据，用时 ${result.ms} ms，版本 <code>${result.version}</code>。${spread}`;
  }
  const lines = result.problems.map((p) => `<code>${escapeHtml(formatProblem(p))}</code>`);
  return `${what}失败，知识库保持不变。${result.problems.length} 个问题：\n${lines.join("\n")}`;
}

/** How far a change reached the other replicas. */
function spreadReport(spread: Spread, version: string): string {
  if (!spread.ok) return "其他副本暂时没有收到通知（共享存储 Redis 连接中断），Redis 恢复后它们会自动读取新的知识库。";
  const behind = spread.replicas.filter((r) => r.version !== version);
  const total = spread.replicas.length;
  if (!behind.length) return `副本：${total} 个都已使用此版本。`;
  const list = behind.map((r) => `<code>${escapeHtml(r.id)}</code>（版本 <code>${escapeHtml(r.version)}</code>）`).join("，");
  return `副本：${total - behind.length}/${total} 个已使用此版本；还没有跟上：${list}。`;
}

/** /stats: the knowledge, the counts (of this process, or of every replica), the replicas, the questions not answered. */
async function statsReport(deps: BotDeps): Promise<string> {
  const now = deps.now();
  const kb = deps.live.summary;
  const since = (d: Date) => formatDuration(now.getTime() - d.getTime());
  const [snapshot, replicas] = await Promise.all([
    deps.stats.snapshot(now).catch(() => undefined),
    deps.replicas?.list().catch(() => undefined),
  ]);
  const lines = [
    "<b>统计</b>",
    `知识库：${kb.articles.length} 篇文章，${kb.facts.length} 条数据，版本 <code>${kb.version}</code>（${deps.live.loadedAt.toISOString()} 加载）`,
  ];
  if (snapshot) {
    const s = snapshot;
    lines.push(
      s.scope === "process"
        ? `启动以来：已回答 ${s.answered}，未回答 ${s.unanswered}`
        : `累计（所有副本，自 ${s.since.toISOString().slice(0, 10)} 起）：已回答 ${s.answered}，未回答 ${s.unanswered}`,
      `今天：已回答 ${s.answeredToday}，未回答 ${s.unansweredToday}`,
    );
    if (s.helpful || s.unhelpful) lines.push(`反馈：👍 ${s.helpful}，👎 ${s.unhelpful}`);
  } else {
    const pending = deps.stats.pending ? `，本副本有 ${deps.stats.pending} 条记录在缓冲中，恢复后写入` : "";
    lines.push(`统计暂不可用：共享存储（Redis）连接中断${pending}。`);
  }
  if (!deps.replicas) {
    lines.push(`运行时间：${since(deps.startedAt)}`);
  } else if (replicas) {
    const self = deps.replicas.self;
    const rows = replicas.map(
      (r) => `• <code>${escapeHtml(r.id)}</code>${r.id === self ? "（本副本）" : ""}：版本 <code>${escapeHtml(r.version)}</code>，运行 ${since(r.startedAt)}`,
    );
    lines.push(`<b>副本</b>（${replicas.length} 个在线）\n${rows.join("\n")}`);
  } else {
    lines.push(`副本列表暂不可用：共享存储（Redis）连接中断。本副本 <code>${escapeHtml(deps.replicas.self)}</code>：运行 ${since(deps.startedAt)}`);
  }
  if (snapshot) {
    const top = snapshot.topUnanswered.length
      ? snapshot.topUnanswered.map((u, i) => `${i + 1}. ${escapeHtml(u.question)}（${u.count} 次）`).join("\n")
      : "（暂无）";
    lines.push(`<b>最常见的未回答问题</b>${snapshot.scope === "replicas" ? "（最近 7 天）" : ""}\n${top}`);
  }
  return lines.join("\n\n");
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
