/**
 * Telegram refusing a reply (a user who blocked the bot, a chat that is gone) is routine: the bot logs
 * which call failed and why, for the chat's hash, and never the user's id or what was asked or answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { updates } from "../helpers/bot-api.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";

const QUESTION = "忻州新能源装机有多少？";
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

describe("a reply Telegram refuses", () => {
  it.each([
    [400, 5550123401, "Bad Request: chat not found"],
    [403, 5550123402, "Forbidden: bot was blocked by the user"],
  ] as const)("(%i) is logged with the method, code, description and the chat's hash", async (status, user, why) => {
    const { api, logLines, hashUser } = bot;
    // The answer is refused; the apology that follows goes through.
    api.fail("sendMessage", { status, description: why });
    const apology = api.nextCall("sendMessage", (c) => c.params.chat_id === user && c.ok);
    api.push(updates.privateText(user, QUESTION));
    await apology;
    const refused = api.calls.find((c) => c.method === "sendMessage" && c.params.chat_id === user && !c.ok);
    expect(refused?.params.text).toContain("1200万千瓦");

    const logged = logLines.map((l) => JSON.parse(l));
    const failed = logged.find((l) => l.msg === "update failed" && l.chat === hashUser(user));
    const telegram = { method: "sendMessage", error_code: status, description: why };
    expect(failed).toMatchObject({ level: 50, telegram });
    const output = logLines.join("\n");
    expect(output).not.toContain(String(user));
    expect(output).not.toContain("忻州新能源装机");
    expect(output).not.toContain("1200万千瓦");
  });
});
