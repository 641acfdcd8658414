/**
 * Questions: any text in a private chat; in groups, a mention of the bot, a reply to the bot, or
 * /ask (also /ask@botname); and the "ask this next" buttons under answers.
 */
import { Composer } from "grammy";
import { seriesAnswer } from "../../render/telegram.js";
import { LABELS } from "../../render/words.js";
import { CHART } from "../callbacks.js";
import type { BotContext, BotDeps } from "../context.js";
import { askAndRecord, replyWithAnswer, sendAnswer } from "../reply.js";

export function askFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("ask", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) {
      await ctx.reply("用法：/ask 你的问题，例如 /ask 忻州新能源装机有多少？");
      return;
    }
    await replyWithAnswer(ctx, deps, question);
  });

  feature.chatType("private").on("message:text", async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) return next();
    await replyWithAnswer(ctx, deps, ctx.message.text);
  });

  feature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
    const me = ctx.me.username.toLowerCase();
    const text = ctx.message.text;
    const mentioned = (ctx.message.entities ?? []).some(
      (e) => e.type === "mention" && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me,
    );
    const repliesToMe = ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (!mentioned && !repliesToMe) return next();
    if (text.startsWith("/")) return next();
    const question = text.replace(new RegExp(`@${me}\\b`, "gi"), " ").trim();
    if (!question) {
      const example = `@${ctx.me.username} 忻州接待游客多少人次？`;
      await ctx.reply(`请在提到我时附上问题，例如：${example}`, {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      });
      return;
    }
    await replyWithAnswer(ctx, deps, question);
  });

  feature.callbackQuery(/^[qh]:/, async (ctx) => {
    const question = await deps.callbacks.decode(ctx.callbackQuery.data);
    if (!question) {
      await ctx.answerCallbackQuery({ text: "这个按钮已过期，请直接发送问题。" });
      return;
    }
    await ctx.answerCallbackQuery();
    await replyWithAnswer(ctx, deps, question);
  });

  // 📈 under an answer of one period: the same measure over the years, as text and a chart.
  feature.callbackQuery(new RegExp(`^${CHART}[qh]:`), async (ctx) => {
    const question = await deps.callbacks.decode(ctx.callbackQuery.data);
    const asked = question === undefined ? undefined : await askAndRecord(ctx, deps, question);
    const series = asked && seriesAnswer(asked);
    if (!series) {
      await ctx.answerCallbackQuery({ text: LABELS.zh.chartExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendAnswer(ctx, deps, series);
  });

  return feature;
}
