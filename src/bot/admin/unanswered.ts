/**
 * /unanswered: what people asked that the bot could not answer, in the last 7 and 30 days, grouped
 * by what the questions ask (unanswered.ts), each with whether the knowledge answers it now; and
 * every kept question as a CSV document.
 */
import { Composer, InputFile } from "grammy";
import { escapeHtml } from "../../render/telegram.js";
import { groupUnanswered, type QuestionGroup, questionKey, unansweredCsv } from "../../unanswered.js";
import type { BotContext, BotDeps } from "../context.js";
import { replyChunks } from "./report.js";

const SHOWN = 10;
/** Distinct questions asked again of the engine for the "answered now" column; the rest is left blank. */
const MAX_REASKED = 500;

export function unansweredFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("unanswered", async (ctx) => {
    const now = deps.now();
    const records = await deps.stats.unansweredLog();
    if (!records.length) {
      await ctx.reply("还没有未回答的问题。");
      return;
    }
    // Whether the knowledge answers each question now (an article may have been added since).
    const answeredNow = new Map<string, boolean>();
    for (const r of [...records].reverse()) {
      const key = questionKey(r.question);
      if (answeredNow.has(key) || answeredNow.size >= MAX_REASKED) continue;
      answeredNow.set(key, (await deps.live.ask(r.question, now)).answered);
    }
    const section = (days: number, groups: QuestionGroup[]) => {
      const total = groups.reduce((n, g) => n + g.count, 0);
      const mark = (g: QuestionGroup) => (answeredNow.get(g.key) ? " ✅ 现在能回答" : "");
      const lines = groups
        .slice(0, SHOWN)
        .map((g, i) => `${i + 1}. ${escapeHtml(g.example)}（${g.count} 次）${mark(g)}`);
      return `<b>最近 ${days} 天</b>：${total} 次，${groups.length} 类\n${lines.join("\n") || "（无）"}`;
    };
    await replyChunks(
      ctx,
      [
        "<b>未回答的问题</b>（按问的内容归并，最多的在前）",
        section(7, groupUnanswered(records, now, 7)),
        section(30, groupUnanswered(records, now, 30)),
      ].join("\n\n"),
    );
    const csv = unansweredCsv(records, (q) => answeredNow.get(questionKey(q)));
    const day = now.toISOString().slice(0, 10);
    const columns = "time, question, user_hash, answered = 现在能否回答";
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `unanswered-${day}.csv`), {
      caption: `全部 ${records.length} 条未回答的问题（${columns}）`,
    });
  });

  return feature;
}
