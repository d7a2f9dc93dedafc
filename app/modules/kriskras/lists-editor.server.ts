// The forms on the page of organisations and answer options, each a plain POST with an `intent`. One
// function reads the form, calls the module and says what the page shows next, in the reader's language.

import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError, type AppErrorCode } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { refusalOf } from "../../infra/refused-form.server.ts";
import { AnswerOptionInput, OptionAttributeInput, OrganisationInput } from "./kriskras.validation.ts";
import {
  createAnswerOption,
  createOrganisation,
  removeAnswerOption,
  removeOrganisation,
  updateAnswerOption,
  updateOrganisation,
} from "./kriskras-lists.server.ts";
import { readOptionForm, readOrganisationForm } from "./lists-editor-form.ts";

export const LIST_INTENTS = [
  "organisatie-toevoegen",
  "organisatie-wijzigen",
  "organisatie-verwijderen",
  "antwoord-toevoegen",
  "antwoord-wijzigen",
  "antwoord-verwijderen",
] as const;
export type ListIntent = (typeof LIST_INTENTS)[number];

export const LIST_NOTICES = [
  "organisatie-toegevoegd",
  "organisatie-opgeslagen",
  "organisatie-verwijderd",
  "organisatie-uitgezet",
  "antwoord-toegevoegd",
  "antwoord-opgeslagen",
  "antwoord-verwijderd",
  "antwoord-uitgezet",
] as const;
export type ListNotice = (typeof LIST_NOTICES)[number];

export type ListEditOutcome =
  | { kind: "done"; notice: ListNotice }
  | {
      kind: "again";
      status: number;
      intent: ListIntent | null;
      /** The organisation's id, or `attribute:key` of the answer option, being changed. */
      target: string | null;
      values: Record<string, string>;
      errors: Record<string, string>;
      problem: string | null;
    };

const Intent = z.enum(LIST_INTENTS);
const Key = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(40);

function organisationId(form: FormData): string {
  const parsed = Id.safeParse(form.get("id"));
  if (!parsed.success) throw new AppError("not_found", "problems.kriskras.organisationNotFound");
  return parsed.data;
}

function optionOf(form: FormData) {
  const attribute = OptionAttributeInput.safeParse(form.get("attribute"));
  const key = Key.safeParse(form.get("key"));
  if (!attribute.success || !key.success) throw new AppError("not_found", "problems.kriskras.optionNotFound");
  return { attribute: attribute.data, key: key.data };
}

/** `request` says the reader's language, in which the messages of the form come back. */
export async function applyListEdit(options: {
  db: Db;
  form: FormData;
  request: Request;
}): Promise<ListEditOutcome> {
  const { db, form } = options;
  const intent = Intent.safeParse(form.get("intent"));
  /** The form again after a refusal; what `refusalOf` does not say (a missing id, an outage) goes on up. */
  const refused = (
    error: unknown,
    shown: { target?: string | null; values?: Record<string, string>; say?: readonly AppErrorCode[] } = {},
  ): ListEditOutcome => ({
    kind: "again",
    intent: intent.success ? intent.data : null,
    target: shown.target ?? null,
    values: shown.values ?? {},
    ...refusalOf(error, { request: options.request, say: shown.say }),
  });
  if (!intent.success)
    return refused(new AppError("invalid", "problems.kriskras.unknownIntent"), { say: ["invalid"] });

  switch (intent.data) {
    case "organisatie-toevoegen":
    case "organisatie-wijzigen": {
      const id = intent.data === "organisatie-wijzigen" ? organisationId(form) : null;
      const values = readOrganisationForm(form);
      const input = OrganisationInput.safeParse(values);
      if (!input.success) return refused(input.error, { target: id, values });
      try {
        if (id) await updateOrganisation({ db, id, input: input.data });
        else await createOrganisation({ db, input: input.data });
      } catch (error) {
        return refused(error, { target: id, values });
      }
      return { kind: "done", notice: id ? "organisatie-opgeslagen" : "organisatie-toegevoegd" };
    }
    case "organisatie-verwijderen": {
      const { removed } = await removeOrganisation({ db, id: organisationId(form) });
      return {
        kind: "done",
        notice: removed === "deleted" ? "organisatie-verwijderd" : "organisatie-uitgezet",
      };
    }
    case "antwoord-toevoegen": {
      const values = readOptionForm(form);
      const input = AnswerOptionInput.safeParse(values);
      if (!input.success) return refused(input.error, { values });
      try {
        await createAnswerOption({ db, input: input.data });
      } catch (error) {
        return refused(error, { values });
      }
      return { kind: "done", notice: "antwoord-toegevoegd" };
    }
    case "antwoord-wijzigen": {
      const option = optionOf(form);
      const target = `${option.attribute}:${option.key}`;
      const values = readOptionForm(form);
      const input = AnswerOptionInput.safeParse(values);
      if (!input.success) return refused(input.error, { target, values });
      await updateAnswerOption({ db, ...option, input: input.data });
      return { kind: "done", notice: "antwoord-opgeslagen" };
    }
    case "antwoord-verwijderen": {
      const { removed } = await removeAnswerOption({ db, ...optionOf(form) });
      return { kind: "done", notice: removed === "deleted" ? "antwoord-verwijderd" : "antwoord-uitgezet" };
    }
  }
}
