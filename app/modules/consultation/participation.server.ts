// Taking part in a consultation: a participant (a random token, or an account), the next statement for
// them, the statements they add, how far they are, and what a logged-in participant did, for their
// download. Their votes: votes.server.ts. Making and running one: running.server.ts.
import { and, asc, count, eq, gte, max, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import {
  consultationParticipants,
  consultationStatements,
  consultations,
  consultationVotes,
} from "./consultation.schema.ts";
import { STATEMENTS_PER_HOUR } from "./consultation-limits.ts";
import {
  analysisOf,
  type Participant,
  type StoredAnalysis,
  type VotingConsultation,
} from "./consultations.server.ts";

/** What taking part needs of a consultation (consultations.server.ts reads it with the participant). */
export type Consultation = VotingConsultation;
export type { Participant };

/** Whether votes are taken now: open, and between its dates. */
export function isOpenForVotes(
  consultation: Pick<Consultation, "state" | "opensAt" | "closesAt">,
  now = new Date(),
) {
  return consultation.state === "open" && consultation.opensAt <= now && now < consultation.closesAt;
}

/** Refuses a vote or statement unless the consultation takes them now, saying why. */
export function requireOpen(consultation: Consultation, now = new Date()): void {
  if (consultation.state !== "open" || now >= consultation.closesAt) {
    throw new AppError("conflict", "problems.consultation.closed");
  }
  if (now < consultation.opensAt) throw new AppError("conflict", "problems.consultation.notOpenYet");
}

/** The participant a token or an account is in this consultation, if any. */
export async function findParticipant(options: {
  db: Db;
  consultation: Pick<Consultation, "id" | "access">;
  token?: string;
  userId?: string;
}): Promise<Participant | undefined> {
  const { db, consultation } = options;
  const who =
    consultation.access === "inloggen"
      ? options.userId && eq(consultationParticipants.userId, options.userId)
      : options.token && eq(consultationParticipants.tokenHash, hashSecret(options.token));
  if (!who) return undefined;
  const [found] = await db
    .select({ id: consultationParticipants.id, number: consultationParticipants.number })
    .from(consultationParticipants)
    .where(and(eq(consultationParticipants.consultationId, consultation.id), who));
  return found;
}

/**
 * Makes the person a participant: in an anonymous consultation with a new random token (returned once,
 * for the cookie); in one that needs a login, tied to the account (`userId` required), and with
 * `withToken` also given a new token for the API, which replaces an earlier one (the account's votes
 * stay). The number is the next free one, taken under a lock on the consultation so two people never
 * get the same.
 */
export async function joinConsultation(options: {
  db: Db;
  consultation: Consultation;
  userId?: string;
  withToken?: boolean;
}): Promise<Participant & { token?: string }> {
  const { db, consultation } = options;
  requireOpen(consultation);
  if (consultation.access === "inloggen" && !options.userId) {
    throw new AppError("unauthenticated", "problems.consultation.loginNeeded");
  }
  const existing =
    consultation.access === "inloggen"
      ? await findParticipant({ db, consultation, userId: options.userId })
      : undefined;
  const token = consultation.access === "anoniem" || options.withToken ? createSecret() : undefined;
  if (existing) {
    if (!token) return existing;
    await db
      .update(consultationParticipants)
      .set({ tokenHash: hashSecret(token) })
      .where(eq(consultationParticipants.id, existing.id));
    return { ...existing, token };
  }
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${consultations} where ${consultations.id} = ${consultation.id} for update`,
    );
    const [highest] = await tx
      .select({ value: max(consultationParticipants.number) })
      .from(consultationParticipants)
      .where(eq(consultationParticipants.consultationId, consultation.id));
    const number = (highest?.value ?? -1) + 1;
    const [created] = await tx
      .insert(consultationParticipants)
      .values({
        consultationId: consultation.id,
        number,
        tokenHash: token ? hashSecret(token) : null,
        userId: consultation.access === "inloggen" ? (options.userId ?? null) : null,
      })
      .returning({ id: consultationParticipants.id, number: consultationParticipants.number });
    if (!created) throw new Error("the participant was not stored");
    return { ...created, token };
  });
}

export interface ShownStatement {
  number: number;
  text: string;
}

export interface Progress {
  /** Statements shown to everyone that this participant voted on. */
  voted: number;
  total: number;
}

/**
 * How far the participant is, and the statement to show them next: of the shown statements they did not
 * vote on, the one with the fewest votes, so every statement gets enough to say something; among
 * statements with about as many votes (the same power of two), the one that splits the groups most
 * (the largest difference in agreement between two groups in the last analysis); then an order of
 * their own, so people do not all see the same statement at the same time.
 */
export async function nextStatement(options: {
  db: Db;
  consultation: Pick<Consultation, "id">;
  participantId: string;
}): Promise<{ statement: ShownStatement | null; progress: Progress }> {
  const { db, consultation, participantId } = options;
  const rows = await db
    .select({
      id: consultationStatements.id,
      number: consultationStatements.number,
      text: consultationStatements.text,
      votes:
        sql<number>`(select count(*) from ${consultationVotes} where ${consultationVotes.statementId} = ${consultationStatements.id})`.mapWith(
          Number,
        ),
      mine: sql<number>`(select count(*) from ${consultationVotes} where ${consultationVotes.statementId} = ${consultationStatements.id} and ${consultationVotes.participantId} = ${participantId})`.mapWith(
        Number,
      ),
    })
    .from(consultationStatements)
    .where(
      and(
        eq(consultationStatements.consultationId, consultation.id),
        eq(consultationStatements.moderation, "goed"),
      ),
    );
  const split = splitOf((await analysisOf(db, consultation.id)).analysis);
  const open = rows.filter((row) => row.mine === 0);
  const order = (row: (typeof rows)[number]) => [
    Math.floor(Math.log2(row.votes + 1)),
    -(split.get(String(row.number)) ?? 0),
    mix(`${participantId}:${row.id}`),
  ];
  open.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  const next = open[0];
  return {
    statement: next ? { number: next.number, text: next.text } : null,
    progress: { voted: rows.length - open.length, total: rows.length },
  };
}

/** Per statement, the largest difference between two groups' agreement in the last analysis. */
function splitOf(analysis: StoredAnalysis | null): Map<string, number> {
  const split = new Map<string, number>();
  for (const tally of analysis?.tallies ?? []) {
    const shares = tally.byGroup.map(
      ([, votes]) => (votes.agree + 1) / (votes.agree + votes.disagree + votes.pass + 2),
    );
    if (shares.length > 1) split.set(tally.statement, Math.max(...shares) - Math.min(...shares));
  }
  return split;
}

/** A stable number from a text (FNV-1a), for an order of each participant's own. */
function mix(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Adds a participant's statement: shown at once or after review, as the consultation says; refused
 * when it does not take statements, past `perHour` in the last hour, or when the same text is there.
 */
export async function addStatement(options: {
  db: Db;
  consultation: Consultation;
  participantId: string;
  text: string;
  perHour?: number;
}): Promise<{ number: number; shown: boolean }> {
  const { db, consultation } = options;
  requireOpen(consultation);
  if (consultation.participantStatements === "niet")
    throw new AppError("forbidden", "problems.consultation.noStatements");
  const perHour = options.perHour ?? STATEMENTS_PER_HOUR;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${consultations} where ${consultations.id} = ${consultation.id} for update`,
    );
    const [recent] = await tx
      .select({ value: count() })
      .from(consultationStatements)
      .where(
        and(
          eq(consultationStatements.participantId, options.participantId),
          gte(consultationStatements.createdAt, new Date(Date.now() - 3_600_000)),
        ),
      );
    if ((recent?.value ?? 0) >= perHour) {
      throw new AppError(
        "rate_limited",
        message("problems.consultation.statementsPerHour", { max: perHour }),
        {
          retryAfterSeconds: 3_600,
        },
      );
    }
    const same = await tx
      .select({ id: consultationStatements.id })
      .from(consultationStatements)
      .where(
        and(
          eq(consultationStatements.consultationId, consultation.id),
          sql`lower(${consultationStatements.text}) = lower(${options.text})`,
        ),
      );
    if (same.length > 0)
      throw new AppError("conflict", "problems.consultation.duplicate", {
        fields: { stelling: "problems.consultation.duplicate" },
      });
    const [highest] = await tx
      .select({ value: max(consultationStatements.number) })
      .from(consultationStatements)
      .where(eq(consultationStatements.consultationId, consultation.id));
    const number = (highest?.value ?? -1) + 1;
    const shown = consultation.participantStatements === "direct";
    await tx.insert(consultationStatements).values({
      consultationId: consultation.id,
      number,
      text: options.text,
      origin: "deelnemer",
      participantId: options.participantId,
      moderation: shown ? "goed" : "wacht",
    });
    if (shown) {
      await tx
        .update(consultations)
        .set({ version: sql`${consultations.version} + 1` })
        .where(eq(consultations.id, consultation.id));
    }
    return { number, shown };
  });
}

