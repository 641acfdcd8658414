/** How admin replies say what a reload did, and sending long HTML in pieces. */
import type { ReloadResult, Spread } from "../../live.js";
import { formatProblem } from "../../model/knowledge.js";
import { escapeHtml, splitMessage } from "../../render/telegram.js";
import type { BotContext } from "../context.js";

export function reloadReport(result: ReloadResult, what: string): string {
  const spread = result.ok && result.spread ? `\n\n${spreadReport(result.spread, result.version)}` : "";
  if (result.ok) {
    const counts = `${result.articles} 篇文章，${result.facts} 条数据`;
    const version = `版本 <code>${result.version}</code>`;
    if (result.unchanged) return `知识库没有变化（${counts}，${version}），无需重建。${spread}`;
    return `${what}成功：${counts}，用时 ${result.ms} ms，${version}。${spread}`;
  }
  const lines = result.problems.map((p) => `<code>${escapeHtml(formatProblem(p))}</code>`);
  return `${what}失败，知识库保持不变。${result.problems.length} 个问题：\n${lines.join("\n")}`;
}

export async function replyChunks(ctx: BotContext, html: string): Promise<void> {
  for (const chunk of splitMessage(html)) await ctx.reply(chunk, { link_preview_options: { is_disabled: true } });
}

/** How far a change reached the other replicas. */
function spreadReport(spread: Spread, version: string): string {
  const notified = "其他副本暂时没有收到通知（共享存储 Redis 连接中断），";
  if (!spread.ok) return `${notified}Redis 恢复后它们会自动读取新的知识库。`;
  const behind = spread.replicas.filter((r) => r.version !== version);
  const total = spread.replicas.length;
  if (!behind.length) return `副本：${total} 个都已使用此版本。`;
  const list = behind
    .map((r) => `<code>${escapeHtml(r.id)}</code>（版本 <code>${escapeHtml(r.version)}</code>）`)
    .join("，");
  return `副本：${total - behind.length}/${total} 个已使用此版本；还没有跟上：${list}。`;
}

/** What an admin is told when the folder is being changed elsewhere, or the lock cannot be checked. */
export function busyReport(e: { reason: string; holder?: string | undefined }): string {
  const later = "没有保存，请稍后再试。";
  return e.reason === "busy"
    ? `另一位管理员正在修改知识库（副本 <code>${escapeHtml(e.holder ?? "?")}</code>），${later}`
    : `共享存储（Redis）暂时不可用，无法确认没有别人同时在修改知识库，${later}`;
}
