// Taking a proposal over into the draft of the next version, in one action: its text goes into the
// draft (a changed paragraph, a new paragraph after the one it was written on, or a new part), the link
// between proposal and change is kept, and the proposal gets its public status with the reason. The
// comparison page later shows, beside each changed paragraph, the proposals behind it.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import type { Quotas } from "../../infra/quotas.server.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import {
  addDraftPart,
  getDraft,
  insertDraftBlockAfter,
  updateDraftBlock,
} from "../guide/draft-versions.server.ts";
import { guideVersions } from "../guide/guide.schema.ts";
import {
  type ContributionRow,
  cocreationAdoptions,
  cocreationContributions,
  contributionColumns,
} from "./cocreation.schema.ts";
import type { StatusInput } from "./cocreation.validation.ts";
import type { ContributionKind } from "./cocreation-kinds.ts";
import { NOT_FOUND } from "./contributions.server.ts";
import { decideStatus } from "./decisions.server.ts";

/** What a proposal became in a draft, for the editor's page. */
export interface Adoption {
  versionNumber: number;
  partSlug: string;
  anchor: string;
  adoptedAt: Date;
}

/** A proposal behind a changed paragraph, as the comparison page links to it. */
export interface ProposalBehind {
  id: string;
  kind: ContributionKind;
  /** The first words of what was proposed. */
  excerpt: string;
}

const ADOPTABLE: readonly ContributionKind[] = ["tekstvoorstel", "nieuwe-alinea", "nieuw-deel"];
/** A new part from a proposal is a principle until the editor says otherwise in the draft. */
const NEW_PART_KIND = "principe";

const excerptOf = (text: string) => {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  return words.length > 12 ? `${words.slice(0, 12).join(" ")} …` : words.join(" ");
};

/**
 * Takes a proposal over into the draft: a text proposal replaces its paragraph, a new paragraph goes in
 * after the paragraph it was written on, a new part goes at the end with the proposed text as its first
 * paragraph. Then the status (`overgenomen` or `deels-overgenomen`, in the draft's version) with the
 * reason, as `decideStatus` does it. All in one transaction; audited as `cocreation.adopted`.
 */
export async function adoptIntoDraft(options: {
  db: Db;
  /** For the contributor's hourly share of notice mails (see decideStatus). */
  quotas: Quotas;
  actor: Actor;
  contributionId: string;
  input: StatusInput;
  origin: string;
}): Promise<Adoption> {
  const { input } = options;
  if (input.status !== "overgenomen" && input.status !== "deels-overgenomen") {
    throw new AppError("invalid", "problems.cocreation.adoptChooseStatus", {
      fields: { status: "problems.cocreation.adoptChooseStatus" },
    });
  }
  return options.db.transaction(async (tx) => {
    const [contribution] = await tx
      .select(contributionColumns)
      .from(cocreationContributions)
      .where(eq(cocreationContributions.id, options.contributionId))
      .for("update");
    if (!contribution) throw new AppError("not_found", NOT_FOUND);
    if (!ADOPTABLE.includes(contribution.kind)) {
      throw new AppError("conflict", "problems.cocreation.adoptOnlyText");
    }
    const draft = await getDraft({ db: tx });
    if (!draft) {
      throw new AppError("conflict", "problems.cocreation.adoptNoDraft");
    }
    const [earlier] = await tx
      .select({ anchor: cocreationAdoptions.anchor })
      .from(cocreationAdoptions)
      .where(
        and(
          eq(cocreationAdoptions.contributionId, contribution.id),
          eq(cocreationAdoptions.versionId, draft.id),
        ),
      );
    if (earlier) throw new AppError("conflict", "problems.cocreation.adoptAlready");

    const place = await applyToDraft(tx, draft.id, contribution);
    await tx.insert(cocreationAdoptions).values({
      contributionId: contribution.id,
      versionId: draft.id,
      partSlug: place.partSlug,
      anchor: place.anchor,
      adoptedBy: options.actor.id,
    });
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "cocreation.adopted",
      target: `bijdrage:${contribution.id}`,
      details: { version: draft.number, part: place.partSlug, anchor: place.anchor },
    });
    await decideStatus({
      db: tx,
      quotas: options.quotas,
      actor: options.actor,
      contributionId: contribution.id,
      input: { ...input, version: draft.number },
      origin: options.origin,
    });
    return { versionNumber: draft.number, ...place, adoptedAt: new Date() };
  });
}

