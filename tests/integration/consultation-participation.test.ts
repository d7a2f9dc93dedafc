// Taking part in a consultation, on every database kind: a consultation made with its first statements,
// anonymous participants with a token and account-bound ones, the next statement (fewest votes first),
// votes that can be changed, statements participants add (reviewed or shown, limited per hour), and
// closing, re-opening, archiving and deleting, each refused where it does not fit.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  consultationStatements,
  consultationVotes,
} from "../../app/modules/consultation/consultation.schema.ts";
import { ConsultationInput } from "../../app/modules/consultation/consultation.validation.ts";
import {
  listConsultations,
  requireConsultationById,
} from "../../app/modules/consultation/consultations.server.ts";
import {
  addStatement,
  consultationsSource,
  findParticipant,
  joinConsultation,
  nextStatement,
} from "../../app/modules/consultation/participation.server.ts";
import {
  createConsultation,
  deleteConsultation,
  setConsultationState,
} from "../../app/modules/consultation/running.server.ts";
import { castVote, castVoteWithToken, votesOf } from "../../app/modules/consultation/votes.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const STATEMENTS = Array.from({ length: 12 }, (_, index) => `Stelling nummer ${index + 1} over het werk`);

function input(overrides: Partial<Record<string, unknown>> = {}) {
  return ConsultationInput.parse({
    question: "Wat vind jij van tegenspraak in je team?",
    introduction: "Een peiling voor de test.",
    access: "anoniem",
    participantStatements: "na-beoordeling",
    opensOn: day(-1),
    closesOn: day(7),
    statements: STATEMENTS,
    ...overrides,
  });
}

describe("what a consultation must be", () => {
  it("starts with 10 to 200 statements and closes after it opens, said in the reader's language", () => {
    const tooFew = ConsultationInput.safeParse({ ...input(), statements: STATEMENTS.slice(0, 9) });
    expect(tooFew.success).toBe(false);
    const t = translatorFor("nl");
    expect(tooFew.error?.issues.map((issue) => t(issue.message))).toContain(
      "Een peiling begint met minstens 10 stellingen.",
    );
    const backwards = ConsultationInput.safeParse({ ...input(), opensOn: day(3), closesOn: day(1) });
    expect(backwards.error?.issues.map((issue) => t(issue.message))).toContain(
      "De einddatum moet na de begindatum liggen.",
    );
    const longStatement = ConsultationInput.safeParse({
      ...input(),
      statements: [...STATEMENTS, "x".repeat(281)],
    });
    expect(longStatement.success).toBe(false);
  });
});

