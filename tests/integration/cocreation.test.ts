// Thinking along on the guide, on each database: every kind of contribution on a published version,
// names hidden from the public but not from editors, replies, one support per person, reports hiding
// at the threshold, editors hiding and restoring with a reason, public decisions with a history and an
// audit entry, notices and e-mails (to a real SMTP server) unless switched off, and what stays when an
// account is deleted.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import { runDueJobs } from "../../app/infra/jobs.server.ts";
import { createMailer, mailJobHandler } from "../../app/infra/mail.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { actorOf, updateProfile, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
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
  getContributionCounts,
  listContributions,
  listOwnContributions,
  listQueue,
  supportContribution,
  withdrawSupport,
} from "../../app/modules/cocreation/contributions.server.ts";
import { decideStatus } from "../../app/modules/cocreation/decisions.server.ts";
import { moderateItem, reportItem } from "../../app/modules/cocreation/moderation.server.ts";
import { listNotices, setEmailNotifications } from "../../app/modules/cocreation/notifications.server.ts";
import { requireCurrentVersion, requirePart } from "../../app/modules/guide/guide.server.ts";
import { deleteMyAccount, exportMyData } from "../../app/personal-data.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";
import { startSmtpServer } from "./smtp-server.ts";

const pageCache = recordedPageCache();

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const keyring = createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" });
const PART = "luister-naar-burgers";
const ANCHOR = "kritiek-is-waardevolle-informatie-wie";
const ORIGIN = "https://vakmanschap.test";

const input = (values: Record<string, unknown>) => ContributionInput.parse({ version: 1, ...values });

