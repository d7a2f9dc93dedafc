// The editors' decisions on contributions: a public status with a reason, kept as a history, written to
// the audit log, and told to the contributor.
import { eq } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import type { Quotas } from "../../infra/quotas.server.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import {
  cocreationContributions,
  cocreationStatusChanges,
  contributionColumns,
} from "./cocreation.schema.ts";
import type { StatusInput } from "./cocreation.validation.ts";
import { NOT_FOUND } from "./contributions.server.ts";
import { notifyContributor } from "./notifications.server.ts";

/**
 * Sets the status of a contribution. `overgenomen` and `deels-overgenomen` name the version number
 * (the schema asks for it); the decisive statuses need a reason. Audited as `cocreation.status`.
 */
export async function decideStatus(options: {
  db: Db;
  /** For the contributor's hourly share of notice mails. */
  quotas: Quotas;
  actor: Actor;
  contributionId: string;
  input: StatusInput;
  origin: string;
}) {
  const { input } = options;
  const adopted = input.status === "overgenomen" || input.status === "deels-overgenomen";
  const adoptedInVersion = adopted ? (input.version ?? null) : null;
  return options.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cocreationContributions)
      .set({ status: input.status, statusReason: input.reason, adoptedInVersion, updatedAt: new Date() })
      .where(eq(cocreationContributions.id, options.contributionId))
      .returning(contributionColumns);
    if (!updated) throw new AppError("not_found", NOT_FOUND);
    await tx.insert(cocreationStatusChanges).values({
      contributionId: updated.id,
      status: input.status,
      reason: input.reason,
      adoptedInVersion,
      decidedBy: options.actor.id,
    });
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "cocreation.status",
      target: `bijdrage:${updated.id}`,
      details: { status: input.status, ...(adoptedInVersion ? { version: adoptedInVersion } : {}) },
    });
    if (updated.authorId && updated.authorId !== options.actor.id) {
      await notifyContributor({
        db: tx,
        quotas: options.quotas,
        userId: updated.authorId,
        contributionId: updated.id,
        notice: { kind: "status", status: input.status, reason: input.reason, adoptedInVersion },
        origin: options.origin,
      });
    }
    return updated;
  });
}
