// Publishing a kris-kras round on each database: everyone placed gets one mail with a calendar
// invitation, publishing again without changes mails nobody, a change mails exactly the people whose
// invitation changed (an update) or who lost their place (a cancellation), who met whom is recorded,
// and a person's own page shows first names and organisations only, to them only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { AppError } from "../../app/infra/errors.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { runDueJobs } from "../../app/infra/jobs.server.ts";
import { createMailer, enqueueMail, type MailMessage, mailJobHandler } from "../../app/infra/mail.server.ts";
import { auditLog, users } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { conversations } from "../../app/modules/conversations/conversations.schema.ts";
import { metBeforeAmong } from "../../app/modules/kriskras/composition.server.ts";
import { invitationUid, organizerOf } from "../../app/modules/kriskras/invitation-mail.ts";
import {
  kriskrasGroups,
  kriskrasInvitations,
  kriskrasMeetings,
  kriskrasRounds,
  kriskrasSignups,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import {
  getMyGroup,
  myInvitationFile,
  startGroupConversation,
} from "../../app/modules/kriskras/my-group.server.ts";
import { publishRound } from "../../app/modules/kriskras/publication.server.ts";
import { movePeople } from "../../app/modules/kriskras/review.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import {
  createKriskrasChoices,
  createKriskrasGroup,
  createKriskrasRound,
  createKriskrasSignups,
} from "./kriskras-factory.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const ORIGIN = "https://vakmanschap.test";
const CONFIG = { mailFrom: "Vakmanschap <noreply@vakmanschap.test>" };
/** iCalendar text with its folded lines joined again (RFC 5545 §3.1). */
const unfold = (ics: string | undefined) => (ics ?? "").replace(/\r\n[ \t]/g, "");
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe.each(databaseKinds)("publishing a kris-kras round on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let roundId: string;
  let slotIds: string[];
  let signups: string[];
  const groups: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    const { db } = database;
    const organisations = await createKriskrasChoices(db);
    ({ id: roundId, slotIds } = await createKriskrasRound(db, {
      signupClosesAt: new Date(Date.now() - 1000),
      signupOpensAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000),
    }));
    // 0–10 come the first time only, 11–33 the second only, 22 either time.
    signups = await createKriskrasSignups(db, {
      roundId,
      slotIds,
      count: 34,
      organisations,
      answers: (index) => (index === 22 ? ["ja", "ja"] : index <= 10 ? ["ja", "nee"] : ["nee", "ja"]),
    });
    const ids = (indexes: number[]) => indexes.map((index) => signups[index] as string);
    groups.a = await createKriskrasGroup(db, {
      roundId,
      slotId: slotIds[0] as string,
      number: 1,
      signupIds: ids([...range(0, 11), 22]),
      hostSignupId: signups[0],
    });
    groups.b = await createKriskrasGroup(db, {
      roundId,
      slotId: slotIds[1] as string,
      number: 1,
      signupIds: ids(range(11, 22)),
    });
    groups.c = await createKriskrasGroup(db, {
      roundId,
      slotId: slotIds[1] as string,
      number: 2,
      signupIds: ids(range(23, 34)),
      hostSignupId: signups[23],
    });
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  async function userOf(index: number) {
    const [row] = await database.db
      .select({ userId: kriskrasSignups.userId, email: users.email })
      .from(kriskrasSignups)
      .innerJoin(users, eq(users.id, kriskrasSignups.userId))
      .where(eq(kriskrasSignups.id, signups[index] as string));
    if (!row) throw new Error(`sign-up ${index} not found`);
    return row;
  }

  /** The mails queued since the last call, and the queue emptied. */
  async function takeMails(): Promise<MailMessage[]> {
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, "mail"));
    await database.db.delete(jobs);
    return rows.map((row) => row.payload as unknown as MailMessage);
  }

  const publish = () => publishRound({ db: database.db, roundId, origin: ORIGIN, config: CONFIG });

  it("a round is not published while a group has no host, and nobody can see a group before", async () => {
    await expect(publish()).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("problems.kriskras.groupsWithoutHost"),
    });
    const [round] = await database.db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, roundId));
    expect(round?.publishedAt).toBeNull();
    expect(await takeMails()).toEqual([]);
    const { userId } = await userOf(0);
    await expect(getMyGroup({ db: database.db, roundId, userId })).rejects.toMatchObject({
      code: "not_found",
    });
    await database.db
      .update(kriskrasGroups)
      .set({ hostSignupId: signups[11] })
      .where(eq(kriskrasGroups.id, groups.b));
  });

  it("publishing mails everyone placed a calendar invitation, and a mail reaches the outbox with it", async () => {
    expect(await publish()).toEqual({ sent: 34, updated: 0, cancelled: 0, unchanged: 0 });
    const [round] = await database.db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, roundId));
    expect(round?.publication).toBe(1);
    expect(round?.publishedAt).toBeInstanceOf(Date);

    const mails = await takeMails();
    expect(mails).toHaveLength(34);
    const first = await userOf(0);
    const mail = mails.find((candidate) => candidate.to === first.email);
    expect(mail?.subject).toMatch(/^Kris-kras-gesprek op dinsdag 25 maart 2031: /);
    expect(mail?.text).toContain("14:00 tot 16:00");
    expect(mail?.text).toContain("Den Haag, Turfmarkt 147");
    expect(mail?.text).toContain(`${ORIGIN}/kriskras/${roundId}/mijn-groep`);
    expect(mail?.text).toContain("Jij bent de gastheer of gastvrouw");
    expect(mail?.calendar?.method).toBe("REQUEST");
    const ics = unfold(mail?.calendar?.content);
    expect(ics).toContain(`UID:${invitationUid(roundId, signups[0] as string)}`);
    expect(ics).not.toContain(`UID:${first.email}`);
    expect(ics).toContain("SEQUENCE:0");
    expect(ics).toContain("DTSTART;TZID=Europe/Amsterdam:20310325T140000");
    expect(ics).toContain("ORGANIZER;CN=Vakmanschap:mailto:noreply@vakmanschap.test");
    const online = mails.find(
      (candidate) => candidate.to === `deelnemer30.${roundId.slice(0, 8)}@example.nl`,
    );
    expect(online?.text).toContain("online, via deze link: https://video.example.nl/kriskras");

    // Sent through the job queue, it is a text/calendar part with its method.
    const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-publish-"));
    try {
      if (!mail) throw new Error("no mail for the first person");
      await enqueueMail({ db: database.db, message: mail });
      await runDueJobs({
        db: database.db,
        handlers: { mail: mailJobHandler(createMailer({ from: CONFIG.mailFrom, outboxDir })) },
      });
      const [file] = fs.readdirSync(outboxDir);
      const raw = fs.readFileSync(path.join(outboxDir, file ?? ""));
      expect(raw.toString("latin1")).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
      const parsed = await simpleParser(raw);
      const part = parsed.attachments.find((attachment) => attachment.contentType === "text/calendar");
      expect(part?.content.toString("utf8")).toContain("SEQUENCE:0");
    } finally {
      fs.rmSync(outboxDir, { recursive: true, force: true });
      await database.db.delete(jobs);
    }
  });

  it("who met whom is recorded: every pair of every group, on the slot's start", async () => {
    const meetings = await database.db
      .select()
      .from(kriskrasMeetings)
      .where(eq(kriskrasMeetings.roundId, roundId));
    expect(meetings).toHaveLength(66 + 55 + 55);
    expect(meetings.every((meeting) => meeting.userLow < meeting.userHigh)).toBe(true);
    const a = await userOf(0);
    const b = await userOf(1);
    const pair = meetings.find(
      (meeting) =>
        (meeting.userLow === a.userId && meeting.userHigh === b.userId) ||
        (meeting.userLow === b.userId && meeting.userHigh === a.userId),
    );
    expect(pair?.metOn.toISOString()).toBe("2031-03-25T13:00:00.000Z");
    // Composing this round again does not count its own meetings as meeting before.
    expect((await metBeforeAmong(database.db, [a.userId, b.userId], roundId)).size).toBe(0);
    expect((await metBeforeAmong(database.db, [a.userId, b.userId])).size).toBe(1);
  });

  it("publishing again without changes mails nobody, and each publication is in the audit log", async () => {
    const editor = {
      id: (await userOf(0)).userId,
      email: "redacteur@example.nl",
      roles: ["redacteur" as const],
    };
    expect(
      await publishRound({ db: database.db, roundId, origin: ORIGIN, config: CONFIG, actor: editor }),
    ).toEqual({ sent: 0, updated: 0, cancelled: 0, unchanged: 34 });
    expect(await takeMails()).toEqual([]);
    const logged = await database.db.select().from(auditLog).where(eq(auditLog.target, roundId));
    expect(logged.map((entry) => [entry.action, entry.actorEmail])).toContainEqual([
      "kriskras.round.published",
      "redacteur@example.nl",
    ]);
  });

  it("after a move only the people whose group changed get an update, with a higher sequence", async () => {
    await movePeople({ db: database.db, roundId, signupIds: [signups[22] as string], groupId: groups.b });
    // The mover, and the members of the group they left and the group they joined (their list changed).
    expect(await publish()).toEqual({ sent: 0, updated: 23, cancelled: 0, unchanged: 11 });
    const mails = await takeMails();
    expect(mails).toHaveLength(23);
    const mover = await userOf(22);
    const mail = mails.find((candidate) => candidate.to === mover.email);
    expect(mail?.subject).toMatch(/^Gewijzigd: Kris-kras-gesprek op dinsdag 8 april 2031/);
    expect(unfold(mail?.calendar?.content)).toContain(`UID:${invitationUid(roundId, signups[22] as string)}`);
    expect(mail?.calendar?.content).toContain("SEQUENCE:1");
    const untouched = await Promise.all(range(23, 34).map(userOf));
    expect(mails.filter((candidate) => untouched.some((person) => person.email === candidate.to))).toEqual(
      [],
    );
  });

  it("someone taken out of every group gets a cancellation that removes the calendar entry", async () => {
    await movePeople({ db: database.db, roundId, signupIds: [signups[33] as string], groupId: null });
    expect(await publish()).toEqual({ sent: 0, updated: 10, cancelled: 1, unchanged: 23 });
    const mails = await takeMails();
    const out = await userOf(33);
    const cancellation = mails.find((candidate) => candidate.to === out.email);
    expect(cancellation?.subject).toMatch(/^Gaat niet door: /);
    expect(cancellation?.calendar?.method).toBe("CANCEL");
    expect(cancellation?.calendar?.content).toContain("METHOD:CANCEL");
    expect(cancellation?.calendar?.content).toContain("SEQUENCE:1");
    expect(cancellation?.calendar?.content).toContain("DTSTART;TZID=Europe/Amsterdam:20310408T100000");
    const [stored] = await database.db
      .select()
      .from(kriskrasInvitations)
      .where(eq(kriskrasInvitations.signupId, signups[33] as string));
    expect(stored).toMatchObject({ cancelled: true, sequence: 1 });
    await expect(getMyGroup({ db: database.db, roundId, userId: out.userId })).rejects.toMatchObject({
      code: "not_found",
    });
    // A second publication does not cancel again.
    expect(await publish()).toMatchObject({ cancelled: 0, updated: 0 });
    const meetings = await database.db
      .select()
      .from(kriskrasMeetings)
      .where(eq(kriskrasMeetings.roundId, roundId));
    expect(meetings).toHaveLength(55 + 66 + 45);
  });

  it("a person's own page shows first names and organisations only, and nobody else's page", async () => {
    const host = await userOf(23);
    const named = await userOf(24);
    const nameless = await userOf(25);
    await database.db.update(users).set({ name: "Anna de Vries" }).where(eq(users.id, named.userId));
    await database.db.update(users).set({ name: "" }).where(eq(users.id, nameless.userId));

    const mine = await getMyGroup({ db: database.db, roundId, userId: host.userId });
    expect(mine.invitation.host.isYou).toBe(true);
    expect(mine.invitation.others).toHaveLength(9);
    for (const member of mine.invitation.others)
      expect(Object.keys(member).sort()).toEqual(["firstName", "organisation"]);
    const firstNames = mine.invitation.others.map((member) => member.firstName);
    expect(firstNames).toContain("Anna");
    expect(firstNames).toContain("een collega");
    expect(JSON.stringify(mine.invitation.others)).not.toMatch(/Vries|@/);
    // The names changed after the last publication: the page says an update is on its way.
    expect(mine.upToDate).toBe(false);
    expect(mine.template.rounds.length).toBeGreaterThan(0);

    const ics = unfold(
      await myInvitationFile({
        db: database.db,
        roundId,
        userId: host.userId,
        origin: ORIGIN,
        config: CONFIG,
      }),
    );
    expect(ics).toContain(`UID:${invitationUid(roundId, signups[23] as string)}`);
    expect(ics).toContain("SEQUENCE:1");

    const stranger = await upsertUser({ db: database.db, email: `buiten.${kind}@example.nl` });
    await expect(getMyGroup({ db: database.db, roundId, userId: stranger.id })).rejects.toBeInstanceOf(
      AppError,
    );
    await expect(
      getMyGroup({ db: database.db, roundId: "geen-id", userId: host.userId }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("the host starts the group's live session with one click; a second click finds the same one", async () => {
    const host = await userOf(23);
    const member = await userOf(26);
    const options = { db: database.db, roundId, maxParticipants: 50, defaultMinAnswers: 3 };
    const id = await startGroupConversation({ quotas, ...options, userId: host.userId });
    const [made] = await database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(made?.ownerId).toBe(host.userId);
    expect(made?.title).toMatch(/^Kris-kras-gesprek .*groep 2$/);
    expect(await startGroupConversation({ quotas, ...options, userId: host.userId })).toBe(id);
    // The group keeps a link to its conversation: a new title does not lose it, and once it has ended
    // a click starts a new one.
    await database.db.update(conversations).set({ title: "Onze groep" }).where(eq(conversations.id, id));
    expect(await startGroupConversation({ quotas, ...options, userId: host.userId })).toBe(id);
    await database.db.update(conversations).set({ status: "afgelopen" }).where(eq(conversations.id, id));
    const next = await startGroupConversation({ quotas, ...options, userId: host.userId });
    expect(next).not.toBe(id);
    expect(await startGroupConversation({ quotas, ...options, userId: host.userId })).toBe(next);
    await expect(startGroupConversation({ quotas, ...options, userId: member.userId })).rejects.toMatchObject(
      {
        code: "forbidden",
      },
    );
  });
});

describe("the organizer of an invitation", () => {
  it("is read from the mail sender as configured, with or without a name", () => {
    expect(organizerOf("Vakmanschap <noreply@vakmanschap.invalid>")).toEqual({
      name: "Vakmanschap",
      email: "noreply@vakmanschap.invalid",
    });
    expect(organizerOf('"Kris-kras, BZK" <kriskras@minbzk.nl>')).toEqual({
      name: "Kris-kras, BZK",
      email: "kriskras@minbzk.nl",
    });
    expect(organizerOf("noreply@example.nl")).toEqual({ name: "Vakmanschap", email: "noreply@example.nl" });
  });
});
