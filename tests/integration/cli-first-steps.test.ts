// The operator's first steps, as someone following the README's "First operator" section takes them:
// `npx vakmanschap …` on a data folder (or an empty PostgreSQL database) the server never opened. Every
// command that needs the database either prepares it first or says in one sentence what to run, and
// none shows SQL. Backup, restore and key rotation leave a line in the audit log.
import type { SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DrizzleQueryError } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { describeFailure } from "../../bin/vakmanschap.ts";
import { CLI_TEST_TIMEOUT, runCommandLine } from "./command-line.ts";
import { CONTENT_DIR, createTestDatabase } from "./databases.ts";

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-first-"));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

let folders = 0;
/** A data folder nobody has used: its parent exists, the folder itself not yet. */
function freshDataDir(): string {
  return path.join(temporary, `installatie-${++folders}`, "data");
}

function vakmanschap(args: string[], env: Record<string, string>): SpawnSyncReturns<string> {
  return runCommandLine(args, {
    cwd: temporary,
    env: { DATABASE_URL: "", PUBLIC_URL: "https://vakmanschap.example.nl", ...env },
  });
}

/** No SQL text, no parameters, no stack trace reaches the operator. */
function expectNoSql(result: SpawnSyncReturns<string>) {
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/Failed query|\bselect\b.*\bfrom\b|\binsert into\b|params:|\n\s+at /i);
}

const FIRST = ["user", "add", "--email", "jij@example.nl", "--role", "beheerder"];
const LINK = ["user", "login-link", "--email", "jij@example.nl"];
const LOGIN_ADDRESS = /^https:\/\/vakmanschap\.example\.nl\/inloggen\/bevestigen\?token=[\w-]{40,}\n$/;

describe("the first steps on a new embedded database", { timeout: CLI_TEST_TIMEOUT }, () => {
  it("makes the first operator before the server ever ran, then prints the login address on a line of its own", () => {
    const env = { DATA_DIR: freshDataDir() };
    const added = vakmanschap(FIRST, env);
    expectNoSql(added);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Nieuwe database klaargezet");
    expect(added.stdout).toContain("jij@example.nl heeft nu de rol beheerder");
    expect(fs.statSync(env.DATA_DIR).mode & 0o777).toBe(0o700);

    const link = vakmanschap(LINK, env);
    expectNoSql(link);
    expect(link.status).toBe(0);
    expect(link.stdout).toMatch(LOGIN_ADDRESS);
    expect(link.stderr).toContain("Open dit adres");
  }, 90_000);

  it.each([
    [["user", "role", "--email", "jij@example.nl", "--role", "redacteur"]],
    [LINK],
    [["user", "token", "--email", "jij@example.nl", "--name", "koppeling"]],
  ])("prepares a new folder for %j, then says there is no such account", (args) => {
    const result = vakmanschap(args, { DATA_DIR: freshDataDir() });
    expectNoSql(result);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("https://");
    expect(result.stderr).toContain("Er is geen account voor jij@example.nl");
  });

  it("imports the guide as a draft into a new folder", () => {
    const result = vakmanschap(["guide", "import", "--dir", path.join(CONTENT_DIR, "gids")], {
      DATA_DIR: freshDataDir(),
    });
    expectNoSql(result);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Concept gemaakt");
  });

  it.each([
    [["backup", "--out", "nergens.jsonl"]],
    [["guide", "export", "--version", "1", "--dir", "export"]],
    [["key", "rotate"]],
  ])("does not make a database for %j, and says what to run", (args) => {
    const dataDir = freshDataDir();
    const result = vakmanschap(args, { DATA_DIR: dataDir });
    expectNoSql(result);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Er staat geen database in ${dataDir}`);
    expect(result.stderr).toContain("npx vakmanschap migrate");
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
    expect(fs.existsSync(path.join(temporary, "nergens.jsonl"))).toBe(false);
  });

  it("writes backup, restore and key rotation to the audit log, and keeps a backup file it would overwrite", async () => {
    const env = { DATA_DIR: freshDataDir() };
    expect(vakmanschap(FIRST, env).status).toBe(0);
    const out = path.join(temporary, "eerste.jsonl");
    expect(vakmanschap(["backup", "--out", out], env).status).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const again = vakmanschap(["backup", "--out", out], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("bestaat al");
    expect(vakmanschap(["backup", "--out", out, "--overwrite"], env).status).toBe(0);
    expect(vakmanschap(["restore", "--in", out, "--replace"], env).status).toBe(0);
    const key = vakmanschap(["key", "new"], env).stdout.trim();
    expect(vakmanschap(["key", "rotate"], { ...env, ENCRYPTION_KEY: key }).status).toBe(0);

    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const actions = (await database.db.select().from(auditLog)).map((entry) => entry.action);
      // The restore brought back the log as it was at the backup, then added its own line.
      expect(actions).toEqual(
        expect.arrayContaining(["user.add", "database.backup", "database.restore", "key.rotate"]),
      );
    } finally {
      await database.close();
    }
  }, 240_000);
});

if (process.env.TEST_DATABASE_URL) {
  describe("the first steps on an empty PostgreSQL database", () => {
    it("refuses to read an unmigrated database in one sentence, and prepares it for the first operator", async () => {
      const server = await createTestDatabase("postgres");
      try {
        const env = { DATABASE_URL: server.url ?? "", DATA_DIR: freshDataDir() };
        for (const args of [
          ["backup", "--out", "leeg.jsonl"],
          ["key", "rotate"],
        ]) {
          const refused = vakmanschap(args, env);
          expectNoSql(refused);
          expect(refused.status).toBe(1);
          expect(refused.stderr).toContain("nog geen tabellen van Vakmanschap");
          expect(refused.stderr).toContain("npx vakmanschap migrate");
        }
        const added = vakmanschap(FIRST, env);
        expectNoSql(added);
        expect(added.status).toBe(0);
        expect(added.stdout).toContain("Nieuwe database klaargezet");
        const link = vakmanschap(LINK, env);
        expect(link.status).toBe(0);
        expect(link.stdout).toMatch(LOGIN_ADDRESS);
      } finally {
        await server.drop();
      }
    }, 120_000);
  });
}

describe("an unexpected database error", () => {
  it("is told by its reason, without the query or its parameters", () => {
    const error = new DrizzleQueryError(
      'select "id" from "users" where "email" = $1',
      ["jij@example.nl"],
      new Error('relation "users" does not exist'),
    );
    const line = describeFailure(error);
    expect(line).toContain('relation "users" does not exist');
    expect(line).not.toContain("select");
    expect(line).not.toContain("jij@example.nl");
  });
});
