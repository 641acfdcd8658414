/** User ids as files and logs show them: a keyed hash, the key from USER_HASH_SECRET or kept in DATA_DIR. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openUserHasher, USER_KEY_FILE, UserKeyError } from "../src/users.js";
import { FakeBotApi } from "./helpers/bot-api.js";
import { knowledgeDir, removeKnowledgeDirs, SHIPPED } from "./helpers/knowledge.js";

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

  it("a key file cut short is refused, not used: an empty key would make every hash guessable", async () => {
    for (const short of ["", "\n", "0123456789abcdef"]) {
      const dataDir = knowledgeDir();
      writeFileSync(path.join(dataDir, USER_KEY_FILE), short);
      const opened = openUserHasher(undefined, dataDir);
      await expect(opened).rejects.toThrow(UserKeyError);
      await expect(opened).rejects.toThrow(`${path.join(dataDir, USER_KEY_FILE)} holds a key of`);
      // Left as it is for the operator to look at: hashes stored under it would no longer match.
      expect(readFileSync(path.join(dataDir, USER_KEY_FILE), "utf8")).toBe(short);
    }
  });

  it("is written whole: no temporary file is left, and the key is the file's whole text", async () => {
    const dataDir = knowledgeDir();
    await openUserHasher(undefined, dataDir);
    expect(readdirSync(dataDir)).toEqual([USER_KEY_FILE]);
    expect(readFileSync(path.join(dataDir, USER_KEY_FILE), "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("the bot does not start on a key file cut short, and says why in one line", async () => {
    const api = await new FakeBotApi().start();
    try {
      const dataDir = knowledgeDir();
      writeFileSync(path.join(dataDir, USER_KEY_FILE), "");
      const child = spawn("npm", ["run", "--silent", "dev"], {
        env: {
          ...process.env,
          BOT_TOKEN: api.token,
          TELEGRAM_API_ROOT: api.apiRoot,
          KNOWLEDGE_DIR: knowledgeDir({}, SHIPPED),
          DATA_DIR: dataDir,
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      // A bot that starts after all is stopped, with the whole process group, before the test gives up.
      const stop = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 90_000);
      const code = await new Promise((resolve) => child.on("close", resolve)).finally(() => clearTimeout(stop));
      expect(code).toBe(1);
      const fatal = output.split("\n").filter((l) => l.includes('"level":60'));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toContain(`holds a key of 0 bytes, fewer than 32`);
      expect(api.calls.some((c) => c.method === "getUpdates")).toBe(false);
    } finally {
      await api.stop();
    }
  }, 120_000);
});
