// Login sessions: a random secret in an HttpOnly cookie, its hash in the database, an idle and an
// absolute lifetime. A new session is made at every login (rotation), and logout deletes it.
import { eq, lt, or } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import { sessions, users } from "./accounts.schema.ts";
import type { User } from "./accounts.server.ts";

export const SESSION_COOKIE = "vm_sessie";
type SessionConfig = Pick<Config, "sessionIdleMinutes" | "sessionAbsoluteHours">;

// Writing last_seen on every request would turn each page view into a write; a minute is precise
// enough for an idle timeout measured in hours.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(options: { db: Db; userId: string; config: SessionConfig }) {
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

export async function endAllSessions(options: { db: Db; userId: string }): Promise<void> {
  await options.db.delete(sessions).where(eq(sessions.userId, options.userId));
}

/** Removes sessions that can no longer be used (run by the maintenance timer). */
export async function pruneSessions(options: { db: Db; config: SessionConfig }): Promise<void> {
  const idleBefore = new Date(Date.now() - options.config.sessionIdleMinutes * 60_000);
  await options.db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleBefore)));
}

export function sessionCookie(options: { secret: string; expiresAt: Date; secure: boolean }): string {
  const maxAge = Math.max(0, Math.floor((options.expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${options.secret}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}

export function sessionSecretFrom(cookieHeader: string | null | undefined): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`).exec(
    cookieHeader ?? "",
  );
  return match?.[1];
}
