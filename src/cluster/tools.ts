/**
 * For a command-line tool that writes the knowledge folder beside running replicas (kb:import on a
 * host that mounts the shared folder, with REDIS_URL set): the write takes the replicas' lock, so it
 * never interleaves with an admin's upload, and the version the folder then reads as is announced, so
 * every replica reloads it.
 */
import pino from "pino";
import { loadKnowledge } from "../knowledge/load.js";
import { announceVersion, KNOWLEDGE_LOCK } from "./knowledge.js";
import { withLock } from "./lock.js";
import { connectRedis } from "./redis.js";

export type SharedWrite<T> = { ok: true; value: T; announced?: string } | { ok: false; why: string };

export interface SharedFolderWrite<T> {
  readonly redis: { url: string; prefix: string };
  readonly knowledgeDir: string;
  /** Who holds the lock while writing, as the replicas show it. */
  readonly owner: string;
  readonly write: () => Promise<T>;
  /** Whether `value` changed the folder (only then is a version announced). */
  readonly changed: (value: T) => boolean;
}

export async function writeSharedFolder<T>({
  redis,
  knowledgeDir,
  owner,
  write,
  changed,
}: SharedFolderWrite<T>): Promise<SharedWrite<T>> {
  const link = connectRedis({ ...redis, name: `xinzhou-tool:${owner}`, logger: pino({ level: "silent" }) });
  try {
    if (!(await link.ready(5000)))
      return {
        ok: false,
        why: "redis is not reachable at REDIS_URL: nothing written, so that no replica misses the change",
      };
    const locked = await withLock(link, KNOWLEDGE_LOCK, { owner }, async () => {
      const value = await write();
      if (!changed(value)) return { value };
      const loaded = await loadKnowledge(knowledgeDir);
      if (!loaded.ok) return { value };
      await announceVersion(link, owner, loaded.kb.version);
      return { value, announced: loaded.kb.version };
    });
    if (!locked.ok) {
      return {
        ok: false,
        why:
          locked.reason === "busy"
            ? `replica ${locked.holder} is changing the knowledge folder; nothing written, try again`
            : "redis became unreachable: nothing written",
      };
    }
    return { ok: true, ...locked.value };
  } finally {
    await link.close();
  }
}
