/** User ids as files and logs show them: a keyed hash, the key from USER_HASH_SECRET or kept in DATA_DIR. */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { USER_KEY_FILE, openUserHasher } from "../src/users.js";
import { knowledgeDir, removeKnowledgeDirs } from "./helpers/knowledge.js";

afterAll(removeKnowledgeDirs);

const ID = 1234567890;

describe("user ids", () => {
  it("are hashed under a key made in DATA_DIR the first time and kept across restarts", async () => {
    const dataDir = knowledgeDir();
    const first = await openUserHasher(undefined, dataDir);
    const keyFile = path.join(dataDir, USER_KEY_FILE);
    expect(readFileSync(keyFile, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const again = await openUserHasher(undefined, dataDir);
    expect(again(ID)).toBe(first(ID));
    expect(first(ID)).toMatch(/^[0-9a-f]{16}$/);
    expect(first(ID)).not.toBe(first(ID + 1));
  });

  it("differ from bot to bot: without the key, trying every id finds nothing", async () => {
    const a = await openUserHasher(undefined, knowledgeDir());
    const b = await openUserHasher(undefined, knowledgeDir());
    expect(a(ID)).not.toBe(b(ID));
    // Not the unkeyed hash the bot used to store, which anyone could recompute.
    expect(a(ID)).not.toBe(createHash("sha256").update(`xinzhou-bot-user:${ID}`).digest("hex").slice(0, 16));
  });

  it("use USER_HASH_SECRET when it is set, and write no key", async () => {
    const dataDir = knowledgeDir();
    const hash = await openUserHasher("a secret of at least sixteen characters", dataDir);
    const same = await openUserHasher("a secret of at least sixteen characters", knowledgeDir());
    expect(hash(ID)).toBe(same(ID));
    expect(() => statSync(path.join(dataDir, USER_KEY_FILE))).toThrow(/ENOENT/);
  });
});
