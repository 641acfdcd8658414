/** Inline mode: "@bot question" in any chat, up to ten answers, best first. */
import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { Answer } from "../../engine/index.js";
import { renderInlineResults } from "../../render/telegram.js";
import type { BotContext, BotDeps } from "../context.js";

/** Short, so that a reload shows quickly. */
export const INLINE_CACHE_SECONDS = 60;
const MAX_RESULTS = 10;

const resultId = (a: Answer) => createHash("sha256").update(`${a.answer}|${a.citations[0]?.url ?? ""}`).digest("hex").slice(0, 32);

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const now = deps.now();
    let answers: Answer[];
    if (!query) {
      // Headline facts: the knowledge base's example questions, answered.
      answers = (await Promise.all(deps.live.examples.map((q) => deps.live.ask(q, now)))).filter((a) => a.answered);
    } else {
      answers = await deps.live.askMany(query.slice(0, 256), now, MAX_RESULTS);
      deps.stats.record(query, answers[0]?.answered ?? false, ctx.from.id, now);
      ctx.outcome = { answered: answers[0]?.answered ?? false };
    }
    await ctx.answerInlineQuery(renderInlineResults(answers, resultId), { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });
  return feature;
}
