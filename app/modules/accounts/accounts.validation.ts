// Inputs of the accounts capability, shared by the forms and the API.
import { z } from "zod";
import { safeReturnPath } from "../../infra/return-path.ts";
import { ROLES } from "./accounts.schema.ts";

export const EmailAddress = z
  .string({ error: "Vul je e-mailadres in." })
  .trim()
  .min(1, "Vul je e-mailadres in.")
  .max(254, "Dit e-mailadres is te lang.")
  .pipe(z.email({ error: "Dit is geen geldig e-mailadres. Controleer het en probeer het opnieuw." }));

/** A local path to return to after login; anything else becomes the start page. */
export const ReturnPath = z.unknown().optional().transform(safeReturnPath);

export const LoginLinkRequest = z.object({ email: EmailAddress, terug: ReturnPath });

export const LoginConfirmation = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "Deze inloglink is niet geldig."),
});

/** Free text to store: PostgreSQL cannot keep the NUL character, so it is refused like a typing mistake. */
export const StorableText = z
  .string()
  .refine((text) => !text.includes("\u0000"), "Deze tekst bevat een teken dat niet kan worden opgeslagen.");

export const ProfileInput = z.object({
  name: StorableText.trim().max(120, "Je naam mag hoogstens 120 tekens hebben."),
  organisation: StorableText.trim().max(160, "De naam van je organisatie mag hoogstens 160 tekens hebben."),
  workKind: z.enum(["", "beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven", "anders"], {
    error: "Kies een soort werk uit de lijst.",
  }),
});

export const RoleInput = z.enum(ROLES, { error: "Kies een bestaande rol." });
