// The inputs of Meedenken, shared by the forms and the API, with Dutch messages; and the shapes the API
// answers with (for the OpenAPI document).
import { z } from "zod";
import { isStorable, storableText } from "../../infra/fields.ts";
import {
  BODY_MAX,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  HIDDEN_STATES,
  PARAGRAPH_KINDS,
  PROPOSAL_MAX,
  REASON_MAX,
  STATUS_FILTERS,
} from "./cocreation-kinds.ts";

const text = (max: number, tooLong: string) =>
  storableText({ max, tooLong, missing: "Dit moet tekst zijn." }).default("");

/** The short name of a part or the anchor of a paragraph, as in the address bar. */
export const Slug = z
  .string({ error: "Dit moet tekst zijn." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Onbekend deel of onbekende alinea.")
  .max(120, "Onbekend deel of onbekende alinea.");

export const ContributionInput = z
  .object({
    kind: z.enum(CONTRIBUTION_KINDS, { error: "Kies wat voor bijdrage je geeft." }),
    version: z.coerce
      .number({ error: "Onbekende weergave van de gids." })
      .int("Onbekende weergave van de gids.")
      .min(1, "Onbekende weergave van de gids.")
      .max(1_000_000, "Onbekende weergave van de gids."),
    part: Slug.optional(),
    anchor: Slug.optional(),
    body: text(BODY_MAX, `Je tekst mag hoogstens ${BODY_MAX} tekens hebben.`),
    proposedText: text(PROPOSAL_MAX, `Je voorstel mag hoogstens ${PROPOSAL_MAX} tekens hebben.`),
    title: text(120, "De titel mag hoogstens 120 tekens hebben."),
    showName: z.boolean({ error: "Geef met true of false aan of je naam zichtbaar is." }).default(false),
  })
  .superRefine((input, context) => {
    const needs = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message });
    const onParagraph = (PARAGRAPH_KINDS as readonly string[]).includes(input.kind);
    if (onParagraph && !input.part) needs("part", "Kies het deel van de gids waar je bijdrage over gaat.");
    if (onParagraph && !input.anchor) needs("anchor", "Kies de alinea waar je bijdrage over gaat.");
    if ((input.kind === "reactie" || input.kind === "algemeen") && input.body.length < 3) {
      needs("body", "Schrijf je reactie: minstens 3 tekens.");
    }
    if (input.kind !== "reactie" && input.kind !== "algemeen" && input.proposedText.length < 3) {
      needs("proposedText", "Schrijf de tekst die je voorstelt: minstens 3 tekens.");
    }
    if (input.kind === "nieuw-deel" && input.title.length < 3) {
      needs("title", "Geef het nieuwe deel een titel: minstens 3 tekens.");
    }
  });
export type ContributionInput = z.output<typeof ContributionInput>;

export const ReplyInput = z.object({
  body: storableText({
    missing: "Schrijf je reactie.",
    min: 3,
    tooShort: "Schrijf je reactie: minstens 3 tekens.",
    max: BODY_MAX,
    tooLong: `Je reactie mag hoogstens ${BODY_MAX} tekens hebben.`,
  }),
  showName: z.boolean({ error: "Geef met true of false aan of je naam zichtbaar is." }).default(false),
});
export type ReplyInput = z.output<typeof ReplyInput>;

export const ReportInput = z.object({
  reason: text(500, "Je toelichting mag hoogstens 500 tekens hebben."),
});

/** Statuses that end the consideration: the reason is required, and readable by everyone. */
export const DECISIVE_STATUSES = ["overgenomen", "deels-overgenomen", "niet-overgenomen"] as const;

export const StatusInput = z
  .object({
    status: z.enum(CONTRIBUTION_STATUSES, { error: "Kies een status." }),
    reason: text(REASON_MAX, `De reden mag hoogstens ${REASON_MAX} tekens hebben.`),
    version: z.coerce
      .number({ error: "Vul het nummer van de weergave in." })
      .int("Vul het nummer van de weergave in.")
      .min(1, "Vul het nummer van de weergave in.")
      .max(1_000_000, "Vul het nummer van de weergave in.")
      .optional(),
  })
  .superRefine((input, context) => {
    if ((DECISIVE_STATUSES as readonly string[]).includes(input.status) && input.reason.length < 5) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Schrijf waarom je dit besluit: minstens 5 tekens. Iedereen kan de reden lezen.",
      });
    }
    if ((input.status === "overgenomen" || input.status === "deels-overgenomen") && !input.version) {
      context.addIssue({
        code: "custom",
        path: ["version"],
        message: "Vul het nummer in van de weergave waarin het is overgenomen.",
      });
    }
  });
