// Personal API tokens for integrations: shown once at creation, stored as a hash, revocable, sent as
// `Authorization: Bearer`.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import { apiTokens, users } from "./accounts.schema.ts";
import type { User } from "./accounts.server.ts";

export const API_TOKEN_PREFIX = "vmt_";
const TOUCH_AFTER_MS = 60_000;

/** A new token, within the person's hourly quota of new tokens; the token itself is returned only here. */
export async function createApiToken(options: { db: Db; quotas: Quotas; userId: string; name: string }) {
  await spendQuota({ db: options.db, quotas: options.quotas, kind: "apiToken", userId: options.userId });
  const token = createSecret(API_TOKEN_PREFIX);
  const [row] = await options.db
    .insert(apiTokens)
    .values({ userId: options.userId, name: options.name, tokenHash: hashSecret(token) })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error("insert of API token returned nothing");
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

export async function revokeApiToken(options: { db: Db; userId: string; tokenId: string }): Promise<void> {
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
  if (revoked.length === 0) throw new AppError("not_found", "Deze sleutel bestaat niet (meer).");
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
