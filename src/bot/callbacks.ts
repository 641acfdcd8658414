/**
 * Callback data for "ask this next" buttons: at most 64 bytes. A question that fits travels in the
 * button itself (and so survives restarts); a longer one by a short hash kept in a bounded map.
 */
import { createHash } from "node:crypto";
import { MAX_CALLBACK_BYTES } from "../render/telegram.js";

export interface CallbackRegistry {
  encode(question: string): string;
  /** The question behind callback data, or undefined when it is unknown or forgotten. */
  decode(data: string): string | undefined;
}

export function createCallbackRegistry(capacity = 5000): CallbackRegistry {
  const byHash = new Map<string, string>();
  return {
    encode(question) {
      const direct = `q:${question}`;
      if (Buffer.byteLength(direct, "utf8") <= MAX_CALLBACK_BYTES) return direct;
      const hash = createHash("sha256").update(question).digest("base64url").slice(0, 22);
      byHash.delete(hash);
      byHash.set(hash, question);
      if (byHash.size > capacity) byHash.delete(byHash.keys().next().value!);
      return `h:${hash}`;
    },
    decode(data) {
      if (data.startsWith("q:")) return data.slice(2);
      if (data.startsWith("h:")) return byHash.get(data.slice(2));
      return undefined;
    },
  };
}
