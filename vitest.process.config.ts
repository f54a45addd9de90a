import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Tests of the server as a process (tests/process): each starts the production build with
 * scripts/server.ts as a child process over a PostgreSQL of its own (tests/process/server-process.ts),
 * so there is no shared database set-up here. Run after `npm run build` (see `npm test`).
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/process/**/*.test.ts"],
    setupFiles: ["tests/process/setup-process-env.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Each file starts PostgreSQL and servers of its own: one at a time on a small machine.
    fileParallelism: false,
  },
});
