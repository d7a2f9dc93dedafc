// Running a consultation, for the people who make them: making it with its first statements and what
// it links to, closing, re-opening, archiving and deleting it, the editors' list, and reviewing the
// statements participants added.
import { and, eq, sql } from "drizzle-orm";
import { amsterdamToUtc } from "../../infra/amsterdam-time.ts";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { listPublishedCards } from "../dilemmas/dilemmas.server.ts";
import { getCurrentVersion, listParts } from "../guide/guide.server.ts";
import {
  type ConsultationState,
  consultationParticipants,
  consultationStatements,
  consultations,
  consultationVotes,
} from "./consultation.schema.ts";
import type { ConsultationInput } from "./consultation.validation.ts";
import {
  consultationTopic,
  NOT_FOUND,
  requireConsultationById,
  slugOf,
  statementsInReview,
} from "./consultations.server.ts";
import type { ShownStatement } from "./participation.server.ts";

/** A free address from the question, or the one asked for (`conflict` when taken). */
async function freeSlug(db: Db, asked: string, question: string): Promise<string> {
  const taken = async (slug: string) =>
    (await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, slug)))
      .length > 0;
  if (asked) {
    if (await taken(asked))
      throw new AppError("conflict", "problems.consultation.slugTaken", {
        fields: { slug: "problems.consultation.slugTaken" },
      });
    return asked;
  }
  const base = slugOf(question) || "peiling";
  for (let suffix = 1; ; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await taken(slug))) return slug;
  }
}

/** Makes a consultation with its first statements (numbered 0, 1, 2 … in the order given). */
export async function createConsultation(options: {
  db: Db;
  input: ConsultationInput;
  createdBy?: string;
}): Promise<{ id: string; slug: string }> {
  const { db, input } = options;
  await requireLinks(db, input);
  const slug = await freeSlug(db, input.slug, input.question);
  const unique = [...new Set(input.statements)];
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(consultations)
      .values({
        slug,
        question: input.question,
        introduction: input.introduction,
        access: input.access,
        participantStatements: input.participantStatements,
        opensAt: amsterdamToUtc({ date: input.opensOn, time: "00:00" }),
        // Open through the whole closing day.
        closesAt: new Date(amsterdamToUtc({ date: input.closesOn, time: "23:59" }).getTime() + 60_000),
        guidePartSlug: input.guidePartSlug || null,
        cardSlugs: input.cardSlugs,
        createdBy: options.createdBy ?? null,
      })
      .returning({ id: consultations.id });
    if (!created) throw new Error("the consultation was not stored");
    await tx.insert(consultationStatements).values(
      unique.map((text, number) => ({
        consultationId: created.id,
        number,
        text,
        origin: "start" as const,
      })),
    );
    return { id: created.id, slug };
  });
}

/** What a consultation links to must exist: a part of the current guide, published cards. */
async function requireLinks(db: Db, input: Pick<ConsultationInput, "guidePartSlug" | "cardSlugs">) {
  if (input.guidePartSlug) {
    const version = await getCurrentVersion({ db });
    const parts = version ? await listParts({ db, versionId: version.id }) : [];
    if (!parts.some((part) => part.slug === input.guidePartSlug)) {
      throw new AppError("invalid", "problems.consultation.unknownPart", {
        fields: { guidePartSlug: "problems.consultation.unknownPart" },
      });
    }
  }
  if (input.cardSlugs.length > 0) {
    const published = new Set((await listPublishedCards({ db })).map((card) => card.slug));
    if (input.cardSlugs.some((slug) => !published.has(slug))) {
      throw new AppError("invalid", "problems.consultation.unknownCard", {
        fields: { cardSlugs: "problems.consultation.unknownCard" },
      });
    }
  }
}

/** Parts of the current guide and published cards a consultation can link to, for the form. */
export async function linkChoices(db: Db) {
  const version = await getCurrentVersion({ db });
  const parts = version ? await listParts({ db, versionId: version.id }) : [];
  const cards = await listPublishedCards({ db });
  return {
    parts: parts.map((part) => ({ slug: part.slug, title: part.title })),
    cards: cards.map((card) => ({ slug: card.slug, title: card.title })),
  };
}

