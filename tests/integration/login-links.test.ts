// Asking for a login link, on each database: the request only counts and queues a job, so it does the
// same work for every address; the job decides whether a mail goes out; nobody can use up someone
// else's tries, and nobody can make an address receive more than one working link at a time.
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { jobs, rateLimits } from "../../app/infra/jobs.schema.ts";
import { enqueueJob, runDueJobs } from "../../app/infra/jobs.server.ts";
import { MAIL_JOB_KIND, type MailMessage } from "../../app/infra/mail.server.ts";
import { loginTokens } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  consumeLoginLink,
  findLoginLink,
  LOGIN_LINK_JOB_KIND,
  loginLinkJobHandler,
  requestLoginLink,
} from "../../app/modules/accounts/login-links.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const config = parseConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  PUBLIC_URL: "https://vakmanschap.example.nl",
  ALLOWED_EMAIL_DOMAINS: "minbzk.nl",
  RATE_LIMIT_LOGIN_PER_EMAIL: "3",
  RATE_LIMIT_LOGIN_PER_IP: "10",
});

describe.each(databaseKinds)("login links on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  const sent: MailMessage[] = [];

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    await upsertUser({ db: database.db, email: "bekend@elders.org" });
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });
  beforeEach(async () => {
    sent.length = 0;
    await database.db.delete(rateLimits);
    await database.db.delete(jobs);
    await database.db.delete(loginTokens);
  });

  const ask = (email: string, clientIp = "192.0.2.1", language: "nl" | "en" = "nl") =>
    requestLoginLink({ db: database.db, config, email, returnTo: "/profiel", clientIp, language });
  /** What the job worker of a process would do: the lookup job, then the mail it queued. */
  const runJobs = () =>
    runDueJobs({
      db: database.db,
      handlers: {
        [LOGIN_LINK_JOB_KIND]: loginLinkJobHandler({ db: database.db, config }),
        [MAIL_JOB_KIND]: async (payload) => {
          sent.push(payload as unknown as MailMessage);
        },
      },
    });
  const tokenIn = (mail: MailMessage | undefined) => /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] ?? "";

  it("does the same work for a known, an allowed, an unknown and a refused address: it queues one job", async () => {
    const { db } = database;
    for (const email of ["bekend@elders.org", "nieuw@minbzk.nl", "onbekend@minbzk.nl", "iemand@elders.org"]) {
      await ask(email);
      const queued = await db.select({ kind: jobs.kind, payload: jobs.payload }).from(jobs);
      expect(queued, email).toEqual([
        { kind: LOGIN_LINK_JOB_KIND, payload: { email, returnTo: "/profiel", language: "nl" } },
      ]);
      // Nothing that depends on the address happens while the request waits.
      expect(await db.select().from(loginTokens), email).toEqual([]);
      await db.delete(jobs);
    }
  });

  it("the job mails a link to an address with an account or in an allowed domain, and to nobody else", async () => {
    await ask("Bekend@Elders.org");
    await ask("nieuw@minbzk.nl");
    await ask("iemand@elders.org");
    await runJobs();
    expect(sent.map((mail) => mail.to).sort()).toEqual(["bekend@elders.org", "nieuw@minbzk.nl"]);
    // The address in the mail is the site's own (PUBLIC_URL), never one a request named.
    expect(sent[0]?.text).toContain("https://vakmanschap.example.nl/inloggen/bevestigen?token=");
    const link = await findLoginLink({ db: database.db, token: tokenIn(sent[0]) });
    expect(link?.email).toBe(sent[0]?.to);
  });

  it("writes the mail in the language of the request that asked for it", async () => {
    await ask("bekend@elders.org", "192.0.2.1", "en");
    await ask("nieuw@minbzk.nl", "192.0.2.1", "nl");
    // A job queued before mails had a language: Dutch, as every mail was then.
    await enqueueJob({
      db: database.db,
      kind: LOGIN_LINK_JOB_KIND,
      payload: { email: "ander@minbzk.nl", returnTo: "/" },
    });
    await runJobs();
    const mailTo = (to: string) => sent.find((mail) => mail.to === to);
    expect(mailTo("bekend@elders.org")).toMatchObject({ subject: "Your login link for Vakmanschap" });
    expect(mailTo("bekend@elders.org")?.text).toContain("The link works for 15 minutes, and only once.");
    expect(mailTo("nieuw@minbzk.nl")).toMatchObject({ subject: "Je inloglink voor Vakmanschap" });
    expect(mailTo("nieuw@minbzk.nl")?.text).toContain("De link werkt 15 minuten en maar één keer.");
    expect(mailTo("ander@minbzk.nl")).toMatchObject({ subject: "Je inloglink voor Vakmanschap" });
  });

  it("a stranger asking again and again for someone's address uses up only their own tries", async () => {
    for (let i = 0; i < 3; i++) await ask("bekend@elders.org", "198.51.100.7");
    await expect(ask("bekend@elders.org", "198.51.100.7")).rejects.toMatchObject({ code: "rate_limited" });
    // The owner, somewhere else, still gets in.
    await expect(ask("bekend@elders.org", "2001:db8:1:2::/64")).resolves.toBeUndefined();
  });

  it("counts the client's own limit first, so a refused client spends nobody's per-address tries", async () => {
    const tight = { ...config, rateLimits: { ...config.rateLimits, loginPerIp: 2 } };
    const askTight = (email: string) =>
      requestLoginLink({
        db: database.db,
        config: tight,
        email,
        returnTo: "/",
        clientIp: "203.0.113.9",
        language: "nl",
      });
    await askTight("a@minbzk.nl");
    await askTight("b@minbzk.nl");
    await expect(askTight("bekend@elders.org")).rejects.toMatchObject({ code: "rate_limited" });
    const keys = await database.db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, "login-link:email%"));
    expect(keys).toHaveLength(2);
  });

  it("sends no new mail while an earlier link still works, and a new one once it is used or expired", async () => {
    const { db } = database;
    await ask("bekend@elders.org", "192.0.2.1");
    await ask("bekend@elders.org", "192.0.2.2");
    await ask("bekend@elders.org", "192.0.2.3");
    await runJobs();
    expect(sent).toHaveLength(1);

    await consumeLoginLink({ db, config, token: tokenIn(sent[0]) });
    await ask("bekend@elders.org");
    await runJobs();
    expect(sent).toHaveLength(2);

    await db.update(loginTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    await ask("bekend@elders.org");
    await runJobs();
    expect(sent).toHaveLength(3);
    expect(await findLoginLink({ db, token: tokenIn(sent[1]) })).toBeUndefined();
  });

  it("finishes a job without keeping the address it was about", async () => {
    await ask("iemand@elders.org");
    await runJobs();
    const [job] = await database.db.select().from(jobs).where(eq(jobs.kind, LOGIN_LINK_JOB_KIND));
    expect(job?.doneAt).not.toBeNull();
    expect(job?.payload).toEqual({});
  });
});
