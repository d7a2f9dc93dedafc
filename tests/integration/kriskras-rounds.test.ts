// Setting up a kris-kras round as an editor, on each database: the form's checks in Dutch, sign-up times
// typed in Amsterdam time stored as the right instants, slots that fit the groups and are not lost by
// accident, organisers who always include someone, and the lists people choose from.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { fieldErrorsOf, translateFields } from "../../app/infra/form-errors.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { actorOf, setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { can } from "../../app/modules/accounts/authorization.ts";
import {
  kriskrasAvailability,
  kriskrasGroups,
  kriskrasRounds,
  kriskrasSignups,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import {
  AnswerOptionInput,
  OrganisationInput,
  RoundInput,
  SlotInput,
} from "../../app/modules/kriskras/kriskras.validation.ts";
import {
  createAnswerOption,
  createOrganisation,
  listAnswerOptions,
  listOrganisations,
  removeAnswerOption,
  removeOrganisation,
  seedKriskrasOptions,
  updateAnswerOption,
  updateOrganisation,
} from "../../app/modules/kriskras/kriskras-lists.server.ts";
import { DEFAULT_ORGANISATIONS, OPTION_ATTRIBUTES } from "../../app/modules/kriskras/kriskras-options.ts";
import { roundPhase } from "../../app/modules/kriskras/round-phase.ts";
import {
  addOrganiser,
  addSlot,
  createRound,
  getRound,
  listRounds,
  removeOrganiser,
  removeSlot,
  updateRound,
  updateSlot,
} from "../../app/modules/kriskras/rounds.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

const ROUND_FORM = {
  title: "Kris-kras voorjaar",
  description: "Gesprekken over trots op je werk.",
  opensDate: "2026-03-20",
  opensTime: "09:00",
  closesDate: "2026-04-10",
  closesTime: "17:00",
  groupMin: "10",
  groupTarget: "12",
  groupMax: "14",
  weightOrganisation: "4",
  weightWorkKind: "2",
  weightScaleBand: "1",
  weightServiceBand: "1",
  weightRegion: "1",
};

const SLOT_FORM = {
  date: "2026-05-12",
  startTime: "14:00",
  endTime: "16:00",
  place: "Ministerie van BZK, Turfmarkt 147, Den Haag",
  onlineUrl: "",
  capacity: "36",
};

// The form's messages as a Dutch reader gets them.
const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) =>
  result.success || !result.error ? {} : translateFields(translatorFor("nl"), fieldErrorsOf(result.error));

