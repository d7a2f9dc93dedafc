// The inputs of Meedenken, shared by the forms and the API. Every message is a key of the locale files;
// the shapes the API answers with are in cocreation-output.ts.
import { z } from "zod";
import { isStorable, storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import {
  BODY_MAX,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  PARAGRAPH_KINDS,
  PROPOSAL_MAX,
  REASON_MAX,
  STATUS_FILTERS,
} from "./cocreation-kinds.ts";

const NOT_TEXT = "problems.cocreation.notText";
const UNKNOWN_TARGET = "problems.cocreation.unknownTarget";
const SHOW_NAME = "problems.cocreation.showNameBoolean";

const text = (max: number, tooLong: string) => storableText({ max, tooLong, missing: NOT_TEXT }).default("");

/** The short name of a part or the anchor of a paragraph, as in the address bar. */
export const Slug = z
  .string({ error: NOT_TEXT })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, UNKNOWN_TARGET)
  .max(120, UNKNOWN_TARGET);

export const ContributionInput = z
  .object({
    kind: z.enum(CONTRIBUTION_KINDS, { error: "problems.cocreation.kindMissing" }),
    version: z.coerce
      .number({ error: "problems.cocreation.unknownGuideVersion" })
      .int("problems.cocreation.unknownGuideVersion")
      .min(1, "problems.cocreation.unknownGuideVersion")
      .max(1_000_000, "problems.cocreation.unknownGuideVersion"),
    part: Slug.optional(),
    anchor: Slug.optional(),
    body: text(BODY_MAX, message("problems.cocreation.bodyTooLong", { max: BODY_MAX })),
    proposedText: text(PROPOSAL_MAX, message("problems.cocreation.proposalTooLong", { max: PROPOSAL_MAX })),
    title: text(
      120,
      message("problems.fields.tooLong", { label: { key: "problems.labels.title" }, max: 120 }),
    ),
    showName: z.boolean({ error: SHOW_NAME }).default(false),
  })
  .superRefine((input, context) => {
    const needs = (path: string, problem: string) =>
      context.addIssue({ code: "custom", path: [path], message: problem });
    const onParagraph = (PARAGRAPH_KINDS as readonly string[]).includes(input.kind);
    if (onParagraph && !input.part) needs("part", "problems.cocreation.partMissing");
    if (onParagraph && !input.anchor) needs("anchor", "problems.cocreation.anchorMissing");
    if ((input.kind === "reactie" || input.kind === "algemeen") && input.body.length < 3) {
      needs("body", "problems.cocreation.replyTooShort");
    }
    if (input.kind !== "reactie" && input.kind !== "algemeen" && input.proposedText.length < 3) {
      needs("proposedText", "problems.cocreation.proposalTooShort");
    }
    if (input.kind === "nieuw-deel" && input.title.length < 3) {
      needs("title", "problems.cocreation.newPartTitleTooShort");
    }
  });
export type ContributionInput = z.output<typeof ContributionInput>;

export const ReplyInput = z.object({
  body: storableText({
    missing: "problems.cocreation.replyMissing",
    min: 3,
    tooShort: "problems.cocreation.replyTooShort",
    max: BODY_MAX,
    tooLong: message("problems.cocreation.replyTooLong", { max: BODY_MAX }),
  }),
  showName: z.boolean({ error: SHOW_NAME }).default(false),
});
export type ReplyInput = z.output<typeof ReplyInput>;

export const ReportInput = z.object({
  reason: text(500, message("problems.cocreation.reportTooLong", { max: 500 })),
});

/** Statuses that end the consideration: the reason is required, and readable by everyone. */
export const DECISIVE_STATUSES = ["overgenomen", "deels-overgenomen", "niet-overgenomen"] as const;

export const StatusInput = z
  .object({
    status: z.enum(CONTRIBUTION_STATUSES, { error: "problems.cocreation.statusMissing" }),
    reason: text(REASON_MAX, message("problems.cocreation.reasonTooLong", { max: REASON_MAX })),
    version: z.coerce
      .number({ error: "problems.cocreation.versionNumberMissing" })
      .int("problems.cocreation.versionNumberMissing")
      .min(1, "problems.cocreation.versionNumberMissing")
      .max(1_000_000, "problems.cocreation.versionNumberMissing")
      .optional(),
  })
  .superRefine((input, context) => {
    if ((DECISIVE_STATUSES as readonly string[]).includes(input.status) && input.reason.length < 5) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "problems.cocreation.decisionReasonTooShort",
      });
    }
    if ((input.status === "overgenomen" || input.status === "deels-overgenomen") && !input.version) {
      context.addIssue({
        code: "custom",
        path: ["version"],
        message: "problems.cocreation.adoptedVersionMissing",
      });
    }
  });
export type StatusInput = z.output<typeof StatusInput>;

export const ModerationInput = z.object({
  action: z.enum(["verbergen", "herstellen"], { error: "problems.cocreation.moderationAction" }),
  reason: storableText({
    missing: "problems.cocreation.reasonMissing",
    min: 5,
    tooShort: "problems.cocreation.reasonTooShort",
    max: REASON_MAX,
    tooLong: message("problems.cocreation.reasonTooLong", { max: REASON_MAX }),
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
    .number({ error: "problems.cocreation.unknownVersion" })
    .int("problems.cocreation.unknownVersion")
    .min(1, "problems.cocreation.unknownVersion")
    .max(1_000_000, "problems.cocreation.unknownVersion")
    .optional(),
  deel: Slug.optional(),
  alinea: Slug.optional(),
  soort: z.enum(CONTRIBUTION_KINDS, { error: "problems.cocreation.unknownKind" }).optional(),
  status: z.enum(CONTRIBUTION_STATUSES, { error: "problems.cocreation.unknownStatus" }).optional(),
  q: storableText({
    missing: "problems.cocreation.searchOneText",
    max: 200,
    tooLong: message("problems.cocreation.searchTooLong", { max: 200 }),
  }).optional(),
  pagina: PageNumber.default(1),
});
