// Consultations in the database, on every database kind: a conversation held in Pol.is imported from
// its export files (Pol.is's open data, CC BY 4.0, The Computational Democracy Project), analysed in a
// worker thread, and its groups the ones Pol.is found.
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import type { AnalysisState } from "../../app/modules/consultation/analysis/analyse.ts";
import { adjustedRandIndex } from "../../app/modules/consultation/analysis/rand-index.ts";
import { consultations } from "../../app/modules/consultation/consultation.schema.ts";
import {
  analyseConsultation,
  consultationExport,
  countsOf,
  importPolisConversation,
  readVotesForAnalysis,
} from "../../app/modules/consultation/consultations.server.ts";
import { polisFiles } from "../../app/modules/consultation/polis-export.ts";
import { readPolisFiles } from "../../app/modules/consultation/polis-files.ts";
import { readPolisFolder } from "../../app/modules/consultation/polis-folder.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const seattle = readPolisFolder(path.resolve("tests/fixtures/polis/15-per-hour-seattle"));

describe.each(databaseKinds)("consultations on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let consultationId: string;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    ({ id: consultationId } = await importPolisConversation({
      db: database.db,
      conversation: seattle,
      slug: "minimumloon-seattle",
      source: "https://pol.is/2demo",
    }));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("imports every statement and participant, and each person's last vote per statement", async () => {
    const last = new Set(seattle.votes.map((vote) => `${vote.participant}/${vote.statement}`));
    expect(await countsOf(database.db, consultationId)).toEqual({
      statements: 54,
      participants: 339,
      votes: last.size,
    });
    const [stored] = await database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, consultationId));
    expect(stored).toMatchObject({ state: "gesloten", question: "$15/hour", source: "https://pol.is/2demo" });
    const input = await readVotesForAnalysis(database.db, consultationId);
    expect(input.rejected).toHaveLength(seattle.statements.filter((s) => s.moderated === -1).length);
  });

  it("refuses a second consultation at the same address", async () => {
    await expect(
      importPolisConversation({ db: database.db, conversation: seattle, slug: "minimumloon-seattle" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      importPolisConversation({ db: database.db, conversation: seattle, slug: "Geen Adres!" }),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("analyses the votes in a worker thread into Pol.is's groups, and keeps them on a second run", async () => {
    const first = await analyseConsultation({ db: database.db, consultationId });
    const [row] = await database.db.select().from(consultations).where(eq(consultations.id, consultationId));
    const state = row?.analysisState as AnalysisState;
    const ours = new Map(state.groups.flatMap((group) => group.members.map((member) => [member, group.id])));
    const people = [...seattle.polisGroups.keys()];
    const index = adjustedRandIndex(
      people.map((person) => seattle.polisGroups.get(person)),
      people.map((person) => ours.get(person)),
    );
    expect(index).toBeGreaterThanOrEqual(0.9);
    expect(first.placed).toBe(138);
    // The report's copy holds places and groups, but no participant's number.
    expect(JSON.stringify(row?.analysis)).not.toContain('"participant"');

    const second = await analyseConsultation({ db: database.db, consultationId, inWorker: false });
    expect(second.groups.map((group) => [group.id, group.size])).toEqual(
      first.groups.map((group) => [group.id, group.size]),
    );
  });

  it("exports the files in Pol.is's layout, which read back into the same votes and groups", async () => {
    const files = polisFiles(
      await consultationExport(database.db, "minimumloon-seattle", "https://vakmanschap.example.nl"),
    );
    expect(files["summary.csv"]).toContain(
      "url,https://vakmanschap.example.nl/peilingen/minimumloon-seattle",
    );
    expect(files["participants-votes.csv"].split("\r\n")[0]).toMatch(
      /^participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,/,
    );
    const back = readPolisFiles({
      summary: files["summary.csv"],
      comments: files["comments.csv"],
      votes: files["votes.csv"],
      participantsVotes: files["participants-votes.csv"],
    });
    expect(back.statements).toHaveLength(54);
    expect(back.statements.filter((s) => s.moderated === -1)).toHaveLength(
      seattle.statements.filter((s) => s.moderated === -1).length,
    );
    const last = new Set(seattle.votes.map((vote) => `${vote.participant}/${vote.statement}`));
    expect(back.votes).toHaveLength(last.size);
    // Times are rounded down to the hour.
    expect(back.votes.every((vote) => vote.at.getTime() % 3_600_000 === 0)).toBe(true);
    // Our own groups come back as the files' group-id: the same people together.
    const [row] = await database.db.select().from(consultations).where(eq(consultations.id, consultationId));
    const state = row?.analysisState as AnalysisState;
    const ours = new Map(state.groups.flatMap((group) => group.members.map((member) => [member, group.id])));
    expect(back.polisGroups.size).toBe(ours.size);
    for (const [participant, group] of back.polisGroups) expect(ours.get(participant)).toBe(group);
  });
});
