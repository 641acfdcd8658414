import { configDefaults, defineConfig } from "vitest/config";

/** What both suites share: `npm test` (this file) and `npm run test:e2e` (vitest.e2e.config.ts). */
export const shared = {
  // Limits for a hang: on a busy 2-core machine one engine build took 33 s, and a test may wait for two.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
  // The load test checks that memory returns to its steady level; it needs to run the collector.
  execArgv: ["--expose-gc"],
};

/**
 * The slow rounds, left to `npm run test:e2e`: replicas over a real Redis, the load round, the whole
 * question sets, the engine thread's faults and knowledge faults (an engine built in a thread per test, and
 * 10,000 articles), and the tests that start the bot or the CLI as processes. On the 2-core machine each of
 * these files took from 8 to 110 s; most of the others take a second or two.
 */
export const E2E_FILES = [
  "test/cluster/replicas.test.ts",
  "test/cluster/polling.test.ts",
  "test/bot/load.test.ts",
  "test/eval.test.ts",
  "test/knowledge/faults.test.ts",
  "test/thread/host.test.ts",
  "test/cli.test.ts",
  "test/bot/process.test.ts",
  "test/bot/modes.test.ts",
  "test/bot/signals.test.ts",
];

export default defineConfig({
  test: {
    ...shared,
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...E2E_FILES],
  },
});
