// The forms on a round's editing page, each a plain POST with an `intent`: change the round, add,
// change or remove a slot, add or remove an organiser. One function reads the form, calls the module
// and says what the page shows next: a notice after a redirect, or the form again with what was typed,
// its messages in the reader's language.

import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError, type AppErrorCode } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { textOf } from "../../infra/form-data.ts";
import { refusalOf } from "../../infra/refused-form.server.ts";
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

export async function applyRoundEdit(options: {
  db: Db;
  actor: Actor;
  roundId: string;
  form: FormData;
  /** Says the reader's language, in which the messages of the form come back. */
  request: Request;
}): Promise<RoundEditOutcome> {
  const { db, actor, roundId, form } = options;
  const intent = Intent.safeParse(form.get("intent"));
  type Again = Extract<RoundEditOutcome, { kind: "again" }>;
  const again = (extra: Partial<Again>): Again => ({
    kind: "again",
    status: 400,
    intent: intent.success ? intent.data : null,
    slotId: null,
    values: {},
    errors: {},
    problem: null,
    confirm: null,
    ...extra,
  });
  /** The form again after a refusal; what `refusalOf` does not say (a missing id, an outage) goes on up. */
  const refused = (error: unknown, shown: Partial<Again> & { say?: readonly AppErrorCode[] } = {}): Again => {
    const { say, ...rest } = shown;
    return again({ ...rest, ...refusalOf(error, { request: options.request, say }) });
  };
  if (!intent.success)
    return refused(new AppError("invalid", "problems.kriskras.unknownIntent"), { say: ["invalid"] });

  switch (intent.data) {
    case "ronde-opslaan": {
      const values = readRoundForm(form);
      const input = RoundInput.safeParse(values);
      if (!input.success) return refused(input.error, { values });
      try {
        await updateRound({ db, id: roundId, input: input.data });
      } catch (error) {
        return refused(error, { values });
      }
      return { kind: "done", notice: "ronde-opgeslagen" };
    }
    case "tijdvak-toevoegen":
    case "tijdvak-wijzigen": {
      const adding = intent.data === "tijdvak-toevoegen";
      const slotId = adding ? null : idFrom(form, "slotId", "problems.kriskras.slotNotFound");
      const values = readSlotForm(form);
      const input = SlotInput.safeParse(values);
      if (!input.success) return refused(input.error, { slotId, values });
      try {
        if (slotId) await updateSlot({ db, roundId, slotId, input: input.data });
        else await addSlot({ db, roundId, input: input.data });
      } catch (error) {
        return refused(error, { slotId, values });
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
        // A slot of a published round stays: said above the form (409).
        return refused(error, { slotId, say: ["conflict"] });
      }
      return { kind: "done", notice: "tijdvak-verwijderd" };
    }
    case "organisator-toevoegen": {
      const values = { email: textOf(form, "email") };
      const input = OrganiserInput.safeParse(values);
      if (!input.success) return refused(input.error, { values });
      try {
        await addOrganiser({ db, actor, roundId, email: input.data.email });
      } catch (error) {
        return refused(error, { values });
      }
      return { kind: "done", notice: "organisator-toegevoegd" };
    }
    case "organisator-weghalen": {
      const userId = idFrom(form, "userId", "problems.kriskras.organiserNotFound");
      try {
        await removeOrganiser({ db, actor, roundId, userId });
      } catch (error) {
        // The last organiser stays: said above the form (409).
        return refused(error, { say: ["conflict"] });
      }
      return { kind: "done", notice: "organisator-weggehaald" };
    }
  }
}
