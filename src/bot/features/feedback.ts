/**
 * 👍 / 👎 under answers, from whoever can see the answer where it was posted: the asker, and anyone in
 * the chat it was posted in (a group's members judge an answer they all read). A press from elsewhere
 * (callback data copied to another chat) is refused. A vote is recorded once per user and answer,
 * whichever replica takes it; the buttons then say it was recorded. A 👎 keeps the question, the answer
 * and its article (feedback.ts) so that an admin sees in /stats which answers people found wrong.
 */
import { Composer } from "grammy";
import type { FeedbackStore } from "../../feedback.js";
import type { AnswerRegistry, SentAnswer } from "../answers.js";
import type { BotContext, BotDeps } from "../context.js";

export function feedbackFeature(deps: BotDeps, feedback: FeedbackStore, answers: AnswerRegistry): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^fb:([ud]):([\w-]{1,40})$/, async (ctx) => {
    const vote = ctx.match[1] === "u" ? "up" : "down";
    const sent = await answers.get(ctx.match[2]!);
    if (!sent) {
      await ctx.answerCallbackQuery({ text: "这个回答太久了，无法再评价。" });
      return;
    }
    if (!mayVote(sent, ctx.from.id, ctx.callbackQuery.message?.chat.id)) {
      const who = "只有提问的人和这个回答所在聊天里的人";
      await ctx.answerCallbackQuery({ text: `${who}可以评价它。` });
      return;
    }
    const user = deps.hashUser(ctx.from.id);
    if (!(await answers.firstVote(ctx.match[2]!, user))) {
      await ctx.answerCallbackQuery({ text: "你已经评价过这个回答了。" });
      return;
    }
    const article = sent.url ? (deps.live.summary.articles.find((a) => a.url === sent.url)?.id ?? sent.url) : undefined;
    await feedback.record({
      at: deps.now(),
      vote,
      ...(article ? { article } : {}),
      // Only a 👎 is worth keeping the words (and who) for: someone should look at that answer.
      ...(vote === "down" ? { question: sent.question, answer: sent.answer, user } : {}),
    });
    // The counts behind /stats, shared by every replica when REDIS_URL is set.
    deps.stats.feedback({ helpful: vote === "up", at: deps.now() });
    ctx.log.info({ vote, answered: sent.answered, article }, "feedback");
    await ctx.answerCallbackQuery({
      text: vote === "up" ? "谢谢！已记录 👍" : "谢谢！已记录 👎，我们会检查这个回答。",
    });
    const recorded = { text: vote === "up" ? "已记录 👍" : "已记录 👎", callback_data: "fb:done" };
    await ctx
      .editMessageReplyMarkup({ reply_markup: { inline_keyboard: [...sent.keyboard, [recorded]] } })
      .catch((e: unknown) => {
        ctx.log.debug({ err: e }, "feedback buttons not updated");
      });
  });

  feature.callbackQuery("fb:done", (ctx) => ctx.answerCallbackQuery({ text: "已记录，谢谢。" }));
  return feature;
}

/** The asker, or anyone pressing the button in the chat where the answer was posted. */
function mayVote(sent: SentAnswer, user: number, chat: number | undefined): boolean {
  return user === sent.asker || (chat !== undefined && chat === sent.chat);
}
