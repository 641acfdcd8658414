/**
 * Inline mode: "@bot question" in any chat, up to ten answers, best first. Telegram sends an inline
 * query for every keystroke, so a query is counted (and, unanswered, written down) only when its sender
 * picks a result: the chosen_inline_result update, which needs inline feedback on (@BotFather,
 * /setinlinefeedback).
 */

import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { Answer } from "../../engine/index.js";
import { clip } from "../../render/clip.js";
import { renderInlineResults } from "../../render/telegram.js";
import { directAnswer } from "../../render/words.js";
import type { BotContext, BotDeps } from "../context.js";

/** Short, so that a reload shows quickly. */
export const INLINE_CACHE_SECONDS = 60;
const MAX_RESULTS = 10;

/** The result's id says whether it is an answer ("a…") or a "no answer" ("n…"), for when it is chosen. */
const resultId = (a: Answer) =>
  `${a.answered ? "a" : "n"}${createHash("sha256")
    .update(`${directAnswer(a)}|${a.citations[0]?.url ?? ""}`)
    .digest("hex")
    .slice(0, 32)}`;

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
      answers = await deps.live.askMany(clip(query, 256), now, MAX_RESULTS);
      ctx.outcome = { answered: answers[0]?.answered ?? false };
    }
    await ctx.answerInlineQuery(renderInlineResults(answers, resultId), {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: false,
    });
  });
  feature.on("chosen_inline_result", (ctx) => {
    const chosen = ctx.chosenInlineResult;
    const answered = chosen.result_id.startsWith("a");
    deps.stats.record(clip(chosen.query.trim(), 256), answered, chosen.from.id, deps.now());
    ctx.outcome = { answered };
  });
  return feature;
}
