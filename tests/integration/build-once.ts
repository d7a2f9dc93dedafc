// Vitest's global setup: the test files run in parallel, and several start the built server, so the
// build is made fresh once here, before any of them can start a build of its own at the same time. The
// databases the files start from are made once here too (database-templates.ts).
import { execSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { makeTemplates, removeTemplates } from "./database-templates.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  const templates = await makeTemplates(serverUrl);
  project.provide("databaseTemplates", templates);
  return () => removeTemplates(templates, serverUrl);
}
