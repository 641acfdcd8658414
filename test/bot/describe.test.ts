/**
 * Descriptive and overview questions in a chat: the defining sentence as the answer with its source, and an
 * overview as several headline figures, each with its period and source. All text here is invented.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { article, knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const USER = 11;
const DEFINED = "青岚新区是忻州市设立的省级新区，以数字经济和先进制造为主导产业。";

const FILES = {
  "glossary.yaml": readFileSync(path.join(SHIPPED, "glossary.yaml")),
  "articles/zone.md": article(
    {
      title: "青岚新区发展纪事",
      publisher: "测试日报",
      date: "2025-01-10",
      url: "https://example.org/zone",
      region: "青岚新区",
    },
    `为了承接京津冀产业转移，忻州市于2023年设立青岚新区。${DEFINED}`,
  ),
  "articles/county.md": article(
    {
      title: "静乐县2024年经济运行情况",
      publisher: "测试县报",
      date: "2025-02-15",
      url: "https://example.org/county",
      region: "静乐县",
    },
    [
      "2024年，静乐县地区生产总值52.3亿元，同比增长5.1%。",
      "2024年末，全县常住人口13.2万人。",
      "2024年，全县居民人均可支配收入18650元，同比增长6.3%。",
    ].join("\n\n"),
  ),
};

let bot: TestBot;
let api: FakeBotApi;
beforeAll(async () => {
  bot = await startTestBot({ env: { KNOWLEDGE_DIR: knowledgeDir(FILES) } });
  ({ api } = bot);
});
afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

async function reply(question: string): Promise<string> {
  const sent = api.nextCall("sendMessage", (c) => c.params.chat_id === USER);
  api.push(updates.privateText(USER, question));
  return (await sent).params.text as string;
}

describe("in a chat", () => {
  it("a descriptive question gets the defining sentence as written, with its source", async () => {
    const text = await reply("青岚新区是什么？");
    expect(text).toContain(`<b>${DEFINED}</b>`);
    expect(text).toContain(`<blockquote>${DEFINED}</blockquote>`);
    expect(text).toContain("https://example.org/zone");
  });

  it("an overview gets several headline figures, each with its period and source", async () => {
    const text = await reply("静乐县经济怎么样？");
    for (const line of [
      "· 地区生产总值：52.3亿元（2024年，测试县报 2025-02-15）",
      "· 常住人口：13.2万人（",
      "· 居民人均可支配收入：18650元（2024年，测试县报 2025-02-15）",
    ])
      expect(text).toContain(line);
    expect(text).toContain("https://example.org/county");
    expect(text).toContain("<blockquote>2024年末，全县常住人口13.2万人。</blockquote>");
  });
});
