// Signing up for kris-kras-gesprekken on each database: a civil servant signs up, changes and cancels
// until sign-up closes, each time with a confirmation mail in Amsterdam time; mistakes get Dutch
// messages; a closed round changes nothing; access needs are stored encrypted; nobody else sees or
// touches a sign-up; it is in the person's data and goes with their account.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { isAppError } from "../../app/infra/errors.ts";
import { translateFields } from "../../app/infra/form-errors.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { updateProfile, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  kriskrasAvailability,
  kriskrasOrganisers,
  kriskrasRounds,
  kriskrasSignups,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import { EMPTY_SIGNUP_FORM, type SignupFormValues } from "../../app/modules/kriskras/signup.validation.ts";
import {
  accessNeedsForOrganiser,
  cancelSignup,
  getOwnSignup,
  getSignupForm,
  listOpenRounds,
  reencryptAccessNeeds,
  saveSignup,
} from "../../app/modules/kriskras/signups.server.ts";
import { deleteMyAccount, exportMyData } from "../../app/personal-data.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { filesContaining } from "./files-containing.ts";
import { createKriskrasChoices, createKriskrasRound, deactivateOption } from "./kriskras-factory.ts";

const key = randomBytes(32);
const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
const ORIGIN = "https://vakmanschap.example.nl";
const DAY = 24 * 60 * 60 * 1000;

/** A refusal with its messages per field as a Dutch reader gets them. */
async function inDutch(refused: Promise<unknown>) {
  const error = await refused.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isAppError(error)) return error;
  return { code: error.code, fields: translateFields(translatorFor("nl"), error.fields ?? {}) };
}

interface Person {
  id: string;
  email: string;
}