describe("the round form's checks", () => {
  it("turns Amsterdam times into instants, in winter and in summer time", () => {
    const round = RoundInput.parse(ROUND_FORM);
    // 20 March is winter time (UTC+1), 10 April summer time (UTC+2).
    expect(round.signupOpensAt.toISOString()).toBe("2026-03-20T08:00:00.000Z");
    expect(round.signupClosesAt.toISOString()).toBe("2026-04-10T15:00:00.000Z");
    expect(round.weights).toEqual({ organisation: 4, workKind: 2, scaleBand: 1, serviceBand: 1, region: 1 });
    expect(
      RoundInput.parse({ ...ROUND_FORM, opensDate: "20-3-2026", opensTime: "9.00" }).signupOpensAt,
    ).toEqual(round.signupOpensAt);
  });

  it("says in Dutch what is missing or wrong, per field", () => {
    const errors = errorsOf(
      RoundInput.safeParse({
        ...ROUND_FORM,
        title: " ",
        opensDate: "31-02-2026",
        closesTime: "25:00",
        groupMin: "1",
        groupMax: "twaalf",
        weightRegion: "11",
      }),
    );
    expect(errors).toEqual({
      title: "Vul de titel in.",
      opensDate: "Deze datum bestaat niet.",
      closesTime: "Vul een tijd in zoals 14:30.",
      groupMin: "De kleinste groep is minstens 2.",
      groupMax: "Vul de grootste groep in als een heel getal.",
      weightRegion: "Het gewicht van regio is hoogstens 10.",
    });
  });

  it("wants min ≤ target ≤ max, a closing after the opening and at least one weight", () => {
    expect(
      errorsOf(
        RoundInput.safeParse({
          ...ROUND_FORM,
          groupMin: "12",
          groupTarget: "10",
          groupMax: "9",
          closesDate: "2026-03-20",
          closesTime: "08:00",
          weightOrganisation: "0",
          weightWorkKind: "0",
          weightScaleBand: "0",
          weightServiceBand: "0",
          weightRegion: "0",
        }),
      ),
    ).toEqual({
      groupTarget: "De gewenste groepsgrootte mag niet kleiner zijn dan de kleinste groep.",
      groupMax: "De grootste groep mag niet kleiner zijn dan de gewenste groepsgrootte.",
      closesDate: "De aanmelding moet sluiten na het moment dat ze opengaat.",
      weightOrganisation: "Geef minstens één kenmerk een gewicht hoger dan 0.",
    });
  });

  it("refuses a time the clocks skip in spring", () => {
    expect(
      errorsOf(RoundInput.safeParse({ ...ROUND_FORM, opensDate: "2026-03-29", opensTime: "02:30" })),
    ).toEqual({
      opensTime: "Dit tijdstip bestaat niet: de klok gaat die nacht een uur vooruit.",
    });
  });

  it("wants a place or an https link, and an end after the start", () => {
    expect(errorsOf(SlotInput.safeParse({ ...SLOT_FORM, place: "", endTime: "13:00" }))).toEqual({
      place: "Vul een plaats of een online link in.",
      endTime: "De eindtijd moet na de begintijd liggen.",
    });
    expect(errorsOf(SlotInput.safeParse({ ...SLOT_FORM, onlineUrl: "http://example.nl/kamer" }))).toEqual({
      onlineUrl: "Vul een volledige link in die begint met https://.",
    });
    expect(errorsOf(SlotInput.safeParse({ ...SLOT_FORM, onlineUrl: "javascript:alert(1)" }))).toEqual({
      onlineUrl: "Vul een volledige link in die begint met https://.",
    });
    const online = SlotInput.parse({
      ...SLOT_FORM,
      place: "",
      onlineUrl: "https://video.example.nl/kamer-12",
    });
    expect(online.startsAt.toISOString()).toBe("2026-05-12T12:00:00.000Z");
    expect(online.endsAt.toISOString()).toBe("2026-05-12T14:00:00.000Z");
  });

  it("tells where a round stands", () => {
    const round = RoundInput.parse(ROUND_FORM);
    const at = (iso: string, publishedAt: Date | null = null) =>
      roundPhase({ ...round, publishedAt }, new Date(iso));
    expect(at("2026-03-20T07:59:00Z")).toBe("concept");
    expect(at("2026-03-20T08:00:00Z")).toBe("open");
    expect(at("2026-04-10T15:00:00Z")).toBe("gesloten");
    expect(at("2026-03-01T00:00:00Z", new Date("2026-04-11T00:00:00Z"))).toBe("gepubliceerd");
  });

  it("is for editors only", () => {
    const person = (roles: ("redacteur" | "gespreksleider" | "beheerder")[]) => ({
      id: "1",
      email: "a@example.nl",
      roles,
    });
    expect(can(person(["redacteur"]), "kriskras:organise")).toBe(true);
    for (const role of ["gespreksleider", "beheerder"] as const)
      expect(can(person([role]), "kriskras:organise")).toBe(false);
    expect(can(person([]), "kriskras:organise")).toBe(false);
  });
});

