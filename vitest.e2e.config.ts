import { defineConfig } from "vitest/config";
import { E2E_FILES, shared } from "./vitest.config.js";

/** `npm run test:e2e`: the slow rounds that `npm test` leaves out (listed in vitest.config.ts). */
export default defineConfig({ test: { ...shared, include: E2E_FILES } });
