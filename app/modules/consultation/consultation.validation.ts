// What a new or changed consultation must be, for the editors' form and the API alike.
import { z } from "zod";
import { isStorable, LocalDate, labelledText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { CONSULTATION_ACCESS, PARTICIPANT_STATEMENTS } from "./consultation.schema.ts";
import {
  FEWEST_SEED_STATEMENTS,
  INTRODUCTION_MAX,
  MOST_CARDS,
  MOST_SEED_STATEMENTS,
  QUESTION_MAX,
  STATEMENT_MAX,
  STATEMENT_MIN,
} from "./consultation-limits.ts";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const StatementText = /* @__PURE__ */ (() =>
  labelledText("problems.labels.statement", STATEMENT_MIN, STATEMENT_MAX))();

export const ConsultationInput = /* @__PURE__ */ (() =>
  z
    .object({
      question: labelledText("problems.labels.question", 5, QUESTION_MAX),
      introduction: labelledText("problems.labels.introduction", 0, INTRODUCTION_MAX).default(""),
      slug: z
        .string()
        .trim()
        .max(60, message("problems.consultation.slug"))
        .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), message("problems.consultation.slug"))
        .default(""),
      access: z.enum(CONSULTATION_ACCESS, { error: message("problems.consultation.access") }),
      participantStatements: z.enum(PARTICIPANT_STATEMENTS, {
        error: message("problems.consultation.participantStatements"),
      }),
      opensOn: LocalDate,
      closesOn: LocalDate,
      statements: z
        .array(z.string().trim())
        .superRefine((lines, ctx) => {
          lines.forEach((line, index) => {
            const problem =
              line.length < STATEMENT_MIN
                ? message("problems.consultation.statementLineShort", { line: index + 1, min: STATEMENT_MIN })
                : line.length > STATEMENT_MAX
                  ? message("problems.consultation.statementLineLong", {
                      line: index + 1,
                      max: STATEMENT_MAX,
                    })
                  : !isStorable(line)
                    ? message("problems.consultation.statementLineUnstorable", { line: index + 1 })
                    : undefined;
            if (problem) ctx.addIssue({ code: "custom", message: problem, path: [index] });
          });
        })
        .min(
          FEWEST_SEED_STATEMENTS,
          message("problems.consultation.tooFewStatements", { min: FEWEST_SEED_STATEMENTS }),
        )
        .max(
          MOST_SEED_STATEMENTS,
          message("problems.consultation.tooManyStatements", { max: MOST_SEED_STATEMENTS }),
        ),
      guidePartSlug: z.string().trim().max(120).default(""),
      cardSlugs: z.array(z.string().trim().max(120)).max(MOST_CARDS).default([]),
    })
    .refine((input) => input.closesOn > input.opensOn, {
      path: ["closesOn"],
      message: message("problems.consultation.closesBeforeOpens"),
    }))();

export type ConsultationInput = z.infer<typeof ConsultationInput>;
