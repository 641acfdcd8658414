import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // The load test checks that memory returns to its steady level; it needs to run the collector.
    execArgv: ["--expose-gc"],
  },
});