/**
 * What a person did in consultations that need a login (an anonymous participant is tied to no
 * account): per consultation their votes and the statements they added. Deleting the account deletes
 * their participant rows and with them their votes; their statements stay, unlinked.
 */
export const consultationsSource: PersonalDataSource = {
  name: "peilingen",
  async export({ db, userId }) {
    const participants = await db
      .select({ id: consultationParticipants.id, slug: consultations.slug, question: consultations.question })
      .from(consultationParticipants)
      .innerJoin(consultations, eq(consultations.id, consultationParticipants.consultationId))
      .where(eq(consultationParticipants.userId, userId))
      .orderBy(asc(consultations.slug));
    return Promise.all(
      participants.map(async (participant) => ({
        consultation: participant.slug,
        question: participant.question,
        votes: (
          await db
            .select({
              statement: consultationStatements.text,
              vote: consultationVotes.vote,
              at: consultationVotes.votedAt,
            })
            .from(consultationVotes)
            .innerJoin(consultationStatements, eq(consultationStatements.id, consultationVotes.statementId))
            .where(eq(consultationVotes.participantId, participant.id))
            .orderBy(asc(consultationStatements.number))
        ).map((vote) => ({
          ...vote,
          vote: vote.vote === 1 ? "eens" : vote.vote === -1 ? "oneens" : "overgeslagen",
        })),
        statements: await db
          .select({ text: consultationStatements.text, review: consultationStatements.moderation })
          .from(consultationStatements)
          .where(eq(consultationStatements.participantId, participant.id))
          .orderBy(asc(consultationStatements.number)),
      })),
    );
  },
  async erase({ db, userId }) {
    await db.delete(consultationParticipants).where(eq(consultationParticipants.userId, userId));
  },
};