describe.each(databaseKinds)("signing up for kris-kras-gesprekken on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let organisations: Record<string, string>;
  let round: { id: string; slotIds: string[] };
  let me: Person;
  let colleague: Person;

  const filled = (overrides: Partial<SignupFormValues> = {}): SignupFormValues => ({
    organisationId: organisations.Belastingdienst ?? "",
    workKind: "uitvoering",
    scaleBand: "schaal-9-11",
    serviceBand: "5-15",
    region: "randstad",
    availability: { [round.slotIds[0] ?? ""]: "ja", [round.slotIds[1] ?? ""]: "als-het-moet" },
    accessNeeds: "",
    consent: true,
    ...overrides,
  });
  const save = (user: Person, values: SignupFormValues, roundId = round.id, now?: Date) =>
    saveSignup({ db: database.db, keyring, roundId, user, values, origin: ORIGIN, now });
  const mailsTo = async (email: string) =>
    (await database.db.select().from(jobs).where(eq(jobs.kind, "mail")))
      .map((job) => job.payload as { to: string; subject: string; text: string })
      .filter((mail) => mail.to === email);

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    organisations = await createKriskrasChoices(database.db);
    round = await createKriskrasRound(database.db);
  });
  beforeEach(async () => {
    // Fresh people each test, so their sign-ups and mails do not meet.
    me = await upsertUser({ db: database.db, email: `ik-${randomUUID().slice(0, 8)}@example.nl` });
    colleague = await upsertUser({
      db: database.db,
      email: `collega-${randomUUID().slice(0, 8)}@example.nl`,
    });
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("a civil servant signs up and gets a confirmation mail with the slots in Amsterdam time", async () => {
    const before = await listOpenRounds({ db: database.db, userId: me.id });
    const listed = before.find((candidate) => candidate.id === round.id);
    expect(listed).toMatchObject({ title: "Kris-kras voorjaar", open: true, signup: null });
    // Winter time (UTC+1) for the first slot, summer time (UTC+2) for the second.
    expect(listed?.slots).toEqual([
      expect.objectContaining({ date: "2031-03-25", startTime: "14:00", endTime: "16:00" }),
      expect.objectContaining({ date: "2031-04-08", startTime: "10:00", endTime: "12:00" }),
    ]);

    const { created, signup } = await save(me, filled());
    expect(created).toBe(true);
    expect(signup).toMatchObject({
      organisationId: organisations.Belastingdienst,
      workKind: "uitvoering",
      availability: { [round.slotIds[0] as string]: "ja", [round.slotIds[1] as string]: "als-het-moet" },
    });
    const after = await listOpenRounds({ db: database.db, userId: me.id });
    expect(after.find((candidate) => candidate.id === round.id)?.signup).toEqual({
      id: signup.id,
      availability: signup.availability,
    });

    const [mail] = await mailsTo(me.email);
    expect(mail?.subject).toBe("Je bent aangemeld: Kris-kras voorjaar");
    expect(mail?.text).toContain(
      "Op deze momenten kun je:\n- dinsdag 25 maart 2031, 14:00 tot 16:00, Den Haag",
    );
    expect(mail?.text).toContain(
      "Op deze momenten kun je als het moet:\n- dinsdag 8 april 2031, 10:00 tot 12:00, online",
    );
    expect(mail?.text).toContain("- Organisatie: Belastingdienst");
    expect(mail?.text).toContain("- Salarisschaal: Schaal 9 tot en met 11");
    expect(mail?.text).toContain(`${ORIGIN}/kriskras/${round.id}/aanmelden`);
  });

  it("changes the availability until closing: one sign-up, the new answers, a mail saying it changed", async () => {
    await save(me, filled());
    const { created, signup } = await save(
      me,
      filled({ availability: { [round.slotIds[0] as string]: "nee", [round.slotIds[1] as string]: "ja" } }),
    );
    expect(created).toBe(false);
    expect(signup.availability).toEqual({
      [round.slotIds[0] as string]: "nee",
      [round.slotIds[1] as string]: "ja",
    });
    const rows = await database.db.select().from(kriskrasSignups).where(eq(kriskrasSignups.userId, me.id));
    expect(rows).toHaveLength(1);
    const mails = await mailsTo(me.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Je bent aangemeld: Kris-kras voorjaar",
      "Je aanmelding is veranderd: Kris-kras voorjaar",
    ]);
    expect(mails[1]?.text).toContain(
      "Op deze momenten kun je:\n- dinsdag 8 april 2031, 10:00 tot 12:00, online",
    );
    expect(mails[1]?.text).not.toContain("25 maart");
  });

  it("cancels until closing: the sign-up and its availability are gone, and a mail says so", async () => {
    const { signup } = await save(me, filled());
    await cancelSignup({ db: database.db, roundId: round.id, user: me, origin: ORIGIN });
    expect(
      await getOwnSignup({ db: database.db, keyring, roundId: round.id, userId: me.id }),
    ).toBeUndefined();
    expect(
      await database.db
        .select()
        .from(kriskrasAvailability)
        .where(eq(kriskrasAvailability.signupId, signup.id)),
    ).toEqual([]);
    expect((await mailsTo(me.email)).at(-1)?.subject).toBe("Je bent afgemeld: Kris-kras voorjaar");
    await expect(
      cancelSignup({ db: database.db, roundId: round.id, user: me, origin: ORIGIN }),
    ).rejects.toMatchObject({ code: "not_found", message: "problems.kriskras.notSignedUp" });
  });

  it("says in Dutch what is missing or wrong, and saves nothing", async () => {
    expect(await inDutch(save(me, EMPTY_SIGNUP_FORM))).toMatchObject({
      code: "invalid",
      fields: {
        organisationId: "Kies je organisatie uit de lijst.",
        workKind: "Kies het soort werk dat je doet.",
        scaleBand: "Kies je salarisschaal.",
        serviceBand: "Kies hoe lang je bij de overheid werkt.",
        region: "Kies de regio waar je werkt.",
        availability: "Kies bij minstens één moment ja of als het moet.",
        consent: "Geef toestemming om je gegevens te gebruiken, anders kun je niet meedoen.",
      },
    });
    expect(
      await inDutch(
        save(
          me,
          filled({
            organisationId: randomUUID(),
            region: "buitenland",
            availability: { [round.slotIds[0] as string]: "misschien" },
            accessNeeds: "x".repeat(1001),
          }),
        ),
      ),
    ).toMatchObject({
      fields: {
        organisationId: "Kies je organisatie uit de lijst.",
        region: "Kies de regio waar je werkt.",
        availability: "Kies ja, als het moet of nee.",
        accessNeeds: "Wat je nodig hebt mag hoogstens 1000 tekens hebben. Maak het korter.",
      },
    });
    // An option an editor switched off can no longer be chosen.
    await deactivateOption(database.db, "region", "noord");
    expect(await inDutch(save(me, filled({ region: "noord" })))).toMatchObject({
      fields: { region: "Kies de regio waar je werkt." },
    });
    expect(
      await getOwnSignup({ db: database.db, keyring, roundId: round.id, userId: me.id }),
    ).toBeUndefined();
    expect(await mailsTo(me.email)).toEqual([]);
  });

  it("refuses changes once sign-up has closed, and keeps the sign-up as it was", async () => {
    const closing = await createKriskrasRound(database.db, { title: "Kris-kras najaar" });
    const values = filled({ availability: { [closing.slotIds[0] as string]: "ja" } });
    await save(me, values, closing.id);
    const later = new Date(Date.now() + 31 * DAY);
    await expect(
      save(me, filled({ availability: { [closing.slotIds[1] as string]: "ja" } }), closing.id, later),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "problems.kriskras.signupClosedChange",
    });
    await expect(
      cancelSignup({ db: database.db, roundId: closing.id, user: me, origin: ORIGIN, now: later }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Someone new cannot sign up either.
    await expect(save(colleague, values, closing.id, later)).rejects.toMatchObject({ code: "conflict" });
    const kept = await getOwnSignup({ db: database.db, keyring, roundId: closing.id, userId: me.id });
    expect(kept?.availability).toEqual({
      [closing.slotIds[0] as string]: "ja",
      [closing.slotIds[1] as string]: "nee",
    });
    expect(
      (await listOpenRounds({ db: database.db, userId: me.id, now: later })).map((r) => r.id),
    ).not.toContain(closing.id);
    const form = await getSignupForm({
      db: database.db,
      keyring,
      roundId: closing.id,
      user: { id: me.id, organisation: "", workKind: "" },
      now: later,
    });
    expect(form.round.open).toBe(false);
    expect(form.own?.id).toBe(kept?.id);
  });

  it("closes for good once the groups are published, even if the closing date is still ahead", async () => {
    const early = await createKriskrasRound(database.db, { title: "Kris-kras vroeg gepubliceerd" });
    const values = filled({ availability: { [early.slotIds[0] as string]: "ja" } });
    await save(me, values, early.id);
    await database.db
      .update(kriskrasRounds)
      .set({ publishedAt: new Date() })
      .where(eq(kriskrasRounds.id, early.id));
    // A late sign-up would get no group and no invitation: it is refused, as are changes and cancelling.
    await expect(save(colleague, values, early.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(
      save(me, filled({ availability: { [early.slotIds[1] as string]: "ja" } }), early.id),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      cancelSignup({ db: database.db, roundId: early.id, user: me, origin: ORIGIN }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await listOpenRounds({ db: database.db, userId: colleague.id })).map((r) => r.id)).not.toContain(
      early.id,
    );
    const form = await getSignupForm({
      db: database.db,
      keyring,
      roundId: early.id,
      user: { id: colleague.id, organisation: "", workKind: "" },
    });
    expect(form.round).toMatchObject({ open: false, published: true });
  });

  it("does not show a round before its sign-up opens, nor an address that is no round", async () => {
    const future = await createKriskrasRound(database.db, {
      title: "Kris-kras later",
      signupOpensAt: new Date(Date.now() + DAY),
      signupClosesAt: new Date(Date.now() + 10 * DAY),
    });
    expect((await listOpenRounds({ db: database.db, userId: me.id })).map((r) => r.id)).not.toContain(
      future.id,
    );
    for (const roundId of [future.id, randomUUID(), "geen-ronde"]) {
      await expect(
        getSignupForm({
          db: database.db,
          keyring,
          roundId,
          user: { id: me.id, organisation: "", workKind: "" },
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(save(me, filled(), roundId)).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("stores access needs only encrypted: not in the table, not in a backup, not in the data folder", async () => {
    const marker = `ROLSTOEL-${randomUUID()}`;
    const { signup } = await save(me, filled({ accessNeeds: `Ik gebruik een rolstoel ${marker}` }));
    const [row] = await database.db.select().from(kriskrasSignups).where(eq(kriskrasSignups.id, signup.id));
    expect(row?.accessNeeds).toMatch(/^v2:/);
    expect(row?.accessNeeds).not.toContain(marker);
    // Bound to this sign-up and its person: the ciphertext does not open as another one's.
    expect(() =>
      keyring.decrypt(row?.accessNeeds ?? "", `kriskras-needs:${randomUUID()}:${me.id}`),
    ).toThrow();
    expect(() =>
      keyring.decrypt(row?.accessNeeds ?? "", `kriskras-needs:${signup.id}:${randomUUID()}`),
    ).toThrow();
    expect(keyring.decrypt(row?.accessNeeds ?? "", `kriskras-needs:${signup.id}:${me.id}`)).toContain(marker);
    expect(signup.accessNeeds).toBe(`Ik gebruik een rolstoel ${marker}`);
    // Never in the mail either: the mail only says something was filled in.
    const [mail] = await mailsTo(me.email);
    expect(mail?.text).not.toContain(marker);
    expect(mail?.text).toContain("Wat je nodig hebt om mee te doen: ingevuld.");

    const dump = path.join(os.tmpdir(), `vm-kriskras-dump-${randomUUID()}.jsonl`);
    try {
      await writeBackup({ db: database.db, out: dump });
      const backup = fs.readFileSync(dump, "utf8");
      expect(backup).toContain(signup.id);
      expect(backup).not.toContain(marker);
    } finally {
      fs.rmSync(dump, { force: true });
    }
    if (kind === "pglite" && test.dataDir) {
      await database.db.execute("checkpoint");
      expect(filesContaining(test.dataDir, Buffer.from(marker))).toEqual([]);
    }

    // Removing them stores nothing at all.
    await save(me, filled({ accessNeeds: "  " }));
    const [emptied] = await database.db
      .select()
      .from(kriskrasSignups)
      .where(eq(kriskrasSignups.id, signup.id));
    expect(emptied?.accessNeeds).toBe("");
  });

  it("shows access needs to the round's organisers only, not to every editor", async () => {
    const { signup } = await save(me, filled({ accessNeeds: "Een ruimte zonder trappen" }));
    const editor = await upsertUser({
      db: database.db,
      email: `redacteur-${randomUUID().slice(0, 8)}@example.nl`,
    });
    expect(
      await accessNeedsForOrganiser({ db: database.db, keyring, roundId: round.id, userId: editor.id }),
    ).toBeUndefined();
    await database.db.insert(kriskrasOrganisers).values({ roundId: round.id, userId: editor.id });
    const needs = await accessNeedsForOrganiser({
      db: database.db,
      keyring,
      roundId: round.id,
      userId: editor.id,
    });
    expect(needs?.get(signup.id)).toBe("Een ruimte zonder trappen");
  });

  it("another civil servant cannot see, change or cancel my sign-up", async () => {
    const { signup } = await save(me, filled({ accessNeeds: "Graag een rustige ruimte" }));
    expect(
      await getOwnSignup({ db: database.db, keyring, roundId: round.id, userId: colleague.id }),
    ).toBeUndefined();
    expect(
      (await listOpenRounds({ db: database.db, userId: colleague.id })).find((r) => r.id === round.id)
        ?.signup,
    ).toBeNull();
    const form = await getSignupForm({
      db: database.db,
      keyring,
      roundId: round.id,
      user: { id: colleague.id, organisation: "", workKind: "" },
    });
    expect(form.own).toBeNull();
    expect(form.values.accessNeeds).toBe("");
    await expect(
      cancelSignup({ db: database.db, roundId: round.id, user: colleague, origin: ORIGIN }),
    ).rejects.toMatchObject({ code: "not_found" });
    // Their own sign-up is a row of their own.
    const theirs = await save(colleague, filled({ workKind: "toezicht" }));
    expect(theirs.signup.id).not.toBe(signup.id);
    const mine = await getOwnSignup({ db: database.db, keyring, roundId: round.id, userId: me.id });
    expect(mine).toMatchObject({
      id: signup.id,
      workKind: "uitvoering",
      accessNeeds: "Graag een rustige ruimte",
    });
  });

  it("fills the form from the profile where it matches a choice", async () => {
    await updateProfile({
      db: database.db,
      userId: me.id,
      profile: { name: "", organisation: "belastingdienst", workKind: "toezicht" },
    });
    const form = await getSignupForm({
      db: database.db,
      keyring,
      roundId: round.id,
      user: { id: me.id, organisation: "belastingdienst", workKind: "toezicht" },
    });
    expect(form.values).toMatchObject({
      organisationId: organisations.Belastingdienst,
      workKind: "toezicht",
    });
    const other = await getSignupForm({
      db: database.db,
      keyring,
      roundId: round.id,
      user: { id: me.id, organisation: "Gemeente Utrecht", workKind: "" },
    });
    expect(other.values).toMatchObject({ organisationId: "", workKind: "" });
    expect(other.choices.options.scaleBand.map((option) => option.key)).toEqual([
      "schaal-1-8",
      "schaal-9-11",
      "schaal-12-plus",
    ]);
  });

  it("is in my data with the access needs readable, and goes with my account", async () => {
    await save(me, filled({ accessNeeds: "Een gebarentolk" }));
    const exported = (await exportMyData({ db: database.db, keyring, userId: me.id, email: me.email })) as {
      kriskrasSignups: unknown[];
    };
    expect(exported.kriskrasSignups).toEqual([
      expect.objectContaining({
        round: "Kris-kras voorjaar",
        organisation: "Belastingdienst",
        workKind: "Uitvoering",
        region: "Randstad",
        accessNeeds: "Een gebarentolk",
        availability: [
          { slot: "dinsdag 25 maart 2031, 14:00 tot 16:00, Den Haag, Turfmarkt 147", answer: "ja" },
          { slot: "dinsdag 8 april 2031, 10:00 tot 12:00, online", answer: "als-het-moet" },
        ],
      }),
    ]);
    await deleteMyAccount({ db: database.db, keyring, userId: me.id, email: me.email });
    expect(
      await database.db
        .select()
        .from(kriskrasSignups)
        .where(and(eq(kriskrasSignups.roundId, round.id), eq(kriskrasSignups.userId, me.id))),
    ).toEqual([]);
  });

  it("writes access needs again with a new key during a rotation", async () => {
    await save(me, filled({ accessNeeds: "Een lift" }));
    const newKey = randomBytes(32);
    const rotating = createKeyring({ current: newKey, old: [key], source: "ENCRYPTION_KEY" });
    expect(await reencryptAccessNeeds({ db: database.db, keyring: rotating })).toBeGreaterThan(0);
    expect(await reencryptAccessNeeds({ db: database.db, keyring: rotating })).toBe(0);
    const onlyNew = createKeyring({ current: newKey, source: "ENCRYPTION_KEY" });
    expect(
      (await getOwnSignup({ db: database.db, keyring: onlyNew, roundId: round.id, userId: me.id }))
        ?.accessNeeds,
    ).toBe("Een lift");
  });
});
