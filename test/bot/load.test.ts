/**
 * Load through the stand-in Bot API server: 2,000 updates from 200 users and 20 groups, handed out as
 * fast as the bot takes them. Every question answered exactly once, order kept within each chat, no
 * crash, memory back to its steady level afterwards; the rate is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { type FakeBotApi, updates } from "../helpers/bot-api.js";
import { engineFor, NOW } from "../helpers/engine.js";
import { removeKnowledgeDirs } from "../helpers/knowledge.js";

const USERS = 200;
const GROUPS = 20;
const PER_USER = 8;
const PER_GROUP = 20;
const QUESTIONS = [
  "忻州市长是谁",
  "忻州新能源装机有多少？",
  "忻州接待游客多少人次",
  "忻州杂粮种植面积有多大？",
  "忻州省外游客占比",
  "太忻一体化经济区重大项目总投资多少",
  "太忻一体化经济区涉及多少个县(市、区)？",
  "忻州市属国企完成投资多少",
];

let bot: TestBot;
let api: FakeBotApi;
/** The answers expected, from the engine in this thread. */
let expectedAnswers: Map<string, string>;

beforeAll(async () => {
  bot = await startTestBot({ logLevel: "silent" });
  api = bot.api;
  const engine = await engineFor();
  expectedAnswers = new Map(QUESTIONS.map((q) => [q, engine.ask(q, NOW, bot.config.timeZone).answer]));
  await api.waitForCall((c) => c.method === "getUpdates");
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

/** One round of 2,000 updates; resolves with the rate and checks every reply. */
async function round(): Promise<number> {
  const expected = new Map<number, string[]>();
  const bold = (q: string) => expectedAnswers.get(q)!;
  const groupAsks = new Map<number, number[]>();
  const before = api.callsOf("sendMessage").length;
  const started = performance.now();
  let pushed = 0;
  for (let k = 0; k < Math.max(PER_USER, PER_GROUP); k++) {
    for (let u = 0; u < USERS && k < PER_USER; u++) {
      const user = 10_000 + u;
      const q = QUESTIONS[(u + k) % QUESTIONS.length]!;
      expected.set(user, [...(expected.get(user) ?? []), bold(q)]);
      api.push(updates.privateText(user, q));
      pushed++;
    }
    for (let g = 0; g < GROUPS && k < PER_GROUP; g++) {
      const group = -200_000 - g;
      const update = updates.groupText(
        group,
        10_000 + ((g * PER_GROUP + k) % USERS),
        `/ask ${QUESTIONS[k % QUESTIONS.length]}`,
      );
      groupAsks.set(group, [...(groupAsks.get(group) ?? []), update.message.message_id]);
      api.push(update);
      pushed++;
    }
  }
  expect(pushed).toBe(2000);
  await api.waitForCall(() => api.callsOf("sendMessage").length - before >= pushed, 120_000).catch(() => undefined);
  while (api.callsOf("sendMessage").filter((c) => c.ok).length - before < pushed)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;

  const sent = api
    .callsOf("sendMessage")
    .slice(before)
    .filter((c) => c.ok);
  expect(sent).toHaveLength(pushed);
  for (const [user, answers] of expected) {
    const got = sent
      .filter((c) => c.params.chat_id === user)
      .map((c) =>
        String(c.params.text)
          .match(/^<b>(.*?)<\/b>/)![1]!
          .replace(/&amp;/g, "&"),
      );
    expect(got).toEqual(answers);
  }
  for (const [group, ids] of groupAsks) {
    expect(sent.filter((c) => c.params.chat_id === group).map((c) => c.params.reply_parameters?.message_id)).toEqual(
      ids,
    );
  }
  return pushed / seconds;
}

describe("load", () => {
  it("answers 2,000 updates from 200 users and 20 groups exactly once, in order per chat, without growing", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed / 1e6;
    };
    const first = await round();
    const steady = heap();
    const second = await round();
    const after = heap();
    // Printed for the README's numbers; the assertions above are the test.
    console.log(
      `load: ${first.toFixed(0)} and ${second.toFixed(0)} updates/s; heap ${steady.toFixed(1)} MB after the first round, ${after.toFixed(1)} MB after the second`,
    );
    expect(after).toBeLessThan(steady + 10);
  }, 300_000);
});
