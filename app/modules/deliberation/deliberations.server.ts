// Records of the Dilemma-wijzer: private to their owner, encrypted at rest, addressed by random ids.
// Anyone else asking for a record gets "not found", the same as for a record that does not exist. A
// save names the revision it was based on; a save based on an older one is refused with the current
// text, so two tabs never overwrite each other silently.

import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import type { Keyring } from "../../infra/encryption.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import { getPublishedCard } from "../dilemmas/dilemmas.server.ts";
import { recordStartFromCard } from "./card-start.ts";
import { deliberationShares, deliberations } from "./deliberation.schema.ts";
import { DeliberationContent, type DeliberationPatch, EMPTY_CONTENT } from "./deliberation.validation.ts";
import { filledSteps, STEP_COUNT } from "./deliberation-steps.ts";

export interface Deliberation {
  id: string;
  content: DeliberationContent;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const NOT_FOUND = "problems.deliberation.notFound";
// The owner is part of the authenticated data: a row moved to another account in the database no
// longer decrypts. Records written before that (format v1) were bound to their id alone.
const contextOf = (id: string, ownerId: string) => `deliberations:${id}:${ownerId}`;
const legacyContextOf = (id: string) => `deliberations:${id}`;

function seal(keyring: Keyring, row: { id: string; ownerId: string }, content: DeliberationContent): string {
  return keyring.encrypt(JSON.stringify(content), contextOf(row.id, row.ownerId));
}

function open(keyring: Keyring, row: typeof deliberations.$inferSelect): Deliberation {
  const text = keyring.decrypt(row.content, contextOf(row.id, row.ownerId), {
    legacyContext: legacyContextOf(row.id),
  });
  const content = DeliberationContent.parse(JSON.parse(text));
  return { id: row.id, content, revision: row.revision, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** A short title for lists: the start of the dilemma, or of the situation. */
export function titleOf(content: DeliberationContent): string {
  const source = [
    content.optionA && content.optionB ? `${content.optionA} of ${content.optionB}` : "",
    content.situation,
  ]
    .find((candidate) => candidate.trim().length > 0)
    ?.trim()
    .replace(/\s+/g, " ");
  if (!source) return "";
  return source.length > 90 ? `${source.slice(0, 87).trimEnd()}…` : source;
}

/** A new record for its owner, within the owner's hourly quota of new records. */
/** A record counts as finished from the moment its last step holds something (the insights count it). */
const isFinished = (content: DeliberationContent) => filledSteps(content).includes(STEP_COUNT);

export async function createDeliberation(options: {
  db: Db;
  quotas: Quotas;
  keyring: Keyring;
  ownerId: string;
  content?: DeliberationPatch;
}): Promise<Deliberation> {
  const id = crypto.randomUUID();
  const content = DeliberationContent.parse({ ...EMPTY_CONTENT, ...options.content });
  await spendQuota({ db: options.db, quotas: options.quotas, kind: "deliberation", userId: options.ownerId });
  const [row] = await options.db
    .insert(deliberations)
    .values({
      id,
      ownerId: options.ownerId,
      content: seal(options.keyring, { id, ownerId: options.ownerId }, content),
      finishedAt: isFinished(content) ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("insert of deliberation returned nothing");
  return open(options.keyring, row);
}

/**
 * A new record that starts from a published dilemma card (its situation and choices in steps 1 and 2),
 * within the same hourly quota. An unknown or unpublished card is a 404, and costs nothing.
 */
export async function createDeliberationFromCard(options: {
  db: Db;
  quotas: Quotas;
  keyring: Keyring;
  ownerId: string;
  cardSlug: string;
}): Promise<Deliberation> {
  const { cardSlug, ...rest } = options;
  const card = await getPublishedCard({ db: options.db, slug: cardSlug });
  return createDeliberation({ ...rest, content: recordStartFromCard(card) });
}

export async function getOwnDeliberation(options: {
  db: Db;
  keyring: Keyring;
  id: string;
  ownerId: string;
}): Promise<Deliberation> {
  if (!Id.safeParse(options.id).success) throw new AppError("not_found", NOT_FOUND);
  const [row] = await options.db
    .select()
    .from(deliberations)
    .where(and(eq(deliberations.id, options.id), eq(deliberations.ownerId, options.ownerId)));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return open(options.keyring, row);
}

export type SaveResult =
  | { saved: true; deliberation: Deliberation }
  | { saved: false; current: Deliberation };

/**
 * Merges one step's fields into the record, if nobody saved since `revision`. A patch that leaves the
 * record as it is counts as saved whatever its revision (a repeated autosave, a submit right after one).
 */
export async function saveDeliberation(options: {
  db: Db;
  keyring: Keyring;
  id: string;
  ownerId: string;
  revision: number;
  patch: DeliberationPatch;
}): Promise<SaveResult> {
  return options.db.transaction(async (tx) => {
    if (!Id.safeParse(options.id).success) throw new AppError("not_found", NOT_FOUND);
    const [row] = await tx
      .select()
      .from(deliberations)
      .where(and(eq(deliberations.id, options.id), eq(deliberations.ownerId, options.ownerId)))
      .for("update");
    if (!row) throw new AppError("not_found", NOT_FOUND);
    const current = open(options.keyring, row);
    const content = DeliberationContent.parse({ ...current.content, ...options.patch });
    // A save that changes nothing needs no write, and cannot conflict with anything.
    if (JSON.stringify(content) === JSON.stringify(current.content)) {
      return { saved: true, deliberation: current };
    }
    if (row.revision !== options.revision) return { saved: false, current };
    const [updated] = await tx
      .update(deliberations)
      .set({
        content: seal(options.keyring, row, content),
        revision: row.revision + 1,
        updatedAt: new Date(),
        ...(row.finishedAt === null && isFinished(content) ? { finishedAt: new Date() } : {}),
      })
      .where(eq(deliberations.id, row.id))
      .returning();
    if (!updated) throw new AppError("not_found", NOT_FOUND);
    return { saved: true, deliberation: open(options.keyring, updated) };
  });
}

export async function listOwnDeliberations(options: { db: Db; keyring: Keyring; ownerId: string }) {
  const rows = await options.db
    .select()
    .from(deliberations)
    .where(eq(deliberations.ownerId, options.ownerId))
    .orderBy(desc(deliberations.updatedAt));
  return rows.map((row) => {
    const deliberation = open(options.keyring, row);
    return { id: row.id, title: titleOf(deliberation.content), updatedAt: row.updatedAt };
  });
}

/** Deletes at once and for good, with its share links. */
export async function deleteDeliberation(options: { db: Db; id: string; ownerId: string }): Promise<void> {
  if (!Id.safeParse(options.id).success) throw new AppError("not_found", NOT_FOUND);
  const deleted = await options.db
    .delete(deliberations)
    .where(and(eq(deliberations.id, options.id), eq(deliberations.ownerId, options.ownerId)))
    .returning({ id: deliberations.id });
  if (deleted.length === 0) throw new AppError("not_found", NOT_FOUND);
}

/** A read-only link for a colleague or manager; the token is returned once and stored as a hash. */
export async function createShareLink(options: { db: Db; id: string; ownerId: string; origin: string }) {
  const [own] = Id.safeParse(options.id).success
    ? await options.db
        .select({ id: deliberations.id })
        .from(deliberations)
        .where(and(eq(deliberations.id, options.id), eq(deliberations.ownerId, options.ownerId)))
    : [];
  if (!own) throw new AppError("not_found", NOT_FOUND);
  const token = createSecret();
  const [share] = await options.db
    .insert(deliberationShares)
    .values({ deliberationId: own.id, tokenHash: hashSecret(token) })
    .returning();
  if (!share) throw new Error("insert of share link returned nothing");
  return { id: share.id, url: `${options.origin}/afwegen/gedeeld/${token}` };
}

export async function listShareLinks(options: { db: Db; id: string; ownerId: string }) {
  return options.db
    .select({ id: deliberationShares.id, createdAt: deliberationShares.createdAt })
    .from(deliberationShares)
    .innerJoin(deliberations, eq(deliberations.id, deliberationShares.deliberationId))
    .where(
      and(
        eq(deliberations.id, options.id),
        eq(deliberations.ownerId, options.ownerId),
        isNull(deliberationShares.revokedAt),
      ),
    )
    .orderBy(desc(deliberationShares.createdAt));
}

export async function revokeShareLink(options: { db: Db; shareId: string; ownerId: string }): Promise<void> {
  if (!Id.safeParse(options.shareId).success)
    throw new AppError("not_found", "problems.deliberation.shareNotFound");
  const [share] = await options.db
    .select({ id: deliberationShares.id })
    .from(deliberationShares)
    .innerJoin(deliberations, eq(deliberations.id, deliberationShares.deliberationId))
    .where(and(eq(deliberationShares.id, options.shareId), eq(deliberations.ownerId, options.ownerId)));
  if (!share) throw new AppError("not_found", "problems.deliberation.shareNotFound");
  await options.db
    .update(deliberationShares)
    .set({ revokedAt: new Date() })
    .where(eq(deliberationShares.id, share.id));
}

/** The record behind a live share link; a revoked or unknown link is "not found". */
export async function readSharedDeliberation(options: { db: Db; keyring: Keyring; token: string }) {
  const [row] = await options.db
    .select({ deliberation: deliberations })
    .from(deliberationShares)
    .innerJoin(deliberations, eq(deliberations.id, deliberationShares.deliberationId))
    .where(
      and(eq(deliberationShares.tokenHash, hashSecret(options.token)), isNull(deliberationShares.revokedAt)),
    );
  if (!row) throw new AppError("not_found", "problems.deliberation.shareGone");
  return open(options.keyring, row.deliberation);
}

/** Writes every record again with the current key and format; gives how many were rewritten. */
export async function reencryptDeliberations(options: { db: Db; keyring: Keyring }): Promise<number> {
  let rewritten = 0;
  const rows = await options.db.select().from(deliberations);
  for (const row of rows) {
    if (!options.keyring.isStale(row.content)) continue;
    const { content } = open(options.keyring, row);
    await options.db
      .update(deliberations)
      .set({ content: seal(options.keyring, row, content) })
      .where(and(eq(deliberations.id, row.id), eq(deliberations.content, row.content)));
    rewritten++;
  }
  return rewritten;
}

/** A person's own records are private work: in their download, and deleted with their account. */
export function deliberationsSource(keyring: Keyring): PersonalDataSource {
  return {
    name: "deliberations",
    async export({ db, userId }) {
      const rows = await db.select().from(deliberations).where(eq(deliberations.ownerId, userId));
      return rows.map((row) => {
        const record = open(keyring, row);
        return {
          id: record.id,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          finishedAt: row.finishedAt,
          ...record.content,
        };
      });
    },
    async erase({ db, userId }) {
      await db.delete(deliberations).where(eq(deliberations.ownerId, userId));
    },
  };
}
