/**
 * Telegram user ids as files and logs show them: a keyed hash (HMAC-SHA256). A user id is a number of
 * about ten digits, so a plain hash of it is reversed on a laptop by trying them all; without the key
 * it cannot be. The key is USER_HASH_SECRET, or else a random one the bot keeps in DATA_DIR.
 */
import { createHmac, randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";

export type HashUser = (id: number) => string;

export const USER_KEY_FILE = "user-hash.key";

/** A key file too short to be a key: the bot does not start on it. */
export class UserKeyError extends Error {
  override readonly name = "UserKeyError";
}

/** Shorter than this, a key in DATA_DIR was cut short or written by hand: hashes under it are guessable. */
export const MIN_KEY_BYTES = 32;

/** The hash of user ids under `secret`, or under the key in `dataDir` (made on first use). */
export async function openUserHasher(secret: string | undefined, dataDir: string): Promise<HashUser> {
  const key = secret ?? (await keyIn(dataDir));
  return (id) => createHmac("sha256", key).update(String(id)).digest("hex").slice(0, 16);
}

async function keyIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, USER_KEY_FILE);
  const read = async () => {
    const key = (await readFile(file, "utf8")).trim();
    const bytes = Buffer.byteLength(key);
    if (bytes < MIN_KEY_BYTES) {
      throw new UserKeyError(
        `${file} holds a key of ${bytes} bytes, fewer than ${MIN_KEY_BYTES}: delete it to make a new one ` +
          "(the hashes stored so far will no longer match their users) or set USER_HASH_SECRET",
      );
    }
    return key;
  };
  try {
    return await read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await mkdir(dataDir, { recursive: true });
  await writeWhole(file, `${randomBytes(32).toString("hex")}\n`);
  return read();
}

/**
 * Writes the key under a temporary name, on disk, then links it into place: a process killed meanwhile
 * leaves no key, never an empty one, and a key another process made first is kept (theirs is used).
 */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "EEXIST") return;
      // A file system without hard links: rename, which another process's key made meanwhile loses to.
      if (e.code === "EPERM" || e.code === "ENOTSUP") return rename(temporary, file);
      throw e;
    });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
