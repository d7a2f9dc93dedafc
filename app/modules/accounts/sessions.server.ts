// Login sessions: a random secret in an HttpOnly cookie, its hash in the database, an idle and an
// absolute lifetime. A new session is made at every login (rotation), and logout deletes it.
import { eq, lt, or } from "drizzle-orm";
import { clearedCookie, secretCookie, secretFromCookies } from "../../infra/cookies.ts";
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { User } from "./accounts.schema.ts";
import { sessions, users } from "./accounts.schema.ts";
import { recordAudit } from "./audit.server.ts";

/** The session cookie's name; over HTTPS it goes by `__Host-vm_sessie` (app/infra/cookies.ts). */
export const SESSION_COOKIE = "vm_sessie";
type SessionConfig = Pick<Config, "sessionIdleMinutes" | "sessionAbsoluteHours">;

// Writing last_seen on every request would turn each page view into a write; a minute is precise
// enough for an idle timeout measured in hours.
const TOUCH_AFTER_MS = 60_000;

/**
 * Starts a session at a login. `replaces` is the secret of the session this browser had until now, if
 * any: it ends, so a session the browser can no longer use does not linger until its idle time runs out.
 */
export async function createSession(options: {
  db: Db;
  userId: string;
  config: SessionConfig;
  replaces?: string;
}) {
  if (options.replaces) await endSession({ db: options.db, secret: options.replaces });
  const secret = createSecret();
  const expiresAt = new Date(Date.now() + options.config.sessionAbsoluteHours * 3_600_000);
  await options.db.insert(sessions).values({ idHash: hashSecret(secret), userId: options.userId, expiresAt });
  return { secret, expiresAt };
}

/** The person behind a session cookie, or nothing when it is unknown, idle too long or expired. */
export async function readSession(options: {
  db: Db;
  secret: string;
  config: SessionConfig;
}): Promise<User | undefined> {
  const idHash = hashSecret(options.secret);
  const [row] = await options.db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return undefined;
  const now = Date.now();
  const idleUntil = row.lastSeenAt.getTime() + options.config.sessionIdleMinutes * 60_000;
  if (row.expiresAt.getTime() <= now || idleUntil <= now) {
    await options.db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await options.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.idHash, idHash));
  }
  return row.user;
}

export async function endSession(options: { db: Db; secret: string }): Promise<void> {
  await options.db.delete(sessions).where(eq(sessions.idHash, hashSecret(options.secret)));
}

/** Ends every session of a person, in every browser; gives how many there were. */
export async function endAllSessions(options: { db: Db; userId: string }): Promise<number> {
  const ended = await options.db
    .delete(sessions)
    .where(eq(sessions.userId, options.userId))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}

/** "Log out everywhere": ends every session of the person, the one asking too; recorded in the audit log. */
export async function logOutEverywhere(options: { db: Db; user: User }): Promise<number> {
  return options.db.transaction(async (tx) => {
    const ended = await endAllSessions({ db: tx, userId: options.user.id });
    await recordAudit({
      db: tx,
      actor: { id: options.user.id, email: options.user.email },
      action: "account.logged-out-everywhere",
      target: options.user.email,
      details: { sessions: ended },
    });
    return ended;
  });
}

/** Removes sessions that can no longer be used (run by the maintenance timer). */
export async function pruneSessions(options: { db: Db; config: SessionConfig }): Promise<void> {
  const idleBefore = new Date(Date.now() - options.config.sessionIdleMinutes * 60_000);
  await options.db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleBefore)));
}

export function sessionCookie(options: { secret: string; expiresAt: Date; secure: boolean }): string {
  return secretCookie({
    name: SESSION_COOKIE,
    secret: options.secret,
    maxAgeSeconds: (options.expiresAt.getTime() - Date.now()) / 1000,
    secure: options.secure,
  });
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return clearedCookie({ name: SESSION_COOKIE, secure: options.secure });
}

export function sessionSecretFrom(
  cookieHeader: string | null | undefined,
  options: { secure: boolean },
): string | undefined {
  return secretFromCookies(cookieHeader, { name: SESSION_COOKIE, secure: options.secure });
}
