// Kept apart from vite.config.ts so tests do not load the React Router plugin.
import path from "node:path";
import { defineConfig } from "vitest/config";
import SlowFilesFirst from "./tests/integration/slow-files-first.ts";

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
    // Two files at a time, one per core: each has its own databases, data folders and ports. The build
    // they share is made once before they start.
    fileParallelism: true,
    maxWorkers: 2,
    // A worker keeps the modules it loaded for its next file instead of loading the app's module graph
    // again for every file: a third less time. Files keep no state in modules (no mocks of modules;
    // timers are put back after each test), so each still starts from nothing of another's.
    isolate: false,
    // On a fresh clone, files that start processes first (see the sequencer).
    sequence: { sequencer: SlowFilesFirst },
    globalSetup: ["tests/integration/build-once.ts"],
  },
});
