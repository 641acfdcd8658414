import { defineConfig } from "vitest/config";
import { E2E_FILES, shared } from "./vitest.config.js";

/** `npm run test:e2e`: the slow rounds that `npm test` leaves out (listed in vitest.config.ts). */
export default defineConfig({
  // One file at a time: the load round measures throughput and memory, the replica tests run several processes.
  test: { ...shared, include: E2E_FILES, maxWorkers: 1 },
});
