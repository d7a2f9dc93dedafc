// Composing a kris-kras round on each database: the optimiser runs in a worker, the groups it stores
// stay within the bounds and the slots people can attend, people who met before are kept apart, an
// editor's lock survives a new run, and a second run while one goes is refused.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  composeGroups,
  getCompositionRun,
  metBeforeAmong,
  startComposition,
} from "../../app/modules/kriskras/composition.server.ts";
import { pairKey } from "../../app/modules/kriskras/composition.ts";
import {
  kriskrasAvailability,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasMeetings,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import type { Availability } from "../../app/modules/kriskras/kriskras-kinds.ts";
import {
  getGroupReview,
  movePeople,
  setHost,
  setPeopleLocked,
  swapPeople,
} from "../../app/modules/kriskras/review.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const WEIGHTS = { organisation: 4, workKind: 2, scaleBand: 1, serviceBand: 1, region: 1 };

describe.each(databaseKinds)("composing kris-kras groups on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  /** A round with two slots and `count` sign-ups; `answers(i)` gives person i's availability. */
  async function roundWith(count: number, answers: (index: number) => [Availability, Availability]) {
    const { db } = database;
    const tag = Math.random().toString(36).slice(2, 8);
    const organisations = await db
      .insert(kriskrasOrganisations)
      .values(Array.from({ length: 6 }, (_, index) => ({ name: `Organisatie ${tag} ${index}` })))
      .returning();
    const [round] = await db
      .insert(kriskrasRounds)
      .values({
        title: "Ronde",
        signupOpensAt: new Date("2027-01-01T08:00:00Z"),
        signupClosesAt: new Date("2027-02-01T08:00:00Z"),
        groupMin: 4,
        groupTarget: 5,
        groupMax: 6,
        weights: WEIGHTS,
      })
      .returning();
    if (!round) throw new Error("no round");
    const slots = await db
      .insert(kriskrasSlots)
      .values([
        {
          roundId: round.id,
          startsAt: new Date("2027-03-01T13:00:00Z"),
          endsAt: new Date("2027-03-01T14:30:00Z"),
          capacity: 30,
        },
        {
          roundId: round.id,
          startsAt: new Date("2027-03-08T13:00:00Z"),
          endsAt: new Date("2027-03-08T14:30:00Z"),
          capacity: 12,
        },
      ])
      .returning();
    const people = [];
    for (let index = 0; index < count; index++) {
      const user = await upsertUser({ db, email: `p${index}-${tag}@example.nl` });
      const [signup] = await db
        .insert(kriskrasSignups)
        .values({
          roundId: round.id,
          userId: user.id,
          organisationId: organisations[index % organisations.length]?.id ?? "",
          workKind: ["beleid", "uitvoering", "toezicht"][index % 3] ?? "",
          scaleBand: `s${index % 4}`,
          serviceBand: `d${index % 3}`,
          region: `r${index % 2}`,
          consentAt: new Date(),
        })
        .returning();
      if (!signup) throw new Error("no sign-up");
      const [first, second] = answers(index);
      await db.insert(kriskrasAvailability).values([
        { signupId: signup.id, slotId: slots[0]?.id ?? "", answer: first },
        { signupId: signup.id, slotId: slots[1]?.id ?? "", answer: second },
      ]);
      people.push({ user, signup });
    }
    return { round, slots, people };
  }

  async function groupsOf(roundId: string) {
    const groups = await database.db.select().from(kriskrasGroups).where(eq(kriskrasGroups.roundId, roundId));
    const members = await database.db
      .select()
      .from(kriskrasGroupMembers)
      .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
      .where(eq(kriskrasGroups.roundId, roundId));
    return groups.map((group) => ({
      ...group,
      members: members
        .filter((row) => row.kriskras_groups.id === group.id)
        .map((row) => row.kriskras_group_members),
    }));
  }

  it("stores groups within the bounds, in slots people can attend, with a host from the group", async () => {
    const { round, slots, people } = await roundWith(31, (index) =>
      index % 3 === 0 ? ["nee", "ja"] : index % 3 === 1 ? ["ja", "nee"] : ["ja", "als-het-moet"],
    );
    const result = await composeGroups({ db: database.db, roundId: round.id, timeLimitMs: 300 });
    expect(result.placed + result.unplaced).toBe(31);
    const groups = await groupsOf(round.id);
    expect(groups.length).toBe(result.groups);
    const placed = groups.flatMap((group) => group.members.map((member) => member.signupId));
    expect(new Set(placed).size).toBe(placed.length);
    expect(placed.length).toBe(result.placed);
    for (const group of groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(4);
      expect(group.members.length).toBeLessThanOrEqual(6);
      expect(group.members.map((member) => member.signupId)).toContain(group.hostSignupId);
      expect(group.score).toBeGreaterThan(0);
      const slotIndex = slots.findIndex((slot) => slot.id === group.slotId);
      for (const member of group.members) {
        const index = people.findIndex((person) => person.signup.id === member.signupId);
        const answer = slotIndex === 0 ? (index % 3 === 0 ? "nee" : "ja") : index % 3 === 1 ? "nee" : "ja";
        expect(answer).not.toBe("nee");
      }
    }
    // Slot two takes at most 12 people.
    const inSecond = groups.filter((group) => group.slotId === slots[1]?.id);
    expect(inSecond.reduce((sum, group) => sum + group.members.length, 0)).toBeLessThanOrEqual(12);
  });

  it("keeps people who met in an earlier round apart, and keeps an editor's lock in a new run", async () => {
    const { round, people } = await roundWith(20, () => ["ja", "nee"]);
    const { db } = database;
    const pairs = [
      [0, 1],
      [2, 3],
      [4, 5],
    ] as const;
    for (const [a, b] of pairs) {
      const ids = [people[a]?.user.id ?? "", people[b]?.user.id ?? ""].sort();
      await db
        .insert(kriskrasMeetings)
        .values({ userLow: ids[0] ?? "", userHigh: ids[1] ?? "", metOn: new Date() });
    }
    const met = await metBeforeAmong(
      db,
      people.map((person) => person.user.id),
    );
    expect(met.has(pairKey(people[0]?.user.id ?? "", people[1]?.user.id ?? ""))).toBe(true);

    await composeGroups({ db, roundId: round.id, timeLimitMs: 300 });
    const groupOf = (groups: Awaited<ReturnType<typeof groupsOf>>, index: number) =>
      groups.find((group) => group.members.some((member) => member.signupId === people[index]?.signup.id));
    let groups = await groupsOf(round.id);
    for (const [a, b] of pairs) expect(groupOf(groups, a)?.id).not.toBe(groupOf(groups, b)?.id);

    // An editor locks person 7 into the group of person 8; a new run keeps them there.
    const target = groupOf(groups, 8);
    const current = groupOf(groups, 7);
    if (!target || !current) throw new Error("not placed");
    await db
      .delete(kriskrasGroupMembers)
      .where(eq(kriskrasGroupMembers.signupId, people[7]?.signup.id ?? ""));
    await db
      .insert(kriskrasGroupMembers)
      .values({ groupId: target.id, signupId: people[7]?.signup.id ?? "", locked: true });
    await composeGroups({ db, roundId: round.id, timeLimitMs: 300 });
    groups = await groupsOf(round.id);
    const after = groupOf(groups, 7);
    expect(after?.number).toBe(target.number);
    expect(after?.members.find((member) => member.signupId === people[7]?.signup.id)?.locked).toBe(true);
  });

  it("runs in the background, seen by every process, and refuses a second run of the same round meanwhile", async () => {
    const { round } = await roundWith(12, () => ["ja", "ja"]);
    const { db } = database;
    const options = { db, roundId: round.id, timeLimitMs: 1500 };
    expect(await getCompositionRun(options)).toBeUndefined();
    const { finished } = await startComposition(options);
    expect((await getCompositionRun(options))?.state).toBe("bezig");
    await expect(startComposition(options)).rejects.toThrow("problems.kriskras.composing");
    // The state is on the round's row: another connection, as another process would have, sees it.
    const [row] = await db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, round.id));
    expect(row?.composeState).toBe("bezig");
    await finished;
    const done = await getCompositionRun(options);
    expect(done?.state).toBe("klaar");
    expect(done?.fraction).toBe(1);
    expect(done?.result?.placed).toBe(12);
    expect((await groupsOf(round.id)).length).toBe(2);
    // A run whose process stopped reads as cut off, and may be started again.
    await db
      .update(kriskrasRounds)
      .set({ composeState: "bezig", composeStartedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(kriskrasRounds.id, round.id));
    expect((await getCompositionRun(options))?.state).toBe("mislukt");
    await (await startComposition(options)).finished;
    expect((await getCompositionRun(options))?.state).toBe("klaar");
  });

  it("lets an editor review, move, swap, choose a host and lock, with scores computed again at once", async () => {
    const { round, slots, people } = await roundWith(13, (index) =>
      index < 12 ? ["ja", "nee"] : ["nee", "ja"],
    );
    const { db } = database;
    await composeGroups({ db, roundId: round.id, timeLimitMs: 300 });
    let review = await getGroupReview({ db, roundId: round.id });
    const first = review.slots[0]?.groups;
    expect(first?.map((group) => group.members.length).sort()).toEqual([6, 6]);
    expect(review.unplaced).toEqual([
      expect.objectContaining({ signupId: people[12]?.signup.id, reason: "te-weinig-aanmeldingen" }),
    ]);
    expect(review.slots[0]?.groups[0]?.mix.organisation.reduce((sum, entry) => sum + entry.count, 0)).toBe(6);

    // Person 12 cannot come to the first slot.
    const [groupOne, groupTwo] = first ?? [];
    if (!groupOne || !groupTwo) throw new Error("no groups");
    await expect(
      movePeople({ db, roundId: round.id, signupIds: [people[12]?.signup.id ?? ""], groupId: groupOne.id }),
    ).rejects.toThrow("problems.kriskras.cannotAttend");

    // Moving several people is all or none: with person 12 among them, nobody moves.
    const mover = groupOne.members[0]?.signupId ?? "";
    await expect(
      movePeople({
        db,
        roundId: round.id,
        signupIds: [mover, people[12]?.signup.id ?? ""],
        groupId: groupTwo.id,
      }),
    ).rejects.toThrow("problems.kriskras.cannotAttend");
    const unchanged = await getGroupReview({ db, roundId: round.id });
    expect(unchanged.slots[0]?.groups.find((group) => group.id === groupOne.id)?.members).toEqual(
      groupOne.members,
    );

    await movePeople({ db, roundId: round.id, signupIds: [mover], groupId: groupTwo.id });
    review = await getGroupReview({ db, roundId: round.id });
    const moved = review.slots[0]?.groups.find((group) => group.id === groupTwo.id);
    expect(moved?.members.find((member) => member.signupId === mover)?.locked).toBe(true);
    const [stored] = await db.select().from(kriskrasGroups).where(eq(kriskrasGroups.id, groupTwo.id));
    expect(stored?.score).toBe(moved?.score);
    expect(moved?.members).toHaveLength(7);

    const other =
      review.slots[0]?.groups.find((group) => group.id === groupOne.id)?.members[0]?.signupId ?? "";
    await swapPeople({ db, roundId: round.id, signupA: mover, signupB: other });
    await setHost({ db, roundId: round.id, signupId: other });
    // Locking several people is all or none too: someone without a group stops the whole change.
    await expect(
      setPeopleLocked({
        db,
        roundId: round.id,
        signupIds: [other, people[12]?.signup.id ?? ""],
        locked: false,
      }),
    ).rejects.toThrow("problems.kriskras.notInGroup");
    const stillLocked = await getGroupReview({ db, roundId: round.id });
    expect(
      stillLocked.slots[0]?.groups.flatMap((group) => group.members).find((m) => m.signupId === other)
        ?.locked,
    ).toBe(true);
    await setPeopleLocked({ db, roundId: round.id, signupIds: [other], locked: false });
    review = await getGroupReview({ db, roundId: round.id });
    const swapped = review.slots[0]?.groups.find((group) => group.id === groupTwo.id);
    expect(swapped?.hostSignupId).toBe(other);
    expect(swapped?.members.find((member) => member.signupId === other)?.locked).toBe(false);
    expect(review.slots[1]?.groups).toEqual([]);
    expect(slots).toHaveLength(2);
  });
});
