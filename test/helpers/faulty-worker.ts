/**
 * The engine's worker (src/thread/worker.ts) with faults a question can set off: "crash!" ends the
 * thread, "hang!" never returns, and "slow!" keeps the thread busy for 2.5 s before the real worker
 * answers it. Its own listener runs before the real worker's.
 */
import { parentPort } from "node:worker_threads";

const SLOW_MS = 2500;

parentPort!.on("message", ({ question }: { question: string }) => {
  if (question === "crash!") process.exit(3);
  if (question === "hang!") for (;;);
  if (question === "slow!") {
    const until = Date.now() + SLOW_MS;
    while (Date.now() < until);
  }
});
await import("../../src/thread/worker.js");
