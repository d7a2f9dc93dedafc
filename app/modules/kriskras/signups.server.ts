// Signing up for a kris-kras round: the open rounds with their slots, one sign-up per person per round,
// changed or cancelled until sign-up closes, each time confirmed by e-mail. Access needs are health
// data: encrypted bound to the sign-up and its person (`kriskras-needs:<id>:<user id>`), never put in a
// mail, and shown only to the person themselves here (and to the round's organisers on the editors' side).

import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";
import type { Db } from "../../infra/db.server.ts";
import type { Keyring } from "../../infra/encryption.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { fieldErrorsOf } from "../../infra/form-errors.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import {
  kriskrasAnswerOptions,
  kriskrasAvailability,
  kriskrasOrganisations,
  kriskrasOrganisers,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";
import { type Availability, IF_NEEDED } from "./kriskras-kinds.ts";
import { roundPhase } from "./round-phase.ts";
import {
  SIGNUP_OPTION_ATTRIBUTES,
  type SignupFormValues,
  type SignupInput,
  type SignupOptionAttribute,
  signupInputFor,
} from "./signup.validation.ts";
import { formatLocalDate, type SlotTimes, slotLine, slotTimes } from "./slot-times.ts";

export interface SlotView extends SlotTimes {
  id: string;
  place: string;
  onlineUrl: string;
}

export interface RoundView {
  id: string;
  title: string;
  description: string;
  signupOpensAt: Date;
  signupClosesAt: Date;
  /** Whether sign-ups can be made, changed or cancelled now. */
  open: boolean;
  /** The groups are published: sign-up is closed for good, whatever the dates say. */
  published: boolean;
  slots: SlotView[];
}

export interface OwnSignup {
  id: string;
  roundId: string;
  organisationId: string;
  workKind: string;
  scaleBand: string;
  serviceBand: string;
  region: string;
  availability: Record<string, Availability>;
  /** Decrypted; empty when none were given. */
  accessNeeds: string;
  consentAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface AnswerOption {
  key: string;
  labelNl: string;
  labelEn: string;
}

/** What the form offers: the active organisations and the active answer options of each attribute. */
export interface SignupChoiceLists {
  organisations: { id: string; name: string }[];
  options: Record<SignupOptionAttribute, AnswerOption[]>;
}

const NOT_FOUND = "problems.kriskras.signupRoundNotFound";
const CLOSED = "problems.kriskras.signupClosedChange";
const NOT_SIGNED_UP = "problems.kriskras.notSignedUp";
// Bound to the sign-up and its person: moved to another account in the database, the text no longer
// decrypts. Needs written before (format v1) were bound to the sign-up's id alone.
const needsContext = (signup: { id: string; userId: string }) =>
  `kriskras-needs:${signup.id}:${signup.userId}`;
const legacyNeedsContext = (signupId: string) => `kriskras-needs:${signupId}`;

type RoundRow = typeof kriskrasRounds.$inferSelect;
type SlotRow = typeof kriskrasSlots.$inferSelect;

/** Open between its dates, and only until the groups are published: a later sign-up would get no group. */
function isOpen(round: RoundRow, now: Date): boolean {
  return roundPhase(round, now) === "open" && round.purgedAt === null;
}

function slotViewOf(slot: SlotRow): SlotView {
  return { id: slot.id, ...slotTimes(slot), place: slot.place, onlineUrl: slot.onlineUrl };
}

function roundViewOf(round: RoundRow, slots: SlotRow[], now: Date): RoundView {
  return {
    id: round.id,
    title: round.title,
    description: round.description,
    signupOpensAt: round.signupOpensAt,
    signupClosesAt: round.signupClosesAt,
    open: isOpen(round, now),
    published: round.publishedAt !== null,
    slots: slots.map(slotViewOf),
  };
}

async function slotsOf(db: Db, roundIds: string[]): Promise<SlotRow[]> {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(kriskrasSlots)
    .where(inArray(kriskrasSlots.roundId, roundIds))
    .orderBy(asc(kriskrasSlots.startsAt), asc(kriskrasSlots.id));
}

/** A round someone may look at for signing up: it exists, its sign-up has started and it is not purged. */
async function visibleRound(db: Db, roundId: string, now: Date): Promise<RoundRow> {
  if (!Id.safeParse(roundId).success) throw new AppError("not_found", NOT_FOUND);
  const [round] = await db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, roundId));
  if (!round || round.signupOpensAt > now || round.purgedAt !== null) {
    throw new AppError("not_found", NOT_FOUND);
  }
  return round;
}

