/**
 * The knowledge the bot answers from right now, and reloading it without a pause: the new engine is
 * built while the old one keeps answering, then swapped in at once. A folder with problems never
 * replaces a good engine; two reloads at once share one build.
 */
import { createEngine, type Engine } from "./engine/index.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { Problem } from "./knowledge/types.js";

export type ReloadResult =
  | { ok: true; articles: number; facts: number; version: string; ms: number }
  | { ok: false; problems: Problem[]; ms: number };

export interface LiveKnowledge {
  readonly engine: Engine;
  /** When the engine now answering was built. */
  readonly loadedAt: Date;
  reload(): Promise<ReloadResult>;
  /** Checks `dir` plus `extra` files as a reload would, without swapping anything in. */
  check(extra: LoadOptions["extra"]): Promise<ReloadResult>;
}

export function createLiveKnowledge(
  dir: string,
  initial: Engine,
  build: (kb: Engine["kb"]) => Engine | Promise<Engine> = createEngine,
): LiveKnowledge {
  let engine = initial;
  let loadedAt = new Date();
  let inFlight: Promise<ReloadResult> | undefined;

  const attempt = async (options: LoadOptions, swap: boolean): Promise<ReloadResult> => {
    const started = performance.now();
    const loaded = await loadKnowledge(dir, options);
    const ms = () => Math.round(performance.now() - started);
    if (!loaded.ok) return { ok: false, problems: loaded.problems, ms: ms() };
    if (swap) {
      engine = await build(loaded.kb);
      loadedAt = new Date();
    }
    return { ok: true, articles: loaded.kb.articles.length, facts: loaded.kb.facts.length, version: loaded.kb.version, ms: ms() };
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
