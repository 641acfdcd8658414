/**
 * The bot while an admin's file breaks the knowledge folder: a YAML alias bomb is refused by /reload
 * with its file and line while the old knowledge keeps answering, and an engine thread lost meanwhile
 * comes back with the last good knowledge, not with the folder's broken state.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/bot.js";
import { updates } from "../helpers/bot-api.js";
import { article, GOOD, removeKnowledgeDirs } from "../helpers/knowledge.js";

const ADMIN = 42;
const USER = 7;

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({
    env: { ADMIN_IDS: String(ADMIN) },
    // "crash!" ends the engine's thread (test/helpers/faulty-worker.ts).
    thread: { script: new URL("../helpers/faulty-worker.ts", import.meta.url) },
  });
});

afterAll(async () => {
  await bot?.stop();
  removeKnowledgeDirs();
});

async function exchange(chat: number, text: string): Promise<string> {
  const next = bot.api.nextCall("sendMessage", (c) => c.params.chat_id === chat);
  bot.api.push(updates.privateText(chat, text));
  return (await next).params.text as string;
}

/** Front matter whose aliases expand to 9^6 strings ("billion laughs"). */
function aliasBomb(): string {
  const level = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(`*${of}`).join(", ")}]`;
  const front = Object.entries(GOOD).map(([k, v]) => `${k}: ${v}`);
  const lines = ["---", ...front, `l0: &l0 [${Array(9).fill('"lol"').join(", ")}]`];
  for (let i = 1; i <= 6; i++) lines.push(level(`l${i}`, `l${i - 1}`));
  return `${lines.join("\n")}\n---\n\n忻州市今年接待游客100万人次。\n`;
}

const articles = () => path.join(bot.config.knowledgeDir, "articles");

describe("a file that breaks the folder", () => {
  it("an alias bomb: /reload fails naming it and the old knowledge answers; removed, /reload works", async () => {
    writeFileSync(path.join(articles(), "bomb.md"), aliasBomb());
    const failed = await exchange(ADMIN, "/reload");
    expect(failed).toContain("重新加载失败，知识库保持不变");
    expect(failed).toMatch(/articles\/bomb\.md:\d+: YAML: its aliases expand to too much/);
    expect(await exchange(USER, "忻州新能源装机有多少？")).toContain("1200万千瓦");

    rmSync(path.join(articles(), "bomb.md"));
    const later = article({ ...GOOD, id: "later", url: "https://example.org/later" }, "定襄县今年新增法兰企业17家。");
    writeFileSync(path.join(articles(), "later.md"), later);
    expect(await exchange(ADMIN, "/reload")).toContain("重新加载成功");
    expect(await exchange(USER, "定襄县新增法兰企业多少家？")).toContain("17家");
  });

  it("an engine thread lost while the folder is invalid comes back with the last good knowledge", async () => {
    writeFileSync(path.join(articles(), "half.md"), article({ ...GOOD, id: "half", date: "9999-99-99" }));
    expect(await exchange(USER, "crash!")).toContain("出错了");
    expect(await exchange(USER, "忻州新能源装机有多少？")).toContain("1200万千瓦");
    // The article taken in before the folder broke is part of the last good knowledge.
    expect(await exchange(USER, "定襄县新增法兰企业多少家？")).toContain("17家");
    expect(bot.notes).toContain("warn: engine thread replaced");

    const failed = await exchange(ADMIN, "/reload");
    expect(failed).toContain("重新加载失败，知识库保持不变");
    expect(failed).toContain("articles/half.md:4:");
    rmSync(path.join(articles(), "half.md"));
    expect(await exchange(ADMIN, "/reload")).toMatch(/知识库没有变化|重新加载成功/);
    expect(await exchange(USER, "忻州新能源装机有多少？")).toContain("1200万千瓦");
  });
});
