// Cards people submit: anyone logged in may send one; editors review it, edit it, and publish it or
// decline it with a reason the submitter reads. Published cards are public; who sent them only when
// the submitter chose to show their name.
import { randomBytes } from "node:crypto";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import type { PageCacheControl } from "../../infra/services.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import { dilemmaCards } from "./dilemmas.schema.ts";
import type { DilemmaCardInput } from "./dilemmas.validation.ts";

/** Addresses under /dilemmas that are pages, not cards. */
const RESERVED = new Set(["nieuw", "mijn", "afdrukken"]);

export function slugFor(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base.length >= 3 && !RESERVED.has(base) ? base : `dilemma-${base}`.replace(/-+$/, "");
}

/**
 * Sends a card to the editors, within the sender's hourly quota. The address is made from the title,
 * unique with a short suffix if needed.
 */
export async function submitCard(options: {
  db: Db;
  quotas: Quotas;
  actor: Actor;
  card: DilemmaCardInput;
  anonymous: boolean;
}) {
  await spendQuota({ db: options.db, quotas: options.quotas, kind: "dilemmaCard", userId: options.actor.id });
  const base = slugFor(options.card.title);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const [created] = await options.db
      .insert(dilemmaCards)
      .values({
        ...options.card,
        slug,
        status: "ingediend",
        submittedBy: options.actor.id,
        anonymous: options.anonymous,
      })
      .onConflictDoNothing({ target: dilemmaCards.slug })
      .returning();
    if (created) return created;
  }
  throw new AppError("conflict", "problems.dilemmas.titleTaken");
}

export async function listOwnSubmissions(options: { db: Db; userId: string }) {
  return options.db
    .select({
      id: dilemmaCards.id,
      slug: dilemmaCards.slug,
      title: dilemmaCards.title,
      status: dilemmaCards.status,
      reviewNote: dilemmaCards.reviewNote,
      anonymous: dilemmaCards.anonymous,
      createdAt: dilemmaCards.createdAt,
    })
    .from(dilemmaCards)
    .where(eq(dilemmaCards.submittedBy, options.userId))
    .orderBy(desc(dilemmaCards.createdAt));
}

/** The editors' list: every submitted card, waiting ones first; editors see who sent each. */
export async function listSubmissions(options: { db: Db }) {
  return options.db
    .select({
      id: dilemmaCards.id,
      slug: dilemmaCards.slug,
      title: dilemmaCards.title,
      status: dilemmaCards.status,
      submitter: users.email,
      createdAt: dilemmaCards.createdAt,
    })
    .from(dilemmaCards)
    .leftJoin(users, eq(users.id, dilemmaCards.submittedBy))
    .where(sql`${dilemmaCards.submittedBy} is not null or ${dilemmaCards.status} <> 'gepubliceerd'`)
    .orderBy(sql`${dilemmaCards.status} = 'ingediend' desc`, desc(dilemmaCards.createdAt));
}

export async function getSubmission(options: { db: Db; id: string }) {
  const [row] = await options.db
    .select({ card: dilemmaCards, submitter: users.email })
    .from(dilemmaCards)
    .leftJoin(users, eq(users.id, dilemmaCards.submittedBy))
    .where(eq(dilemmaCards.id, options.id));
  if (!row) throw new AppError("not_found", "problems.dilemmas.submissionNotFound");
  return row;
}

/**
 * An editor's decision, with the card as the editor left it. Declining needs a reason, which the
 * submitter reads on their own page. Recorded in the audit log. Published cards appear in the library
 * and on the guide's principle pages, so both caches are dropped.
 */
export async function reviewSubmission(options: {
  db: Db;
  pageCache: PageCacheControl;
  actor: Actor;
  id: string;
  card: DilemmaCardInput;
  decision: "publiceren" | "afwijzen";
  note: string;
}) {
  const note = options.note.trim();
  if (options.decision === "afwijzen" && note.length < 5) {
    throw new AppError("invalid", "problems.dilemmas.declineReason", {
      fields: { reden: "problems.dilemmas.declineReason" },
    });
  }
  const reviewed = await options.db.transaction(async (tx) => {
    const publish = options.decision === "publiceren";
    const [card] = await tx
      .update(dilemmaCards)
      .set({
        ...options.card,
        status: publish ? "gepubliceerd" : "afgewezen",
        reviewNote: publish ? "" : note.slice(0, 1000),
        updatedAt: new Date(),
        publishedAt: publish ? sql`coalesce(${dilemmaCards.publishedAt}, now())` : null,
      })
      .where(eq(dilemmaCards.id, options.id))
      .returning();
    if (!card) throw new AppError("not_found", "problems.dilemmas.submissionNotFound");
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: publish ? "dilemma.published" : "dilemma.declined",
      target: card.slug,
    });
    return card;
  });
  await options.pageCache.invalidate("dilemmas");
  await options.pageCache.invalidate("guide");
  return reviewed;
}

/** What a person submitted; on deletion published cards stay without their name, the rest goes. */
export const submittedCards: PersonalDataSource = {
  name: "dilemmaCards",
  async export({ db, userId }) {
    return db
      .select({
        title: dilemmaCards.title,
        case: dilemmaCards.case,
        status: dilemmaCards.status,
        reviewNote: dilemmaCards.reviewNote,
        anonymous: dilemmaCards.anonymous,
        createdAt: dilemmaCards.createdAt,
      })
      .from(dilemmaCards)
      .where(eq(dilemmaCards.submittedBy, userId));
  },
  async erase({ db, userId }) {
    await db
      .delete(dilemmaCards)
      .where(and(eq(dilemmaCards.submittedBy, userId), ne(dilemmaCards.status, "gepubliceerd")));
    await db
      .update(dilemmaCards)
      .set({ submittedBy: null, anonymous: true })
      .where(eq(dilemmaCards.submittedBy, userId));
  },
};
