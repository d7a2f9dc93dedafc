// Kris-kras data for tests, written straight into the tables: organisations, answer options and a
// round with its slots, and sign-ups. Used by the integration tests and by the browser tests' fixture.
import { and, eq, inArray } from "drizzle-orm";
import { amsterdamToUtc, type LocalDateTime } from "../../app/infra/amsterdam-time.ts";
import type { Db } from "../../app/infra/db.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  kriskrasAnswerOptions,
  kriskrasAvailability,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import type { Availability, Weights } from "../../app/modules/kriskras/kriskras-kinds.ts";

export const TEST_ORGANISATIONS = [
  "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
  "Belastingdienst",
  "Inspectie Leefomgeving en Transport",
] as const;

/** Answer options per attribute: [key, Dutch label, English label]. */
export const TEST_OPTIONS: Record<string, [string, string, string][]> = {
  workKind: [
    ["beleid", "Beleid", "Policy"],
    ["uitvoering", "Uitvoering", "Implementation"],
    ["toezicht", "Toezicht", "Supervision"],
    ["ondersteuning", "Ondersteuning", "Support"],
    ["leidinggeven", "Leidinggeven", "Management"],
    ["anders", "Anders", "Other"],
  ],
  scaleBand: [
    ["schaal-1-8", "Schaal 1 tot en met 8", "Scale 1 to 8"],
    ["schaal-9-11", "Schaal 9 tot en met 11", "Scale 9 to 11"],
    ["schaal-12-plus", "Schaal 12 of hoger", "Scale 12 or higher"],
  ],
  serviceBand: [
    ["tot-5", "Korter dan 5 jaar", "Less than 5 years"],
    ["5-15", "5 tot 15 jaar", "5 to 15 years"],
    ["15-plus", "15 jaar of langer", "15 years or more"],
  ],
  region: [
    ["noord", "Noord", "North"],
    ["midden", "Midden", "Centre"],
    ["randstad", "Randstad", "Randstad"],
    ["zuid", "Zuid", "South"],
  ],
};

const WEIGHTS: Weights = { organisation: 4, workKind: 2, scaleBand: 1, serviceBand: 1, region: 1 };

/** The organisations and answer options, made when missing; gives the organisations' ids by name. */
export async function createKriskrasChoices(db: Db): Promise<Record<string, string>> {
  await db
    .insert(kriskrasOrganisations)
    .values(TEST_ORGANISATIONS.map((name) => ({ name, kind: "ministerie" })))
    .onConflictDoNothing();
  await db
    .insert(kriskrasAnswerOptions)
    .values(
      Object.entries(TEST_OPTIONS).flatMap(([attribute, options]) =>
        options.map(([key, labelNl, labelEn], position) => ({ attribute, key, labelNl, labelEn, position })),
      ),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: kriskrasOrganisations.id, name: kriskrasOrganisations.name })
    .from(kriskrasOrganisations)
    .where(inArray(kriskrasOrganisations.name, [...TEST_ORGANISATIONS]));
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** Switches an answer option off, as an editor does when it is no longer offered. */
export async function deactivateOption(db: Db, attribute: string, key: string): Promise<void> {
  await db
    .update(kriskrasAnswerOptions)
    .set({ active: false })
    .where(and(eq(kriskrasAnswerOptions.attribute, attribute), eq(kriskrasAnswerOptions.key, key)));
}

export interface TestSlot {
  start: LocalDateTime;
  endTime: string;
  place?: string;
  onlineUrl?: string;
  capacity?: number;
}

/** Two slots either side of the change to summer time, so Amsterdam times differ from UTC by 1 and 2 hours. */
export const TEST_SLOTS: TestSlot[] = [
  { start: { date: "2031-03-25", time: "14:00" }, endTime: "16:00", place: "Den Haag, Turfmarkt 147" },
  {
    start: { date: "2031-04-08", time: "10:00" },
    endTime: "12:00",
    onlineUrl: "https://video.example.nl/kriskras",
  },
];

