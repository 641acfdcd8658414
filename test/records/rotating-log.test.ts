/** The file of records that the unanswered questions and the feedback share: bounded, in order, whole lines. */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rotatingLog } from "../../src/records/rotating-log.js";
import { knowledgeDir, removeKnowledgeDirs } from "../helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

const asN = (v: unknown) => (typeof (v as { n?: unknown })?.n === "number" ? (v as { n: number }).n : undefined);

describe("a rotating log", () => {
  it("keeps the newest records, in order, in at most two files of its size", async () => {
    const dir = knowledgeDir();
    const log = rotatingLog(dir, "x.jsonl", "x.1.jsonl", { maxBytes: 200 });
    for (let n = 0; n < 100; n++) await log.append({ n });
    expect(statSync(path.join(dir, "x.jsonl")).size).toBeLessThanOrEqual(200);
    expect(statSync(path.join(dir, "x.1.jsonl")).size).toBeLessThanOrEqual(200);
    const kept = await log.read(asN);
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 100 - kept.length + i));
    expect(kept.length).toBeGreaterThan(200 / '{"n":99}\n'.length);
  });

  it("closes a last line cut short before the next record, and reads past it, naming the line", async () => {
    const dir = knowledgeDir();
    writeFileSync(path.join(dir, "x.jsonl"), '{"n":1}\n{"n":2}\n{"n":');
    const problems: Error[] = [];
    const log = rotatingLog(dir, "x.jsonl", "x.1.jsonl", { onProblem: (e) => void problems.push(e) });
    await log.append({ n: 4 });
    expect(readFileSync(path.join(dir, "x.jsonl"), "utf8")).toBe('{"n":1}\n{"n":2}\n{"n":\n{"n":4}\n');
    expect(await log.read(asN)).toEqual([1, 2, 4]);
    expect(problems.map((e) => e.message)).toEqual(["x.jsonl: 1 line(s) not a record, skipped (line 3)"]);
  });
});