describe.each(databaseKinds)("taking part in a consultation on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("gets an address from its question, a free one when that is taken", async () => {
    const first = await createConsultation({ db: database.db, input: input() });
    const second = await createConsultation({ db: database.db, input: input() });
    expect(first.slug).toBe("wat-vind-jij-van-tegenspraak-in-je-team");
    expect(second.slug).toBe("wat-vind-jij-van-tegenspraak-in-je-team-2");
    await expect(
      createConsultation({ db: database.db, input: input({ slug: first.slug }) }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows each participant the statements with the fewest votes, keeps changed votes once, and counts progress", async () => {
    const { id } = await createConsultation({ db: database.db, input: input() });
    const consultation = await requireConsultationById(database.db, id);
    const anna = await joinConsultation({ db: database.db, consultation });
    const bram = await joinConsultation({ db: database.db, consultation });
    expect([anna.number, bram.number]).toEqual([0, 1]);
    expect(anna.token).toMatch(/^[\w-]{40,}$/);
    expect(await findParticipant({ db: database.db, consultation, token: anna.token })).toEqual({
      id: anna.id,
      number: 0,
    });
    expect(
      await findParticipant({ db: database.db, consultation, token: "niet-bestaand-token-123456" }),
    ).toBe(undefined);

    // Anna votes on six statements; Bram is then shown only statements nobody voted on yet.
    const annasStatements: number[] = [];
    for (let step = 0; step < 6; step++) {
      const { statement, progress } = await nextStatement({
        db: database.db,
        consultation,
        participantId: anna.id,
      });
      expect(progress).toEqual({ voted: step, total: 12 });
      if (!statement) throw new Error("a statement was expected");
      annasStatements.push(statement.number);
      await castVote({
        db: database.db,
        consultation,
        participantId: anna.id,
        statementNumber: statement.number,
        vote: 1,
      });
    }
    expect(new Set(annasStatements).size).toBe(6);
    const forBram = await nextStatement({ db: database.db, consultation, participantId: bram.id });
    expect(annasStatements).not.toContain(forBram.statement?.number);

    // Anna changes her mind on her first statement: still one vote, now disagree.
    const changed = annasStatements[0] ?? 0;
    await castVote({
      db: database.db,
      consultation,
      participantId: anna.id,
      statementNumber: changed,
      vote: -1,
    });
    const mine = await votesOf({ db: database.db, consultationId: id, participantId: anna.id });
    expect(mine).toHaveLength(6);
    expect(mine.find((vote) => vote.number === changed)?.vote).toBe(-1);

    await expect(
      castVote({ db: database.db, consultation, participantId: anna.id, statementNumber: 99, vote: 1 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores votes that arrive together in one go: each for its own person, the last one counting, a wrong one alone refused", async () => {
    const { id } = await createConsultation({ db: database.db, input: input() });
    const consultation = await requireConsultationById(database.db, id);
    const people = await Promise.all(
      Array.from({ length: 8 }, () => joinConsultation({ db: database.db, consultation })),
    );
    // All at once, as many phones do: by token (the page's quick way) and by participant, mixed, with
    // one person changing a vote within the same moment and votes that must not be stored.
    const byToken = people.map((person, index) =>
      castVoteWithToken({
        db: database.db,
        slug: consultation.slug,
        token: person.token ?? "",
        statementNumber: index,
        vote: 1,
      }),
    );
    const byParticipant = people.map((person, index) =>
      castVote({
        db: database.db,
        consultation,
        participantId: person.id,
        statementNumber: index + 1,
        vote: -1,
      }),
    );
    const changed = castVote({
      db: database.db,
      consultation,
      participantId: people[0]?.id ?? "",
      statementNumber: 0,
      vote: 0,
    });
    const unknownStatement = castVote({
      db: database.db,
      consultation,
      participantId: people[1]?.id ?? "",
      statementNumber: 500,
      vote: 1,
    });
    const unknownToken = castVoteWithToken({
      db: database.db,
      slug: consultation.slug,
      token: "x".repeat(43),
      statementNumber: 0,
      vote: 1,
    });
    const otherConsultation = castVoteWithToken({
      db: database.db,
      slug: "een-andere-peiling",
      token: people[2]?.token ?? "",
      statementNumber: 0,
      vote: 1,
    });
    expect(await Promise.all(byToken)).toEqual(people.map(() => id));
    await Promise.all([...byParticipant, changed]);
    await expect(unknownStatement).rejects.toMatchObject({ code: "not_found" });
    expect(await unknownToken).toBeNull();
    // A number no statement can have never reaches the database (its int would overflow there).
    const huge = 2 ** 40;
    expect(
      await castVoteWithToken({
        db: database.db,
        slug: consultation.slug,
        token: people[4]?.token ?? "",
        statementNumber: huge,
        vote: 1,
      }),
    ).toBeNull();
    await expect(
      castVote({
        db: database.db,
        consultation,
        participantId: people[4]?.id ?? "",
        statementNumber: huge,
        vote: 1,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await otherConsultation).toBeNull();

    for (const [index, person] of people.entries()) {
      const mine = await votesOf({ db: database.db, consultationId: id, participantId: person.id });
      const expected =
        index === 0
          ? [
              { number: 0, vote: 0 },
              { number: 1, vote: -1 },
            ]
          : [
              { number: index, vote: 1 },
              { number: index + 1, vote: -1 },
            ];
      expect(mine.map(({ number, vote }) => ({ number, vote }))).toEqual(expected);
    }

    // Closed: the quick way stores nothing, and the usual one says why.
    await setConsultationState({ db: database.db, id, state: "gesloten" });
    const closed = { ...consultation, state: "gesloten" as const };
    expect(
      await castVoteWithToken({
        db: database.db,
        slug: consultation.slug,
        token: people[3]?.token ?? "",
        statementNumber: 5,
        vote: 1,
      }),
    ).toBeNull();
    await expect(
      castVote({
        db: database.db,
        consultation: closed,
        participantId: people[3]?.id ?? "",
        statementNumber: 5,
        vote: 1,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("takes participants' statements for review, or shows them at once, at most five an hour, never twice", async () => {
    const reviewed = await requireConsultationById(
      database.db,
      (await createConsultation({ db: database.db, input: input() })).id,
    );
    const someone = await joinConsultation({ db: database.db, consultation: reviewed });
    const added = await addStatement({
      db: database.db,
      consultation: reviewed,
      participantId: someone.id,
      text: "Tegenspraak hoort bij goed werk",
    });
    expect(added).toEqual({ number: 12, shown: false });
    const next = await nextStatement({ db: database.db, consultation: reviewed, participantId: someone.id });
    expect(next.progress.total).toBe(12);
    await expect(
      addStatement({
        db: database.db,
        consultation: reviewed,
        participantId: someone.id,
        text: "tegenspraak hoort bij goed werk",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    for (let extra = 0; extra < 4; extra++) {
      await addStatement({
        db: database.db,
        consultation: reviewed,
        participantId: someone.id,
        text: `Extra stelling ${extra}`,
      });
    }
    await expect(
      addStatement({
        db: database.db,
        consultation: reviewed,
        participantId: someone.id,
        text: "Nog een stelling",
      }),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 3600 });

    const direct = await requireConsultationById(
      database.db,
      (await createConsultation({ db: database.db, input: input({ participantStatements: "direct" }) })).id,
    );
    const other = await joinConsultation({ db: database.db, consultation: direct });
    expect(
      await addStatement({
        db: database.db,
        consultation: direct,
        participantId: other.id,
        text: "Zeg het gewoon",
      }),
    ).toEqual({ number: 12, shown: true });
    expect(
      (await nextStatement({ db: database.db, consultation: direct, participantId: other.id })).progress
        .total,
    ).toBe(13);

    const none = await requireConsultationById(
      database.db,
      (await createConsultation({ db: database.db, input: input({ participantStatements: "niet" }) })).id,
    );
    const third = await joinConsultation({ db: database.db, consultation: none });
    await expect(
      addStatement({ db: database.db, consultation: none, participantId: third.id, text: "Mag dit?" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("needs an account where it asks for a login, and keeps one participant per account", async () => {
    const { id } = await createConsultation({ db: database.db, input: input({ access: "inloggen" }) });
    const consultation = await requireConsultationById(database.db, id);
    await expect(joinConsultation({ db: database.db, consultation })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const user = await upsertUser({ db: database.db, email: "deelnemer@example.nl" });
    const joined = await joinConsultation({ db: database.db, consultation, userId: user.id });
    expect(joined.token).toBeUndefined();
    expect(await joinConsultation({ db: database.db, consultation, userId: user.id })).toEqual({
      id: joined.id,
      number: joined.number,
    });
    expect(await findParticipant({ db: database.db, consultation, userId: user.id })).toEqual({
      id: joined.id,
      number: joined.number,
    });

    // What the person did is in their download, and goes with their account.
    await castVote({ db: database.db, consultation, participantId: joined.id, statementNumber: 2, vote: -1 });
    const person = { db: database.db, userId: user.id, email: user.email };
    expect(await consultationsSource.export(person)).toEqual([
      {
        consultation: consultation.slug,
        question: consultation.question,
        votes: [{ statement: STATEMENTS[2], vote: "oneens", at: expect.any(Date) }],
        statements: [],
      },
    ]);
    await consultationsSource.erase(person);
    expect(await findParticipant({ db: database.db, consultation, userId: user.id })).toBeUndefined();
    expect(await consultationsSource.export(person)).toEqual([]);
  });

  it("closes, re-opens, archives and deletes, and takes no votes while closed or before it opens", async () => {
    const { id } = await createConsultation({ db: database.db, input: input() });
    const open = await requireConsultationById(database.db, id);
    const someone = await joinConsultation({ db: database.db, consultation: open });
    await castVote({
      db: database.db,
      consultation: open,
      participantId: someone.id,
      statementNumber: 0,
      vote: 0,
    });

    await setConsultationState({ db: database.db, id, state: "gesloten" });
    const closed = await requireConsultationById(database.db, id);
    // Closed before its end date, it is listed with the past consultations, not lost between the lists.
    const listed = (await listConsultations(database.db)).find((entry) => entry.slug === closed.slug);
    expect(listed?.phase).toBe("past");
    await expect(
      castVote({
        db: database.db,
        consultation: closed,
        participantId: someone.id,
        statementNumber: 1,
        vote: 1,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "problems.consultation.closed" });
    await setConsultationState({ db: database.db, id, state: "open" });
    await setConsultationState({ db: database.db, id, state: "gearchiveerd" });
    await expect(setConsultationState({ db: database.db, id, state: "open" })).rejects.toMatchObject({
      code: "conflict",
    });

    const later = await requireConsultationById(
      database.db,
      (await createConsultation({ db: database.db, input: input({ opensOn: day(2), closesOn: day(9) }) })).id,
    );
    await expect(joinConsultation({ db: database.db, consultation: later })).rejects.toMatchObject({
      message: "problems.consultation.notOpenYet",
    });

    await deleteConsultation({ db: database.db, id });
    expect(
      await database.db.select().from(consultationVotes).where(eq(consultationVotes.consultationId, id)),
    ).toEqual([]);
    expect(
      await database.db
        .select()
        .from(consultationStatements)
        .where(eq(consultationStatements.consultationId, id)),
    ).toEqual([]);
    await expect(deleteConsultation({ db: database.db, id })).rejects.toMatchObject({ code: "not_found" });
  });
});
