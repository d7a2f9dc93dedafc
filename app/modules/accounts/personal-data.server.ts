// What the platform holds about a person, capability by capability, so that "download my data" and
// "delete my account" stay complete as capabilities are added: each one adds its source to the list.
// On deletion, a person's contributions stay but become anonymous; their private work is deleted.
import { eq, or, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { apiTokens, auditLog, loginTokens, sessions, userIdentities, users } from "./accounts.schema.ts";
import { deletedAccountLabel } from "./audit.server.ts";

export interface PersonalDataSource {
  /** The key in the exported JSON. */
  name: string;
  export(options: { db: Db; userId: string; email: string }): Promise<unknown>;
  /** Deletes or anonymises this source's data; runs inside the deletion's transaction. */
  erase(options: { db: Db; userId: string; email: string }): Promise<void>;
}

const account: PersonalDataSource = {
  name: "account",
  async export({ db, userId }) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [userSessions, tokens, identities] = await Promise.all([
      db
        .select({
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId)),
      db
        .select({
          name: apiTokens.name,
          createdAt: apiTokens.createdAt,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId)),
      db
        .select({
          issuer: userIdentities.issuer,
          subject: userIdentities.subject,
          createdAt: userIdentities.createdAt,
        })
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId)),
    ]);
    return {
      profile: user && {
        email: user.email,
        name: user.name,
        organisation: user.organisation,
        workKind: user.workKind,
        roles: user.roles,
        createdAt: user.createdAt,
        lastLoginAt: user.lastLoginAt,
      },
      sessions: userSessions,
      apiTokens: tokens,
      /** Accounts at organisations' login services (single sign-on) linked to this one. */
      singleSignOn: identities,
    };
  },
  async erase({ db, userId, email }) {
    await db.delete(loginTokens).where(eq(loginTokens.email, email));
    // Sessions, identities and API tokens go with the account (foreign keys with cascade).
    await db.delete(users).where(eq(users.id, userId));
  },
};

const audit: PersonalDataSource = {
  name: "auditLog",
  async export({ db, userId, email }) {
    return db
      .select({ at: auditLog.at, action: auditLog.action, target: auditLog.target, byYou: auditLog.actorId })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, userId), eq(auditLog.target, email)))
      .then((rows) => rows.map((row) => ({ ...row, byYou: row.byYou === userId })));
  },
  // The log keeps what happened and that it was one and the same account (its random id stays in
  // `actor_id` and stands in for the address); it stops saying who that was.
  async erase({ db, userId, email }) {
    const label = deletedAccountLabel(userId);
    await db.update(auditLog).set({ actorEmail: label }).where(eq(auditLog.actorId, userId));
    await db.update(auditLog).set({ target: label }).where(eq(auditLog.target, email));
    await db
      .update(auditLog)
      .set({ details: sql`jsonb_set(${auditLog.details}, '{email}', to_jsonb(${label}::text))` })
      .where(sql`${auditLog.details}->>'email' = ${email}`);
  },
};

/** This module's sources: the audit log, and the account itself (erased last). */
export const ACCOUNT_SOURCES = { audit, account } as const;

type Sources = readonly PersonalDataSource[];

export async function exportPersonalData(options: {
  db: Db;
  userId: string;
  email: string;
  sources: Sources;
}) {
  const data: Record<string, unknown> = { exportedAt: new Date().toISOString() };
  for (const source of options.sources) data[source.name] = await source.export(options);
  return data;
}

/** Deletes the account and everything private; anonymises what stays. All or nothing. */
export async function deletePersonalData(options: {
  db: Db;
  userId: string;
  email: string;
  sources: Sources;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    // Nobody could give roles any more: the last operator must first hand the role to someone else.
    const operators = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`'beheerder' = any(${users.roles})`)
      .for("update");
    if (operators.length === 1 && operators[0]?.id === options.userId) {
      throw new AppError("conflict", "problems.accounts.onlyAdministrator");
    }
    for (const source of options.sources) await source.erase({ ...options, db: tx });
  });
}
