/**
 * Telegram user ids as files and logs show them: a keyed hash (HMAC-SHA256). A user id is a number of
 * about ten digits, so a plain hash of it is reversed on a laptop by trying them all; without the key
 * it cannot be. The key is USER_HASH_SECRET, or else a random one the bot keeps in DATA_DIR.
 */
import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type HashUser = (id: number) => string;

export const USER_KEY_FILE = "user-hash.key";

/** The hash of user ids under `secret`, or under the key in `dataDir` (made on first use). */
export async function openUserHasher(secret: string | undefined, dataDir: string): Promise<HashUser> {
  const key = secret ?? (await keyIn(dataDir));
  return (id) => createHmac("sha256", key).update(String(id)).digest("hex").slice(0, 16);
}

async function keyIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, USER_KEY_FILE);
  const read = async () => (await readFile(file, "utf8")).trim();
  try {
    return await read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (e) {
    // Another process made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return read();
}
