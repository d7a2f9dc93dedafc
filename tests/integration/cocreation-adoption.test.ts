// From proposal to the next version, on each database: an editor takes a text proposal, a new paragraph
// and a new part over into the draft with one action each; the draft changes, the proposal gets its
// status with the reason and the draft's version, the link is kept and audited. Comments and a missing
// draft are refused in Dutch, and nothing changes. After publishing, the comparison with the version
// before links each changed paragraph to the proposals behind it; contributions stay on the version
// they were written on.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { actorOf, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import type { Actor } from "../../app/modules/accounts/authorization.ts";
import {
  adoptIntoDraft,
  listAdoptions,
  proposalsBehind,
} from "../../app/modules/cocreation/adoptions.server.ts";
import { cocreationContributions } from "../../app/modules/cocreation/cocreation.schema.ts";
import { ContributionInput, StatusInput } from "../../app/modules/cocreation/cocreation.validation.ts";
import { createContribution, getContribution } from "../../app/modules/cocreation/contributions.server.ts";
import {
  createDraft,
  discardDraft,
  getDraft,
  getDraftContent,
  publishDraft,
  setChangelog,
} from "../../app/modules/guide/draft-versions.server.ts";
import { compareVersions, requirePart, requireVersion } from "../../app/modules/guide/guide.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const PART = "luister-naar-burgers";
const ANCHOR = "kritiek-is-waardevolle-informatie-wie";
const ORIGIN = "https://vakmanschap.test";
const adopted = (reason: string, status = "overgenomen") => StatusInput.parse({ status, reason, version: 1 });

