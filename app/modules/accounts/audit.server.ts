// The audit log of privileged actions: who, what, when, on what. Never the content of private work.
import { desc } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { auditLog } from "./accounts.schema.ts";
import type { Actor } from "./authorization.ts";

export async function recordAudit(options: {
  db: Db;
  actor: Actor | null;
  action: string;
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
