/** /start, /help, /sources and /topics: what the bot knows and how to ask it. */
import { Composer } from "grammy";
import { escapeHtml, sourcesHtml, topicsHtml } from "../../render/telegram.js";
import type { BotContext, BotDeps } from "../context.js";
import { conversationKey } from "../reply.js";

/** The command menu, set with setMyCommands at start-up. */
export const PUBLIC_COMMANDS = [
  { command: "start", description: "我能回答什么，示例问题" },
  { command: "help", description: "怎么提问" },
  { command: "ask", description: "提问：/ask 忻州新能源装机有多少？" },
  { command: "sources", description: "知识库中的文章和链接" },
  { command: "topics", description: "知识库覆盖的主题" },
];
export const ADMIN_COMMANDS = [
  { command: "reload", description: "重新加载知识库（管理员）" },
  { command: "stats", description: "使用统计、未答问题和评价（管理员）" },
  { command: "articles", description: "文章列表（管理员）" },
  { command: "remove", description: "删除文章：/remove ID（管理员）" },
  { command: "unanswered", description: "未回答的问题和 CSV（管理员）" },
];

const ASK_PRIVATELY = "私聊：直接发送问题，例如“忻州新能源装机有多少？”。";
const HELP = [
  "<b>怎么提问</b>",
  `${ASK_PRIVATELY}简体、繁体、英文都可以，关键词也行。`,
  "群里：提到我（@{bot} 问题）、回复我的消息，或者发送 /ask 问题。",
  "任何聊天：输入 @{bot} 加问题，选择一条答案发送。",
  "每个答案都附有原文句子和文章链接；知识库里没有的，我会直说不知道。",
].join("\n\n");

export function commandsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    // /start begins a new conversation: a follow-up after it leans on nothing said before.
    const key = conversationKey(ctx, deps.hashUser);
    if (key) await deps.frames?.clear(key);
    const kb = deps.live.summary;
    const examples = deps.live.examples;
    await ctx.reply(
      [
        "<b>你好！我回答关于忻州市和太忻一体化经济区经济的问题。</b>",
        `我的知识库有 ${kb.articles.length} 篇新闻文章、${kb.facts.length} 条数据。` +
          "每个答案都给出数字、时间、原文和文章链接。",
        "试试下面的问题，或直接发送你的问题：",
      ].join("\n\n"),
      {
        reply_markup: { inline_keyboard: examples.map((q) => [{ text: q, callback_data: deps.callbacks.encode(q) }]) },
      },
    );
  });

  feature.command("help", (ctx) => ctx.reply(HELP.replaceAll("{bot}", escapeHtml(ctx.me.username))));

  feature.command("sources", async (ctx) => {
    for (const chunk of sourcesHtml(deps.live.summary)) {
      await ctx.reply(chunk, { link_preview_options: { is_disabled: true } });
    }
  });

  feature.command("topics", async (ctx) => {
    for (const chunk of topicsHtml(deps.live.summary)) await ctx.reply(chunk);
  });

  return feature;
}
