// Quotas per person, on each database: what one logged-in person makes in an hour (contributions,
// replies, reports, dilemma cards, Dilemma-wijzer records, API tokens, conversations) stops at the
// configured number with a Dutch message and the wait, for them alone; notice e-mails to one person stop
// at their hourly share with one bundle mail, while every notice stays in the app; the API answers 429
// problem+json with Retry-After. Also: a hidden proposal for a new part no longer shows its title.
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { quotaRefusalOf, quotaText } from "../../app/infra/quotas.server.ts";
import { actorOf, setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import type { Actor } from "../../app/modules/accounts/authorization.ts";
import {
  cocreationContributions,
  cocreationReplies,
} from "../../app/modules/cocreation/cocreation.schema.ts";
import { ContributionInput, StatusInput } from "../../app/modules/cocreation/cocreation.validation.ts";
import {
  addReply,
  createContribution,
  getContribution,
  listOwnContributions,
  listQueue,
} from "../../app/modules/cocreation/contributions.server.ts";
import { decideStatus } from "../../app/modules/cocreation/decisions.server.ts";
import { moderateItem, reportItem } from "../../app/modules/cocreation/moderation.server.ts";
import { listNotices } from "../../app/modules/cocreation/notifications.server.ts";
import { createConversation } from "../../app/modules/conversations/conversations.server.ts";
import { createDeliberation } from "../../app/modules/deliberation/deliberations.server.ts";
import { submitCard } from "../../app/modules/dilemmas/dilemma-submissions.server.ts";
import { DilemmaCardInput } from "../../app/modules/dilemmas/dilemmas.validation.ts";
import { problemType } from "../../server/api/problem.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

const ORIGIN = "https://vakmanschap.test";
const keyring = createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" });

/** Small quotas, so a test reaches them in a few steps. */
const SMALL = {
  QUOTA_CONTRIBUTIONS_PER_HOUR: "2",
  QUOTA_REPLIES_PER_HOUR: "2",
  QUOTA_REPORTS_PER_HOUR: "2",
  QUOTA_DILEMMA_CARDS_PER_HOUR: "2",
  QUOTA_DELIBERATIONS_PER_HOUR: "2",
  QUOTA_API_TOKENS_PER_HOUR: "2",
  QUOTA_CONVERSATIONS_PER_HOUR: "2",
  NOTICE_MAILS_PER_HOUR: "3",
};
const quotas = parseConfig(SMALL).quotas;
const quotasOff = parseConfig({ ...SMALL, RATE_LIMITS: "off" }).quotas;

const general = (body: string) => ContributionInput.parse({ version: 1, kind: "algemeen", body });
const card = (title: string) =>
  DilemmaCardInput.parse({
    title,
    case: "Een burger vraagt om een uitzondering op een regel die voor iedereen geldt. Je twijfelt wat eerlijk is.",
    optionA: "Ik houd me aan de regel",
    riskA: "De burger voelt zich niet gezien.",
    optionB: "Ik maak een uitzondering",
    riskB: "Anderen krijgen die uitzondering niet.",
    principles: ["luister-naar-burgers"],
    workKinds: ["uitvoering"],
    themes: ["openheid"],
    questions: ["Wat doe jij?"],
  });

/** Runs `make` until it is refused; gives how many went through and the refusal. */
async function untilRefused(make: (n: number) => Promise<unknown>, tries = 5) {
  for (let n = 0; n < tries; n++) {
    try {
      await make(n);
    } catch (error) {
      return { made: n, error };
    }
  }
  return { made: tries, error: undefined };
}

function expectQuotaRefusal(error: unknown, words: string) {
  expect(error).toMatchObject({ code: "rate_limited", status: 429 });
  const refusal = error as { message: string; retryAfterSeconds: number };
  // The message is a key with its values; a Dutch reader reads it so.
  const said = translatorFor("nl")(refusal.message);
  expect(said).toContain(words);
  expect(said).toContain("Het maximum is 2 per uur.");
  expect(said).toMatch(/Probeer het over \d+ minuten? opnieuw\./);
  expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
  expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(3600);
}

describe("the words of a refused quota", () => {
  it("say what, the limit and the wait, in Dutch and English, and in a form that the text is kept", () => {
    expect(quotaText({ language: "nl", kind: "reply", limit: 60, retryAfterSeconds: 61 })).toBe(
      "Je hebt in korte tijd veel reacties geschreven. Het maximum is 60 per uur. Probeer het over 2 minuten opnieuw.",
    );
    expect(
      quotaText({ language: "en", kind: "contribution", limit: 1, retryAfterSeconds: 5, kept: true }),
    ).toBe(
      "You have sent a lot of contributions in a short time. The most is 1 an hour. Please try again in 1 minute. What you wrote is still here.",
    );
    const request = new Request("http://localhost/", { headers: { Cookie: "taal=en" } });
    expect(quotaRefusalOf({ request, quotas, kind: "report", error: new Error("x") })).toBeUndefined();
  });
});

describe.each(databaseKinds)("quotas per person on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let people: Record<"writer" | "colleague" | "other" | "leader" | "editor", Actor>;
  let helpers: Actor[];

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const { db } = database;
    const person = async (email: string, roles: ("gespreksleider" | "redacteur")[] = []) => {
      const user = await upsertUser({ db, email });
      if (roles.length > 0) await setUserRoles({ db, userId: user.id, roles, actor: null });
      return actorOf({ ...user, roles });
    };
    people = {
      writer: await person("schrijver@example.nl"),
      colleague: await person("collega@example.nl"),
      other: await person("ander@example.nl"),
      leader: await person("leider@example.nl", ["gespreksleider"]),
      editor: await person("redacteur@example.nl", ["redacteur"]),
    };
    helpers = [];
    for (let n = 0; n < 6; n++) helpers.push(await person(`helper-${n}@example.nl`));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("a civil servant past the hourly quota of contributions is refused, stores nothing more, and others still write", async () => {
    const { db } = database;
    const { writer, colleague } = people;
    const before = await listOwnContributions({ db, userId: writer.id });
    const run = await untilRefused((n) =>
      createContribution({
        pageCache,
        db,
        quotas,
        actor: writer,
        input: general(`Algemene opmerking nummer ${n}.`),
      }),
    );
    expect(run.made).toBe(2);
    expectQuotaRefusal(run.error, "Je hebt in korte tijd veel bijdragen gestuurd.");
    expect(await listOwnContributions({ db, userId: writer.id })).toHaveLength(before.length + 2);
    // A mistake in the input costs nothing and still says what is wrong.
    await expect(
      createContribution({
        pageCache,
        db,
        quotas,
        actor: colleague,
        input: { ...general("Over versie 9."), version: 9 },
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await createContribution({
      pageCache,
      db,
      quotas,
      actor: colleague,
      input: general("Eerste van de collega."),
    });
    await createContribution({
      pageCache,
      db,
      quotas,
      actor: colleague,
      input: general("Tweede van de collega."),
    });
    // With RATE_LIMITS=off nobody is held back.
    await createContribution({
      pageCache,
      db,
      quotas: quotasOff,
      actor: writer,
      input: general("Zonder grenzen."),
    });
  });

  it("replies and reports stop at their quota, and a repeated report costs nothing", async () => {
    const { db } = database;
    const { writer, colleague, other } = people;
    const target = await createContribution({
      pageCache,
      db,
      quotas: quotasOff,
      actor: writer,
      input: general("Een bijdrage om op te reageren."),
    });
    const replies = await untilRefused((n) =>
      addReply({
        db,
        quotas,
        actor: other,
        contributionId: target.id,
        input: { body: `Reactie nummer ${n} van een collega.`, showName: false },
        origin: ORIGIN,
      }),
    );
    expect(replies.made).toBe(2);
    expectQuotaRefusal(replies.error, "Je hebt in korte tijd veel reacties geschreven.");
    const stored = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(cocreationReplies)
      .where(and(eq(cocreationReplies.contributionId, target.id), eq(cocreationReplies.authorId, other.id)));
    expect(stored[0]?.total).toBe(2);

    const targets = [];
    for (let n = 0; n < 3; n++) {
      targets.push(
        await createContribution({
          pageCache,
          db,
          quotas: quotasOff,
          actor: writer,
          input: general(`Te melden bijdrage ${n}.`),
        }),
      );
    }
    const report = (id: string) =>
      reportItem({
        pageCache,
        db,
        quotas,
        actor: colleague,
        target: { kind: "bijdrage", id },
        reason: "Dit hoort hier niet.",
        threshold: 99,
      });
    await report(targets[0]?.id ?? "");
    await expect(report(targets[0]?.id ?? "")).rejects.toMatchObject({ code: "conflict" });
    await report(targets[1]?.id ?? "");
    const refused = await report(targets[2]?.id ?? "").catch((error: unknown) => error);
    expectQuotaRefusal(refused, "Je hebt in korte tijd veel meldingen gedaan.");
  });

  it("dilemma cards, Dilemma-wijzer records, API tokens and conversations stop at their quota, per person", async () => {
    const { db } = database;
    const { writer, colleague, leader } = people;
    const cards = await untilRefused((n) =>
      submitCard({
        db,
        quotas,
        actor: writer,
        card: card(`Een uitzondering voor nummer ${n}`),
        anonymous: true,
      }),
    );
    expect(cards.made).toBe(2);
    expectQuotaRefusal(cards.error, "Je hebt in korte tijd veel dilemma's ingestuurd.");
    await submitCard({
      db,
      quotas,
      actor: colleague,
      card: card("Een uitzondering van de collega"),
      anonymous: false,
    });

    const records = await untilRefused(() => createDeliberation({ db, quotas, keyring, ownerId: writer.id }));
    expect(records.made).toBe(2);
    expectQuotaRefusal(records.error, "Je hebt in korte tijd veel nieuwe afwegingen gemaakt.");

    const tokens = await untilRefused((n) =>
      createApiToken({ db, quotas, userId: writer.id, name: `sleutel ${n}` }),
    );
    expect(tokens.made).toBe(2);
    expectQuotaRefusal(tokens.error, "Je hebt in korte tijd veel API-sleutels gemaakt.");

    const conversations = await untilRefused((n) =>
      createConversation({
        db,
        quotas,
        ownerId: leader.id,
        input: {
          title: `Teamsessie ${n}`,
          description: "",
          questions: [{ kind: "open", text: "Wat valt je op?", principles: [] }],
        },
        maxParticipants: 50,
        defaultMinAnswers: 3,
      }),
    );
    expect(conversations.made).toBe(2);
    expectQuotaRefusal(conversations.error, "Je hebt in korte tijd veel gesprekken gemaakt.");
  });

  it("a contributor gets their hourly share of notice mails and one bundle mail; every notice stays in the app", async () => {
    const { db } = database;
    const { colleague, editor } = people;
    const recipient = await upsertUser({ db, email: "veel-post@example.nl" });
    const contributor = actorOf({ ...recipient, roles: [] });
    const proposal = await createContribution({
      pageCache,
      db,
      quotas: quotasOff,
      actor: contributor,
      input: general("Iets waar veel mensen op reageren."),
    });
    const mailsTo = async () => {
      const rows = await db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.kind, "mail"));
      return rows
        .map((row) => row.payload as { to: string; subject: string })
        .filter((message) => message.to === "veel-post@example.nl");
    };
    // Six colleagues reply (each within their own quota) and an editor decides twice: eight notices.
    for (const helper of helpers) {
      await addReply({
        db,
        quotas,
        actor: helper,
        contributionId: proposal.id,
        input: { body: "Goed punt, en nog iets erbij.", showName: false },
        origin: ORIGIN,
      });
    }
    for (const status of ["in-behandeling", "ontvangen"] as const) {
      await decideStatus({
        db,
        quotas,
        actor: editor,
        contributionId: proposal.id,
        input: StatusInput.parse({ status, reason: "" }),
        origin: ORIGIN,
      });
    }
    const mails = await mailsTo();
    expect(mails).toHaveLength(4);
    expect(mails.slice(0, 3).map((mail) => mail.subject)).toEqual([
      "Nieuwe reactie op je bijdrage aan de gids",
      "Nieuwe reactie op je bijdrage aan de gids",
      "Nieuwe reactie op je bijdrage aan de gids",
    ]);
    expect(mails[3]?.subject).toBe("Meer nieuws over je bijdragen aan de gids");
    const notices = await listNotices({ db, userId: contributor.id });
    expect(notices).toHaveLength(8);
    expect(notices.filter((notice) => notice.kind === "status")).toHaveLength(2);

    // Another reply past the share adds a notice, and no mail.
    await addReply({
      db,
      quotas,
      actor: colleague,
      contributionId: proposal.id,
      input: { body: "Nog een reactie, later op het uur.", showName: false },
      origin: ORIGIN,
    });
    expect(await mailsTo()).toHaveLength(4);
    expect(await listNotices({ db, userId: contributor.id })).toHaveLength(9);
  });

  it("a hidden proposal for a new part shows its title only to its writer and the editors", async () => {
    const { db } = database;
    const { writer, editor, other } = people;
    const proposal = await createContribution({
      pageCache,
      db,
      quotas: quotasOff,
      actor: writer,
      input: ContributionInput.parse({
        version: 1,
        kind: "nieuw-deel",
        title: "Geheime titel die weg moet",
        proposedText: "Een nieuw deel over iets wat niet hoort.",
        body: "Toelichting.",
      }),
    });
    await moderateItem({
      pageCache,
      db,
      actor: editor,
      target: { kind: "bijdrage", id: proposal.id },
      input: { action: "verbergen", reason: "Dit hoort niet in de gids." },
    });
    for (const viewer of [{ editor: false }, { userId: other.id, editor: false }]) {
      const seen = await getContribution({ db, id: proposal.id, viewer });
      expect(seen).toMatchObject({ title: "", body: null, proposedText: null, hidden: "verborgen" });
    }
    expect(
      (await getContribution({ db, id: proposal.id, viewer: { userId: writer.id, editor: false } })).title,
    ).toBe("Geheime titel die weg moet");
    expect((await getContribution({ db, id: proposal.id, viewer: { editor: true } })).title).toBe(
      "Geheime titel die weg moet",
    );
    const queue = await listQueue({ db, filter: {}, view: "verborgen" });
    expect(queue.items.find((item) => item.id === proposal.id)?.title).toBe("Geheime titel die weg moet");
    const [row] = await db
      .select({ title: cocreationContributions.title })
      .from(cocreationContributions)
      .where(eq(cocreationContributions.id, proposal.id));
    expect(row?.title).toBe("Geheime titel die weg moet");
  });
});

describe.each(databaseKinds)("quotas in the API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let api: Awaited<ReturnType<typeof startApiServer>>;
  let token: string;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    api = await startApiServer({ database, env: SMALL });
    const user = await upsertUser({ db: database.db, email: "integratie@example.nl" });
    ({ token } = await createApiToken({ db: database.db, quotas: quotasOff, userId: user.id, name: "test" }));
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
    await test?.drop();
  });

  const post = (path: string, body: unknown) =>
    api.get(path, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("answers 429 problem+json in Dutch with Retry-After past the quota, and never a server error", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 3; n++) {
      const answer = await post("/api/v1/bijdragen", {
        version: 1,
        kind: "algemeen",
        body: `Via de API, ${n}.`,
      });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.headers.get("content-type")).toContain("application/problem+json");
        const retryAfter = Number(answer.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(3600);
        const problem = (await answer.json()) as { status: number; type: string; detail: string };
        expect(problem).toMatchObject({ status: 429, type: problemType(api.base, "rate_limited") });
        expect(problem.detail).toContain("Je hebt in korte tijd veel bijdragen gestuurd.");
      }
    }
    expect(statuses).toEqual([201, 201, 429]);

    const records: number[] = [];
    for (let n = 0; n < 3; n++) records.push((await post("/api/v1/afwegingen", {})).status);
    expect(records).toEqual([201, 201, 429]);

    const cards: number[] = [];
    for (let n = 0; n < 3; n++) {
      const { title, ...rest } = card(`Via de API ingestuurd ${n}`);
      cards.push((await post("/api/v1/dilemmas", { title, ...rest, anonymous: true })).status);
    }
    expect(cards).toEqual([201, 201, 429]);
  });
});
