/**
 * An article of one 60 KB sentence with no punctuation (a pasted page) is in the base: a question about a
 * figure inside it is answered, and another user asking at the same time is answered too, through the
 * real bot and the stand-in Bot API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { updates } from "../helpers/bot-api.js";
import { knowledgeWithOneLongSentence, removeKnowledgeDirs } from "../helpers/knowledge.js";

const ASKER = 11;
const OTHER = 12;
/** The bar for the long question: well above the ~0.1 s it takes, far below the 11 s quadratic reading took. */
const LONG_QUESTION_MS = 3000;

let bot: TestBot;

beforeAll(async () => {
  const dir = knowledgeWithOneLongSentence();
  bot = await startTestBot({ env: { KNOWLEDGE_DIR: dir }, bot: { rateLimit: 1000 } });
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

describe("a question over one 60 KB sentence", () => {
  it("is answered with the figure it asks for, and another user asking meanwhile is answered", async () => {
    const { api } = bot;
    const long = api.nextCall("sendMessage", (c) => c.params.chat_id === ASKER);
    const other = api.nextCall("sendMessage", (c) => c.params.chat_id === OTHER);
    const started = performance.now();
    api.push(updates.privateText(ASKER, "宁武县粮食总产量是多少？"));
    api.push(updates.privateText(OTHER, "忻州新能源装机有多少？"));
    expect((await long).params.text).toContain("42.5万吨");
    expect(performance.now() - started).toBeLessThan(LONG_QUESTION_MS);
    expect((await other).params.text).toContain("1200万千瓦");
  });
});