describe.each(databaseKinds)("taking proposals over into the next version on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let writer: Actor;
  let editor: Actor;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const { db } = database;
    writer = actorOf({ ...(await upsertUser({ db, email: "schrijver@example.nl" })), roles: [] });
    editor = actorOf({ ...(await upsertUser({ db, email: "redacteur@example.nl" })), roles: ["redacteur"] });
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  const propose = (values: Record<string, unknown>) =>
    createContribution({
      pageCache,
      quotas,
      db: database.db,
      actor: writer,
      input: ContributionInput.parse({ version: 1, part: PART, ...values }),
    });

  it("refuses without a draft and for a comment, changing nothing", async () => {
    const { db } = database;
    // The shipped example draft goes first, so that there is no draft at all.
    const example = await getDraft({ db });
    if (example) await discardDraft({ db, actor: editor, versionId: example.id });
    const proposal = await propose({
      kind: "tekstvoorstel",
      anchor: ANCHOR,
      proposedText: "Kritiek is waardevolle informatie. Zie het als een cadeau.",
    });
    await expect(
      adoptIntoDraft({
        quotas,
        db,
        actor: editor,
        contributionId: proposal.id,
        input: adopted("Goed idee."),
        origin: ORIGIN,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "problems.cocreation.adoptNoDraft" });
    await createDraft({ db, actor: editor });
    const comment = await propose({ kind: "reactie", anchor: ANCHOR, body: "Herkenbaar." });
    await expect(
      adoptIntoDraft({
        quotas,
        db,
        actor: editor,
        contributionId: comment.id,
        input: adopted("Ja, goed."),
        origin: ORIGIN,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "problems.cocreation.adoptOnlyText",
    });
    const [still] = await db
      .select({ status: cocreationContributions.status })
      .from(cocreationContributions)
      .where(eq(cocreationContributions.id, proposal.id));
    expect(still?.status).toBe("ontvangen");
  });

  it("takes proposals over into the draft, keeps the link, and the comparison shows them after publishing", async () => {
    const { db } = database;
    const draft = await getDraft({ db });
    if (!draft) throw new Error("the test before made a draft");
    const newText =
      "Kritiek is waardevolle informatie. Zie het als een cadeau: iemand wil dat het beter gaat.";
    const textProposal = await propose({ kind: "tekstvoorstel", anchor: ANCHOR, proposedText: newText });
    const paragraphProposal = await propose({
      kind: "nieuwe-alinea",
      anchor: ANCHOR,
      proposedText: "Bedank mensen altijd voor hun klacht.",
    });
    const partProposal = await createContribution({
      pageCache,
      quotas,
      db,
      actor: writer,
      input: ContributionInput.parse({
        version: 1,
        kind: "nieuw-deel",
        title: "Werk samen met uitvoering",
        proposedText: "Vraag collega's uit de uitvoering wat een plan in de praktijk betekent.",
      }),
    });

    const text = await adoptIntoDraft({
      quotas,
      db,
      actor: editor,
      contributionId: textProposal.id,
      input: adopted("Sluit goed aan bij het principe."),
      origin: ORIGIN,
    });
    expect(text).toMatchObject({ versionNumber: draft.number, partSlug: PART, anchor: ANCHOR });
    const paragraph = await adoptIntoDraft({
      quotas,
      db,
      actor: editor,
      contributionId: paragraphProposal.id,
      input: adopted("Korter gemaakt.", "deels-overgenomen"),
      origin: ORIGIN,
    });
    expect(paragraph.anchor).not.toBe(ANCHOR);
    const part = await adoptIntoDraft({
      quotas,
      db,
      actor: editor,
      contributionId: partProposal.id,
      input: adopted("Een nieuw deel."),
      origin: ORIGIN,
    });
    // A second time is refused: it is in the draft already.
    await expect(
      adoptIntoDraft({
        quotas,
        db,
        actor: editor,
        contributionId: textProposal.id,
        input: adopted("Nog eens."),
        origin: ORIGIN,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "problems.cocreation.adoptAlready" });

    // The draft holds the new texts: the paragraph changed, the new one right after it, the new part.
    const content = await getDraftContent({ db });
    const draftPart = content?.parts.find((candidate) => candidate.slug === PART);
    const anchors = draftPart?.blocks.map((block) => block.anchor) ?? [];
    expect(draftPart?.blocks.find((block) => block.anchor === ANCHOR)?.markdown).toBe(newText);
    expect(anchors.indexOf(paragraph.anchor)).toBe(anchors.indexOf(ANCHOR) + 1);
    const newPart = content?.parts.find((candidate) => candidate.slug === part.partSlug);
    expect(newPart?.title).toBe("Werk samen met uitvoering");
    expect(newPart?.blocks.map((block) => block.markdown)).toEqual([
      "Vraag collega's uit de uitvoering wat een plan in de praktijk betekent.",
    ]);

    // The public status with reason and version, the link, and the audit entry.
    const seen = await getContribution({
      db,
      id: paragraphProposal.id,
      viewer: { editor: false },
    });
    expect(seen).toMatchObject({
      status: "deels-overgenomen",
      statusReason: "Korter gemaakt.",
      adoptedInVersion: draft.number,
    });
    expect(await listAdoptions({ db, contributionId: textProposal.id })).toMatchObject([
      { versionNumber: draft.number, partSlug: PART, anchor: ANCHOR },
    ]);
    const audited = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "cocreation.adopted"), eq(auditLog.target, `bijdrage:${textProposal.id}`)),
      );
    expect(audited).toHaveLength(1);

    // Published, the comparison with version 1 links each changed paragraph to its proposal.
    await setChangelog({
      db,
      versionId: draft.id,
      label: "Vierde versie",
      changelog: "- Voorstellen overgenomen.",
    });
    await publishDraft({ db, actor: editor });
    const behind = await proposalsBehind({ db, from: 1, to: draft.number });
    expect(behind[`${PART}#${ANCHOR}`]?.map((proposal) => proposal.id)).toEqual([textProposal.id]);
    expect(behind[`${PART}#${paragraph.anchor}`]?.map((proposal) => proposal.id)).toEqual([
      paragraphProposal.id,
    ]);
    expect(behind[`${part.partSlug}#${part.anchor}`]?.[0]).toMatchObject({
      id: partProposal.id,
      kind: "nieuw-deel",
      excerpt: "Vraag collega's uit de uitvoering wat een plan in de praktijk betekent.",
    });
    // Backwards, or between versions without adoptions, there is nothing behind the changes.
    expect(await proposalsBehind({ db, from: draft.number, to: 1 })).toEqual({});
    const { diff } = await compareVersions({ db, from: 1, to: draft.number });
    const changed = diff.parts
      .find((candidate) => candidate.slug === PART)
      ?.blocks.filter((block) => block.status !== "unchanged")
      .map((block) => block.anchor);
    expect(changed).toEqual(expect.arrayContaining([ANCHOR, paragraph.anchor]));

    // The proposal stays on version 1, where the paragraph still reads as it did.
    const first = await requireVersion({ db, number: 1 });
    const { part: old } = await requirePart({ db, version: first, slug: PART });
    const [row] = await db
      .select({ versionId: cocreationContributions.versionId })
      .from(cocreationContributions)
      .where(eq(cocreationContributions.id, textProposal.id));
    expect(row?.versionId).toBe(first.id);
    expect(old.blocks.find((block) => block.anchor === ANCHOR)?.markdown).not.toBe(newText);
  });
});
