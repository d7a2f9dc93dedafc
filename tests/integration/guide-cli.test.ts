// The guide as Markdown files from the command line, as an operator or editor runs it: a version
// exported in the format of content/gids/ (the shipped version gives the shipped files, byte for byte),
// and a folder imported as the draft of the next version, refused while a draft exists.
import type { SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { listVersions } from "../../app/modules/guide/guide.server.ts";
import { seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import { CLI_TEST_TIMEOUT, runCommandLine } from "./command-line.ts";
import { CONTENT_DIR } from "./databases.ts";

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-guide-cli-"));
const dataDir = path.join(temporary, "data");

function vakmanschap(args: string[]): SpawnSyncReturns<string> {
  return runCommandLine(args, { cwd: temporary, env: { DATA_DIR: dataDir, DATABASE_URL: "" } });
}

const filesOf = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name))]),
  );

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await seedGuide({ db: database.db, contentDir: CONTENT_DIR });
  await database.close();
});
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe("the guide on the command line", { timeout: CLI_TEST_TIMEOUT }, () => {
  it("exports the shipped version as the shipped files, byte for byte", () => {
    const result = vakmanschap(["guide", "export", "--version", "1", "--dir", "versie-1"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Versie 1 geschreven");
    expect(filesOf(path.join(temporary, "versie-1"))).toEqual(filesOf(path.join(CONTENT_DIR, "gids")));
  });

  it("refuses a folder that already holds files, and a version that does not exist", () => {
    const full = vakmanschap(["guide", "export", "--version", "1", "--dir", "versie-1"]);
    expect(full.status).toBe(1);
    expect(full.stderr).toContain("kies een lege map");
    const unknown = vakmanschap(["guide", "export", "--version", "9", "--dir", "versie-9"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Versie 9 van de gids bestaat niet");
    expect(vakmanschap(["guide", "export", "--version", "een", "--dir", "x"]).status).toBe(2);
  });

  it("imports a folder as the next draft, refusing while a draft exists unless asked to replace it", async () => {
    const dir = path.join(temporary, "versie-1");
    const file = path.join(dir, "waarden.md");
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("## Waarom waarden?", "## Waarom waarden tellen"),
    );

    const refused = vakmanschap(["guide", "import", "--dir", "versie-1"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Er is al een concept (weergave 2)");

    const replaced = vakmanschap(["guide", "import", "--dir", "versie-1", "--replace"]);
    expect(replaced.stderr).toBe("");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain("Concept gemaakt: versie 2");

    const database = await openDatabase({ dataDir });
    try {
      const versions = await listVersions({ db: database.db });
      expect(versions.map((version) => [version.number, version.status, version.isExample])).toEqual([
        [2, "concept", false],
        [1, "gepubliceerd", false],
      ]);
      const actions = (await database.db.select().from(auditLog)).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(["guide.draft.discarded", "guide.draft.imported"]));
    } finally {
      await database.close();
    }

    const broken = path.join(temporary, "kapot");
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, "_versie.md"), "---\nlabel: x\n---\n");
    const invalid = vakmanschap(["guide", "import", "--dir", "kapot", "--replace"]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("_versie.md");
  });
});
