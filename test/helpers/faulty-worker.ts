/**
 * The engine's worker (src/thread/worker.ts) with two faults a question can set off: "crash!" ends the
 * thread and "hang!" never returns. Its own listener runs before the real worker's.
 */
import { parentPort } from "node:worker_threads";

parentPort!.on("message", ({ question }: { question: string }) => {
  if (question === "crash!") process.exit(3);
  if (question === "hang!") for (;;);
});
await import("../../src/thread/worker.js");
