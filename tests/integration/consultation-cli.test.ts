// A consultation held in Pol.is, imported from its export files on the command line as an operator
// does it (`vakmanschap peiling import --dir DIR`), on every database kind: analysed at once, refused a
// second time at the same address, and a folder without Pol.is's files refused in Dutch.
import type { SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, runCommandLine } from "./command-line.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./databases.ts";

const SEATTLE = path.resolve("tests/fixtures/polis/15-per-hour-seattle");

describe.each(databaseKinds)(
  "importing a Pol.is conversation on %s",
  { timeout: CLI_TEST_TIMEOUT },
  (kind) => {
    const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-consultation-cli-"));
    let test: TestDatabase;
    const vakmanschap = (args: string[]): SpawnSyncReturns<string> =>
      runCommandLine(args, {
        cwd: temporary,
        env: { DATA_DIR: test.dataDir ?? path.join(temporary, "unused"), DATABASE_URL: test.url ?? "" },
      });

    beforeAll(async () => {
      test = await createTestDatabase(kind, "migrated");
    });
    afterAll(async () => {
      await test?.drop();
      fs.rmSync(temporary, { recursive: true, force: true });
    });

    it("imports and analyses it, then refuses the same address, and a folder without its files", () => {
      const imported = vakmanschap(["peiling", "import", "--dir", SEATTLE, "--slug", "seattle"]);
      expect(imported.stderr).toBe("");
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain(
        "Peiling /peilingen/seattle ingelezen: 54 stellingen, 339 deelnemers",
      );
      expect(imported.stdout).toContain("138 deelnemers in 2 groepen");

      const again = vakmanschap(["consultation", "import", "--dir", SEATTLE, "--slug", "seattle"]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("Er is al een peiling met dit adres.");

      const empty = vakmanschap(["peiling", "import", "--dir", temporary]);
      expect(empty.status).toBe(1);
      expect(empty.stderr).toContain("staan geen comments.csv en votes.csv van een export uit Pol.is");

      const badAddress = vakmanschap(["peiling", "import", "--dir", SEATTLE, "--slug", "Geen Adres"]);
      expect(badAddress.status).toBe(2);
      expect(badAddress.stderr).toContain("alleen kleine letters, cijfers en streepjes");
    });
  },
);