/** The active organisations (by name) and answer options (by position), for the form. */
export async function signupChoiceLists(options: { db: Db }): Promise<SignupChoiceLists> {
  const [organisations, answerOptions] = await Promise.all([
    options.db
      .select({ id: kriskrasOrganisations.id, name: kriskrasOrganisations.name })
      .from(kriskrasOrganisations)
      .where(eq(kriskrasOrganisations.active, true))
      .orderBy(asc(kriskrasOrganisations.name)),
    options.db
      .select()
      .from(kriskrasAnswerOptions)
      .where(
        and(
          eq(kriskrasAnswerOptions.active, true),
          inArray(kriskrasAnswerOptions.attribute, [...SIGNUP_OPTION_ATTRIBUTES]),
        ),
      )
      .orderBy(asc(kriskrasAnswerOptions.position), asc(kriskrasAnswerOptions.key)),
  ]);
  const lists: Record<SignupOptionAttribute, AnswerOption[]> = {
    workKind: [],
    scaleBand: [],
    serviceBand: [],
    region: [],
  };
  for (const option of answerOptions) {
    lists[option.attribute as SignupOptionAttribute].push({
      key: option.key,
      labelNl: option.labelNl,
      labelEn: option.labelEn,
    });
  }
  return { organisations, options: lists };
}

function openNeeds(keyring: Keyring, signup: { id: string; userId: string; accessNeeds: string }): string {
  if (signup.accessNeeds === "") return "";
  return keyring.decrypt(signup.accessNeeds, needsContext(signup), {
    legacyContext: legacyNeedsContext(signup.id),
  });
}

/**
 * The access needs of a round's sign-ups, decrypted, for one of the round's organisers; undefined for
 * anyone else (other editors included), so a page can leave them out without asking twice.
 */
export async function accessNeedsForOrganiser(options: {
  db: Db;
  keyring: Keyring;
  roundId: string;
  userId: string;
}): Promise<Map<string, string> | undefined> {
  const { db } = options;
  const [organiser] = await db
    .select({ userId: kriskrasOrganisers.userId })
    .from(kriskrasOrganisers)
    .where(
      and(eq(kriskrasOrganisers.roundId, options.roundId), eq(kriskrasOrganisers.userId, options.userId)),
    );
  if (!organiser) return undefined;
  const rows = await db
    .select({
      id: kriskrasSignups.id,
      userId: kriskrasSignups.userId,
      accessNeeds: kriskrasSignups.accessNeeds,
    })
    .from(kriskrasSignups)
    .where(eq(kriskrasSignups.roundId, options.roundId));
  return new Map(
    rows.filter((row) => row.accessNeeds !== "").map((row) => [row.id, openNeeds(options.keyring, row)]),
  );
}

function sealNeeds(keyring: Keyring, signup: { id: string; userId: string }, needs: string): string {
  return needs === "" ? "" : keyring.encrypt(needs, needsContext(signup));
}

async function availabilityOf(db: Db, signupIds: string[]) {
  const bySignup = new Map<string, Record<string, Availability>>();
  if (signupIds.length === 0) return bySignup;
  const rows = await db
    .select()
    .from(kriskrasAvailability)
    .where(inArray(kriskrasAvailability.signupId, signupIds));
  for (const row of rows) {
    const answers = bySignup.get(row.signupId) ?? {};
    answers[row.slotId] = row.answer;
    bySignup.set(row.signupId, answers);
  }
  return bySignup;
}

