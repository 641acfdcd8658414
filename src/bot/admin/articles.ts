/**
 * /articles: the articles, newest first, eight to a page with ◀ ▶; /remove ID: after a confirm
 * button, the article and the fact files about it alone move to DATA_DIR/removed/ and the base is
 * reloaded without them, in turn with the other changes (live.change), put back if it does not load.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type CallbackQueryContext, type CommandContext, Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { parseFactFile } from "../../knowledge/facts.js";
import { endRemoval, type Move, moveBack, moveToRemoved, planRemoval, removalOrder } from "../../knowledge/remove.js";
import type { KnowledgeSummary } from "../../model/knowledge.js";
import { escapeHtml } from "../../render/telegram.js";
import type { BotContext, BotDeps } from "../context.js";
import { openMemoryRecords, type RecordStore } from "../records.js";
import { reloadReport, replyChunks } from "./report.js";

export const ARTICLES_PER_PAGE = 8;
export const REMOVED_DIR = "removed";
/** How long a /remove waits for its confirmation. */
const CONFIRM_MS = 10 * 60 * 1000;

/** The removals asked for, by the token in their buttons, waiting for the admin who asked. */
type Confirming = RecordStore<{ id: string; admin: number }>;

export function articlesFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const dir = deps.config.knowledgeDir;
  // In the bot's records, so that the confirmation works on whichever replica the press reaches.
  const confirming = (deps.records ?? openMemoryRecords)<{ id: string; admin: number }>("remove", 50);

  const page = async (n: number) => articlesPage(deps.live.summary, await factCounts(dir), n);

  feature.command("articles", async (ctx) => {
    const { html, keyboard } = await page(0);
    await ctx.reply(html, {
      link_preview_options: { is_disabled: true },
      ...(keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
  });

  feature.callbackQuery(/^arts:(\d+)$/, async (ctx) => {
    const { html, keyboard } = await page(Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(html, {
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: keyboard },
      })
      .catch((e: unknown) => {
        ctx.log.debug({ err: e }, "articles page not edited");
      });
  });
  feature.callbackQuery("arts:-", (ctx) => ctx.answerCallbackQuery());

  feature.command("remove", (ctx) => askRemoval(deps, confirming, ctx));
  feature.callbackQuery(/^rm:([yn]):([\w-]+)$/, (ctx) => onRemovalPress(deps, confirming, ctx));

  return feature;
}

/** /remove ID: the files that would move, and a button to confirm. */
async function askRemoval(deps: BotDeps, confirming: Confirming, ctx: CommandContext<BotContext>): Promise<void> {
  const dir = deps.config.knowledgeDir;
  const id = ctx.match.trim();
  if (!id) {
    await ctx.reply("用法：/remove 文章ID（/articles 列出所有文章的 ID）");
    return;
  }
  const plan = await planRemoval(dir, id);
  if (!plan.ok) {
    await ctx.reply(escapeHtml(plan.reason));
    return;
  }
  const token = randomBytes(6).toString("base64url");
  await confirming.set(token, { id, admin: ctx.from!.id }, CONFIRM_MS);
  const title = deps.live.summary.articles.find((a) => a.id === id)?.title;
  const files = [plan.article, ...plan.facts].map((f) => `<code>${escapeHtml(f)}</code>`).join("、");
  await ctx.reply(
    `删除文章${title ? `《${escapeHtml(title)}》` : ""}（<code>${escapeHtml(id)}</code>）？\n` +
      `${files} 将移到 <code>${escapeHtml(path.join(deps.config.dataDir, REMOVED_DIR))}</code>` +
      "（不会彻底删除），知识库随后重新加载。",
    {
      reply_markup: {
        inline_keyboard: [
          [
            { text: "确认删除", callback_data: `rm:y:${token}` },
            { text: "取消", callback_data: `rm:n:${token}` },
          ],
        ],
      },
    },
  );
}

/** The confirm or cancel button under a /remove: the article's files moved out and the base reloaded. */
async function onRemovalPress(
  deps: BotDeps,
  confirming: Confirming,
  ctx: CallbackQueryContext<BotContext>,
): Promise<void> {
  const dir = deps.config.knowledgeDir;
  const asked = await confirming.get(ctx.match[2]!);
  // Deleted first: of two presses (on two replicas), one goes on.
  if (!asked || asked.admin !== ctx.from.id || !(await confirming.delete(ctx.match[2]!))) {
    await ctx.answerCallbackQuery({ text: "这个确认已过期，请重新发送 /remove。" });
    return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
  if (ctx.match[1] === "n") {
    await ctx.answerCallbackQuery({ text: "已取消" });
    await ctx.reply("已取消，文章保留。");
    return;
  }
  await ctx.answerCallbackQuery({ text: "正在删除…" });
  let moves: Move[] = [];
  let refused: string | undefined;
  // Planned again in turn: the folder may have changed since the admin was asked.
  const removedDir = path.join(deps.config.dataDir, REMOVED_DIR);
  let result: Awaited<ReturnType<BotDeps["live"]["change"]>>;
  try {
    result = await deps.live.change(
      async () => {
        const plan = await planRemoval(dir, asked.id);
        if (!plan.ok) {
          refused = plan.reason;
          return;
        }
        moves = await moveToRemoved(dir, removalOrder(plan), { removedDir, at: deps.now() });
      },
      () => moveBack(dir, moves),
    );
  } catch (e) {
    // The reload did not finish: the folder goes back to what the engine still answers from.
    if (moves.length) await moveBack(dir, moves);
    throw e;
  }
  if (moves.length && result.ok) await endRemoval(dir);
  if (refused) return void (await ctx.reply(escapeHtml(refused)));
  ctx.log.info({ id: asked.id, files: moves.length, ok: result.ok }, "article removed");
  if (!result.ok) {
    await replyChunks(ctx, `没有删除：${reloadReport(result, "删除后重新加载")}`);
    return;
  }
  const moved = moves.map((m) => `<code>${escapeHtml(path.basename(m.to))}</code>`).join("、");
  const done = `已删除 <code>${escapeHtml(asked.id)}</code>，文件移到 removed/：${moved}。`;
  await replyChunks(ctx, `${done}\n\n${reloadReport(result, "重新加载")}`);
}

/** Curated facts per article id, from the fact files as they are on disk. */
export async function factCounts(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const names = await readdir(path.join(dir, "facts")).catch(() => [] as string[]);
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith("."))) {
    const text = await readFile(path.join(dir, "facts", name), "utf8").catch(() => "");
    for (const { article } of parseFactFile(name, text).facts)
      if (article) counts.set(article, (counts.get(article) ?? 0) + 1);
  }
  return counts;
}

/** Page `n` (from 0) of the articles, newest first, with ◀ n/N ▶ buttons. */
export function articlesPage(
  summary: KnowledgeSummary,
  facts: ReadonlyMap<string, number>,
  n: number,
): { html: string; keyboard: InlineKeyboardButton[][] } {
  const sorted = [...summary.articles].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  const pages = Math.max(1, Math.ceil(sorted.length / ARTICLES_PER_PAGE));
  const at = Math.min(Math.max(0, n), pages - 1);
  const shown = sorted.slice(at * ARTICLES_PER_PAGE, (at + 1) * ARTICLES_PER_PAGE);
  const lines = shown.map((a, i) => {
    const link = `${at * ARTICLES_PER_PAGE + i + 1}. <a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a>`;
    const about = `${escapeHtml(a.date)} · ${facts.get(a.id) ?? 0} 条数据 · <code>${escapeHtml(a.id)}</code>`;
    return `${link}\n    ${about}`;
  });
  const heading = `<b>文章（${sorted.length} 篇，新的在前）</b> 第 ${at + 1}/${pages} 页`;
  const html = `${heading}\n\n${lines.join("\n")}\n\n删除：/remove ID`;
  const keyboard: InlineKeyboardButton[][] =
    pages > 1
      ? [
          [
            ...(at > 0 ? [{ text: "◀", callback_data: `arts:${at - 1}` }] : []),
            { text: `${at + 1}/${pages}`, callback_data: "arts:-" },
            ...(at < pages - 1 ? [{ text: "▶", callback_data: `arts:${at + 1}` }] : []),
          ],
        ]
      : [];
  return { html, keyboard };
}
