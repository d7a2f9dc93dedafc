// `npm test`: every check the project has, in one command. Needs Chromium for the browser tests and
// says exactly how to get it; runs the database tests on PGlite, and on a PostgreSQL server too when
// DATABASE_URL is set.
import { execSync } from "node:child_process";
import fs from "node:fs";

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

if (process.env.DATABASE_URL) {
  console.log(
    `Databasetests: PGlite en PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")})`,
  );
} else {
  console.log(
    "Databasetests: alleen PGlite. Zet DATABASE_URL om ze ook op een PostgreSQL-server te draaien.",
  );
}

run("Typen controleren", "npx react-router typegen && npx tsc --noEmit -p .");
run("Stijl en lint", "npx biome check .");
// Built before the database tests, which start the built server: they then find the build fresh.
run("Bouwen", "npx react-router build");
run("Unit- en integratietests", "npx vitest run", { TEST_DATABASE_URL: process.env.DATABASE_URL ?? "" });
// The browser tests use the embedded database only.
run("Browsertests (Chromium)", "npx playwright test", { DATABASE_URL: "" });
console.log(`\n✔ Alle tests geslaagd in ${Math.round((Date.now() - started) / 1000)} s`);
