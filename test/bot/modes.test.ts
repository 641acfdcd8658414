/** Start-up modes as a person runs them (`npm run dev`, the bot from its sources, in a child process): webhook, and a 409 from a second instance. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const running: { child: ChildProcess; api: FakeBotApi }[] = [];

afterEach(async () => {
  for (const { child, api } of running.splice(0)) {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    await api.stop();
  }
  removeKnowledgeDirs();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

function start(api: FakeBotApi, env: Record<string, string> = {}) {
  const child = spawn("npm", ["run", "--silent", "dev"], {
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
      DATA_DIR: knowledgeDir(),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  running.push({ child, api });
  return { child, output: () => output };
}

describe("webhook mode", () => {
  it("sets the webhook with its secret, serves /healthz, refuses a wrong secret and answers a right one", async () => {
    const api = await new FakeBotApi().start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    start(api, { WEBHOOK_URL: url, WEBHOOK_SECRET: "s3cret-token", PORT: String(port) });
    const set = await api.waitForCall((c) => c.method === "setWebhook", 30_000);
    expect(set.params).toMatchObject({ url, secret_token: "s3cret-token" });

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const update = { update_id: 1, ...updates.privateText(9, "忻州市长是谁") };
    const post = (secret: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update),
      });
    expect((await post("wrong")).status).toBe(401);
    const reply = api.nextCall("sendMessage", (c) => c.params.chat_id === 9);
    expect((await post("s3cret-token")).status).toBe(200);
    expect((await reply).params.text).toContain("李建国");
  });
});

describe("a second instance", () => {
  it("logs a 409 conflict clearly and exits", async () => {
    const api = await new FakeBotApi().start();
    api.fail("getUpdates", {
      status: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const { child, output } = start(api);
    const code = await new Promise<number | null>((resolve) => child.once("close", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output()).toContain("409 Conflict: another instance is polling with this BOT_TOKEN");
    expect(output()).not.toContain(api.token);
  });

  it("refuses a token that Telegram rejects, in one clear line", async () => {
    const api = await new FakeBotApi().start();
    const { child, output } = start(api, { BOT_TOKEN: "123456:WRONG-token-abcdefghijklmnopqrstuvwxyz" });
    const code = await new Promise<number | null>((resolve) => child.once("close", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output()).toContain("Telegram rejected BOT_TOKEN");
  });
});
