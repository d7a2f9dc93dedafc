// Vitest's global setup: the test files run in parallel, and several start the built server, so the
// build is made fresh once here, before any of them can start a build of its own at the same time.
import { execSync } from "node:child_process";

export default function buildOnce(): void {
  execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
}
