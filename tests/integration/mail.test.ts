// Mail goes out through the job queue: to a real SMTP server when one is configured (retried when it
// refuses), otherwise into an outbox folder as .eml files a person can open.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { AppError } from "../../app/infra/errors.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { enqueueJob, runDueJobs } from "../../app/infra/jobs.server.ts";
import { createMailer, enqueueMail, type MailMessage, mailJobHandler } from "../../app/infra/mail.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { startSmtpServer } from "./smtp-server.ts";

const FROM = "Vakmanschap <noreply@vakmanschap.test>";
const silent = pino({ level: "silent" });

const loginMail: MailMessage = {
  to: "anna.jansen@minbzk.nl",
  subject: "Uw inloglink voor Vakmanschap",
  text: "Open deze link om in te loggen: https://vakmanschap.test/inloggen/abc\n\nDe link werkt 15 minuten.",
};

describe.each(databaseKinds)("mail on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let outboxDir: string;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });
  beforeEach(async () => {
    await database.db.delete(jobs);
    outboxDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vm-mail-")), "outbox");
    return () => fs.rmSync(path.dirname(outboxDir), { recursive: true, force: true });
  });

  async function jobById(id: number) {
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    if (!job) throw new Error(`job ${id} not found`);
    return job;
  }

  it("a login mail reaches the mail server with its sender, recipient, subject and text", async () => {
    const smtp = await startSmtpServer();
    try {
      const mailer = createMailer({ smtpUrl: smtp.url, from: FROM, outboxDir });
      expect(mailer.kind).toBe("smtp");
      const id = await enqueueMail({ db: database.db, message: loginMail });

      const counts = await runDueJobs({ db: database.db, handlers: { mail: mailJobHandler(mailer) } });

      expect(counts).toEqual({ done: 1, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0];
      expect(mail?.subject).toBe(loginMail.subject);
      expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe(loginMail.to);
      expect(mail?.from?.text).toBe('"Vakmanschap" <noreply@vakmanschap.test>');
      expect(mail?.text?.trim()).toBe(loginMail.text);
      expect((await jobById(id)).doneAt).toBeInstanceOf(Date);
      expect(fs.existsSync(outboxDir)).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it("a login mail the mail server refuses at first is retried and delivered once", async () => {
    const smtp = await startSmtpServer({ refuse: 1 });
    try {
      const handlers = { mail: mailJobHandler(createMailer({ smtpUrl: smtp.url, from: FROM, outboxDir })) };
      const id = await enqueueMail({ db: database.db, message: loginMail });

      expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ retried: 1 });
      let job = await jobById(id);
      expect(job.attempts).toBe(1);
      expect(job.lastError).toContain("Mailbox busy, try again later");
      expect(smtp.received).toHaveLength(0);

      // Instead of waiting out the retry delay, make the job due now.
      await database.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id));
      expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ done: 1 });
      expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ done: 0 });

      expect(smtp.received.map((mail) => mail.subject)).toEqual([loginMail.subject]);
      job = await jobById(id);
      expect(job.attempts).toBe(2);
      expect(job.doneAt).toBeInstanceOf(Date);
    } finally {
      await smtp.close();
    }
  });

  it("without a mail server the message lands as a readable .eml file in the outbox", async () => {
    const mailer = createMailer({ from: FROM, outboxDir });
    expect(mailer.kind).toBe("outbox");
    const html = "<p>Open <a href='https://vakmanschap.test/inloggen/abc'>deze link</a></p>";
    await enqueueMail({ db: database.db, message: { ...loginMail, html } });
    await enqueueMail({ db: database.db, message: { ...loginMail, subject: "Tweede bericht" } });

    await runDueJobs({ db: database.db, handlers: { mail: mailJobHandler(mailer) } });

    const files = fs.readdirSync(outboxDir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{12}\.eml$/);
    }
    const raw = fs.readFileSync(path.join(outboxDir, files[0] ?? ""));
    // As it would travel over SMTP: CRLF line ends.
    expect(raw.toString("latin1")).toMatch(/\r\nSubject: /);
    const mails = await Promise.all(
      files.map((file) => simpleParser(fs.readFileSync(path.join(outboxDir, file)))),
    );
    const withLink = mails.find((mail) => mail.subject === loginMail.subject);
    expect(withLink?.to && !Array.isArray(withLink.to) ? withLink.to.text : undefined).toBe(loginMail.to);
    expect(withLink?.from?.text).toBe('"Vakmanschap" <noreply@vakmanschap.test>');
    expect(withLink?.text?.trim()).toBe(loginMail.text);
    expect(withLink?.html).toContain("https://vakmanschap.test/inloggen/abc");
    expect(mails.find((mail) => mail.subject === "Tweede bericht")?.html).toBe(false);
  });

  it("a mail with a calendar invitation lands with a text/calendar part that names the method", async () => {
    const mailer = createMailer({ from: FROM, outboxDir });
    const content = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Vakmanschap//Test//NL",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:kriskras-test@vakmanschap",
      "SEQUENCE:0",
      "DTSTAMP:20310301T120000Z",
      "DTSTART:20310325T130000Z",
      "DTEND:20310325T150000Z",
      "SUMMARY:Kris-kras-gesprek",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    await enqueueMail({
      db: database.db,
      message: {
        ...loginMail,
        subject: "Uitnodiging",
        calendar: { method: "REQUEST", content, filename: "kriskras.ics" },
      },
    });
    await runDueJobs({ db: database.db, handlers: { mail: mailJobHandler(mailer) } });

    const [file] = fs.readdirSync(outboxDir);
    const raw = fs.readFileSync(path.join(outboxDir, file ?? ""));
    expect(raw.toString("latin1")).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const mail = await simpleParser(raw);
    expect(mail.text?.trim()).toBe(loginMail.text);
    const invitation = mail.attachments.find((part) => part.contentType === "text/calendar");
    expect(invitation?.content.toString("utf8")).toContain("UID:kriskras-test@vakmanschap");
    expect(invitation?.content.toString("utf8")).toContain("METHOD:REQUEST");
  });

  it("a calendar invitation with a file name that is not a plain .ics name is refused when queued", async () => {
    await expect(
      enqueueMail({
        db: database.db,
        message: {
          ...loginMail,
          calendar: { method: "CANCEL", content: "BEGIN:VCALENDAR", filename: "../uitnodiging.exe" },
        },
      }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("a mail queued in a transaction that rolls back is never sent", async () => {
    const mailer = createMailer({ from: FROM, outboxDir });
    await database.db
      .transaction(async (tx) => {
        await enqueueMail({ db: tx, message: loginMail });
        throw new Error("the login request failed");
      })
      .catch(() => {});

    expect(await runDueJobs({ db: database.db, handlers: { mail: mailJobHandler(mailer) } })).toMatchObject({
      done: 0,
    });
    // The outbox folder is made (owner-only) with the mailer; nothing is written into it.
    expect(fs.readdirSync(outboxDir)).toEqual([]);
  });

  it("a mail to a malformed address is refused when queued, and a malformed mail job fails clearly", async () => {
    await expect(
      enqueueMail({ db: database.db, message: { ...loginMail, to: "not an address" } }),
    ).rejects.toBeInstanceOf(AppError);

    const id = await enqueueJob({
      db: database.db,
      kind: "mail",
      payload: { to: "anna.jansen@minbzk.nl" },
      maxAttempts: 1,
    });
    const mailer = createMailer({ from: FROM, outboxDir });
    expect(
      await runDueJobs({ db: database.db, handlers: { mail: mailJobHandler(mailer) }, logger: silent }),
    ).toMatchObject({ failed: 1 });
    const job = await jobById(id);
    expect(job.lastError).toMatch(/^Error: invalid mail job payload: .*subject/s);
    expect(job.payload).toEqual({});
    expect(fs.readdirSync(outboxDir)).toEqual([]);
  });
});
