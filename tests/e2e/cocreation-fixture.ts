// Contributions the browser tests need, written into the test server's embedded database before it
// starts (by tests/e2e/example-data.ts): a text proposal with a reply and a
// decision with its reason, and a comment an editor hid with a reason. The guide is seeded here first
// (the server's own seed then finds it and does nothing).
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { actorOf, updateProfile, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { cocreationContributions } from "../../app/modules/cocreation/cocreation.schema.ts";
import { ContributionInput, StatusInput } from "../../app/modules/cocreation/cocreation.validation.ts";
import { addReply, createContribution } from "../../app/modules/cocreation/contributions.server.ts";
import { decideStatus } from "../../app/modules/cocreation/decisions.server.ts";
import { moderateItem } from "../../app/modules/cocreation/moderation.server.ts";
import { requireCurrentVersion, requirePart } from "../../app/modules/guide/guide.server.ts";
import { seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import { recordedPageCache } from "../integration/recorded-page-cache.ts";
import { COCREATION_HIDDEN, COCREATION_PROPOSAL, PART_SLUG } from "./example-urls.ts";

const pageCache = recordedPageCache();

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

/** `origin` is the site's own address, for the links in the mails the replies and decisions send. */
export async function writeContributions(db: Db, origin: string): Promise<void> {
  await seedGuide({ db, contentDir: path.resolve("content") });
  const writerUser = await upsertUser({ db, email: "schrijver@example.nl" });
  await updateProfile({
    db,
    userId: writerUser.id,
    profile: { name: "Sam Schrijver", organisation: "", workKind: "" },
  });
  const writer = actorOf(writerUser);
  const editor = actorOf({
    ...(await upsertUser({ db, email: "redactie@example.nl" })),
    roles: ["redacteur"],
  });
  const version = await requireCurrentVersion({ db });
  const { part } = await requirePart({ db, version, slug: PART_SLUG });
  const [first, second] = part.blocks.filter((block) => block.kind === "paragraph");
  if (!first || !second) throw new Error(`${PART_SLUG} has too few paragraphs`);

  const proposal = await createContribution({
    pageCache,
    quotas,
    db,
    actor: writer,
    input: ContributionInput.parse({
      kind: "tekstvoorstel",
      version: version.number,
      part: PART_SLUG,
      anchor: first.anchor,
      proposedText: first.markdown.replace(/\.\s/, ". Vraag ook door. "),
      body: "Doorvragen hoort bij luisteren.",
      showName: true,
    }),
  });
  await db
    .update(cocreationContributions)
    .set({ id: COCREATION_PROPOSAL })
    .where(eq(cocreationContributions.id, proposal.id));
  await addReply({
    quotas,
    db,
    actor: editor,
    contributionId: COCREATION_PROPOSAL,
    input: { body: "Goede aanvulling.", showName: false },
    origin,
  });
  await decideStatus({
    quotas,
    db,
    actor: editor,
    contributionId: COCREATION_PROPOSAL,
    input: StatusInput.parse({ status: "in-behandeling", reason: "We nemen dit mee in de volgende versie." }),
    origin,
  });

  const hidden = await createContribution({
    pageCache,
    quotas,
    db,
    actor: writer,
    input: ContributionInput.parse({
      kind: "reactie",
      version: version.number,
      part: PART_SLUG,
      anchor: second.anchor,
      body: "Een reactie met een naam van een echte burger erin.",
    }),
  });
  await db
    .update(cocreationContributions)
    .set({ id: COCREATION_HIDDEN })
    .where(eq(cocreationContributions.id, hidden.id));
  await moderateItem({
    pageCache,
    db,
    actor: editor,
    target: { kind: "bijdrage", id: COCREATION_HIDDEN },
    input: { action: "verbergen", reason: "Er stond een naam van een echt persoon in." },
  });
}
