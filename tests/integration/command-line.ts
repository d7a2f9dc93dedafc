// The operator command line as the tests run it: a child process per command, from a folder of the
// test's own, with the exit code and output an operator's script would see.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import path from "node:path";

const LAUNCHER = path.resolve("bin/vakmanschap.mjs");

/**
 * For a test that runs several commands: each is a process that loads the code and opens the
 * database, a few seconds each on a busy two-core machine.
 */
export const CLI_TEST_TIMEOUT = 120_000;

export function runCommandLine(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 90_000,
  });
}
