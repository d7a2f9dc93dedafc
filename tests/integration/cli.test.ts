// The operator command line as an operator runs it: a child process per command, on the embedded
// database in a temporary folder, with the exit codes scripts rely on.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { createKeyring, generateKey, parseKey } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { auditLog, users } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  createDeliberation,
  getOwnDeliberation,
} from "../../app/modules/deliberation/deliberations.server.ts";
import { guideBlocks } from "../../app/modules/guide/guide.schema.ts";
import { seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import { CLI_TEST_TIMEOUT, runCommandLine } from "./command-line.ts";
import { CONTENT_DIR, createTestDatabase } from "./databases.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-cli-"));
const dataDir = path.join(temporary, "data");

/** Runs the command line from `cwd` (the temporary folder unless given), on the embedded database. */
function vakmanschap(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): SpawnSyncReturns<string> {
  return runCommandLine(args, {
    cwd: options.cwd ?? temporary,
    env: { DATA_DIR: dataDir, DATABASE_URL: "", ...options.env },
  });
}

async function countRows() {
  const database = await openDatabase({ dataDir });
  try {
    const [blocks] = await database.db.select({ n: count() }).from(guideBlocks);
    const [queued] = await database.db.select({ n: count() }).from(jobs);
    return { blocks: blocks?.n ?? 0, jobs: queued?.n ?? 0 };
  } finally {
    await database.close();
  }
}

