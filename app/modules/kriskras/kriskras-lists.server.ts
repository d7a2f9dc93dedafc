// The lists people choose from when they sign up: the organisations and the answer options of the other
// attributes. Editors keep them; something already chosen in a sign-up is switched off, never deleted,
// so earlier sign-ups keep their meaning.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { kriskrasAnswerOptions, kriskrasOrganisations, kriskrasSignups } from "./kriskras.schema.ts";
import { type AnswerOptionInput, type OrganisationInput, optionKeyFrom } from "./kriskras.validation.ts";
import {
  DEFAULT_ANSWER_OPTIONS,
  DEFAULT_ORGANISATIONS,
  OPTION_ATTRIBUTES,
  type OptionAttribute,
} from "./kriskras-options.ts";

export type Organisation = typeof kriskrasOrganisations.$inferSelect;
export type AnswerOption = typeof kriskrasAnswerOptions.$inferSelect;

/**
 * Fills the organisations and each attribute's answer options from the defaults when they are empty.
 * Run at every start; an editor's own list is never touched.
 */
export async function seedKriskrasOptions(options: {
  db: Db;
}): Promise<{ organisations: number; options: number }> {
  const { db } = options;
  let organisations = 0;
  let added = 0;
  const [known] = await db.select({ n: count() }).from(kriskrasOrganisations);
  if ((known?.n ?? 0) === 0) {
    const rows = await db
      .insert(kriskrasOrganisations)
      .values(DEFAULT_ORGANISATIONS)
      .onConflictDoNothing()
      .returning({ id: kriskrasOrganisations.id });
    organisations = rows.length;
  }
  const present = await db
    .select({ attribute: kriskrasAnswerOptions.attribute, n: count() })
    .from(kriskrasAnswerOptions)
    .groupBy(kriskrasAnswerOptions.attribute);
  const filled = new Set(present.filter((row) => row.n > 0).map((row) => row.attribute));
  for (const attribute of OPTION_ATTRIBUTES) {
    if (filled.has(attribute)) continue;
    const rows = await db
      .insert(kriskrasAnswerOptions)
      .values(
        DEFAULT_ANSWER_OPTIONS[attribute].map((option, index) => ({
          attribute,
          ...option,
          position: (index + 1) * 10,
        })),
      )
      .onConflictDoNothing()
      .returning({ key: kriskrasAnswerOptions.key });
    added += rows.length;
  }
  return { organisations, options: added };
}

/** All organisations by name, each with how many sign-ups chose it. */
export async function listOrganisations(options: { db: Db; activeOnly?: boolean }) {
  return options.db
    .select({
      id: kriskrasOrganisations.id,
      name: kriskrasOrganisations.name,
      kind: kriskrasOrganisations.kind,
      active: kriskrasOrganisations.active,
      // Written out: drizzle leaves columns unqualified in a select, and both tables have an "id".
      signups: sql<number>`(select count(*)::int from kriskras_signups s where s.organisation_id = ${kriskrasOrganisations}.id)`,
    })
    .from(kriskrasOrganisations)
    .where(options.activeOnly ? eq(kriskrasOrganisations.active, true) : undefined)
    .orderBy(asc(sql`lower(${kriskrasOrganisations.name})`));
}

export async function getOrganisation(options: { db: Db; id: string }): Promise<Organisation> {
  const [organisation] = await options.db
    .select()
    .from(kriskrasOrganisations)
    .where(eq(kriskrasOrganisations.id, options.id));
  if (!organisation) throw new AppError("not_found", "problems.kriskras.organisationNotFound");
  return organisation;
}

async function requireOrganisationKind(db: Db, kind: string) {
  const [known] = await db
    .select({ key: kriskrasAnswerOptions.key })
    .from(kriskrasAnswerOptions)
    .where(and(eq(kriskrasAnswerOptions.attribute, "organisationKind"), eq(kriskrasAnswerOptions.key, kind)));
  if (!known) {
    throw new AppError("invalid", "problems.kriskras.organisationKind", {
      fields: { kind: "problems.kriskras.organisationKind" },
    });
  }
}

async function requireFreeName(db: Db, name: string, except?: string) {
  const [taken] = await db
    .select({ id: kriskrasOrganisations.id })
    .from(kriskrasOrganisations)
    .where(sql`lower(${kriskrasOrganisations.name}) = lower(${name})`);
  if (taken && taken.id !== except) {
    throw new AppError("invalid", "problems.kriskras.organisationTaken", {
      fields: { name: "problems.kriskras.organisationTaken" },
    });
  }
}

export async function createOrganisation(options: {
  db: Db;
  input: OrganisationInput;
}): Promise<Organisation> {
  const { db, input } = options;
  await requireOrganisationKind(db, input.kind);
  await requireFreeName(db, input.name);
  const [made] = await db
    .insert(kriskrasOrganisations)
    .values({ name: input.name, kind: input.kind, active: input.active })
    .onConflictDoNothing()
    .returning();
  // Someone else added the same name between the check and the insert.
  if (!made) await requireFreeName(db, input.name);
  return made as Organisation;
}

