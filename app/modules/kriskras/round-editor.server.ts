// The forms on a round's editing page, each a plain POST with an `intent`: change the round, add,
// change or remove a slot, add or remove an organiser. One function reads the form, calls the module
// and says what the page shows next: a notice after a redirect, or the form again with what was typed,
// its messages in the reader's language.

import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { textOf } from "../../infra/form-data.ts";
import { fieldErrorsOf, translateFields } from "../../infra/form-errors.ts";
import { languageOf } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import { OrganiserInput, RoundInput, SlotInput } from "./kriskras.validation.ts";
import { readRoundForm, readSlotForm } from "./round-editor-form.ts";
import {
  addOrganiser,
  addSlot,
  removeOrganiser,
  removeSlot,
  updateRound,
  updateSlot,
} from "./rounds.server.ts";

export const ROUND_INTENTS = [
  "ronde-opslaan",
  "tijdvak-toevoegen",
  "tijdvak-wijzigen",
  "tijdvak-verwijderen",
  "organisator-toevoegen",
  "organisator-weghalen",
] as const;
export type RoundIntent = (typeof ROUND_INTENTS)[number];

/** What the page says after a redirect (`?gedaan=`). */
export const ROUND_NOTICES = [
  "ronde-gemaakt",
  "ronde-opgeslagen",
  "tijdvak-toegevoegd",
  "tijdvak-opgeslagen",
  "tijdvak-verwijderd",
  "organisator-toegevoegd",
  "organisator-weggehaald",
] as const;
export type RoundNotice = (typeof ROUND_NOTICES)[number];

export type RoundEditOutcome =
  | { kind: "done"; notice: RoundNotice }
  | {
      kind: "again";
      status: number;
      intent: RoundIntent | null;
      slotId: string | null;
      values: Record<string, string>;
      errors: Record<string, string>;
      /** A problem that belongs to no field. */
      problem: string | null;
      /** Removing this slot needs a yes first. */
      confirm: { slotId: string; answers: number; groups: number } | null;
    };

const Intent = z.enum(ROUND_INTENTS);

/** The id in a field; `notFound` is the message when it is none. */
function idFrom(form: FormData, name: string, notFound: string): string {
  const parsed = Id.safeParse(form.get(name));
  if (!parsed.success) throw new AppError("not_found", notFound);
  return parsed.data;
}

/** The fields of an `invalid` AppError; anything else goes on up. */
function fieldsOf(error: unknown): Record<string, string> {
  if (error instanceof AppError && error.code === "invalid" && error.fields) return error.fields;
  throw error;
}

function conflictOf(error: unknown): string {
  if (error instanceof AppError && error.code === "conflict") return error.message;
  throw error;
}

export async function applyRoundEdit(options: {
  db: Db;
  actor: Actor;
  roundId: string;
  form: FormData;
  /** Says the reader's language, in which the messages of the form come back. */
  request: Request;
}): Promise<RoundEditOutcome> {
  const { db, actor, roundId, form } = options;
  const t = translatorFor(languageOf(options.request));
  const intent = Intent.safeParse(form.get("intent"));
  const again = (
    extra: Partial<Extract<RoundEditOutcome, { kind: "again" }>>,
  ): Extract<RoundEditOutcome, { kind: "again" }> => ({
    kind: "again",
    status: 400,
    intent: intent.success ? intent.data : null,
    slotId: null,
    values: {},
    confirm: null,
    ...extra,
    errors: translateFields(t, extra.errors ?? {}),
    problem: extra.problem ? t(extra.problem) : null,
  });
  if (!intent.success) return again({ problem: "problems.kriskras.unknownIntent" });

  switch (intent.data) {
    case "ronde-opslaan": {
      const values = readRoundForm(form);
      const input = RoundInput.safeParse(values);
      if (!input.success) return again({ values, errors: fieldErrorsOf(input.error) });
      try {
        await updateRound({ db, id: roundId, input: input.data });
      } catch (error) {
        return again({ values, errors: fieldsOf(error) });
      }
      return { kind: "done", notice: "ronde-opgeslagen" };
    }
    case "tijdvak-toevoegen":
    case "tijdvak-wijzigen": {
      const adding = intent.data === "tijdvak-toevoegen";
      const slotId = adding ? null : idFrom(form, "slotId", "problems.kriskras.slotNotFound");
      const values = readSlotForm(form);
      const input = SlotInput.safeParse(values);
      if (!input.success) return again({ slotId, values, errors: fieldErrorsOf(input.error) });
      try {
        if (slotId) await updateSlot({ db, roundId, slotId, input: input.data });
        else await addSlot({ db, roundId, input: input.data });
      } catch (error) {
        return again({ slotId, values, errors: fieldsOf(error) });
      }
      return { kind: "done", notice: adding ? "tijdvak-toegevoegd" : "tijdvak-opgeslagen" };
    }
    case "tijdvak-verwijderen": {
      const slotId = idFrom(form, "slotId", "problems.kriskras.slotNotFound");
      try {
        const removal = await removeSlot({
          db,
          actor,
          roundId,
          slotId,
          confirmed: form.get("bevestigen") === "ja",
        });
        if (removal.status === "confirm") {
          return again({
            status: 200,
            slotId,
            confirm: { slotId, answers: removal.answers, groups: removal.groups },
          });
        }
      } catch (error) {
        return again({ status: 409, slotId, problem: conflictOf(error) });
      }
      return { kind: "done", notice: "tijdvak-verwijderd" };
    }
    case "organisator-toevoegen": {
      const values = { email: textOf(form, "email") };
      const input = OrganiserInput.safeParse(values);
      if (!input.success) return again({ values, errors: fieldErrorsOf(input.error) });
      try {
        await addOrganiser({ db, actor, roundId, email: input.data.email });
      } catch (error) {
        return again({ values, errors: fieldsOf(error) });
      }
      return { kind: "done", notice: "organisator-toegevoegd" };
    }
    case "organisator-weghalen": {
      const userId = idFrom(form, "userId", "problems.kriskras.organiserNotFound");
      try {
        await removeOrganiser({ db, actor, roundId, userId });
      } catch (error) {
        return again({ status: 409, problem: conflictOf(error) });
      }
      return { kind: "done", notice: "organisator-weggehaald" };
    }
  }
}
