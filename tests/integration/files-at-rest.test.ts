// What lands on disk is the owner's only: the data folder, the outbox and its messages, backups. Nothing
// is written through a link someone planted, an existing backup is not overwritten unless asked, and a
// mail job that gave up keeps no text (it may hold a login link).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import { type Database, openDatabase } from "../../app/infra/db.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { runDueJobs } from "../../app/infra/jobs.server.ts";
import { createMailer, enqueueMail, MAIL_JOB_KIND } from "../../app/infra/mail.server.ts";

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-files-"));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("files at rest", () => {
  let database: Database;
  const dataDir = path.join(temporary, "nieuw", "data");

  beforeAll(async () => {
    database = await openDatabase({ dataDir });
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
  });

  it("makes a new data folder owner-only, and its lock file", () => {
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, "vakmanschap.lock"))).toBe(0o600);
  });

  it("tightens a data folder an older version left readable to others", async () => {
    const older = path.join(temporary, "ouder");
    fs.mkdirSync(older, { mode: 0o755 });
    fs.chmodSync(older, 0o755);
    const opened = await openDatabase({ dataDir: older });
    await opened.close();
    expect(modeOf(older)).toBe(0o700);
  });

  it("keeps the outbox and its messages owner-only, tightening an existing outbox at start", async () => {
    const outboxDir = path.join(temporary, "outbox");
    fs.mkdirSync(outboxDir, { mode: 0o755 });
    fs.chmodSync(outboxDir, 0o755);
    const mailer = createMailer({ from: "Vakmanschap <noreply@vakmanschap.test>", outboxDir });
    expect(modeOf(outboxDir)).toBe(0o700);
    await mailer.send({ to: "anna@example.nl", subject: "Inloglink", text: "https://v.test/inloggen/abc" });
    const files = fs.readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    expect(modeOf(path.join(outboxDir, files[0] ?? ""))).toBe(0o600);
  });

  it("writes a backup owner-only, never through a planted link, and refuses to overwrite unless asked", async () => {
    const folder = path.join(temporary, "gedeeld");
    fs.mkdirSync(folder);
    const out = path.join(folder, "backup.jsonl");
    const victim = path.join(temporary, "van-iemand-anders.txt");
    fs.writeFileSync(victim, "niet aankomen\n");
    // The name the previous version wrote to first: a link there must not be followed.
    fs.symlinkSync(victim, `${out}.partial`);

    await writeBackup({ db: database.db, out });
    expect(modeOf(out)).toBe(0o600);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^\{"format":"vakmanschap-backup"/);
    expect(fs.readFileSync(victim, "utf8")).toBe("niet aankomen\n");
    expect(fs.readdirSync(folder).sort()).toEqual(["backup.jsonl", "backup.jsonl.partial"]);

    fs.writeFileSync(out, "een eerdere back-up\n");
    await expect(writeBackup({ db: database.db, out })).rejects.toMatchObject({ code: "conflict" });
    expect(fs.readFileSync(out, "utf8")).toBe("een eerdere back-up\n");

    await writeBackup({ db: database.db, out, overwrite: true });
    expect(fs.readFileSync(out, "utf8")).toMatch(/^\{"format":"vakmanschap-backup"/);

    // A link at the backup's own name is replaced by the backup, not written through.
    const linked = path.join(folder, "via-link.jsonl");
    fs.symlinkSync(victim, linked);
    await expect(writeBackup({ db: database.db, out: linked })).rejects.toMatchObject({ code: "conflict" });
    await writeBackup({ db: database.db, out: linked, overwrite: true });
    expect(fs.lstatSync(linked).isSymbolicLink()).toBe(false);
    expect(modeOf(linked)).toBe(0o600);
    expect(fs.readFileSync(victim, "utf8")).toBe("niet aankomen\n");
    expect(
      fs.readdirSync(folder).filter((name) => name.endsWith(".partial") && name.startsWith(".")),
    ).toEqual([]);
  });

  it("drops the text of a mail job that failed for the last time", async () => {
    const id = await enqueueMail({
      db: database.db,
      message: { to: "anna@example.nl", subject: "Inloglink", text: "https://v.test/inloggen/geheim" },
    });
    await database.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.id, id));
    const counts = await runDueJobs({
      db: database.db,
      handlers: {
        [MAIL_JOB_KIND]: async () => {
          throw new Error("mail server weigert");
        },
      },
    });
    expect(counts.failed).toBe(1);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(job?.failedAt).toBeInstanceOf(Date);
    expect(job?.payload).toEqual({});
    expect(job?.lastError).toContain("mail server weigert");
  });
});
