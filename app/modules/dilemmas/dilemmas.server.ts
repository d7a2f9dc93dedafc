// The dilemma library: published cards with filters, one card, the cards of a principle, and search.
import { and, arrayContains, asc, count, eq, max, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { getCurrentVersion, listParts } from "../guide/guide.server.ts";
import { readDilemmaContent } from "./dilemma-content.server.ts";
import { dilemmaCards } from "./dilemmas.schema.ts";
import type { CardFilter } from "./dilemmas.validation.ts";

export type DilemmaCard = typeof dilemmaCards.$inferSelect;

/** What the public sees of a card: no submitter, no review notes. */
export type PublicCard = Omit<DilemmaCard, "submittedBy" | "reviewNote" | "anonymous" | "status">;

const publicColumns = {
  id: dilemmaCards.id,
  slug: dilemmaCards.slug,
  title: dilemmaCards.title,
  case: dilemmaCards.case,
  optionA: dilemmaCards.optionA,
  riskA: dilemmaCards.riskA,
  optionB: dilemmaCards.optionB,
  riskB: dilemmaCards.riskB,
  perspectives: dilemmaCards.perspectives,
  principles: dilemmaCards.principles,
  values: dilemmaCards.values,
  workKinds: dilemmaCards.workKinds,
  themes: dilemmaCards.themes,
  questions: dilemmaCards.questions,
  createdAt: dilemmaCards.createdAt,
  updatedAt: dilemmaCards.updatedAt,
  publishedAt: dilemmaCards.publishedAt,
};

/** Adds the cards of `content/dilemmas/` that the database does not have yet, as published cards. */
export async function seedDilemmas(options: { db: Db; contentDir: string }): Promise<{ added: number }> {
  const cards = await readDilemmaContent({ contentDir: options.contentDir });
  if (cards.length === 0) return { added: 0 };
  const added = await options.db
    .insert(dilemmaCards)
    .values(cards.map((card) => ({ ...card, status: "gepubliceerd" as const, publishedAt: new Date() })))
    .onConflictDoNothing({ target: dilemmaCards.slug })
    .returning({ id: dilemmaCards.id });
  return { added: added.length };
}

export async function listPublishedCards(options: { db: Db; filter?: CardFilter }): Promise<PublicCard[]> {
  const filter = options.filter ?? {};
  return options.db
    .select(publicColumns)
    .from(dilemmaCards)
    .where(
      and(
        eq(dilemmaCards.status, "gepubliceerd"),
        filter.principe ? arrayContains(dilemmaCards.principles, [filter.principe]) : undefined,
        filter.werk ? arrayContains(dilemmaCards.workKinds, [filter.werk]) : undefined,
        filter.thema ? arrayContains(dilemmaCards.themes, [filter.thema]) : undefined,
      ),
    )
    .orderBy(asc(dilemmaCards.title));
}

/** How many cards are published and when the last one changed: a cheap key for what is built from them. */
export async function getPublishedCardsStamp(options: { db: Db }): Promise<string> {
  const [stamp] = await options.db
    .select({ n: count(), changed: max(dilemmaCards.updatedAt) })
    .from(dilemmaCards)
    .where(eq(dilemmaCards.status, "gepubliceerd"));
  return `${stamp?.n ?? 0}:${stamp?.changed?.toISOString() ?? ""}`;
}

export async function getPublishedCard(options: { db: Db; slug: string }): Promise<PublicCard> {
  const [card] = await options.db
    .select(publicColumns)
    .from(dilemmaCards)
    .where(and(eq(dilemmaCards.slug, options.slug), eq(dilemmaCards.status, "gepubliceerd")));
  if (!card) throw new AppError("not_found", "problems.dilemmas.notFound");
  return card;
}

/** Title and address of the published cards about a principle, the main ones first. */
export async function cardsForPrinciple(options: { db: Db; principle: string }) {
  return options.db
    .select({ slug: dilemmaCards.slug, title: dilemmaCards.title })
    .from(dilemmaCards)
    .where(
      and(
        eq(dilemmaCards.status, "gepubliceerd"),
        arrayContains(dilemmaCards.principles, [options.principle]),
      ),
    )
    .orderBy(sql`${dilemmaCards.principles}[1] = ${options.principle} desc`, asc(dilemmaCards.title));
}

/** A card as the pages show it: principles with the titles they have in the current guide. */
export function cardViewOf(card: PublicCard, principleTitles: Map<string, string>) {
  return {
    slug: card.slug,
    title: card.title,
    case: card.case,
    optionA: card.optionA,
    riskA: card.riskA,
    optionB: card.optionB,
    riskB: card.riskB,
    perspectives: card.perspectives,
    principles: card.principles.map((slug) => ({ slug, title: principleTitles.get(slug) ?? slug })),
    values: card.values,
    workKinds: card.workKinds,
    themes: card.themes,
    questions: card.questions,
  };
}

/** The principles of the current guide, by slug, in the guide's order. */
export async function principleTitles(options: { db: Db }): Promise<Map<string, string>> {
  const version = await getCurrentVersion({ db: options.db });
  if (!version) return new Map();
  const parts = await listParts({ db: options.db, versionId: version.id });
  return new Map(parts.filter((part) => part.kind === "principe").map((part) => [part.slug, part.title]));
}
