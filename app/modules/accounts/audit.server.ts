// The audit log of privileged actions: who, what, when, on what. Never the content of private work.
// The application only adds rows. The one change it makes is at an account's deletion, when that
// person's e-mail address is replaced by `deletedAccountLabel` (their account's random id): the rows
// then no longer name them, but still say that one and the same account did and underwent these things.
import { desc } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { auditLog } from "./accounts.schema.ts";
import type { Actor } from "./authorization.ts";

/**
 * What stands in the log for a deleted account, as actor and as target: its id, random and meaningless
 * once the account row is gone, and kept as `actor_id` in the rows it acted in. Stable, so the rows stay
 * linkable to each other.
 */
export function deletedAccountLabel(userId: string): string {
  return `verwijderd account ${userId}`;
}

/**
 * Every action the log records, closed like `PERMISSIONS`: a new one is added here, and so must be
 * listed in `docs/privacy.md` (a test compares the two). Rows written before this list may hold others.
 */
export const AUDIT_ACTIONS = [
  // accounts
  "user.roles",
  "token.created",
  "token.revoked",
  "account.sso-linked",
  "account.logged-out-everywhere",
  // the operator's command line
  "user.add",
  "user.login-link",
  "key.rotate",
  "database.backup",
  "database.restore",
  // guide
  "guide.draft.created",
  "guide.draft.imported",
  "guide.draft.discarded",
  "guide.version.published",
  // dilemma cards sent in
  "dilemma.published",
  "dilemma.declined",
  // Meedenken
  "cocreation.status",
  "cocreation.adopted",
  "cocreation.hidden",
  "cocreation.restored",
  "cocreation.reported-hidden",
  // kris-kras
  "kriskras.round.created",
  "kriskras.organiser.added",
  "kriskras.organiser.removed",
  "kriskras.slot.removed",
  "kriskras.round.published",
  // insights
  "insights.year.published",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export async function recordAudit(options: {
  db: Db;
  actor: Pick<Actor, "id" | "email"> | null;
  action: AuditAction;
  target: string;
  details?: Record<string, unknown>;
}): Promise<void> {
  await options.db.insert(auditLog).values({
    actorId: options.actor?.id ?? null,
    actorEmail: options.actor?.email ?? "systeem",
    action: options.action,
    target: options.target,
    details: options.details ?? {},
  });
}

export async function listAudit(options: { db: Db; limit?: number }) {
  return options.db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit ?? 200);
}
