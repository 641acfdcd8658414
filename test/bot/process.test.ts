/** The bot as a child process with a token (`npm run dev`: `npm start` from the TypeScript sources): the real bot against the stand-in Bot API, then SIGTERM. */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

let api: FakeBotApi;
let child: ChildProcess;
let stderr = "";
let stdout = "";

beforeAll(async () => {
  api = await new FakeBotApi().start();
  child = spawn("npm", ["run", "--silent", "dev"], {
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
      DATA_DIR: knowledgeDir(),
      ADMIN_IDS: "42",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
});

afterAll(async () => {
  if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  await api.stop();
  removeKnowledgeDirs();
});

describe("npm start with BOT_TOKEN", () => {
  it("sets the command menu, answers a private question, and logs JSON without the token", async () => {
    const commands = await api.waitForCall((c) => c.method === "setMyCommands" && !c.params.scope, 30_000);
    expect(commands.params.commands.map((c: { command: string }) => c.command)).toEqual([
      "start",
      "help",
      "ask",
      "sources",
      "topics",
    ]);
    const admin = await api.waitForCall((c) => c.method === "setMyCommands" && c.params.scope?.chat_id === 42, 10_000);
    expect(admin.params.commands.map((c: { command: string }) => c.command)).toContain("reload");
    await api.waitForCall((c) => c.method === "getUpdates", 10_000);

    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === 5);
    api.push(updates.privateText(5, "忻州新能源装机有多少？"));
    expect((await reply).params.text).toContain("1200万千瓦");
    // The update's log line is written once its reply has been sent.
    for (let i = 0; i < 40 && !(stdout + stderr).includes('"msg":"update"'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const output = stdout + stderr;
    expect(output).toContain('"msg":"update"');
    expect(output).toContain('"answered":true');
    expect(output).not.toContain(api.token);
    expect(output).not.toContain("忻州新能源装机有多少");
  });

  it("stops on SIGTERM within a few seconds", async () => {
    // "close" waits for the bot itself, not only npm: it fires when every process holding the pipes is gone.
    const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
    const started = Date.now();
    // The whole process group gets the signal, as from a terminal or a container runtime.
    process.kill(-child.pid!, "SIGTERM");
    await exited;
    expect(Date.now() - started).toBeLessThan(6000);
    expect(stdout + stderr).toContain('"msg":"shutting down"');
    expect(stdout + stderr).toContain('"msg":"stopped"');
  });
});