describe.each(databaseKinds)("thinking along on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let writer: Actor;
  let colleague: Actor;
  let other: Actor;
  let editor: Actor;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const { db } = database;
    const person = async (email: string, name: string) => {
      const user = await upsertUser({ db, email });
      await updateProfile({ db, userId: user.id, profile: { name, organisation: "", workKind: "" } });
      return actorOf({ ...user, roles: email.startsWith("redacteur") ? ["redacteur"] : [] });
    };
    writer = await person("schrijver@example.nl", "Sam Schrijver");
    colleague = await person("collega@example.nl", "Chris Collega");
    other = await person("ander@example.nl", "Anne Ander");
    editor = await person("redacteur@example.nl", "Rik Redacteur");
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("takes every kind of contribution, tied to the version, part and paragraph it was written on", async () => {
    const { db } = database;
    const version = await requireCurrentVersion({ db });
    const { part } = await requirePart({ db, version, slug: PART });
    const paragraph = part.blocks.find((block) => block.anchor === ANCHOR);
    const comment = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "reactie", part: PART, anchor: ANCHOR, body: "Herkenbaar uit mijn werk." }),
    });
    expect(comment).toMatchObject({
      versionId: version.id,
      partSlug: PART,
      anchor: ANCHOR,
      originalText: paragraph?.markdown,
      status: "ontvangen",
      proposedText: "",
    });
    const proposal = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({
        kind: "tekstvoorstel",
        part: PART,
        anchor: ANCHOR,
        proposedText: (paragraph?.markdown ?? "").replace("waardevolle", "kostbare"),
        body: "Kostbaar zegt meer.",
      }),
    });
    const detail = await getContribution({ db, id: proposal.id, viewer: { editor: false } });
    expect(detail.words.filter((word) => word.kind !== "same").map((word) => word.text.trim())).toEqual([
      "waardevolle",
      "kostbare",
    ]);
    const newParagraph = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "nieuwe-alinea", part: PART, anchor: ANCHOR, proposedText: "Een nieuwe alinea." }),
    });
    expect(newParagraph.anchor).toBe(ANCHOR);
    const newPart = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({
        kind: "nieuw-deel",
        title: "Samenwerken",
        proposedText: "Over samenwerken met anderen.",
      }),
    });
    expect(newPart).toMatchObject({ partSlug: null, anchor: null, title: "Samenwerken" });
    const general = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "algemeen", part: PART, body: "Een fijne gids, maar lang." }),
    });
    expect(general).toMatchObject({ partSlug: null, anchor: null });

    expect(await getContributionCounts({ db, versionId: version.id, partSlug: PART })).toEqual({
      [ANCHOR]: 3,
    });
    const listed = await listContributions({ db, filter: { deel: PART }, viewer: { editor: false } });
    expect(listed.total).toBe(3);
    expect(
      (await listContributions({ db, filter: { q: "KOSTBAAR" }, viewer: { editor: false } })).items,
    ).toHaveLength(1);
    expect(
      (await listContributions({ db, filter: { soort: "nieuw-deel" }, viewer: { editor: false } })).total,
    ).toBe(1);
    expect((await listContributions({ db, filter: { q: "100%_" }, viewer: { editor: false } })).total).toBe(
      0,
    );
  });

  it("refuses what does not fit, with a message per field and nothing stored", async () => {
    const { db } = database;
    expect(ContributionInput.safeParse({ kind: "reactie", version: 1, part: PART }).error?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["anchor"], message: "problems.cocreation.anchorMissing" }),
        expect.objectContaining({ path: ["body"], message: "problems.cocreation.replyTooShort" }),
      ]),
    );
    await expect(
      createContribution({
        pageCache,
        quotas,
        db,
        actor: writer,
        input: input({ kind: "reactie", version: 2, part: PART, anchor: ANCHOR, body: "In het concept" }),
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { version: "problems.cocreation.onlyPublished" },
    });
    await expect(
      createContribution({
        pageCache,
        quotas,
        db,
        actor: writer,
        input: input({ kind: "reactie", part: PART, anchor: "bestaat-niet", body: "Waar?" }),
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { anchor: expect.any(String) } });
    const version = await requireCurrentVersion({ db });
    const { part } = await requirePart({ db, version, slug: PART });
    const unchanged = part.blocks.find((block) => block.anchor === ANCHOR)?.markdown ?? "";
    await expect(
      createContribution({
        pageCache,
        quotas,
        db,
        actor: writer,
        input: input({ kind: "tekstvoorstel", part: PART, anchor: ANCHOR, proposedText: unchanged }),
      }),
    ).rejects.toMatchObject({
      fields: { proposedText: "problems.cocreation.proposalUnchanged" },
    });
  });

  it("shows a name only when the writer chose to, and always to editors", async () => {
    const { db } = database;
    const hidden = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "algemeen", body: "Zonder naam, graag." }),
    });
    const named = await createContribution({
      pageCache,
      quotas,
      db,
      actor: colleague,
      input: input({ kind: "algemeen", body: "Met mijn naam erbij.", showName: true }),
    });
    const publicView = await getContribution({ db, id: hidden.id, viewer: { editor: false } });
    expect(publicView).toMatchObject({ author: null, authorEmail: null });
    expect((await getContribution({ db, id: named.id, viewer: { editor: false } })).author).toBe(
      "Chris Collega",
    );
    const editorView = await getContribution({
      db,
      id: hidden.id,
      viewer: { userId: editor.id, editor: true },
    });
    expect(editorView).toMatchObject({ author: null, authorEmail: "schrijver@example.nl" });
  });

  it("takes replies and one support per person, which can be withdrawn", async () => {
    const { db } = database;
    const proposal = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "nieuwe-alinea", part: PART, anchor: ANCHOR, proposedText: "Nog een alinea." }),
    });
    await addReply({
      quotas,
      db,
      actor: colleague,
      contributionId: proposal.id,
      input: { body: "Mee eens!", showName: true },
      origin: ORIGIN,
    });
    await addReply({
      quotas,
      db,
      actor: other,
      contributionId: proposal.id,
      input: { body: "Niet mee eens.", showName: false },
      origin: ORIGIN,
    });
    const view = await getContribution({ db, id: proposal.id, viewer: { editor: false } });
    expect(view.replyList.map((reply) => [reply.author, reply.body])).toEqual([
      ["Chris Collega", "Mee eens!"],
      [null, "Niet mee eens."],
    ]);
    expect(await supportContribution({ db, actor: colleague, contributionId: proposal.id })).toBe(1);
    expect(await supportContribution({ db, actor: colleague, contributionId: proposal.id })).toBe(1);
    expect(await supportContribution({ db, actor: other, contributionId: proposal.id })).toBe(2);
    expect(await withdrawSupport({ db, actor: other, contributionId: proposal.id })).toBe(1);
    expect(
      (await getContribution({ db, id: proposal.id, viewer: { userId: colleague.id, editor: false } }))
        .supportedByMe,
    ).toBe(true);
    const comment = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "algemeen", body: "Alleen een reactie." }),
    });
    await expect(
      supportContribution({ db, actor: colleague, contributionId: comment.id }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("hides a contribution at the report threshold until an editor restores it with a reason", async () => {
    const { db } = database;
    const version = await requireCurrentVersion({ db });
    const before = await getContributionCounts({ db, versionId: version.id, partSlug: PART });
    const item = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "reactie", part: PART, anchor: ANCHOR, body: "Iets wat mensen melden." }),
    });
    const target = { kind: "bijdrage" as const, id: item.id };
    // The module that hides or restores drops the guide's cached pages (they count visible
    // contributions); a report that hides nothing leaves them.
    pageCache.dropped.length = 0;
    expect(
      await reportItem({
        pageCache,
        quotas,
        db,
        actor: colleague,
        target,
        reason: "Naam genoemd",
        threshold: 2,
      }),
    ).toMatchObject({ hidden: false });
    await expect(
      reportItem({ pageCache, quotas, db, actor: colleague, target, reason: "", threshold: 2 }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(
      await reportItem({ pageCache, quotas, db, actor: other, target, reason: "", threshold: 2 }),
    ).toMatchObject({
      hidden: true,
    });
    expect(pageCache.dropped).toEqual(["guide"]);

    const publicView = await getContribution({ db, id: item.id, viewer: { editor: false } });
    expect(publicView).toMatchObject({ hidden: "in-afwachting", body: null });
    expect(
      (await getContribution({ db, id: item.id, viewer: { userId: writer.id, editor: false } })).body,
    ).toBe("Iets wat mensen melden.");
    expect(
      (await listContributions({ db, filter: {}, viewer: { editor: false } })).items.map((i) => i.id),
    ).not.toContain(item.id);
    expect((await listQueue({ db, filter: {}, view: "verborgen" })).items[0]).toMatchObject({
      id: item.id,
      reports: 2,
    });
    expect(await getContributionCounts({ db, versionId: version.id, partSlug: PART })).toEqual(before);

    await moderateItem({
      pageCache,
      db,
      actor: editor,
      target,
      input: { action: "herstellen", reason: "Er staat geen naam in." },
    });
    expect(pageCache.dropped).toEqual(["guide", "guide"]);
    expect((await getContribution({ db, id: item.id, viewer: { editor: false } })).hidden).toBeNull();
    // Earlier reports no longer count: one new report does not hide it again.
    const third = actorOf({ ...(await upsertUser({ db, email: "derde@example.nl" })), roles: [] });
    expect(
      await reportItem({ pageCache, quotas, db, actor: third, target, reason: "", threshold: 2 }),
    ).toMatchObject({
      hidden: false,
    });

    await moderateItem({
      pageCache,
      db,
      actor: editor,
      target,
      input: { action: "verbergen", reason: "Breekt de spelregels." },
    });
    expect(await getContribution({ db, id: item.id, viewer: { editor: false } })).toMatchObject({
      hidden: "verborgen",
      hiddenReason: "Breekt de spelregels.",
      body: null,
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `bijdrage:${item.id}`));
    expect(audit.map((entry) => entry.action).sort()).toEqual(
      ["cocreation.hidden", "cocreation.reported-hidden", "cocreation.restored"].sort(),
    );

    // A reply is reported and hidden the same way.
    const open = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "algemeen", body: "Open voor reacties." }),
    });
    const reply = await addReply({
      quotas,
      db,
      actor: colleague,
      contributionId: open.id,
      input: { body: "Een naar antwoord.", showName: false },
      origin: ORIGIN,
    });
    await reportItem({
      pageCache,
      quotas,
      db,
      actor: other,
      target: { kind: "reactie", id: reply.id },
      reason: "",
      threshold: 1,
    });
    const [stored] = await db.select().from(cocreationReplies).where(eq(cocreationReplies.id, reply.id));
    expect(stored?.hiddenState).toBe("in-afwachting");
    expect(
      (await getContribution({ db, id: open.id, viewer: { editor: false } })).replyList[0]?.body,
    ).toBeNull();
  });

  it("decides with a public reason, keeps the history, audits it and tells the contributor by notice and e-mail", async () => {
    const { db } = database;
    const smtp = await startSmtpServer();
    const outboxDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vm-cocreation-")), "outbox");
    const handlers = {
      mail: mailJobHandler(
        createMailer({ smtpUrl: smtp.url, from: "Vakmanschap <noreply@vakmanschap.test>", outboxDir }),
      ),
    };
    try {
      await db.delete(jobs);
      const proposal = await createContribution({
        pageCache,
        quotas,
        db,
        actor: writer,
        input: input({ kind: "nieuwe-alinea", part: PART, anchor: ANCHOR, proposedText: "Vraag door." }),
      });
      expect(StatusInput.safeParse({ status: "niet-overgenomen", reason: "" }).success).toBe(false);
      expect(
        StatusInput.safeParse({ status: "overgenomen", reason: "Goed idee." }).error?.issues[0]?.path,
      ).toEqual(["version"]);
      await decideStatus({
        quotas,
        db,
        actor: editor,
        contributionId: proposal.id,
        input: StatusInput.parse({ status: "in-behandeling", reason: "" }),
        origin: ORIGIN,
      });
      await decideStatus({
        quotas,
        db,
        actor: editor,
        contributionId: proposal.id,
        input: StatusInput.parse({
          status: "deels-overgenomen",
          reason: "De eerste zin staat erin.",
          version: 2,
        }),
        origin: ORIGIN,
      });
      const view = await getContribution({ db, id: proposal.id, viewer: { editor: false } });
      expect(view).toMatchObject({
        status: "deels-overgenomen",
        statusReason: "De eerste zin staat erin.",
        adoptedInVersion: 2,
      });
      expect(
        view.history.map((change) => [
          change.status,
          change.reason,
          change.adoptedInVersion,
          change.decidedBy,
        ]),
      ).toEqual([
        ["in-behandeling", "", null, null],
        ["deels-overgenomen", "De eerste zin staat erin.", 2, null],
      ]);
      const editorView = await getContribution({ db, id: proposal.id, viewer: { editor: true } });
      expect(editorView.history[1]?.decidedBy).toBe("redacteur@example.nl");
      const [entry] = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.target, `bijdrage:${proposal.id}`))
        .orderBy(auditLog.id)
        .offset(1);
      expect(entry).toMatchObject({
        action: "cocreation.status",
        actorEmail: "redacteur@example.nl",
        details: { status: "deels-overgenomen", version: 2 },
      });

      await addReply({
        quotas,
        db,
        actor: colleague,
        contributionId: proposal.id,
        input: { body: "Goed zo.", showName: false },
        origin: ORIGIN,
      });
      expect(await runDueJobs({ db, handlers })).toEqual({ done: 3, retried: 0, failed: 0 });
      const subjects = smtp.received.map((mail) => mail.subject);
      expect(subjects).toEqual([
        "Je bijdrage aan de gids: In behandeling",
        "Je bijdrage aan de gids: Deels overgenomen in weergave 2",
        "Nieuwe reactie op je bijdrage aan de gids",
      ]);
      const statusMail = smtp.received[1];
      expect(statusMail?.to && !Array.isArray(statusMail.to) ? statusMail.to.text : "").toBe(
        "schrijver@example.nl",
      );
      expect(statusMail?.text).toContain("Reden: De eerste zin staat erin.");
      expect(statusMail?.text).toContain(`${ORIGIN}/meedenken/${proposal.id}`);
      expect(smtp.received[2]?.text).not.toContain("Goed zo.");
      const notices = await listNotices({ db, userId: writer.id });
      expect(notices.slice(0, 3).map((notice) => notice.kind)).toEqual(["reactie", "status", "status"]);

      // Switched off: the notice still comes, the e-mail does not.
      await setEmailNotifications({ db, userId: writer.id, on: false });
      await decideStatus({
        quotas,
        db,
        actor: editor,
        contributionId: proposal.id,
        input: StatusInput.parse({
          status: "niet-overgenomen",
          reason: "Toch niet: past niet bij dit deel.",
        }),
        origin: ORIGIN,
      });
      await addReply({
        quotas,
        db,
        actor: other,
        contributionId: proposal.id,
        input: { body: "Jammer.", showName: false },
        origin: ORIGIN,
      });
      expect(await runDueJobs({ db, handlers })).toEqual({ done: 0, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(3);
      expect(
        (await listNotices({ db, userId: writer.id })).filter((notice) => notice.unread).length,
      ).toBeGreaterThanOrEqual(5);
    } finally {
      await setEmailNotifications({ db, userId: writer.id, on: true });
      await smtp.close();
      fs.rmSync(path.dirname(outboxDir), { recursive: true, force: true });
    }
  });

  it("keeps what a person wrote, anonymous, when they delete their account; their download has it all", async () => {
    const { db } = database;
    const leaver = actorOf({ ...(await upsertUser({ db, email: "vertrek@example.nl" })), roles: [] });
    await updateProfile({
      db,
      userId: leaver.id,
      profile: { name: "Vera Vertrek", organisation: "", workKind: "" },
    });
    const item = await createContribution({
      pageCache,
      quotas,
      db,
      actor: leaver,
      input: input({
        kind: "nieuw-deel",
        title: "Over vertrekken",
        proposedText: "Wat blijft.",
        showName: true,
      }),
    });
    const open = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: input({ kind: "algemeen", body: "Reageer maar." }),
    });
    await addReply({
      quotas,
      db,
      actor: leaver,
      contributionId: open.id,
      input: { body: "Mijn reactie.", showName: true },
      origin: ORIGIN,
    });
    await supportContribution({ db, actor: leaver, contributionId: item.id });
    expect((await getContribution({ db, id: item.id, viewer: { editor: false } })).author).toBe(
      "Vera Vertrek",
    );

    const exported = (await exportMyData({ db, keyring, userId: leaver.id, email: leaver.email })) as {
      meedenken: { contributions: { title: string }[]; replies: { body: string }[]; supports: unknown[] };
    };
    expect(exported.meedenken.contributions.map((c) => c.title)).toEqual(["Over vertrekken"]);
    expect(exported.meedenken.replies.map((r) => r.body)).toEqual(["Mijn reactie."]);
    expect(exported.meedenken.supports).toHaveLength(1);

    await deleteMyAccount({ db, keyring, userId: leaver.id, email: leaver.email });
    const [kept] = await db
      .select()
      .from(cocreationContributions)
      .where(eq(cocreationContributions.id, item.id));
    expect(kept).toMatchObject({ authorId: null, showName: false, proposedText: "Wat blijft." });
    const view = await getContribution({ db, id: item.id, viewer: { editor: true } });
    expect(view).toMatchObject({ author: null, authorEmail: null, supports: 0 });
    expect(
      (await getContribution({ db, id: open.id, viewer: { editor: false } })).replyList[0],
    ).toMatchObject({
      author: null,
      body: "Mijn reactie.",
    });
    expect(await listOwnContributions({ db, userId: leaver.id })).toEqual([]);
  });
});
