/**
 * The knowledge the bot answers from right now, and reloading it without a pause: the new engine is
 * built while the old one keeps answering, then swapped in at once. A folder with problems never
 * replaces a good engine; two reloads at once share one build.
 */
import { createEngineAsync, type Engine } from "./engine/index.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { Problem } from "./knowledge/types.js";

export type ReloadResult =
  | { ok: true; articles: number; facts: number; version: string; ms: number; unchanged?: boolean }
  | { ok: false; problems: Problem[]; ms: number };

export interface LiveKnowledge {
  readonly engine: Engine;
  /** When the engine now answering was built. */
  readonly loadedAt: Date;
  reload(): Promise<ReloadResult>;
  /** Checks `dir` plus `extra` files as a reload would, without swapping anything in. */
  check(extra: LoadOptions["extra"]): Promise<ReloadResult>;
}

/**
 * `build` makes the new engine; by default in slices that yield to the event loop, so that questions
 * keep being answered during a reload. `afterSwap` runs once a new engine answers (the bot writes its
 * snapshot there, off the main thread).
 */
export function createLiveKnowledge(
  dir: string,
  initial: Engine,
  hooks: { build?: (kb: Engine["kb"]) => Promise<Engine>; afterSwap?: (engine: Engine) => void } = {},
): LiveKnowledge {
  const build = hooks.build ?? createEngineAsync;
  let engine = initial;
  let loadedAt = new Date();
  let inFlight: Promise<ReloadResult> | undefined;

  const attempt = async (options: LoadOptions, swap: boolean): Promise<ReloadResult> => {
    const started = performance.now();
    const loaded = await loadKnowledge(dir, options);
    const ms = () => Math.round(performance.now() - started);
    if (!loaded.ok) return { ok: false, problems: loaded.problems, ms: ms() };
    const unchanged = loaded.kb.version === engine.kb.version;
    if (swap && !unchanged) {
      engine = await build(loaded.kb);
      loadedAt = new Date();
      hooks.afterSwap?.(engine);
    }
    return { ok: true, articles: loaded.kb.articles.length, facts: loaded.kb.facts.length, version: loaded.kb.version, ms: ms(), ...(unchanged ? { unchanged } : {}) };
  };

  return {
    get engine() {
      return engine;
    },
    get loadedAt() {
      return loadedAt;
    },
    reload() {
      inFlight ??= attempt({}, true).finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    check: (extra) => attempt({ extra }, false),
  };
}
