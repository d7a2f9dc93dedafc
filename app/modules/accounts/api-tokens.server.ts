// Personal API tokens for integrations: shown once at creation, stored as a hash, revocable, sent as
// `Authorization: Bearer`. Making and revoking one is audited.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { User } from "./accounts.schema.ts";
import { apiTokens, users } from "./accounts.schema.ts";
import { recordAudit } from "./audit.server.ts";
import type { Actor } from "./authorization.ts";

export const API_TOKEN_PREFIX = "vmt_";
const TOUCH_AFTER_MS = 60_000;

/** A new token, within the person's hourly quota of new tokens; the token itself is returned only here. */
export async function createApiToken(options: {
  db: Db;
  quotas: Quotas;
  userId: string;
  name: string;
  /** Who made it: the person themselves unless given (`null`: the command line). */
  actor?: Actor | null;
}) {
  await spendQuota({ db: options.db, quotas: options.quotas, kind: "apiToken", userId: options.userId });
  const token = createSecret(API_TOKEN_PREFIX);
  const [row] = await options.db
    .insert(apiTokens)
    .values({ userId: options.userId, name: options.name, tokenHash: hashSecret(token) })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error("insert of API token returned nothing");
  await auditTokenChange({ ...options, action: "token.created", tokenId: row.id });
  return { id: row.id, token };
}

export async function listApiTokens(options: { db: Db; userId: string }) {
  return options.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, options.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(options: {
  db: Db;
  userId: string;
  tokenId: string;
  /** Who revoked it: the person themselves unless given. */
  actor?: Actor | null;
}): Promise<void> {
  const revoked = await options.db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.id, options.tokenId),
        eq(apiTokens.userId, options.userId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw new AppError("not_found", "problems.accounts.tokenGone");
  await auditTokenChange({ ...options, action: "token.revoked" });
}

// A token acts as its person: making and revoking one are in the audit log, with the token's name.
async function auditTokenChange(options: {
  db: Db;
  userId: string;
  tokenId: string;
  actor?: Actor | null;
  action: "token.created" | "token.revoked";
}): Promise<void> {
  const [token] = await options.db
    .select({ name: apiTokens.name, email: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, options.tokenId));
  if (!token) return;
  await recordAudit({
    db: options.db,
    actor: options.actor === undefined ? { id: options.userId, email: token.email } : options.actor,
    action: options.action,
    target: token.email,
    details: { name: token.name, token: options.tokenId },
  });
}

/** The person behind a Bearer token, or nothing. */
export async function authenticateApiToken(options: { db: Db; token: string }): Promise<User | undefined> {
  if (!options.token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const [row] = await options.db
    .select({ user: users, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(options.token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await options.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return row.user;
}
