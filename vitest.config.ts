// Kept apart from vite.config.ts so tests do not load the React Router plugin.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: [
      "app/**/*.test.ts",
      "app/**/*.test.tsx",
      "server/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    // Two app processes share one database only on a PostgreSQL server (PGlite is one process, and a
    // second one on its data folder is refused: server-process.test.ts), so this file needs one; `npm
    // test` says which databases it tests on.
    exclude: process.env.TEST_DATABASE_URL ? [] : ["tests/integration/two-processes.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
