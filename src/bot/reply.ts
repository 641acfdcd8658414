/**
 * Answering a question in a chat: complete a follow-up against the conversation's last answered question, ask
 * the engine that is live now, record it, send the rendered reply, and for a figure over the years its chart as
 * a photo after the text.
 */

import { InputFile } from "grammy";
import type { Answer } from "../engine/index.js";
import { previousOf, turnOf } from "../engine/understand/followup.js";
import { chartsOf, chartTitle } from "../render/chart.js";
import { chartCaption, renderAnswer } from "../render/telegram.js";
import { directAnswer } from "../render/words.js";
import type { HashUser } from "../users.js";
import { feedbackRow } from "./answers.js";
import type { BotContext, BotDeps } from "./context.js";

/**
 * Whose conversation a message belongs to: a private chat, or one member of a group (members ask apart);
 * ids hashed as logs show them. None without a chat and a sender.
 */
export function conversationKey(ctx: BotContext, hashUser: HashUser): string | undefined {
  if (!ctx.chat || !ctx.from) return undefined;
  return `${hashUser(ctx.chat.id)}:${hashUser(ctx.from.id)}`;
}

export async function replyWithAnswer(ctx: BotContext, deps: BotDeps, message: string): Promise<void> {
  const key = conversationKey(ctx, deps.hashUser);
  const previous = key ? await deps.frames?.get(key) : undefined;
  const { question, understood } = turnOf(previous, message);
  const answer = await askAndRecord(ctx, deps, question);
  if (key && answer.answered) await deps.frames?.set(key, previousOf(question));
  await sendAnswer(ctx, deps, answer, understood);
}

/** Asks the live engine, counting the question in the stats and in the update's log line. */
export async function askAndRecord(ctx: BotContext, deps: BotDeps, question: string): Promise<Answer> {
  const now = deps.now();
  const answer = await deps.live.ask(question, now);
  deps.stats.record(question, answer.answered, ctx.from?.id, now);
  ctx.outcome = { answered: answer.answered };
  ctx.log.debug({ question, answered: answer.answered }, "question");
  return answer;
}

/** The answer's messages, with its buttons under the last; a series' charts after them. */
export async function sendAnswer(ctx: BotContext, deps: BotDeps, answer: Answer, understood?: string): Promise<void> {
  const { question } = answer;
  // Drawn in the chart thread while the text goes out.
  const charts = answer.series?.length ? drawCharts(ctx, deps, answer) : undefined;
  const rendered = renderAnswer(answer, deps.callbacks.encode, deps.callbacks.encodeChart, understood);
  const { chunks } = rendered;
  const url = answer.citations[0]?.url;
  // Awaited before the reply goes out, so that a press on another replica finds it (and the question
  // buttons' records, written before it on the same connection, are in Redis by then too).
  const id = await deps.answers?.remember({
    question,
    answer: directAnswer(answer),
    answered: answer.answered,
    keyboard: rendered.keyboard,
    ...(url ? { url } : {}),
    ...(ctx.from ? { asker: ctx.from.id } : {}),
    ...(ctx.chat ? { chat: ctx.chat.id } : {}),
  });
  const keyboard = id === undefined ? rendered.keyboard : [...rendered.keyboard, feedbackRow(id)];
  const inGroup = ctx.chat?.type !== "private";
  const replyTo =
    inGroup && ctx.msg?.message_id
      ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
      : {};
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunk, {
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? replyTo : {}),
      ...(last && keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
  }
  for (const chart of (await charts) ?? []) {
    await ctx.replyWithPhoto(new InputFile(chart.png, "chart.png"), { caption: chart.caption, ...replyTo });
  }
}

/**
 * The series' charts with their captions; none when drawing fails (the text has every figure already, so a
 * chart that cannot be drawn costs the picture, not the answer).
 */
async function drawCharts(ctx: BotContext, deps: BotDeps, answer: Answer) {
  const points = answer.series ?? [];
  const title = chartTitle(answer);
  const specs = chartsOf(title, points);
  try {
    const started = performance.now();
    const pngs = await deps.charts.render(specs);
    ctx.log.debug({ charts: pngs.length, ms: Math.round(performance.now() - started) }, "charts drawn");
    return specs.map((spec, i) => ({
      png: pngs[i]!,
      caption: chartCaption(
        points.filter((p) => p.unit === spec.unit),
        spec.title,
        answer.lang,
      ),
    }));
  } catch (e) {
    ctx.log.warn({ err: e }, "chart not drawn");
    return [];
  }
}
