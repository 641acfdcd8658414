/**
 * Each update answered once. Telegram delivers an update again when the webhook call that carried it
 * failed or took too long, and behind a load balancer the second delivery may reach another replica.
 * The ledger says whether an update was taken already: in memory for one process, in Redis for
 * replicas (cluster/updates.ts).
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";

export interface UpdateLedger {
  /** True when this process should handle update `id`: nobody has taken it yet. Never rejects. */
  claim(id: number): Promise<boolean>;
  /** Update `id` has been handled. */
  done(id: number): void;
}

/** The last `capacity` update ids this process took. */
export function memoryLedger(capacity = 10_000): UpdateLedger {
  const seen = new Set<number>();
  return {
    async claim(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > capacity) seen.delete(seen.values().next().value!);
      return true;
    },
    done() {},
  };
}

/** Skips an update the ledger says was taken; marks it done once handled. */
export function onceOnly(ledger: UpdateLedger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!(await ledger.claim(id))) {
      ctx.log.info("update delivered again: already taken, skipped");
      return;
    }
    try {
      await next();
    } finally {
      ledger.done(id);
    }
  };
}
