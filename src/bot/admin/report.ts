/** How admin replies say what a reload did, and sending long HTML in pieces. */
import type { ReloadResult } from "../../live.js";
import { formatProblem } from "../../model/knowledge.js";
import { escapeHtml, splitMessage } from "../../render/telegram.js";
import type { BotContext } from "../context.js";

export function reloadReport(result: ReloadResult, what: string): string {
  if (result.ok && result.unchanged) {
    return `知识库没有变化（${result.articles} 篇文章，${result.facts} 条数据，版本 <code>${result.version}</code>），无需重建。`;
  }
  if (result.ok) {
    return `${what}成功：${result.articles} 篇文章，${result.facts} 条数据，用时 ${result.ms} ms，版本 <code>${result.version}</code>。`;
  }
  const lines = result.problems.map((p) => `<code>${escapeHtml(formatProblem(p))}</code>`);
  return `${what}失败，知识库保持不变。${result.problems.length} 个问题：\n${lines.join("\n")}`;
}

export async function replyChunks(ctx: BotContext, html: string): Promise<void> {
  for (const chunk of splitMessage(html)) await ctx.reply(chunk, { link_preview_options: { is_disabled: true } });
}
