// What a person typed in a step of the Dilemma-wijzer when their login had expired: kept encrypted for
// two hours behind a random token in the cookie `vm_concept`, and given back once, after they logged in
// again, to the step page of the same record. A draft is made without a session, so it belongs to no
// account and is not part of "my data"; it goes when it is taken, when it expires, or with its record.

import { and, asc, desc, eq, gt, inArray, lte, ne } from "drizzle-orm";
import { z } from "zod";
import { clearedCookie, secretCookie, secretFromCookies } from "../../infra/cookies.ts";
import type { Db } from "../../infra/db.server.ts";
import type { Keyring } from "../../infra/encryption.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import { deliberationPendingDrafts, deliberations } from "./deliberation.schema.ts";

/** The draft cookie's name; over HTTPS it goes by `__Host-vm_concept` (app/infra/cookies.ts). */
export const PENDING_DRAFT_COOKIE = "vm_concept";
/** How long a draft waits for its writer to log in again, in the table and in the cookie. */
export const PENDING_DRAFT_SECONDS = 2 * 60 * 60;
/** The typed fields as JSON; far above seven steps of form fields, far below filling a disk. */
export const PENDING_DRAFT_MAX_BYTES = 64 * 1024;
/** Drafts kept per record: anyone can post to a record's address without a session, so this is bounded. */
export const PENDING_DRAFTS_PER_RECORD = 20;

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const drafts = deliberationPendingDrafts;
// A draft is bound to its record and that record's owner: moved to another record or account in the
// database, it no longer decrypts. Drafts written before (format v1) were bound to their id alone.
const contextOf = (draft: { id: string; deliberationId: string; ownerId: string }) =>
  `pending-drafts:${draft.id}:${draft.deliberationId}:${draft.ownerId}`;
const legacyContextOf = (id: string) => `pending-drafts:${id}`;

const Patch = z.record(z.string(), z.unknown());
const DraftInput = z.object({
  deliberationId: Id,
  step: z.int().min(1).max(7),
  revision: z.int().min(0).max(2_147_483_647),
  patch: Patch,
});

export interface PendingDraft {
  step: number;
  revision: number;
  /** The typed fields as they came in; the caller validates them as it does any save. */
  patch: Record<string, unknown>;
}

function patchJson(patch: Record<string, unknown>): string {
  const json = JSON.stringify(patch);
  if (Buffer.byteLength(json, "utf8") > PENDING_DRAFT_MAX_BYTES) {
    throw new AppError(
      "too_large",
      message("problems.deliberation.draftTooLarge", { kb: PENDING_DRAFT_MAX_BYTES / 1024 }),
    );
  }
  return json;
}

function open(keyring: Keyring, row: typeof drafts.$inferSelect, ownerId: string): PendingDraft {
  const text = keyring.decrypt(row.content, contextOf({ ...row, ownerId }), {
    legacyContext: legacyContextOf(row.id),
  });
  return { step: row.step, revision: row.revision, patch: Patch.parse(JSON.parse(text)) };
}

/**
 * Keeps a step's typed fields for a record until its writer has logged in again; gives the token for
 * the cookie. For an address that is no record nothing is stored, but a token is returned all the same,
 * so an anonymous caller learns nothing about which records exist.
 */
export async function keepPendingDraft(options: {
  db: Db;
  keyring: Keyring;
  deliberationId: string;
  step: number;
  revision: number;
  patch: Record<string, unknown>;
}): Promise<string> {
  const parsed = DraftInput.safeParse(options);
  if (!parsed.success) {
    throw new AppError("invalid", "problems.deliberation.draftUnknown");
  }
  const input = parsed.data;
  const id = crypto.randomUUID();
  const json = patchJson(input.patch);
  const token = createSecret();
  await options.db.transaction(async (tx) => {
    // The key-share lock keeps the record from being deleted before the insert, whose foreign key would
    // otherwise fail.
    const [record] = await tx
      .select({ id: deliberations.id, ownerId: deliberations.ownerId })
      .from(deliberations)
      .where(eq(deliberations.id, input.deliberationId))
      .for("key share");
    if (!record) return;
    await tx.insert(drafts).values({
      id,
      tokenHash: hashSecret(token),
      deliberationId: record.id,
      step: input.step,
      revision: input.revision,
      content: options.keyring.encrypt(
        json,
        contextOf({ id, deliberationId: record.id, ownerId: record.ownerId }),
      ),
      expiresAt: new Date(Date.now() + PENDING_DRAFT_SECONDS * 1000),
    });
    await dropSurplusDrafts({ db: tx, deliberationId: record.id, keep: id });
  });
  return token;
}

