// People and their roles.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type User, users } from "./accounts.schema.ts";
import { recordAudit } from "./audit.server.ts";
import type { Actor, Role } from "./authorization.ts";
import { endAllSessions } from "./sessions.server.ts";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(options: { db: Db; email: string }): Promise<User | undefined> {
  const [user] = await options.db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(options.email)));
  return user;
}

export async function getUser(options: { db: Db; id: string }): Promise<User | undefined> {
  const [user] = await options.db.select().from(users).where(eq(users.id, options.id));
  return user;
}

export function actorOf(user: User): Actor {
  return { id: user.id, email: user.email, roles: user.roles };
}

/** The account for an address, made on first use. */
export async function upsertUser(options: { db: Db; email: string; name?: string }): Promise<User> {
  const email = normaliseEmail(options.email);
  const [user] = await options.db
    .insert(users)
    .values({ email, name: options.name ?? "" })
    .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
    .returning();
  if (!user) throw new Error("upsert of user returned nothing");
  return user;
}

export async function listUsers(options: { db: Db }): Promise<User[]> {
  return options.db.select().from(users).orderBy(asc(users.email));
}

/**
 * Gives a person exactly these extra roles; recorded in the audit log. When a role is taken away, the
 * person's sessions end: they log in again and meet their new rights on a fresh page, and a browser
 * they left open somewhere no longer shows what the role let them see.
 */
export async function setUserRoles(options: { db: Db; userId: string; roles: Role[]; actor: Actor | null }) {
  const roles = [...new Set(options.roles.filter((role) => role !== "ambtenaar"))].sort();
  return options.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ roles: users.roles })
      .from(users)
      .where(eq(users.id, options.userId))
      .for("update");
    if (!before) throw new AppError("not_found", "problems.accounts.userMissing");
    const [user] = await tx.update(users).set({ roles }).where(eq(users.id, options.userId)).returning();
    if (!user) throw new AppError("not_found", "problems.accounts.userMissing");
    // Nobody could give roles any more: the last operator keeps the role.
    if (before.roles.includes("beheerder") && !roles.includes("beheerder")) {
      const [operators] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`'beheerder' = any(${users.roles})`);
      if ((operators?.n ?? 0) === 0) {
        throw new AppError("conflict", "problems.accounts.lastAdministrator");
      }
    }
    const reduced = before.roles.some((role) => role !== "ambtenaar" && !roles.includes(role));
    const endedSessions = reduced ? await endAllSessions({ db: tx, userId: user.id }) : 0;
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "user.roles",
      target: user.email,
      details: reduced ? { roles, endedSessions } : { roles },
    });
    return user;
  });
}

export async function updateProfile(options: {
  db: Db;
  userId: string;
  profile: { name: string; organisation: string; workKind: string };
}): Promise<User> {
  const [user] = await options.db
    .update(users)
    .set(options.profile)
    .where(eq(users.id, options.userId))
    .returning();
  if (!user) throw new AppError("not_found", "problems.accounts.accountGone");
  return user;
}