export type StatusInput = z.output<typeof StatusInput>;

export const ModerationInput = z.object({
  action: z.enum(["verbergen", "herstellen"], { error: "Kies verbergen of herstellen." }),
  reason: storableText({
    missing: "Schrijf de reden.",
    min: 5,
    tooShort: "Schrijf de reden: minstens 5 tekens.",
    max: REASON_MAX,
    tooLong: `De reden mag hoogstens ${REASON_MAX} tekens hebben.`,
  }),
});
export type ModerationInput = z.output<typeof ModerationInput>;

export const EmailPreferenceInput = z.object({ emailNotifications: z.boolean() });

const PageNumber = z.coerce.number().int().min(1).max(10_000);

/** The filters of /meedenken from the query string; anything unknown is ignored. */
export const ContributionFilter = z.object({
  versie: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  deel: Slug.optional().catch(undefined),
  alinea: Slug.optional().catch(undefined),
  soort: z.enum(CONTRIBUTION_KINDS).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  q: z.string().trim().max(200).refine(isStorable).optional().catch(undefined),
  pagina: PageNumber.default(1).catch(1),
});
export type ContributionFilter = z.output<typeof ContributionFilter>;

/**
 * The same filters in the API, where a wrong value is a 400 instead of being ignored; other query
 * parameters are ignored, as in the guide's API.
 */
export const ApiContributionFilter = z.object({
  versie: z.coerce
    .number({ error: "Onbekende weergave." })
    .int("Onbekende weergave.")
    .min(1, "Onbekende weergave.")
    .max(1_000_000, "Onbekende weergave.")
    .optional(),
  deel: Slug.optional(),
  alinea: Slug.optional(),
  soort: z.enum(CONTRIBUTION_KINDS, { error: "Onbekende soort bijdrage." }).optional(),
  status: z.enum(CONTRIBUTION_STATUSES, { error: "Onbekende status." }).optional(),
  q: storableText({
    missing: "Zoek met één tekst.",
    max: 200,
    tooLong: "Zoek met hoogstens 200 tekens.",
  }).optional(),
  pagina: PageNumber.default(1),
});

// --- what the API answers ----------------------------------------------------------------------

const WordOutput = z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() });

export const StatusChangeOutput = z.object({
  status: z.enum(CONTRIBUTION_STATUSES),
  reason: z.string(),
  adoptedInVersion: z.int().nullable(),
  decidedAt: z.string(),
});

export const ReplyOutput = z.object({
  id: z.uuid(),
  author: z.string().nullable().describe("De naam, alleen als de schrijver die wilde laten zien"),
  body: z.string().nullable().describe("Leeg als de reactie verborgen is"),
  hidden: z.enum(HIDDEN_STATES).nullable(),
  hiddenReason: z.string(),
  createdAt: z.string(),
});

export const ContributionOutput = z.object({
  id: z.uuid(),
  kind: z.enum(CONTRIBUTION_KINDS),
  version: z.int(),
  part: z.string().nullable(),
  anchor: z.string().nullable(),
  author: z.string().nullable().describe("De naam, alleen als de schrijver die wilde laten zien"),
  body: z.string().nullable().describe("Leeg als de bijdrage verborgen is"),
  proposedText: z.string().nullable(),
  title: z.string(),
  status: z.enum(CONTRIBUTION_STATUSES),
  statusReason: z.string(),
  adoptedInVersion: z.int().nullable(),
  hidden: z.enum(HIDDEN_STATES).nullable(),
  hiddenReason: z.string(),
  supports: z.int(),
  replies: z.int(),
  createdAt: z.string(),
});

export const ContributionDetailOutput = ContributionOutput.extend({
  originalText: z.string().describe("De alinea zoals die was toen de bijdrage geschreven werd"),
  words: z.array(WordOutput).describe("Bij een tekstvoorstel: het verschil per woord"),
  history: z.array(StatusChangeOutput),
  replyList: z.array(ReplyOutput),
});

export const ContributionPageOutput = z.object({
  contributions: z.array(ContributionOutput),
  total: z.int(),
  page: z.int(),
  pages: z.int(),
});