export async function updateOrganisation(options: {
  db: Db;
  id: string;
  input: OrganisationInput;
}): Promise<Organisation> {
  const { db, id, input } = options;
  await getOrganisation({ db, id });
  await requireOrganisationKind(db, input.kind);
  await requireFreeName(db, input.name, id);
  const [changed] = await db
    .update(kriskrasOrganisations)
    .set({ name: input.name, kind: input.kind, active: input.active })
    .where(eq(kriskrasOrganisations.id, id))
    .returning();
  if (!changed) throw new AppError("not_found", "problems.kriskras.organisationNotFound");
  return changed;
}

/** Deletes an organisation nobody chose; one that is in use is switched off instead. */
export async function removeOrganisation(options: {
  db: Db;
  id: string;
}): Promise<{ removed: "deleted" | "deactivated" }> {
  const { db, id } = options;
  await getOrganisation({ db, id });
  const [used] = await db
    .select({ n: count() })
    .from(kriskrasSignups)
    .where(eq(kriskrasSignups.organisationId, id));
  if ((used?.n ?? 0) > 0) {
    await db.update(kriskrasOrganisations).set({ active: false }).where(eq(kriskrasOrganisations.id, id));
    return { removed: "deactivated" };
  }
  await db.delete(kriskrasOrganisations).where(eq(kriskrasOrganisations.id, id));
  return { removed: "deleted" };
}

/** The answer options of every attribute, in their order. */
export async function listAnswerOptions(options: { db: Db; activeOnly?: boolean }): Promise<AnswerOption[]> {
  return options.db
    .select()
    .from(kriskrasAnswerOptions)
    .where(options.activeOnly ? eq(kriskrasAnswerOptions.active, true) : undefined)
    .orderBy(
      asc(kriskrasAnswerOptions.attribute),
      asc(kriskrasAnswerOptions.position),
      asc(kriskrasAnswerOptions.key),
    );
}

export async function getAnswerOption(options: {
  db: Db;
  attribute: OptionAttribute;
  key: string;
}): Promise<AnswerOption> {
  const [found] = await options.db
    .select()
    .from(kriskrasAnswerOptions)
    .where(
      and(eq(kriskrasAnswerOptions.attribute, options.attribute), eq(kriskrasAnswerOptions.key, options.key)),
    );
  if (!found) throw new AppError("not_found", "problems.kriskras.optionNotFound");
  return found;
}

export async function createAnswerOption(options: {
  db: Db;
  input: AnswerOptionInput;
}): Promise<AnswerOption> {
  const { db, input } = options;
  const key = input.key || optionKeyFrom(input.labelNl);
  if (!key) {
    throw new AppError("invalid", "problems.kriskras.codeMissing", {
      fields: { key: "problems.kriskras.codeMissing" },
    });
  }
  const [made] = await db
    .insert(kriskrasAnswerOptions)
    .values({
      attribute: input.attribute,
      key,
      labelNl: input.labelNl,
      labelEn: input.labelEn,
      position: input.position,
      active: input.active,
    })
    .onConflictDoNothing()
    .returning();
  if (!made) {
    const taken = message("problems.kriskras.codeTaken", { key });
    throw new AppError("invalid", taken, { fields: { key: taken } });
  }
  return made;
}

/** Changes the labels, order and whether it can be chosen; the code stays (sign-ups store it). */
export async function updateAnswerOption(options: {
  db: Db;
  attribute: OptionAttribute;
  key: string;
  input: Omit<AnswerOptionInput, "attribute" | "key">;
}): Promise<AnswerOption> {
  const { db, attribute, key, input } = options;
  const [changed] = await db
    .update(kriskrasAnswerOptions)
    .set({ labelNl: input.labelNl, labelEn: input.labelEn, position: input.position, active: input.active })
    .where(and(eq(kriskrasAnswerOptions.attribute, attribute), eq(kriskrasAnswerOptions.key, key)))
    .returning();
  if (!changed) throw new AppError("not_found", "problems.kriskras.optionNotFound");
  return changed;
}

const SIGNUP_COLUMNS = {
  workKind: kriskrasSignups.workKind,
  scaleBand: kriskrasSignups.scaleBand,
  serviceBand: kriskrasSignups.serviceBand,
  region: kriskrasSignups.region,
} as const;

/** Deletes an answer option nobody chose; one that is in use is switched off instead. */
export async function removeAnswerOption(options: {
  db: Db;
  attribute: OptionAttribute;
  key: string;
}): Promise<{ removed: "deleted" | "deactivated" }> {
  const { db, attribute, key } = options;
  await getAnswerOption({ db, attribute, key });
  const [used] =
    attribute === "organisationKind"
      ? await db.select({ n: count() }).from(kriskrasOrganisations).where(eq(kriskrasOrganisations.kind, key))
      : await db.select({ n: count() }).from(kriskrasSignups).where(eq(SIGNUP_COLUMNS[attribute], key));
  const where = and(eq(kriskrasAnswerOptions.attribute, attribute), eq(kriskrasAnswerOptions.key, key));
  if ((used?.n ?? 0) > 0) {
    await db.update(kriskrasAnswerOptions).set({ active: false }).where(where);
    return { removed: "deactivated" };
  }
  await db.delete(kriskrasAnswerOptions).where(where);
  return { removed: "deleted" };
}