/** The person's own sign-up for a round, access needs decrypted; undefined when there is none. */
export async function getOwnSignup(options: {
  db: Db;
  keyring: Keyring;
  roundId: string;
  userId: string;
}): Promise<OwnSignup | undefined> {
  if (!Id.safeParse(options.roundId).success) return undefined;
  const [row] = await options.db
    .select()
    .from(kriskrasSignups)
    .where(and(eq(kriskrasSignups.roundId, options.roundId), eq(kriskrasSignups.userId, options.userId)));
  if (!row) return undefined;
  const availability = (await availabilityOf(options.db, [row.id])).get(row.id) ?? {};
  return {
    id: row.id,
    roundId: row.roundId,
    organisationId: row.organisationId,
    workKind: row.workKind,
    scaleBand: row.scaleBand,
    serviceBand: row.serviceBand,
    region: row.region,
    availability,
    accessNeeds: openNeeds(options.keyring, row),
    consentAt: row.consentAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The rounds whose sign-up is open now, soonest closing first, each with its slots (Amsterdam time)
 * and the person's own answers per slot when they signed up.
 */
export async function listOpenRounds(options: { db: Db; userId: string; now?: Date }) {
  const now = options.now ?? new Date();
  const rounds = await options.db
    .select()
    .from(kriskrasRounds)
    .where(
      and(
        lte(kriskrasRounds.signupOpensAt, now),
        gt(kriskrasRounds.signupClosesAt, now),
        isNull(kriskrasRounds.publishedAt),
        isNull(kriskrasRounds.purgedAt),
      ),
    )
    .orderBy(asc(kriskrasRounds.signupClosesAt), asc(kriskrasRounds.title));
  const ids = rounds.map((round) => round.id);
  const [slots, signups] = await Promise.all([
    slotsOf(options.db, ids),
    ids.length === 0
      ? []
      : options.db
          .select({ id: kriskrasSignups.id, roundId: kriskrasSignups.roundId })
          .from(kriskrasSignups)
          .where(and(inArray(kriskrasSignups.roundId, ids), eq(kriskrasSignups.userId, options.userId))),
  ]);
  const answers = await availabilityOf(
    options.db,
    signups.map((signup) => signup.id),
  );
  return rounds.map((round) => {
    const signup = signups.find((candidate) => candidate.roundId === round.id);
    return {
      ...roundViewOf(
        round,
        slots.filter((slot) => slot.roundId === round.id),
        now,
      ),
      signup: signup ? { id: signup.id, availability: answers.get(signup.id) ?? {} } : null,
    };
  });
}

/**
 * Everything the sign-up page of a round needs: the round (open or closed), the choices, the person's
 * own sign-up, and the form's starting values: their sign-up, or what their profile says where it
 * matches a choice (kind of work, and an organisation with the same name).
 */
export async function getSignupForm(options: {
  db: Db;
  keyring: Keyring;
  roundId: string;
  user: { id: string; organisation: string; workKind: string };
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const round = await visibleRound(options.db, options.roundId, now);
  const [slots, choices, own] = await Promise.all([
    slotsOf(options.db, [round.id]),
    signupChoiceLists({ db: options.db }),
    getOwnSignup({ db: options.db, keyring: options.keyring, roundId: round.id, userId: options.user.id }),
  ]);
  const view = roundViewOf(round, slots, now);
  let values: SignupFormValues;
  if (own) {
    values = {
      organisationId: own.organisationId,
      workKind: own.workKind,
      scaleBand: own.scaleBand,
      serviceBand: own.serviceBand,
      region: own.region,
      availability: own.availability,
      accessNeeds: own.accessNeeds,
      // Consent is asked again at every change, so the box starts empty.
      consent: false,
    };
  } else {
    const organisation = options.user.organisation.trim().toLowerCase();
    values = {
      organisationId:
        choices.organisations.find((candidate) => candidate.name.trim().toLowerCase() === organisation)?.id ??
        "",
      workKind: choices.options.workKind.some((option) => option.key === options.user.workKind)
        ? options.user.workKind
        : "",
      scaleBand: "",
      serviceBand: "",
      region: "",
      availability: {},
      accessNeeds: "",
      consent: false,
    };
  }
  return { round: view, choices, own: own ?? null, values };
}

/**
 * Makes or changes the person's sign-up, while sign-up is open (after: a conflict, nothing changes),
 * and queues a confirmation e-mail in the same transaction. Refuses answers that are not among the
 * round's choices with a message per field.
 */
export async function saveSignup(options: {
  db: Db;
  keyring: Keyring;
  roundId: string;
  user: { id: string; email: string };
  values: SignupFormValues;
  origin: string;
  now?: Date;
}): Promise<{ signup: OwnSignup; created: boolean }> {
  const now = options.now ?? new Date();
  const result = await options.db.transaction(async (tx) => {
    const round = await visibleRound(tx, options.roundId, now);
    if (!isOpen(round, now)) throw new AppError("conflict", CLOSED);
    const [slots, choices] = await Promise.all([slotsOf(tx, [round.id]), signupChoiceLists({ db: tx })]);
    const parsed = signupInputFor({
      organisationIds: choices.organisations.map((organisation) => organisation.id),
      optionKeys: Object.fromEntries(
        SIGNUP_OPTION_ATTRIBUTES.map((attribute) => [
          attribute,
          choices.options[attribute].map((option) => option.key),
        ]),
      ) as Record<SignupOptionAttribute, string[]>,
      slotIds: slots.map((slot) => slot.id),
    }).safeParse(options.values);
    if (!parsed.success) {
      // Refused for its content: a message per field, for the error summary.
      throw new AppError("invalid", "problems.kriskras.signupInvalid", {
        fields: fieldErrorsOf(parsed.error),
      });
    }
    const input = parsed.data;

    const fields = {
      organisationId: input.organisationId,
      workKind: input.workKind,
      scaleBand: input.scaleBand,
      serviceBand: input.serviceBand,
      region: input.region,
      consentAt: now,
      updatedAt: now,
    };
    const newId = crypto.randomUUID();
    // A second tab signing up at the same moment finds the first one's row and changes it instead.
    const [inserted] = await tx
      .insert(kriskrasSignups)
      .values({
        id: newId,
        roundId: round.id,
        userId: options.user.id,
        ...fields,
        accessNeeds: sealNeeds(options.keyring, { id: newId, userId: options.user.id }, input.accessNeeds),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: kriskrasSignups.id });
    let signupId = inserted?.id;
    const created = signupId !== undefined;
    if (!signupId) {
      const [existing] = await tx
        .select({ id: kriskrasSignups.id })
        .from(kriskrasSignups)
        .where(and(eq(kriskrasSignups.roundId, round.id), eq(kriskrasSignups.userId, options.user.id)))
        .for("update");
      if (!existing) throw new Error("sign-up neither inserted nor found");
      signupId = existing.id;
      await tx
        .update(kriskrasSignups)
        .set({
          ...fields,
          accessNeeds: sealNeeds(
            options.keyring,
            { id: signupId, userId: options.user.id },
            input.accessNeeds,
          ),
        })
        .where(eq(kriskrasSignups.id, signupId));
      await tx.delete(kriskrasAvailability).where(eq(kriskrasAvailability.signupId, signupId));
    }
    const id = signupId;
    if (slots.length > 0) {
      await tx.insert(kriskrasAvailability).values(
        slots.map((slot) => ({
          signupId: id,
          slotId: slot.id,
          answer: input.availability[slot.id] ?? "nee",
        })),
      );
    }
    await enqueueMail({
      db: tx,
      message: confirmationMail({
        kind: created ? "new" : "changed",
        to: options.user.email,
        round,
        slots,
        choices,
        input,
        link: `${options.origin}/kriskras/${round.id}/aanmelden`,
      }),
    });
    return { id, created };
  });
  const signup = await getOwnSignup({
    db: options.db,
    keyring: options.keyring,
    roundId: options.roundId,
    userId: options.user.id,
  });
  if (!signup) throw new Error("saved sign-up not found");
  return { signup, created: result.created };
}

/** Deletes the person's sign-up while sign-up is open, and confirms it by e-mail. */
export async function cancelSignup(options: {
  db: Db;
  roundId: string;
  user: { id: string; email: string };
  origin: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  await options.db.transaction(async (tx) => {
    const round = await visibleRound(tx, options.roundId, now);
    if (!isOpen(round, now)) {
      throw new AppError("conflict", "problems.kriskras.signupClosedCancel");
    }
    const deleted = await tx
      .delete(kriskrasSignups)
      .where(and(eq(kriskrasSignups.roundId, round.id), eq(kriskrasSignups.userId, options.user.id)))
      .returning({ id: kriskrasSignups.id });
    if (deleted.length === 0) throw new AppError("not_found", NOT_SIGNED_UP);
    await enqueueMail({
      db: tx,
      message: cancellationMail({
        to: options.user.email,
        round,
        link: `${options.origin}/kriskras/${round.id}/aanmelden`,
      }),
    });
  });
}

// --- the confirmation e-mails (in Dutch with a line in English; times in Amsterdam) ----------------
// The texts are under `mails.kriskras.*` in the locale files.

const nl = translatorFor("nl");
const en = translatorFor("en");

/** A mail subject is one line: a title with a line break in it must not end the header. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

function closingText(round: RoundRow): string {
  const closes = utcToAmsterdam(round.signupClosesAt);
  return nl("mails.kriskras.signup.closingAt", {
    date: formatLocalDate(closes.date, "nl"),
    time: closes.time,
  });
}

function confirmationMail(options: {
  kind: "new" | "changed";
  to: string;
  round: RoundRow;
  slots: SlotRow[];
  choices: SignupChoiceLists;
  input: SignupInput;
  link: string;
}): MailMessage {
  const { round, input, choices } = options;
  const labelOf = (attribute: SignupOptionAttribute, key: string) =>
    choices.options[attribute].find((option) => option.key === key)?.labelNl ?? key;
  const organisation =
    choices.organisations.find((candidate) => candidate.id === input.organisationId)?.name ?? "";
  const lines = (answer: Availability) =>
    options.slots
      .filter((slot) => input.availability[slot.id] === answer)
      .map(
        (slot) => `- ${slotLine({ ...slotTimes(slot), place: slot.place, onlineUrl: slot.onlineUrl }, "nl")}`,
      );
  const yes = lines("ja");
  const ifMust = lines(IF_NEEDED);
  const title = oneLine(round.title);
  const given = (label: string, value: string) => `- ${nl(`mails.kriskras.signup.${label}`)}: ${value}`;
  const text = [
    nl("mails.kriskras.hello"),
    "",
    nl(options.kind === "new" ? "mails.kriskras.signup.signedUp" : "mails.kriskras.signup.changed", {
      title,
    }),
    "",
    nl("mails.kriskras.signup.dutchTime"),
    ...(yes.length > 0 ? ["", nl("mails.kriskras.signup.canCome"), ...yes] : []),
    ...(ifMust.length > 0 ? ["", nl("mails.kriskras.signup.canComeIfNeeded"), ...ifMust] : []),
    "",
    nl("mails.kriskras.signup.given"),
    given("organisation", organisation),
    given("workKind", labelOf("workKind", input.workKind)),
    given("scaleBand", labelOf("scaleBand", input.scaleBand)),
    given("serviceBand", labelOf("serviceBand", input.serviceBand)),
    given("region", labelOf("region", input.region)),
    `- ${nl(input.accessNeeds ? "mails.kriskras.signup.needsGiven" : "mails.kriskras.signup.needsNone")}`,
    "",
    nl("mails.kriskras.signup.closes", { closes: closingText(round), size: round.groupTarget }),
    "",
    nl("mails.kriskras.signup.changeHint"),
    options.link,
    "",
    // The same in a line of English, for whoever reads no Dutch.
    `(${en(options.kind === "new" ? "mails.kriskras.signup.summaryNew" : "mails.kriskras.signup.summaryChanged")})`,
  ].join("\n");
  const subject = nl(
    options.kind === "new" ? "mails.kriskras.signup.subjectNew" : "mails.kriskras.signup.subjectChanged",
    { title },
  );
  return { to: options.to, subject: subject.slice(0, 250), text };
}

function cancellationMail(options: { to: string; round: RoundRow; link: string }): MailMessage {
  const title = oneLine(options.round.title);
  const text = [
    nl("mails.kriskras.hello"),
    "",
    nl("mails.kriskras.signup.cancelled", { title }),
    "",
    nl("mails.kriskras.signup.signUpAgain", { closes: closingText(options.round) }),
    options.link,
    "",
    `(${en("mails.kriskras.signup.summaryCancelled")})`,
  ].join("\n");
  return {
    to: options.to,
    subject: nl("mails.kriskras.signup.subjectCancelled", { title }).slice(0, 250),
    text,
  };
}

// --- keys and personal data --------------------------------------------------------------------------

/** Writes access needs of an older key or format again with the current ones; the number rewritten. */
export async function reencryptAccessNeeds(options: { db: Db; keyring: Keyring }): Promise<number> {
  const rows = await options.db
    .select({
      id: kriskrasSignups.id,
      userId: kriskrasSignups.userId,
      accessNeeds: kriskrasSignups.accessNeeds,
    })
    .from(kriskrasSignups);
  let rewritten = 0;
  for (const row of rows) {
    if (row.accessNeeds === "" || !options.keyring.isStale(row.accessNeeds)) continue;
    const needs = openNeeds(options.keyring, row);
    await options.db
      .update(kriskrasSignups)
      .set({ accessNeeds: sealNeeds(options.keyring, row, needs) })
      .where(and(eq(kriskrasSignups.id, row.id), eq(kriskrasSignups.accessNeeds, row.accessNeeds)));
    rewritten++;
  }
  return rewritten;
}

/** A person's sign-ups: in their download with the access needs readable; deleted with their account. */
export function kriskrasSignupsSource(keyring: Keyring): PersonalDataSource {
  return {
    name: "kriskrasSignups",
    async export({ db, userId }) {
      const rows = await db
        .select({
          signup: kriskrasSignups,
          roundTitle: kriskrasRounds.title,
          organisation: kriskrasOrganisations.name,
        })
        .from(kriskrasSignups)
        .innerJoin(kriskrasRounds, eq(kriskrasRounds.id, kriskrasSignups.roundId))
        .innerJoin(kriskrasOrganisations, eq(kriskrasOrganisations.id, kriskrasSignups.organisationId))
        .where(eq(kriskrasSignups.userId, userId))
        .orderBy(asc(kriskrasSignups.createdAt));
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.signup.id);
      const [answers, slots, options] = await Promise.all([
        availabilityOf(db, ids),
        slotsOf(
          db,
          rows.map((row) => row.signup.roundId),
        ),
        db.select().from(kriskrasAnswerOptions),
      ]);
      const labelOf = (attribute: string, key: string) =>
        options.find((option) => option.attribute === attribute && option.key === key)?.labelNl ?? key;
      return rows.map(({ signup, roundTitle, organisation }) => {
        const given = answers.get(signup.id) ?? {};
        return {
          round: roundTitle,
          organisation,
          workKind: labelOf("workKind", signup.workKind),
          scaleBand: labelOf("scaleBand", signup.scaleBand),
          serviceBand: labelOf("serviceBand", signup.serviceBand),
          region: labelOf("region", signup.region),
          availability: slots
            .filter((slot) => slot.roundId === signup.roundId && given[slot.id] !== undefined)
            .map((slot) => ({
              slot: slotLine({ ...slotTimes(slot), place: slot.place, onlineUrl: slot.onlineUrl }, "nl"),
              answer: given[slot.id],
            })),
          accessNeeds: openNeeds(keyring, signup),
          consentAt: signup.consentAt,
          evaluated: signup.evaluated,
          createdAt: signup.createdAt,
          updatedAt: signup.updatedAt,
        };
      });
    },
    async erase({ db, userId }) {
      await db.delete(kriskrasSignups).where(eq(kriskrasSignups.userId, userId));
    },
  };
}
