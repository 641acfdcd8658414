/**
 * Admins: /reload, /stats, importing articles in chat (links, files, pasted text), /articles,
 * /remove and /unanswered. One filter lets admins in; anyone else who tries a command, a file or an
 * admin button is refused, and the attempt is logged (with the hashed user id).
 */
import { Composer } from "grammy";
import { type FeedbackStore, summarizeFeedback } from "../../feedback.js";
import { clip } from "../../render/clip.js";
import { escapeHtml } from "../../render/telegram.js";
import { articlesFeature } from "../admin/articles.js";
import { type ImportOptions, importFeature } from "../admin/import.js";
import { reloadReport, replyChunks } from "../admin/report.js";
import { unansweredFeature } from "../admin/unanswered.js";
import { type BotContext, type BotDeps, isAdmin } from "../context.js";

export type AdminOptions = ImportOptions;

/** Commands only admins may use, each refused to others. */
const ADMIN_ONLY = ["reload", "stats", "articles", "remove", "unanswered"] as const;

export function adminFeature(deps: BotDeps, feedback: FeedbackStore, options: AdminOptions = {}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { config } = deps;
  const byAdmin = (ctx: BotContext) => isAdmin(ctx, config);
  const admin = feature.filter(byAdmin);
  const others = feature.drop(byAdmin);

  const refuse = (action: string) => async (ctx: BotContext) => {
    ctx.log.warn({ user: ctx.from ? deps.hashUser(ctx.from.id) : undefined, action }, "refused: not an admin");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: "抱歉，这个操作只对管理员开放。" });
    else await ctx.reply("抱歉，这个命令只对管理员开放。");
  };
  for (const command of ADMIN_ONLY) others.command(command, refuse(command));
  others.chatType("private").on("message:document", refuse("upload"));
  others.callbackQuery(/^(imp|arts|rm):/, refuse("button"));

  admin.command("reload", async (ctx) => {
    const result = await deps.live.reload();
    ctx.log.info(
      {
        ok: result.ok,
        ms: result.ms,
        ...(result.ok ? { version: result.version } : { problems: result.problems.length }),
      },
      "reload",
    );
    await replyChunks(ctx, reloadReport(result, "重新加载"));
  });

  admin.command("stats", async (ctx) => {
    await replyChunks(ctx, await statsReport(deps, feedback));
  });

  admin.use(importFeature(deps, options));
  admin.use(articlesFeature(deps));
  admin.use(unansweredFeature(deps));
  return feature;
}

/**
 * /stats: the knowledge, the counts (of this process, or of every replica), the replicas, the questions
 * not answered.
 */
async function statsReport(deps: BotDeps, feedback: FeedbackStore): Promise<string> {
  const now = deps.now();
  const kb = deps.live.summary;
  const since = (d: Date) => formatDuration(now.getTime() - d.getTime());
  const [snapshot, replicas] = await Promise.all([
    deps.stats.snapshot(now).catch(() => undefined),
    deps.replicas?.list().catch(() => undefined),
  ]);
  const lines = [
    "<b>统计</b>",
    `知识库：${kb.articles.length} 篇文章，${kb.facts.length} 条数据，` +
      `版本 <code>${kb.version}</code>（${deps.live.loadedAt.toISOString()} 加载）`,
  ];
  if (snapshot) {
    const s = snapshot;
    lines.push(
      s.scope === "process"
        ? `启动以来：已回答 ${s.answered}，未回答 ${s.unanswered}`
        : `累计（所有副本，自 ${s.since.toISOString().slice(0, 10)} 起）：` +
            `已回答 ${s.answered}，未回答 ${s.unanswered}`,
      `今天：已回答 ${s.answeredToday}，未回答 ${s.unansweredToday}`,
    );
    if (s.helpful || s.unhelpful) lines.push(`反馈：👍 ${s.helpful}，👎 ${s.unhelpful}`);
  } else {
    const buffered = `，本副本有 ${deps.stats.pending} 条记录在缓冲中，恢复后写入`;
    const pending = deps.stats.pending ? buffered : "";
    lines.push(`统计暂不可用：共享存储（Redis）连接中断${pending}。`);
  }
  if (!deps.replicas) {
    lines.push(`运行时间：${since(deps.startedAt)}`);
  } else if (replicas) {
    const self = deps.replicas.self;
    const rows = replicas.map(
      (r) =>
        `• <code>${escapeHtml(r.id)}</code>${r.id === self ? "（本副本）" : ""}：` +
        `版本 <code>${escapeHtml(r.version)}</code>，运行 ${since(r.startedAt)}`,
    );
    lines.push(`<b>副本</b>（${replicas.length} 个在线）\n${rows.join("\n")}`);
  } else {
    lines.push(
      "副本列表暂不可用：共享存储（Redis）连接中断。" +
        `本副本 <code>${escapeHtml(deps.replicas.self)}</code>：运行 ${since(deps.startedAt)}`,
    );
  }
  if (snapshot) {
    const top = snapshot.topUnanswered.length
      ? snapshot.topUnanswered.map((u, i) => `${i + 1}. ${escapeHtml(u.question)}（${u.count} 次）`).join("\n")
      : "（暂无）";
    const week = snapshot.scope === "replicas" ? "（最近 7 天）" : "";
    lines.push(`<b>最常见的未回答问题</b>${week}\n${top}`);
  }
  const kept = await feedback.list().catch(() => undefined);
  if (!kept) {
    // Redis down (or the file unreadable): no counts at all rather than counts of nothing.
    lines.push("<b>评价</b>：暂不可用（存储无法读取）。");
    return lines.join("\n\n");
  }
  const votes = summarizeFeedback(kept);
  const worstLine = (w: (typeof votes.worst)[number], i: number) => {
    const article = w.article ? `（<code>${escapeHtml(w.article)}</code>）` : "";
    return `${i + 1}. ${escapeHtml(w.question)} → ${escapeHtml(clip(w.answer, 80))}${article}：👎 ${w.count}`;
  };
  const worst = votes.worst.length ? votes.worst.map(worstLine).join("\n") : "（暂无）";
  lines.push(`<b>评价</b>：👍 ${votes.up}，👎 ${votes.down}\n<b>👎 最多的回答</b>\n${worst}`);
  return lines.join("\n\n");
}

function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d ? `${d} 天 ` : ""}${h} 小时 ${m} 分 ${s % 60} 秒`;
}
