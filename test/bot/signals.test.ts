/**
 * Signals, as a container runtime or a terminal sends them to node running the bot (`node … src/main.ts`
 * itself, no npm in between): every mode shuts down cleanly, and a second signal does not cut it short.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_FLAGS } from "../../src/bench/run.js";
import { FakeBotApi, updates } from "../helpers/bot-api.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "../helpers/knowledge.js";

const running: ChildProcess[] = [];
const apis: FakeBotApi[] = [];

afterEach(async () => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const api of apis.splice(0)) await api.stop();
  removeKnowledgeDirs();
});

function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, [...BOT_FLAGS, "--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      BOT_TOKEN: "",
      KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
      DATA_DIR: knowledgeDir(),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const logged = async (text: string, timeoutMs = 20_000) => {
    for (const until = Date.now() + timeoutMs; !output.includes(text); ) {
      if (Date.now() > until) throw new Error(`no "${text}" in the output: ${output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, exited, logged, output: () => output };
}

describe("signals", () => {
  it("stop the console chat cleanly: SIGTERM ends it with code 0, as docker stop needs", async () => {
    const bot = startBot({});
    await bot.logged('"msg":"knowledge ready"');
    const started = Date.now();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(bot.output()).toContain('"msg":"stopped"');
  });

  it("stop the console chat on SIGINT too (Ctrl-C in docker run -it)", async () => {
    const bot = startBot({});
    await bot.logged('"msg":"knowledge ready"');
    bot.child.kill("SIGINT");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('"signal":"SIGINT"');
  });

  it("a second SIGTERM during shutdown does not kill the bot before it has finished", async () => {
    const api = await new FakeBotApi().start();
    apis.push(api);
    const bot = startBot({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    await api.waitForCall((c) => c.method === "getUpdates", 20_000);
    // An answer on its way through a slow Bot API: shutdown waits for it.
    api.fail("sendMessage", { status: 200, delayMs: 1500 });
    api.push(updates.privateText(5, "忻州市长是谁"));
    // The call is on record as soon as it arrives, before its slow answer.
    while (!api.calls.some((c) => c.method === "sendMessage" && c.params.chat_id === 5))
      await new Promise((r) => setTimeout(r, 10));
    bot.child.kill("SIGTERM");
    await bot.logged('"msg":"shutting down"');
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('"msg":"already shutting down"');
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(api.callsOf("sendMessage").filter((c) => c.params.chat_id === 5 && c.ok)).toHaveLength(1);
  });
});

describe("a bot whose output nobody reads", () => {
  // Its logs go into a pipe, as into a log shipper's; the shipper then dies (the pipe is closed) or hangs
  // (the pipe fills). Either way SIGTERM must stop the bot: a runtime would otherwise have to kill it.
  it.each(["closed", "stalled"] as const)(
    "stops on SIGTERM when the pipe's reader has %s",
    async (how) => {
      const api = await new FakeBotApi().start();
      apis.push(api);
      const fifo = path.join(knowledgeDir(), "logs");
      execFileSync("mkfifo", [fifo]);
      let reader: number | undefined = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writer = openSync(fifo, "w");
      const child = spawn(process.execPath, [...BOT_FLAGS, "--import", "tsx", "src/main.ts"], {
        env: {
          ...process.env,
          BOT_TOKEN: api.token,
          TELEGRAM_API_ROOT: api.apiRoot,
          KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
          DATA_DIR: knowledgeDir(),
          LOG_LEVEL: "debug",
        },
        stdio: ["ignore", writer, writer],
      });
      running.push(child);
      closeSync(writer);
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal })),
      );
      try {
        await api.waitForCall((c) => c.method === "getUpdates", 30_000);
        if (how === "closed") {
          closeSync(reader);
          reader = undefined;
        }
        // More output than a pipe holds (64 KiB): each question is logged at debug, 4.5 kB a line.
        const question = "忻州".repeat(750);
        const users = Array.from({ length: 30 }, (_, i) => 7000 + i);
        for (const id of users) api.push(updates.privateText(id, question));
        const answered = (id: number) => api.calls.some((c) => c.method === "sendMessage" && c.params.chat_id === id);
        for (const until = Date.now() + 60_000; !users.every(answered); ) {
          if (Date.now() > until) throw new Error("the bot did not answer every question");
          await new Promise((r) => setTimeout(r, 50));
        }
        const started = Date.now();
        child.kill("SIGTERM");
        const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 20_000))]);
        expect(stopped).toEqual({ code: 0, signal: null });
        expect(Date.now() - started).toBeLessThan(20_000);
      } finally {
        if (reader !== undefined) closeSync(reader);
      }
    },
    120_000,
  );

  it("a console chat whose reader has gone ends cleanly (code 0), as a pipe into head would", async () => {
    const bot = startBot({});
    await bot.logged('"msg":"knowledge ready"');
    bot.child.stdout!.destroy();
    bot.child.stdin!.write("忻州市长是谁\n忻州新能源装机有多少？\n");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain('"output":"EPIPE"');
    expect(bot.output()).not.toContain("Unhandled 'error' event");
  });
});
