// Inputs of the accounts capability, shared by the forms and the API.
import { z } from "zod";
import { EmailAddress, Id, storableText } from "../../infra/fields.ts";
import { safeReturnPath } from "../../infra/return-path.ts";
import { ROLES } from "./authorization.ts";

/** A local path to return to after login; anything else becomes the start page. */
export const ReturnPath = z.unknown().optional().transform(safeReturnPath);

export const LoginLinkRequest = z.object({ email: EmailAddress, terug: ReturnPath });

export const LoginConfirmation = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "Deze inloglink is niet geldig."),
});

export const ProfileInput = z.object({
  name: storableText({ max: 120, tooLong: "Je naam mag hoogstens 120 tekens hebben." }),
  organisation: storableText({
    max: 160,
    tooLong: "De naam van je organisatie mag hoogstens 160 tekens hebben.",
  }),
  workKind: z.enum(["", "beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven", "anders"], {
    error: "Kies een soort werk uit de lijst.",
  }),
});

export const RoleInput = z.enum(ROLES, { error: "Kies een bestaande rol." });

/** The roles an administrator gives a user: the ticked boxes (an empty list when none is ticked). */
export const RolesChangeInput = z.object({ userId: Id, roles: z.array(RoleInput) });

/** The name of a new API token, as typed on the profile page. */
export const ApiTokenNameInput = z.object({
  name: storableText({
    min: 1,
    tooShort: "Geef de sleutel een naam.",
    max: 80,
    tooLong: "De naam mag hoogstens 80 tekens hebben.",
  }),
});

export const ApiTokenIdInput = z.object({ id: z.uuid({ error: "Deze sleutel bestaat niet." }) });