describe.each(databaseKinds)("setting up a kris-kras round on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const editor = async (email: string) => {
    const user = await upsertUser({ db: database.db, email });
    return actorOf(
      await setUserRoles({ db: database.db, userId: user.id, roles: ["redacteur"], actor: null }),
    );
  };

  it("starts with the organisations and answer options, once", async () => {
    const { db } = database;
    const organisations = await listOrganisations({ db });
    expect(organisations).toHaveLength(DEFAULT_ORGANISATIONS.length);
    expect(organisations.map((organisation) => organisation.name)).toContain("Belastingdienst");
    const options = await listAnswerOptions({ db });
    expect(new Set(options.map((option) => option.attribute))).toEqual(new Set(OPTION_ATTRIBUTES));
    expect(options.filter((option) => option.attribute === "workKind").map((option) => option.key)).toEqual([
      "beleid",
      "uitvoering",
      "toezicht",
      "ondersteuning",
      "leidinggeven",
      "anders",
    ]);
    expect(await seedKriskrasOptions({ db })).toEqual({ organisations: 0, options: 0 });
  });

  it("stores a round with its times as instants; its maker organises it", async () => {
    const { db } = database;
    const actor = await editor("organisator@example.nl");
    const round = await createRound({ db, actor, input: RoundInput.parse(ROUND_FORM) });
    const [stored] = await db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, round.id));
    expect(stored?.signupOpensAt.toISOString()).toBe("2026-03-20T08:00:00.000Z");
    expect(stored?.signupClosesAt.toISOString()).toBe("2026-04-10T15:00:00.000Z");
    expect(stored).toMatchObject({ groupMin: 10, groupTarget: 12, groupMax: 14, createdBy: actor.id });
    const view = await getRound({ db, id: round.id });
    expect(view.organisers.map((organiser) => organiser.email)).toEqual(["organisator@example.nl"]);
    expect(view.slots).toEqual([]);
    expect((await listRounds({ db })).find((row) => row.id === round.id)).toMatchObject({
      slots: 0,
      signups: 0,
    });
    await expect(getRound({ db, id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps slots big enough for the smallest group, and asks before removing one people answered for", async () => {
    const { db } = database;
    const actor = await editor("tijdvakken@example.nl");
    const round = await createRound({ db, actor, input: RoundInput.parse(ROUND_FORM) });
    await expect(
      addSlot({ db, roundId: round.id, input: SlotInput.parse({ ...SLOT_FORM, capacity: "8" }) }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { capacity: 'problems.kriskras.capacityBelowGroup{"min":10}' },
    });
    const first = await addSlot({ db, roundId: round.id, input: SlotInput.parse(SLOT_FORM) });
    expect(first.startsAt.toISOString()).toBe("2026-05-12T12:00:00.000Z");
    const second = await addSlot({
      db,
      roundId: round.id,
      input: SlotInput.parse({
        ...SLOT_FORM,
        date: "2026-11-03",
        place: "",
        onlineUrl: "https://video.example.nl/a",
      }),
    });
    // 3 November is winter time again.
    expect(second.startsAt.toISOString()).toBe("2026-11-03T13:00:00.000Z");

    const moved = await updateSlot({
      db,
      roundId: round.id,
      slotId: first.id,
      input: SlotInput.parse({ ...SLOT_FORM, startTime: "10:00", endTime: "12:00", capacity: "24" }),
    });
    expect(moved).toMatchObject({ capacity: 24 });
    expect(moved.startsAt.toISOString()).toBe("2026-05-12T08:00:00.000Z");
    // Raising the smallest group above a slot's capacity is refused on the round's form.
    await expect(
      updateRound({
        db,
        id: round.id,
        input: RoundInput.parse({ ...ROUND_FORM, groupMin: "12", groupTarget: "12", groupMax: "40" }),
      }),
    ).resolves.toMatchObject({ groupMin: 12 });
    await expect(
      updateRound({
        db,
        id: round.id,
        input: RoundInput.parse({ ...ROUND_FORM, groupMin: "30", groupTarget: "30", groupMax: "40" }),
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { groupMin: "problems.kriskras.slotTooSmallForGroups" },
    });
    // A slot of another round is not this round's.
    const other = await createRound({ db, actor, input: RoundInput.parse(ROUND_FORM) });
    await expect(
      updateSlot({ db, roundId: other.id, slotId: first.id, input: SlotInput.parse(SLOT_FORM) }),
    ).rejects.toMatchObject({ code: "not_found" });

    // Someone signs up and says yes to the first slot: removing it now needs a confirmation.
    const person = await upsertUser({ db, email: "deelnemer@example.nl" });
    const [organisation] = await listOrganisations({ db });
    const [signup] = await db
      .insert(kriskrasSignups)
      .values({
        roundId: round.id,
        userId: person.id,
        organisationId: organisation?.id ?? "",
        workKind: "beleid",
        scaleBand: "schaal-11-12",
        serviceBand: "5-10",
        region: "den-haag",
        consentAt: new Date(),
      })
      .returning();
    await db.insert(kriskrasAvailability).values([
      { signupId: signup?.id ?? "", slotId: first.id, answer: "ja" },
      { signupId: signup?.id ?? "", slotId: second.id, answer: "als-het-moet" },
    ]);
    const view = await getRound({ db, id: round.id });
    expect(view.signups).toBe(1);
    expect((await listRounds({ db })).find((row) => row.id === round.id)).toMatchObject({
      slots: 2,
      signups: 1,
    });
    expect(view.slots.map((slot) => slot.available)).toEqual([
      { ja: 1, "als-het-moet": 0, nee: 0 },
      { ja: 0, "als-het-moet": 1, nee: 0 },
    ]);
    expect(await removeSlot({ db, actor, roundId: round.id, slotId: first.id, confirmed: false })).toEqual({
      status: "confirm",
      answers: 1,
      groups: 0,
    });
    expect((await getRound({ db, id: round.id })).slots).toHaveLength(2);
    expect(await removeSlot({ db, actor, roundId: round.id, slotId: first.id, confirmed: true })).toEqual({
      status: "removed",
    });

    // Once the groups are published, a slot with a group stays (it can still be changed).
    await db.insert(kriskrasGroups).values({ roundId: round.id, slotId: second.id, number: 1 });
    await db
      .update(kriskrasRounds)
      .set({ publishedAt: new Date(), publication: 1 })
      .where(eq(kriskrasRounds.id, round.id));
    await expect(
      removeSlot({ db, actor, roundId: round.id, slotId: second.id, confirmed: true }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      updateSlot({
        db,
        roundId: round.id,
        slotId: second.id,
        input: SlotInput.parse({ ...SLOT_FORM, capacity: "30" }),
      }),
    ).resolves.toMatchObject({ capacity: 30 });
    const removals = await db.select().from(auditLog).where(eq(auditLog.action, "kriskras.slot.removed"));
    expect(removals.map((entry) => entry.target)).toContain(round.id);
  });

  it("lets organisers add other editors and never leaves a round without one", async () => {
    const { db } = database;
    const first = await editor("eerste@example.nl");
    const second = await editor("tweede@example.nl");
    const outsider = await editor("buiten@example.nl");
    await upsertUser({ db, email: "geen-redacteur@example.nl" });
    const round = await createRound({ db, actor: first, input: RoundInput.parse(ROUND_FORM) });

    await expect(
      addOrganiser({ db, actor: first, roundId: round.id, email: "niemand@example.nl" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { email: "problems.kriskras.noAccount" },
    });
    await expect(
      addOrganiser({ db, actor: first, roundId: round.id, email: "geen-redacteur@example.nl" }),
    ).rejects.toMatchObject({ fields: { email: "problems.kriskras.notEditor" } });
    // Another editor cannot make themselves organiser of a round that is not theirs.
    await expect(
      addOrganiser({ db, actor: outsider, roundId: round.id, email: "buiten@example.nl" }),
    ).rejects.toMatchObject({ code: "forbidden" });

    await addOrganiser({ db, actor: first, roundId: round.id, email: " Tweede@Example.nl " });
    await expect(
      addOrganiser({ db, actor: first, roundId: round.id, email: "tweede@example.nl" }),
    ).rejects.toMatchObject({
      fields: { email: "problems.kriskras.organiserAlready" },
    });
    expect((await getRound({ db, id: round.id })).organisers.map((o) => o.email)).toEqual([
      "eerste@example.nl",
      "tweede@example.nl",
    ]);

    await removeOrganiser({ db, actor: second, roundId: round.id, userId: first.id });
    await expect(
      removeOrganiser({ db, actor: second, roundId: round.id, userId: second.id }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "problems.kriskras.lastOrganiser",
    });
    expect((await getRound({ db, id: round.id })).organisers.map((o) => o.email)).toEqual([
      "tweede@example.nl",
    ]);
    const audited = await db.select().from(auditLog).where(eq(auditLog.target, round.id));
    expect(audited.map((entry) => entry.action).sort()).toEqual([
      "kriskras.organiser.added",
      "kriskras.organiser.removed",
      "kriskras.round.created",
    ]);
  });

  it("keeps the organisations: no double names, kinds from the list, switched off when in use", async () => {
    const { db } = database;
    const made = await createOrganisation({
      db,
      input: OrganisationInput.parse({
        name: "Dienst Testzaken",
        kind: "uitvoeringsorganisatie",
        active: "ja",
      }),
    });
    expect(made).toMatchObject({ name: "Dienst Testzaken", active: true });
    await expect(
      createOrganisation({
        db,
        input: OrganisationInput.parse({ name: "dienst testzaken", kind: "anders", active: "ja" }),
      }),
    ).rejects.toMatchObject({ fields: { name: "problems.kriskras.organisationTaken" } });
    await expect(
      createOrganisation({ db, input: OrganisationInput.parse({ name: "Nog een dienst", kind: "sekte" }) }),
    ).rejects.toMatchObject({ fields: { kind: "problems.kriskras.organisationKind" } });
    await expect(
      updateOrganisation({
        db,
        id: made.id,
        input: OrganisationInput.parse({ name: "Dienst Proefzaken", kind: "zbo" }),
      }),
    ).resolves.toMatchObject({ name: "Dienst Proefzaken", kind: "zbo", active: false });
    expect(await removeOrganisation({ db, id: made.id })).toEqual({ removed: "deleted" });

    // The organisation a sign-up chose is switched off instead.
    const [chosen] = (await listOrganisations({ db })).filter((organisation) => organisation.signups > 0);
    expect(chosen).toBeDefined();
    expect(await removeOrganisation({ db, id: chosen?.id ?? "" })).toEqual({ removed: "deactivated" });
    expect(
      (await listOrganisations({ db })).find((organisation) => organisation.id === chosen?.id)?.active,
    ).toBe(false);
  });

  it("keeps the answer options: a code from the label, labels in two languages, switched off when in use", async () => {
    const { db } = database;
    const made = await createAnswerOption({
      db,
      input: AnswerOptionInput.parse({
        attribute: "region",
        key: "",
        labelNl: "Caribisch Nederland (Bonaire)",
        labelEn: "Caribbean Netherlands (Bonaire)",
        position: "90",
        active: "ja",
      }),
    });
    expect(made.key).toBe("caribisch-nederland-bonaire");
    await expect(
      createAnswerOption({
        db,
        input: AnswerOptionInput.parse({
          attribute: "region",
          key: "caribisch-nederland-bonaire",
          labelNl: "Dubbel",
          labelEn: "Double",
          position: "1",
        }),
      }),
    ).rejects.toMatchObject({ fields: { key: expect.stringContaining("problems.kriskras.codeTaken") } });
    expect(
      errorsOf(
        AnswerOptionInput.safeParse({
          attribute: "kleur",
          key: "Rood!",
          labelNl: "",
          labelEn: "Red",
          position: "x",
        }),
      ),
    ).toEqual({
      attribute: "Kies een kenmerk uit de lijst.",
      key: "Gebruik voor de code alleen kleine letters, cijfers en streepjes.",
      labelNl: "Vul de Nederlandse tekst in.",
      position: "Vul de volgorde in als een heel getal.",
    });
    await expect(
      updateAnswerOption({
        db,
        attribute: "region",
        key: made.key,
        input: { labelNl: "Bonaire", labelEn: "Bonaire", position: 95, active: true },
      }),
    ).resolves.toMatchObject({ labelNl: "Bonaire", position: 95 });
    expect(await removeAnswerOption({ db, attribute: "region", key: made.key })).toEqual({
      removed: "deleted",
    });
    // "den-haag" was chosen in a sign-up above; the kind "ministerie" by many organisations.
    expect(await removeAnswerOption({ db, attribute: "region", key: "den-haag" })).toEqual({
      removed: "deactivated",
    });
    expect(await removeAnswerOption({ db, attribute: "organisationKind", key: "ministerie" })).toEqual({
      removed: "deactivated",
    });
    const active = await listAnswerOptions({ db, activeOnly: true });
    expect(active.some((option) => option.key === "den-haag")).toBe(false);
  });
});
