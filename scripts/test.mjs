// `npm test`: every check the project has, in one command. Needs Chromium for the browser tests and
// says exactly how to get it; runs the database tests on PGlite, and on a PostgreSQL server too when
// DATABASE_URL is set.
import { exec, execSync } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    `\nDe browsertests hebben Chromium nodig op ${chromium}, maar die ontbreekt.\n` +
      "Installeer het met:  sudo apt-get install -y chromium\n" +
      "(of zet CHROMIUM_PATH naar een Chromium-programma). De tests stoppen nu.\n",
  );
  process.exit(1);
}

const started = Date.now();
const run = (title, command, env = {}) => {
  console.log(`\n▶ ${title}\n  $ ${command}`);
  execSync(command, { stdio: "inherit", env: { ...process.env, ...env } });
};

/** Runs commands at the same time; shows each one's output when it ends, and stops at the first failure. */
async function together(commands) {
  const runs = commands.map(async ([title, command]) => {
    try {
      const { stdout, stderr } = await promisify(exec)(command, { maxBuffer: 64 * 1024 * 1024 });
      console.log(`\n▶ ${title}\n  $ ${command}\n${stdout}${stderr}`);
    } catch (error) {
      console.log(`\n▶ ${title}\n  $ ${command}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
      throw new Error(`${title} mislukt`);
    }
  });
  const results = await Promise.allSettled(runs);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) {
    console.error(failed.reason.message);
    process.exit(1);
  }
}

if (process.env.DATABASE_URL) {
  console.log(
    `Databasetests: PGlite en PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")})`,
  );
} else {
  console.log(
    "Databasetests: alleen PGlite. Zet DATABASE_URL om ze ook op een PostgreSQL-server te draaien.",
  );
}

run("Stijl en lint", "npx biome check .");
// The type check and the build side by side (the one uses a core, the other mostly the other); the
// build comes before the database tests, which start the built server and then find it fresh.
await together([
  ["Typen controleren", "npx react-router typegen && npx tsc --noEmit -p ."],
  ["Bouwen", "npx react-router build"],
]);
run("Unit- en integratietests", "npx vitest run", { TEST_DATABASE_URL: process.env.DATABASE_URL ?? "" });
// The browser tests use the embedded database only.
run("Browsertests (Chromium)", "npx playwright test", { DATABASE_URL: "" });
console.log(`\n✔ Alle tests geslaagd in ${Math.round((Date.now() - started) / 1000)} s`);
