/**
 * The bot as a process of its own (`node … src/main.ts` from the sources, with npm start's flags), as
 * a replica runs in a container: its output kept, waited on, stopped or killed by the test.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { BOT_FLAGS } from "../../src/bench/run.js";

export interface BotProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** Resolves once the output holds `text`. */
  logged(text: string, timeoutMs?: number): Promise<void>;
  /** Whether it still runs. */
  alive(): boolean;
  /** SIGTERM, then SIGKILL if it has not stopped in 5 s. */
  stop(): Promise<void>;
}

const running = new Set<BotProcess>();

export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [...BOT_FLAGS, "--import", "tsx", "src/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const bot: BotProcess = {
    child,
    exited,
    output: () => output,
    alive,
    async logged(text, timeoutMs = 30_000) {
      for (const until = Date.now() + timeoutMs; !output.includes(text); ) {
        if (!alive()) throw new Error(`the bot exited before logging "${text}": ${output.slice(-3000)}`);
        if (Date.now() > until)
          throw new Error(`no "${text}" in the output within ${timeoutMs} ms: ${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      running.delete(bot);
      if (!alive()) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
  running.add(bot);
  return bot;
}

/** Stops every bot process still running (afterAll). */
export async function stopBotProcesses(): Promise<void> {
  await Promise.all([...running].map((b) => b.stop()));
}
