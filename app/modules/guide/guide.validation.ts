// Input shapes of the guide, shared by the pages and the API, and the shape of the API's problems. Every
// message is a key of the locale files. The shapes of the API's answers are in guide-output.ts.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { PART_KINDS } from "./guide-kinds.ts";

/** Search input: anything a person types is accepted and cleaned up later; only absurd sizes are cut. */
export const VersionNumber = z.coerce
  .number({ error: "problems.guide.versionNotNumber" })
  .int("problems.guide.versionNotWhole")
  .min(1, "problems.guide.versionMin")
  .max(1_000_000, "problems.guide.versionTooHigh");

export const PartSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "problems.guide.partUnknown")
  .max(80, "problems.guide.partUnknown");

export const CompareInput = z.object({ van: VersionNumber, naar: VersionNumber });

export const ProblemOutput = z
  .object({
    /** The kind of problem: a URI per kind, its description in the API's OpenAPI document. */
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ in: z.string(), name: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const UNSTORABLE = "problems.guide.unstorable";
const tooLong = (label: string, max: number) =>
  message("problems.fields.tooLong", { label: { key: `problems.labels.${label}` }, max });

/** A part of a draft as an editor writes it: the same limits as the front matter of a part file. */
export const DraftPartInput = z.object({
  title: storableText({
    min: 3,
    tooShort: "problems.guide.partTitleTooShort",
    max: 160,
    tooLong: tooLong("title", 160),
    unstorable: UNSTORABLE,
  }),
  summary: storableText({
    min: 3,
    tooShort: "problems.guide.summaryTooShort",
    max: 400,
    tooLong: tooLong("summary", 400),
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "problems.guide.summaryOneLine"),
  kind: z.enum(PART_KINDS, { error: "problems.guide.partKind" }),
});
export type DraftPartInput = z.infer<typeof DraftPartInput>;

/** The changelog, label and edition of a draft (the edition with the same minimum as `_versie.md`). */
export const DraftDetailsInput = z.object({
  label: storableText({
    min: 3,
    tooShort: "problems.guide.labelTooShort",
    max: 200,
    tooLong: tooLong("name", 200),
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "problems.guide.labelOneLine"),
  edition: storableText({
    min: 3,
    tooShort: "problems.guide.editionTooShort",
    max: 120,
    tooLong: message("problems.guide.fieldTooLong", { max: 120 }),
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "problems.guide.fieldOneLine"),
  changelog: storableText({
    max: 20_000,
    tooLong: "problems.guide.changelogTooLong",
    unstorable: UNSTORABLE,
    trim: false,
  }),
});
export type DraftDetailsInput = z.infer<typeof DraftDetailsInput>;
