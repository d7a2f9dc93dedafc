// The example data of the browser tests, written into an empty, migrated data folder before the server
// starts: the kris-kras rounds, the Meedenken contributions, a login link, consultations and counts for
// the insights, in one process that opens the embedded database once. Run as a script
// (playwright.config.ts, after `vakmanschap migrate`), it then gives the people of PEOPLE their roles
// with the command line's own code, as an operator does. bench/page-weight.ts writes the same data.
import { pathToFileURL } from "node:url";
import { openDatabase } from "../../app/infra/db.server.ts";
import { main } from "../../bin/vakmanschap.ts";
import { writeContributions } from "./cocreation-fixture.ts";
import { writeConsultations } from "./consultation-fixture.ts";
import { PEOPLE } from "./example-urls.ts";
import { writeInsights } from "./insights-fixture.ts";
import { writeKriskrasRounds } from "./kriskras-fixture.ts";
import { writeLoginLink } from "./login-link-fixture.ts";

/** Writes the example data into the embedded database of `dataDir`, which must be migrated. */
export async function writeExampleData(options: {
  dataDir: string;
  origin: string;
  /** A PostgreSQL server's database instead of the embedded one in dataDir. */
  databaseUrl?: string;
}): Promise<void> {
  const database = await openDatabase(options);
  try {
    await writeKriskrasRounds(database.db);
    await writeContributions(database.db, options.origin);
    await writeLoginLink(database.db);
    await writeConsultations(database.db);
    await writeInsights(database.db);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error("DATA_DIR must name the test server's data folder");
  await writeExampleData({ dataDir, origin: process.env.PUBLIC_URL ?? "http://localhost" });
  for (const [role, email] of Object.entries(PEOPLE)) {
    // An ambtenaar needs no role from an operator: the account is made at the first login.
    if (role === "ambtenaar") continue;
    const argv = [process.execPath, "vakmanschap", "user", "add", "--email", email, "--role", role];
    const status = await main({ argv, callerDir: process.cwd() });
    if (status !== 0) process.exit(status);
  }
}
