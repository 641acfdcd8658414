/** The console chat keeps the conversation's last answered question, so that a follow-up there is read whole. */
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../src/console.js";
import type { Engine } from "../src/engine/index.js";
import { engineFor, NOW } from "./helpers/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor();
}, 180_000);

describe("console chat", () => {
  it("answers a follow-up as the whole question and says how it took it", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (d) => (written += d));
    input.end("忻州新能源和清洁能源装机有多少？\n占全省比重呢？\n");
    const asking = { ask: async (q: string, now: Date) => engine.ask(q, now), summary: engine.kb, examples: [] };
    await runConsole(asking as never, { input, output, json: true, now: () => NOW });
    const [first, second] = written
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.understood).toBeUndefined();
    expect(second.understood).toBe("忻州新能源和清洁能源装机占全省比重");
    expect(second.answer).toContain("17.38%");
    expect(second.text.startsWith("按“忻州新能源和清洁能源装机占全省比重”理解：")).toBe(true);
  });
});