/** A round with its slots; by default its sign-up opened a day ago and closes in thirty days. */
export async function createKriskrasRound(
  db: Db,
  overrides: {
    id?: string;
    title?: string;
    description?: string;
    signupOpensAt?: Date;
    signupClosesAt?: Date;
    slots?: TestSlot[];
  } = {},
): Promise<{ id: string; slotIds: string[] }> {
  const day = 24 * 60 * 60 * 1000;
  const [round] = await db
    .insert(kriskrasRounds)
    .values({
      ...(overrides.id ? { id: overrides.id } : {}),
      title: overrides.title ?? "Kris-kras voorjaar",
      description: overrides.description ?? "Gesprekken over trots op je werk en de menselijke maat.",
      signupOpensAt: overrides.signupOpensAt ?? new Date(Date.now() - day),
      signupClosesAt: overrides.signupClosesAt ?? new Date(Date.now() + 30 * day),
      groupMin: 10,
      groupTarget: 12,
      groupMax: 14,
      weights: WEIGHTS,
    })
    .returning({ id: kriskrasRounds.id });
  if (!round) throw new Error("insert of round returned nothing");
  const slotIds: string[] = [];
  for (const slot of overrides.slots ?? TEST_SLOTS) {
    const [row] = await db
      .insert(kriskrasSlots)
      .values({
        roundId: round.id,
        startsAt: amsterdamToUtc(slot.start),
        endsAt: amsterdamToUtc({ date: slot.start.date, time: slot.endTime }),
        place: slot.place ?? "",
        onlineUrl: slot.onlineUrl ?? "",
        capacity: slot.capacity ?? 28,
      })
      .returning({ id: kriskrasSlots.id });
    if (!row) throw new Error("insert of slot returned nothing");
    slotIds.push(row.id);
  }
  return { id: round.id, slotIds };
}

/**
 * Sign-ups for a round, straight into the tables: `count` people with mixed organisations and answers,
 * each with the availability `answers(index)` gives per slot (in the round's slot order).
 */
export async function createKriskrasSignups(
  db: Db,
  options: {
    roundId: string;
    slotIds: string[];
    count: number;
    answers: (index: number) => Availability[];
    organisations: Record<string, string>;
    /** A person's address instead of the made-up one (e.g. a person the browser tests log in as). */
    emailOf?: (index: number) => string | undefined;
  },
): Promise<string[]> {
  const organisationIds = Object.values(options.organisations);
  const pick = (attribute: string, index: number) => {
    const list = TEST_OPTIONS[attribute] ?? [];
    return list[index % list.length]?.[0] ?? "";
  };
  const ids: string[] = [];
  for (let index = 0; index < options.count; index++) {
    const user = await upsertUser({
      db,
      email: options.emailOf?.(index) ?? `deelnemer${index}.${options.roundId.slice(0, 8)}@example.nl`,
      name: `Deelnemer ${index + 1}`,
    });
    const [signup] = await db
      .insert(kriskrasSignups)
      .values({
        roundId: options.roundId,
        userId: user.id,
        organisationId: organisationIds[index % organisationIds.length] ?? "",
        workKind: pick("workKind", index),
        scaleBand: pick("scaleBand", index * 7),
        serviceBand: pick("serviceBand", index * 5),
        region: pick("region", index * 3),
        consentAt: new Date(),
      })
      .returning({ id: kriskrasSignups.id });
    if (!signup) throw new Error("insert of sign-up returned nothing");
    const answers = options.answers(index);
    await db.insert(kriskrasAvailability).values(
      options.slotIds.map((slotId, slot) => ({
        signupId: signup.id,
        slotId,
        answer: answers[slot] ?? "nee",
      })),
    );
    ids.push(signup.id);
  }
  return ids;
}

/** A group in a slot with these members and host, straight into the tables (no optimiser). */
export async function createKriskrasGroup(
  db: Db,
  options: { roundId: string; slotId: string; number: number; signupIds: string[]; hostSignupId?: string },
): Promise<string> {
  const [group] = await db
    .insert(kriskrasGroups)
    .values({
      roundId: options.roundId,
      slotId: options.slotId,
      number: options.number,
      hostSignupId: options.hostSignupId ?? null,
    })
    .returning({ id: kriskrasGroups.id });
  if (!group) throw new Error("insert of group returned nothing");
  if (options.signupIds.length > 0) {
    await db
      .insert(kriskrasGroupMembers)
      .values(options.signupIds.map((signupId) => ({ groupId: group.id, signupId })));
  }
  return group.id;
}