/** Writes the proposal into the draft; where it landed. */
async function applyToDraft(
  tx: Db,
  versionId: string,
  contribution: ContributionRow,
): Promise<{ partSlug: string; anchor: string }> {
  const gone = () => new AppError("conflict", "problems.cocreation.adoptParagraphGone");
  if (contribution.kind === "nieuw-deel") {
    const { slug } = await addDraftPart({
      db: tx,
      versionId,
      title: contribution.title,
      summary: excerptOf(contribution.proposedText),
      kind: NEW_PART_KIND,
    });
    const { anchor } = await insertDraftBlockAfter({
      db: tx,
      versionId,
      partSlug: slug,
      afterAnchor: null,
      markdown: contribution.proposedText,
    });
    return { partSlug: slug, anchor };
  }
  const partSlug = contribution.partSlug ?? "";
  const anchor = contribution.anchor ?? "";
  try {
    if (contribution.kind === "tekstvoorstel") {
      await updateDraftBlock({ db: tx, versionId, partSlug, anchor, markdown: contribution.proposedText });
      return { partSlug, anchor };
    }
    const added = await insertDraftBlockAfter({
      db: tx,
      versionId,
      partSlug,
      afterAnchor: anchor,
      markdown: contribution.proposedText,
    });
    return { partSlug, anchor: added.anchor };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw gone();
    throw error;
  }
}

/** Where a proposal was taken over, newest version first. */
export async function listAdoptions(options: { db: Db; contributionId: string }): Promise<Adoption[]> {
  const rows = await options.db
    .select({
      versionNumber: guideVersions.number,
      partSlug: cocreationAdoptions.partSlug,
      anchor: cocreationAdoptions.anchor,
      adoptedAt: cocreationAdoptions.adoptedAt,
    })
    .from(cocreationAdoptions)
    .innerJoin(guideVersions, eq(guideVersions.id, cocreationAdoptions.versionId))
    .where(eq(cocreationAdoptions.contributionId, options.contributionId));
  return rows.sort((a, b) => b.versionNumber - a.versionNumber);
}

/**
 * The proposals behind the paragraphs changed between two versions: those taken over into any version
 * after `from` up to and including `to`, keyed `<part>#<anchor>`. Hidden contributions are left out.
 */
export async function proposalsBehind(options: {
  db: Db;
  from: number;
  to: number;
}): Promise<Record<string, ProposalBehind[]>> {
  if (options.to <= options.from) return {};
  const versions = await options.db
    .select({ id: guideVersions.id })
    .from(guideVersions)
    .where(and(gt(guideVersions.number, options.from), lte(guideVersions.number, options.to)));
  if (versions.length === 0) return {};
  const rows = await options.db
    .select({
      id: cocreationContributions.id,
      kind: cocreationContributions.kind,
      proposedText: cocreationContributions.proposedText,
      partSlug: cocreationAdoptions.partSlug,
      anchor: cocreationAdoptions.anchor,
      adoptedAt: cocreationAdoptions.adoptedAt,
    })
    .from(cocreationAdoptions)
    .innerJoin(cocreationContributions, eq(cocreationContributions.id, cocreationAdoptions.contributionId))
    .where(
      and(
        inArray(
          cocreationAdoptions.versionId,
          versions.map((version) => version.id),
        ),
        isNull(cocreationContributions.hiddenState),
      ),
    );
  const behind: Record<string, ProposalBehind[]> = {};
  for (const row of rows.sort((a, b) => a.adoptedAt.getTime() - b.adoptedAt.getTime())) {
    const key = `${row.partSlug}#${row.anchor}`;
    behind[key] = [
      ...(behind[key] ?? []),
      { id: row.id, kind: row.kind, excerpt: excerptOf(row.proposedText) },
    ];
  }
  return behind;
}
