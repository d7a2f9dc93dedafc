// Inputs of the accounts capability, shared by the forms and the API.
import { z } from "zod";
import { EmailAddress, Id, storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { safeReturnPath } from "../../infra/return-path.ts";
import { ROLES } from "./authorization.ts";

/** A local path to return to after login; anything else becomes the start page. */
export const ReturnPath = z.unknown().optional().transform(safeReturnPath);

export const LoginLinkRequest = z.object({ email: EmailAddress, terug: ReturnPath });

export const LoginConfirmation = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "problems.accounts.loginLinkInvalid"),
});

export const ProfileInput = z.object({
  name: storableText({ max: 120, tooLong: message("problems.accounts.nameTooLong", { max: 120 }) }),
  organisation: storableText({
    max: 160,
    tooLong: message("problems.accounts.organisationTooLong", { max: 160 }),
  }),
  workKind: z.enum(["", "beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven", "anders"], {
    error: "problems.accounts.workKindUnknown",
  }),
});

export const RoleInput = z.enum(ROLES, { error: "problems.accounts.roleUnknown" });

/** The roles an administrator gives a user: the ticked boxes (an empty list when none is ticked). */
export const RolesChangeInput = z.object({ userId: Id, roles: z.array(RoleInput) });

/** The name of a new API token, as typed on the profile page. */
export const ApiTokenNameInput = z.object({
  name: storableText({
    min: 1,
    tooShort: "problems.accounts.tokenNameMissing",
    max: 80,
    tooLong: message("problems.fields.tooLong", { label: { key: "problems.labels.name" }, max: 80 }),
  }),
});

export const ApiTokenIdInput = z.object({ id: z.uuid({ error: "problems.accounts.tokenUnknown" }) });
