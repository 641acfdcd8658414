/**
 * Changes to the knowledge folder take turns (src/live.ts): a reload reports a reading of the folder
 * that began after it was asked for, and an added file is checked, written and reloaded with nothing
 * else in between. The folder is a stand-in here, so that each step happens exactly when the test says.
 */
import { describe, expect, it } from "vitest";
import {
  type AnsweringEngine,
  createLiveKnowledge,
  type InPlace,
  type Opened,
  type OpenKnowledge,
  type OpenRequest,
} from "../src/live.js";
import type { KnowledgeSummary } from "../src/model/knowledge.js";

const summary = (version: string): KnowledgeSummary => ({ version, articles: [], facts: [], places: [] });
const engine = (version: string): AnsweringEngine => ({
  summary: summary(version),
  examples: [],
  ask: () => Promise.reject(new Error("not asked here")),
  askMany: () => Promise.reject(new Error("not asked here")),
  close: async () => {},
});

/** A folder that is read only when the test lets each reading finish. */
function standInFolder() {
  const readings: { request: OpenRequest; finish: (o: Opened) => void }[] = [];
  const open: OpenKnowledge = (request) => new Promise((finish) => readings.push({ request, finish }));
  return { open, readings };
}
const settle = () => new Promise((r) => setTimeout(r, 10));

describe("changes to the knowledge", () => {
  it("a reload asked while another runs reads the folder again; those asked together share one", async () => {
    const { open, readings } = standInFolder();
    const live = createLiveKnowledge(engine("v1"), open);
    const first = live.reload();
    expect(live.reload()).toBe(first);
    await settle();
    expect(readings).toHaveLength(1);
    const second = live.reload();
    const third = live.reload();
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    readings[0]!.finish({ ok: true, summary: summary("v2"), engine: engine("v2") });
    expect(await first).toMatchObject({ ok: true, version: "v2" });
    await settle();
    expect(readings).toHaveLength(2);
    expect(readings[1]!.request).toMatchObject({ build: true, unlessVersion: "v2" });
    readings[1]!.finish({ ok: true, summary: summary("v3"), engine: engine("v3") });
    expect(await second).toMatchObject({ ok: true, version: "v3" });
    expect(live.summary.version).toBe("v3");
  });

  it("an added file waits for the change before it, is written only when valid, and its reload includes it", async () => {
    const { open, readings } = standInFolder();
    const live = createLiveKnowledge(engine("v1"), open);
    const written: string[] = [];
    const reload = live.reload();
    const files = { "articles/new.md": "text" };
    const added = live.add(files, async () => void written.push("new.md"));
    await settle();
    // The reload asked first is still reading: the new file is neither checked nor written yet.
    expect(readings).toHaveLength(1);
    readings[0]!.finish({ ok: true, summary: summary("v1") });
    await reload;
    await settle();
    expect(readings[1]!.request).toEqual({ extra: files, build: false });
    expect(written).toEqual([]);
    readings[1]!.finish({ ok: true, summary: summary("v2") });
    await settle();
    expect(written).toEqual(["new.md"]);
    expect(readings[2]!.request).toMatchObject({ build: true, unlessVersion: "v1" });
    readings[2]!.finish({ ok: true, summary: summary("v2"), engine: engine("v2") });
    expect(await added).toMatchObject({ checked: { ok: true }, reloaded: { ok: true, version: "v2" } });
  });

  it("an added file that makes the folder invalid is not written", async () => {
    const { open, readings } = standInFolder();
    const live = createLiveKnowledge(engine("v1"), open);
    const written: string[] = [];
    const added = live.add({ "articles/bad.md": "x" }, async () => void written.push("bad.md"));
    await settle();
    readings[0]!.finish({ ok: false, problems: [{ file: "articles/bad.md", line: 1, message: "no front matter" }] });
    expect(await added).toMatchObject({ checked: { ok: false } });
    expect((await added).reloaded).toBeUndefined();
    expect(written).toEqual([]);
    expect(readings).toHaveLength(1);
  });

  it("a reload first asks the engine to take the change in place, and opens a new engine only when it cannot", async () => {
    const { open, readings } = standInFolder();
    let version = "v1";
    const outcomes: InPlace[] = [
      { kind: "updated", summary: summary("v2"), examples: [], changed: ["articles/new.md"] },
      { kind: "unchanged" },
      { kind: "rebuild", reason: "the glossary changed" },
    ];
    const inPlace: AnsweringEngine = {
      ...engine("v1"),
      get summary() {
        return summary(version);
      },
      update: async () => {
        const next = outcomes.shift()!;
        if (next.kind === "updated") version = next.summary.version;
        return next;
      },
    };
    const live = createLiveKnowledge(inPlace, open);
    expect(await live.reload()).toMatchObject({ ok: true, version: "v2", inPlace: ["articles/new.md"] });
    expect(await live.reload()).toMatchObject({ ok: true, version: "v2", unchanged: true });
    expect(readings).toHaveLength(0);
    const third = live.reload();
    await settle();
    expect(readings).toHaveLength(1);
    readings[0]!.finish({ ok: true, summary: summary("v3"), engine: engine("v3") });
    expect(await third).toMatchObject({ ok: true, version: "v3" });
    expect(live.summary.version).toBe("v3");
  });

  it("a reload while the engine is broken opens a new one, even of the broken one's version", async () => {
    const { open, readings } = standInFolder();
    const update = async (): Promise<InPlace> => ({ kind: "rebuild", reason: "broken" });
    const broken: AnsweringEngine = { ...engine("v1"), broken: "its thread was lost", update };
    const live = createLiveKnowledge(broken, open);
    const reload = live.reload();
    await settle();
    expect(readings[0]!.request.unlessVersion).toBeUndefined();
    readings[0]!.finish({ ok: true, summary: summary("v1"), engine: engine("v1") });
    const result = await reload;
    expect(result).toMatchObject({ ok: true, version: "v1" });
    expect(result.ok && result.unchanged).toBeFalsy();
    expect(live.broken).toBeUndefined();
  });
});