// The newest drafts stay, the one just kept always among them (timestamps can tie).
async function dropSurplusDrafts(options: { db: Db; deliberationId: string; keep: string }): Promise<void> {
  const surplus = options.db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.deliberationId, options.deliberationId), ne(drafts.id, options.keep)))
    .orderBy(desc(drafts.createdAt), asc(drafts.id))
    .offset(PENDING_DRAFTS_PER_RECORD - 1);
  await options.db.delete(drafts).where(inArray(drafts.id, surplus));
}

/**
 * Takes the live draft behind a token for this record, once: it is deleted as it is read. Nothing for
 * an unknown, expired or used token, or one kept for another record. The caller has checked that the
 * person logged in owns the record. A draft that cannot be decrypted stays (and the error is thrown),
 * so a missing key loses nothing that restoring the key would bring back.
 */
export async function takePendingDraft(options: {
  db: Db;
  keyring: Keyring;
  token: string;
  deliberationId: string;
}): Promise<PendingDraft | undefined> {
  if (!Id.safeParse(options.deliberationId).success) return undefined;
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(drafts)
      .where(
        and(
          eq(drafts.tokenHash, hashSecret(options.token)),
          eq(drafts.deliberationId, options.deliberationId),
          gt(drafts.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!row) return undefined;
    const [record] = await tx
      .select({ ownerId: deliberations.ownerId })
      .from(deliberations)
      .where(eq(deliberations.id, row.deliberationId));
    if (!record) return undefined;
    return open(options.keyring, row, record.ownerId);
  });
}

/**
 * What a step page does with a draft that was kept while the login ran out: restore it on this step;
 * or, when it was kept on another step, keep it again under a new token and send the person there;
 * or nothing, when there is no draft (any more). Either way the old token is used up.
 */
export async function resumePendingDraft(options: {
  db: Db;
  keyring: Keyring;
  token: string;
  deliberationId: string;
  step: number;
}): Promise<
  | { kind: "none" }
  | { kind: "restore"; values: Record<string, unknown>; revision: number }
  | { kind: "elsewhere"; step: number; token: string }
> {
  const draft = await takePendingDraft(options);
  if (!draft) return { kind: "none" };
  if (draft.step === options.step) return { kind: "restore", values: draft.patch, revision: draft.revision };
  const token = await keepPendingDraft({
    db: options.db,
    keyring: options.keyring,
    deliberationId: options.deliberationId,
    ...draft,
  });
  return { kind: "elsewhere", step: draft.step, token };
}

/** Deletes expired drafts (run by the maintenance timer); gives how many. */
export async function prunePendingDrafts(options: { db: Db }): Promise<number> {
  const deleted = await options.db
    .delete(drafts)
    .where(lte(drafts.expiresAt, new Date()))
    .returning({ id: drafts.id });
  return deleted.length;
}

/** Writes every draft again with the current key and format (for `vakmanschap key rotate`); gives how many. */
export async function reencryptPendingDrafts(options: { db: Db; keyring: Keyring }): Promise<number> {
  let rewritten = 0;
  const rows = await options.db
    .select({ draft: drafts, ownerId: deliberations.ownerId })
    .from(drafts)
    .innerJoin(deliberations, eq(deliberations.id, drafts.deliberationId));
  for (const { draft: row, ownerId } of rows) {
    if (!options.keyring.isStale(row.content)) continue;
    const { patch } = open(options.keyring, row, ownerId);
    await options.db
      .update(drafts)
      .set({ content: options.keyring.encrypt(patchJson(patch), contextOf({ ...row, ownerId })) })
      .where(and(eq(drafts.id, row.id), eq(drafts.content, row.content)));
    rewritten++;
  }
  return rewritten;
}

/** The Set-Cookie value that hands a draft's token to the browser. */
export function pendingDraftCookie(token: string, options: { secure: boolean }): string {
  if (!TOKEN.test(token)) throw new Error("a pending draft's token must be a base64url secret");
  return secretCookie({
    name: PENDING_DRAFT_COOKIE,
    secret: token,
    maxAgeSeconds: PENDING_DRAFT_SECONDS,
    secure: options.secure,
  });
}

export function clearPendingDraftCookie(options: { secure: boolean }): string {
  return clearedCookie({ name: PENDING_DRAFT_COOKIE, secure: options.secure });
}

export function pendingDraftTokenFrom(
  cookieHeader: string | null | undefined,
  options: { secure: boolean },
): string | undefined {
  return secretFromCookies(cookieHeader, { name: PENDING_DRAFT_COOKIE, secure: options.secure });
}
