// Cards people send in, on each database: an editor publishes or declines them with a reason the
// sender reads; the audit log records the decision; "my data" covers them.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { actorOf, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  getSubmission,
  listOwnSubmissions,
  listSubmissions,
  reviewSubmission,
  slugFor,
  submitCard,
} from "../../app/modules/dilemmas/dilemma-submissions.server.ts";
import { dilemmaCards } from "../../app/modules/dilemmas/dilemmas.schema.ts";
import { getPublishedCard, listPublishedCards } from "../../app/modules/dilemmas/dilemmas.server.ts";
import { DilemmaCardInput } from "../../app/modules/dilemmas/dilemmas.validation.ts";
import { deleteMyAccount, exportMyData } from "../../app/personal-data.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const keyring = createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" });
const card = DilemmaCardInput.parse({
  title: "De mail die te vroeg verstuurd werd",
  case: "Je stuurt per ongeluk een conceptbrief naar een burger. Er staan nog opmerkingen van collega's in. De burger belt boos op.",
  optionA: "Ik vertel eerlijk wat er gebeurd is",
  riskA: "De opmerkingen van collega's komen op straat te liggen.",
  optionB: "Ik zeg alleen dat het een fout was",
  riskB: "De burger voelt zich niet serieus genomen.",
  principles: ["laat-zien-hoe-je-kiest", "luister-naar-burgers"],
  workKinds: ["uitvoering"],
  themes: ["openheid"],
  questions: ["Wat zou jij zeggen?"],
});

describe("a card's address", () => {
  it("is made from its title, and never takes the name of a page", () => {
    expect(slugFor("Eerst de minister, óf de samenleving?")).toBe("eerst-de-minister-of-de-samenleving");
    expect(slugFor("Nieuw")).toBe("dilemma-nieuw");
    expect(slugFor("!!")).toMatch(/^dilemma/);
  });
});

describe.each(databaseKinds)("cards sent in on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("waits for an editor, who publishes it as edited; the decision is in the audit log", async () => {
    const { db } = database;
    const sender = await upsertUser({ db, email: "indiener@example.nl" });
    const editor = await upsertUser({ db, email: "redacteur@example.nl" });
    const sent = await submitCard({ quotas, db, actor: actorOf(sender), card, anonymous: true });
    expect(sent.status).toBe("ingediend");
    await expect(getPublishedCard({ db, slug: sent.slug })).rejects.toMatchObject({ code: "not_found" });
    expect((await listSubmissions({ db }))[0]).toMatchObject({
      id: sent.id,
      submitter: "indiener@example.nl",
    });

    // The same title again gets its own address.
    const again = await submitCard({ quotas, db, actor: actorOf(sender), card, anonymous: false });
    expect(again.slug).not.toBe(sent.slug);
    expect(again.slug.startsWith(sent.slug)).toBe(true);

    pageCache.dropped.length = 0;
    const published = await reviewSubmission({
      pageCache,
      db,
      actor: actorOf(editor),
      id: sent.id,
      card: { ...card, title: "De brief die te vroeg verstuurd werd" },
      decision: "publiceren",
      note: "",
    });
    expect(published.status).toBe("gepubliceerd");
    // The library and the guide's principle pages show published cards: their cache is dropped.
    expect(pageCache.dropped).toEqual(["dilemmas", "guide"]);
    expect((await getPublishedCard({ db, slug: sent.slug })).title).toBe(
      "De brief die te vroeg verstuurd werd",
    );
    expect((await listPublishedCards({ db })).map((c) => c.slug)).toContain(sent.slug);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.target, sent.slug));
    expect(entry).toMatchObject({ action: "dilemma.published", actorEmail: "redacteur@example.nl" });
  });

  it("is declined only with a reason, which the sender reads", async () => {
    const { db } = database;
    const sender = await upsertUser({ db, email: "tweede@example.nl" });
    const editor = await upsertUser({ db, email: "redacteur@example.nl" });
    const sent = await submitCard({
      quotas,
      db,
      actor: actorOf(sender),
      card: { ...card, title: "Een tweede dilemma" },
      anonymous: true,
    });
    await expect(
      reviewSubmission({
        pageCache,
        db,
        actor: actorOf(editor),
        id: sent.id,
        card,
        decision: "afwijzen",
        note: " ",
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { reden: expect.any(String) } });
    expect((await getSubmission({ db, id: sent.id })).card.status).toBe("ingediend");
    await reviewSubmission({
      pageCache,
      db,
      actor: actorOf(editor),
      id: sent.id,
      card,
      decision: "afwijzen",
      note: "Dit lijkt te veel op een kaart die er al is.",
    });
    const [mine] = await listOwnSubmissions({ db, userId: sender.id });
    expect(mine).toMatchObject({
      status: "afgewezen",
      reviewNote: "Dit lijkt te veel op een kaart die er al is.",
    });
  });

  it("goes with the sender's data: in the download, and on deletion published cards stay without a name", async () => {
    const { db } = database;
    const sender = await upsertUser({ db, email: "vertrekker@example.nl" });
    const editor = await upsertUser({ db, email: "redacteur@example.nl" });
    const kept = await submitCard({
      quotas,
      db,
      actor: actorOf(sender),
      card: { ...card, title: "Blijft staan" },
      anonymous: false,
    });
    const waiting = await submitCard({
      quotas,
      db,
      actor: actorOf(sender),
      card: { ...card, title: "Wacht nog" },
      anonymous: false,
    });
    await reviewSubmission({
      pageCache,
      db,
      actor: actorOf(editor),
      id: kept.id,
      card,
      decision: "publiceren",
      note: "",
    });

    const exported = (await exportMyData({ db, keyring, userId: sender.id, email: sender.email })) as {
      dilemmaCards: { title: string }[];
    };
    expect(exported.dilemmaCards.map((c) => c.title).sort()).toEqual([card.title, "Wacht nog"].sort());

    await deleteMyAccount({ db, keyring, userId: sender.id, email: sender.email });
    const [stays] = await db.select().from(dilemmaCards).where(eq(dilemmaCards.id, kept.id));
    expect(stays).toMatchObject({ status: "gepubliceerd", submittedBy: null, anonymous: true });
    expect(await db.select().from(dilemmaCards).where(eq(dilemmaCards.id, waiting.id))).toEqual([]);
  });
});
