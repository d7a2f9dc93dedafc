// Moderation: anyone logged in reports a contribution or a reply once; at the threshold it is hidden
// until an editor looks. Editors hide or restore, always with a reason the public reads (hidden) or the
// audit log keeps (restored). Reports made before an editor's decision no longer count.
import { and, count, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import type { PageCacheControl } from "../../infra/services.server.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import { cocreationContributions, cocreationReplies, cocreationReports } from "./cocreation.schema.ts";
import type { ModerationInput } from "./cocreation.validation.ts";
import type { ReportTarget } from "./cocreation-kinds.ts";
import { NOT_FOUND, REPLY_NOT_FOUND } from "./contributions.server.ts";

export interface Target {
  kind: ReportTarget;
  id: string;
}

function tableOf(kind: ReportTarget) {
  return kind === "bijdrage" ? cocreationContributions : cocreationReplies;
}

async function requireTarget(db: Db, target: Target) {
  const table = tableOf(target.kind);
  const [row] = await db
    .select({
      id: table.id,
      hiddenState: table.hiddenState,
      moderatedAt: table.moderatedAt,
      contributionId:
        target.kind === "bijdrage" ? cocreationContributions.id : cocreationReplies.contributionId,
    })
    .from(table)
    .where(eq(table.id, target.id))
    .for("update");
  if (!row) throw new AppError("not_found", target.kind === "bijdrage" ? NOT_FOUND : REPLY_NOT_FOUND);
  return row;
}

/**
 * Reports a contribution or reply, within the reporter's hourly quota. A second report by the same
 * person is refused (`conflict`, and costs no quota). Returns whether it is hidden now, and the
 * contribution it belongs to. Hiding changes the guide's pages (their counts), so their cache is dropped.
 */
export async function reportItem(options: {
  db: Db;
  pageCache: PageCacheControl;
  quotas: Quotas;
  actor: Actor;
  target: Target;
  reason: string;
  threshold: number;
}): Promise<{ hidden: boolean; contributionId: string }> {
  const result = await options.db.transaction(async (tx) => {
    const row = await requireTarget(tx, options.target);
    await spendQuota({ db: tx, quotas: options.quotas, kind: "report", userId: options.actor.id });
    const inserted = await tx
      .insert(cocreationReports)
      .values({
        targetKind: options.target.kind,
        targetId: row.id,
        userId: options.actor.id,
        reason: options.reason,
      })
      .onConflictDoNothing()
      .returning({ id: cocreationReports.id });
    if (inserted.length === 0) {
      throw new AppError("conflict", "problems.cocreation.alreadyReported");
    }
    if (row.hiddenState !== null) return { hidden: true, contributionId: row.contributionId };
    const since: SQL[] = [
      eq(cocreationReports.targetKind, options.target.kind),
      eq(cocreationReports.targetId, row.id),
    ];
    if (row.moderatedAt) since.push(gt(cocreationReports.createdAt, row.moderatedAt));
    const [counted] = await tx
      .select({ total: count() })
      .from(cocreationReports)
      .where(and(...since));
    if ((counted?.total ?? 0) < options.threshold)
      return { hidden: false, contributionId: row.contributionId };
    const table = tableOf(options.target.kind);
    await tx
      .update(table)
      .set({ hiddenState: "in-afwachting", hiddenReason: "" })
      .where(and(eq(table.id, row.id), isNull(table.hiddenState)));
    await recordAudit({
      db: tx,
      actor: null,
      action: "cocreation.reported-hidden",
      target: `${options.target.kind}:${row.id}`,
      details: { reports: counted?.total ?? 0 },
    });
    return { hidden: true, contributionId: row.contributionId, newlyHidden: true };
  });
  if ("newlyHidden" in result) await options.pageCache.invalidate("guide");
  return { hidden: result.hidden, contributionId: result.contributionId };
}

/**
 * An editor hides (the public reads the reason instead of the text) or restores, with a reason; the
 * guide's cached pages count visible contributions, so they are dropped.
 */
export async function moderateItem(options: {
  db: Db;
  pageCache: PageCacheControl;
  actor: Actor;
  target: Target;
  input: ModerationInput;
}): Promise<{ contributionId: string }> {
  const result = await options.db.transaction(async (tx) => {
    const row = await requireTarget(tx, options.target);
    const hide = options.input.action === "verbergen";
    const table = tableOf(options.target.kind);
    await tx
      .update(table)
      .set({
        hiddenState: hide ? "verborgen" : null,
        hiddenReason: hide ? options.input.reason : "",
        moderatedAt: new Date(),
      })
      .where(eq(table.id, row.id));
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: hide ? "cocreation.hidden" : "cocreation.restored",
      target: `${options.target.kind}:${row.id}`,
      details: { reason: options.input.reason },
    });
    return { contributionId: row.contributionId };
  });
  await options.pageCache.invalidate("guide");
  return result;
}

/** How many items wait for an editor because reports hid them: for the queue's heading. */
export async function countAwaitingReview(options: { db: Db }): Promise<number> {
  const [contributions, replies] = await Promise.all([
    options.db
      .select({ total: count() })
      .from(cocreationContributions)
      .where(eq(cocreationContributions.hiddenState, "in-afwachting")),
    options.db
      .select({ total: count() })
      .from(cocreationReplies)
      .where(eq(cocreationReplies.hiddenState, "in-afwachting")),
  ]);
  return (contributions[0]?.total ?? 0) + (replies[0]?.total ?? 0);
}