const NEXT_STATE: Record<ConsultationState, ConsultationState[]> = {
  open: ["gesloten", "gearchiveerd"],
  gesloten: ["open", "gearchiveerd"],
  gearchiveerd: ["gesloten"],
};

/** Closes, re-opens, archives or takes a consultation out of the archive (as closed). */
export async function setConsultationState(options: {
  db: Db;
  id: string;
  state: ConsultationState;
  /** Tells open results pages (their stream ends when the consultation is no longer open). */
  liveHub?: Pick<LiveHub, "changed">;
}) {
  const consultation = await requireConsultationById(options.db, options.id);
  if (!NEXT_STATE[consultation.state].includes(options.state)) {
    throw new AppError(
      "conflict",
      message("problems.consultation.stateChange", {
        state: { key: `consultation.states.${consultation.state}` },
      }),
    );
  }
  await options.db
    .update(consultations)
    .set({ state: options.state, version: sql`${consultations.version} + 1` })
    .where(eq(consultations.id, options.id));
  await options.liveHub?.changed(consultationTopic(options.id));
}

/** Deletes a consultation with its statements, participants and votes. */
export async function deleteConsultation(options: { db: Db; id: string }): Promise<void> {
  const deleted = await options.db
    .delete(consultations)
    .where(eq(consultations.id, options.id))
    .returning({ id: consultations.id });
  if (deleted.length === 0) throw new AppError("not_found", NOT_FOUND);
}

export interface ConsultationForEditors {
  id: string;
  slug: string;
  question: string;
  lang: "nl" | "en";
  state: ConsultationState;
  opensAt: string;
  closesAt: string;
  participants: number;
  votes: number;
  waiting: number;
}

/** Every consultation, archived ones too, with its participants, votes and statements waiting for review. */
export async function listConsultationsForEditors(db: Db): Promise<ConsultationForEditors[]> {
  const rows = await db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      question: consultations.question,
      lang: consultations.contentLanguage,
      state: consultations.state,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      participants:
        sql<number>`(select count(*) from ${consultationParticipants} where ${consultationParticipants.consultationId} = ${consultations.id})`.mapWith(
          Number,
        ),
      votes:
        sql<number>`(select count(*) from ${consultationVotes} where ${consultationVotes.consultationId} = ${consultations.id})`.mapWith(
          Number,
        ),
      waiting:
        sql<number>`(select count(*) from ${consultationStatements} where ${consultationStatements.consultationId} = ${consultations.id} and ${consultationStatements.moderation} = 'wacht')`.mapWith(
          Number,
        ),
    })
    .from(consultations)
    .orderBy(sql`${consultations.createdAt} desc`);
  return rows.map((row) => ({
    ...row,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
  }));
}

/** The statements participants added that wait for review, oldest first. */
export const statementsToReview = (db: Db, consultationId: string): Promise<ShownStatement[]> =>
  statementsInReview(db, consultationId, "wacht");

/**
 * Shows or rejects a statement (a shown one can be rejected later, a rejected one shown). Raises the
 * version, so the analysis follows: a rejected statement becomes a column of passes.
 */
export async function reviewStatement(options: {
  db: Db;
  consultationId: string;
  number: number;
  decision: "goed" | "afgewezen";
}): Promise<void> {
  const { db } = options;
  if (!Number.isSafeInteger(options.number) || options.number < 0) {
    throw new AppError("not_found", "problems.consultation.unknownStatement");
  }
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(consultationStatements)
      .set({ moderation: options.decision })
      .where(
        and(
          eq(consultationStatements.consultationId, options.consultationId),
          eq(consultationStatements.number, options.number),
        ),
      )
      .returning({ id: consultationStatements.id });
    if (changed.length === 0) throw new AppError("not_found", "problems.consultation.unknownStatement");
    await tx
      .update(consultations)
      .set({ version: sql`${consultations.version} + 1` })
      .where(eq(consultations.id, options.consultationId));
  });
}