beforeAll(() => fs.mkdirSync(temporary, { recursive: true }));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe("the vakmanschap command line", { timeout: CLI_TEST_TIMEOUT }, () => {
  it("lists its commands", () => {
    const result = vakmanschap(["--help"]);
    expect(result.status).toBe(0);
    for (const command of ["migrate", "backup", "restore"]) expect(result.stdout).toContain(command);
  });

  it("has every file in bin/commands/ among its command groups", async () => {
    const { COMMAND_GROUPS } = await import("../../bin/vakmanschap.ts");
    const listed = new Set(COMMAND_GROUPS.map((group) => group.registerCommands));
    const names = fs.readdirSync("bin/commands").flatMap((file) => /^([^.]+)\.ts$/.exec(file)?.[1] ?? []);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const module: { registerCommands?: unknown } = await import(`../../bin/commands/${name}.ts`);
      expect(listed.has(module.registerCommands as never), `bin/commands/${name}.ts`).toBe(true);
    }
  });

  it("runs through npx from a folder inside the checkout", () => {
    const result = spawnSync("npx", ["vakmanschap", "--help"], {
      cwd: path.resolve("app/infra"),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("restore");
  });

  it("prepares a fresh data folder with migrate", () => {
    const result = vakmanschap(["migrate"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Database bijgewerkt");
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "vakmanschap.lock"))).toBe(false);
  });

  it("backs up and, asked to replace, restores what was there", async () => {
    const database = await openDatabase({ dataDir });
    await seedGuide({ db: database.db, contentDir: CONTENT_DIR });
    await database.close();
    const before = await countRows();
    expect(before.blocks).toBeGreaterThan(0);

    const backup = vakmanschap(["backup", "--out", "backup.jsonl"]);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(fs.readFileSync(path.join(temporary, "backup.jsonl"), "utf8")).toMatch(
      /^\{"format":"vakmanschap-backup"/,
    );

    const changed = await openDatabase({ dataDir });
    await changed.db.insert(jobs).values({ kind: "after-backup" });
    await changed.close();

    const refused = vakmanschap(["restore", "--in", "backup.jsonl"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("bevat al gegevens");
    expect((await countRows()).jobs).toBe(1);

    const restored = vakmanschap(["restore", "--in", "backup.jsonl", "--replace"]);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(await countRows()).toEqual(before);
  });

  if (process.env.TEST_DATABASE_URL) {
    it("moves the embedded database onto a PostgreSQL server", async () => {
      const server = await createTestDatabase("postgres");
      try {
        const result = vakmanschap(["restore", "--in", "backup.jsonl"], {
          env: { DATABASE_URL: server.url ?? "" },
        });
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        const database = await server.openAnother();
        const [blocks] = await database.db.select({ n: count() }).from(guideBlocks);
        await database.close();
        expect(blocks?.n).toBe((await countRows()).blocks);
      } finally {
        await server.drop();
      }
    });
  }

  it("refuses a file that is not a backup with exit code 1", () => {
    fs.writeFileSync(path.join(temporary, "notities.txt"), "boodschappen\n");
    const result = vakmanschap(["restore", "--in", "notities.txt", "--replace"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("geen back-up van Vakmanschap");
  });

  it("answers a bad option or a missing argument with exit code 2", () => {
    expect(vakmanschap(["backup", "--out", "x.jsonl", "--zonder-fouten"]).status).toBe(2);
    expect(vakmanschap(["restore"]).status).toBe(2);
    expect(vakmanschap(["opruimen"]).status).toBe(2);
  });

  it("refuses a bad setting with exit code 78 and names the variable", () => {
    const result = vakmanschap(["migrate"], { env: { PORT: "abc" } });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("PORT");
  });

  it("prints the public key to register at the organisation's provider, which checks the app's signatures", () => {
    const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
    const keyFile = path.join(temporary, "sso-key.pem");
    fs.writeFileSync(keyFile, privateKey.export({ format: "pem", type: "pkcs8" }));
    const env = {
      OIDC_ISSUER: "https://sso.example.nl",
      OIDC_CLIENT_ID: "vakmanschap",
      OIDC_PRIVATE_KEY_FILE: keyFile,
      OIDC_SIGNING_ALG: "ES256",
      PUBLIC_URL: "https://vakmanschap.example.nl",
    };
    const result = vakmanschap(["sso", "jwks"], { env });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("https://vakmanschap.example.nl/inloggen/sso/terug");
    const [jwk] = (JSON.parse(result.stdout) as { keys: (crypto.JsonWebKey & { kid: string })[] }).keys;
    expect(jwk).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: expect.any(String) });
    expect(jwk).not.toHaveProperty("d");
    const signature = crypto.sign("sha256", Buffer.from("bewijs"), privateKey);
    const publicKey = crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: "jwk" });
    expect(crypto.verify("sha256", Buffer.from("bewijs"), publicKey, signature)).toBe(true);

    expect(vakmanschap(["sso", "jwks"]).status).toBe(1);
    const missingKey = vakmanschap(["sso", "jwks"], { env: { ...env, OIDC_PRIVATE_KEY_FILE: "weg.pem" } });
    expect(missingKey.status).toBe(78);
    expect(missingKey.stderr).toContain("OIDC_PRIVATE_KEY_FILE");
  });

  it("makes a new key, and rotates the encrypted records to it", async () => {
    const made = vakmanschap(["key", "new"]);
    expect(made.status).toBe(0);
    const newKey = made.stdout.trim();
    expect(parseKey(newKey)).toHaveLength(32);

    expect(vakmanschap(["migrate"]).status).toBe(0);
    const oldKey = generateKey();
    const database = await openDatabase({ dataDir });
    const record = await (async () => {
      try {
        const owner = await upsertUser({ db: database.db, email: "sleutel@example.nl" });
        const keyring = createKeyring({ current: parseKey(oldKey) as Buffer, source: "ENCRYPTION_KEY" });
        return await createDeliberation({
          quotas,
          db: database.db,
          keyring,
          ownerId: owner.id,
          content: { moment: "nu" },
        });
      } finally {
        await database.close();
      }
    })();
    const rotated = vakmanschap(["key", "rotate"], {
      env: { ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_OLD: oldKey },
    });
    expect(rotated.status).toBe(0);
    expect(rotated.stderr + rotated.stdout).toMatch(/\b1 afweging/);
    const reopened = await openDatabase({ dataDir });
    try {
      const onlyNew = createKeyring({ current: parseKey(newKey) as Buffer, source: "ENCRYPTION_KEY" });
      const owner = await upsertUser({ db: reopened.db, email: "sleutel@example.nl" });
      const read = await getOwnDeliberation({
        db: reopened.db,
        keyring: onlyNew,
        id: record.id,
        ownerId: owner.id,
      });
      expect(read.content.moment).toBe("nu");
    } finally {
      await reopened.close();
    }
    const bad = vakmanschap(["key", "rotate"], { env: { ENCRYPTION_KEY: "kort" } });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain("ENCRYPTION_KEY");
  });

  it("leaves the data alone while a server holds the data folder", async () => {
    // This test process takes the lock, as a running server would.
    const server = await openDatabase({ dataDir });
    try {
      const result = vakmanschap(["restore", "--in", "backup.jsonl", "--replace"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`al in gebruik door proces ${process.pid}`);
      expect(result.stderr).toContain("Stop eerst de server");
      const backup = vakmanschap(["backup", "--out", "tijdens-server.jsonl"]);
      expect(backup.status).toBe(1);
      expect(fs.existsSync(path.join(temporary, "tijdens-server.jsonl"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("makes the first operator, prints a login link and a token, and changes a role", async () => {
    const added = vakmanschap([
      "user",
      "add",
      "--email",
      "Eerste@Example.nl",
      "--role",
      "beheerder",
      "--name",
      "Eerste",
    ]);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("eerste@example.nl");

    const link = vakmanschap(["user", "login-link", "--email", "eerste@example.nl"], {
      env: { PUBLIC_URL: "https://vakmanschap.example.nl" },
    });
    expect(link.status).toBe(0);
    expect(link.stdout.trim()).toMatch(
      /^https:\/\/vakmanschap\.example\.nl\/inloggen\/bevestigen\?token=[\w-]{40,}$/,
    );

    const token = vakmanschap(["user", "token", "--email", "eerste@example.nl", "--name", "koppeling"]);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^vmt_[\w-]{40,}$/);

    const last = vakmanschap(["user", "role", "--email", "eerste@example.nl", "--role", "redacteur"]);
    expect(last.status).toBe(1);
    expect(last.stderr).toContain("minstens één beheerder");
    expect(vakmanschap(["user", "add", "--email", "tweede@example.nl", "--role", "beheerder"]).status).toBe(
      0,
    );
    const moved = vakmanschap(["user", "role", "--email", "eerste@example.nl", "--role", "redacteur"]);
    expect(moved.status).toBe(0);
    const database = await openDatabase({ dataDir });
    try {
      const [user] = await database.db.select().from(users).where(eq(users.email, "eerste@example.nl"));
      expect(user?.roles).toEqual(["redacteur"]);
      expect(user?.name).toBe("Eerste");
      const audit = await database.db.select().from(auditLog);
      expect(audit.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(["user.roles", "user.login-link", "token.created"]),
      );
    } finally {
      await database.close();
    }
  });

  it("answers an unknown person, a bad address or an unknown role clearly", () => {
    const unknown = vakmanschap(["user", "token", "--email", "niemand@example.nl", "--name", "x"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Er is geen account voor niemand@example.nl");
    const badAddress = vakmanschap(["user", "add", "--email", "geen-adres", "--role", "beheerder"]);
    expect(badAddress.status).toBe(1);
    expect(badAddress.stderr).toContain("geen geldig e-mailadres");
    expect(vakmanschap(["user", "role", "--email", "eerste@example.nl", "--role", "baas"]).status).toBe(2);
  });
});
