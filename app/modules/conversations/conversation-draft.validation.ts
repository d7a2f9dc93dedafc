// What checks a question a facilitator made or edited, and a whole conversation template (a shipped one,
// or an edited copy). Every message is a key in the locale files, said in the reader's language where it
// becomes a page or a problem.
import { z } from "zod";
import { labelledText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { PRINCIPLES } from "../dilemmas/dilemma-tags.ts";
import { Slug } from "../dilemmas/dilemmas.validation.ts";
import { QUESTION_KINDS } from "./tallies.ts";
import type { QuestionDraft } from "./templates.ts";

const CHOICE_MAX = 120;
const PRINCIPLES_MAX = 3;

// Forms send an empty field for a choice that is not filled in; that counts as no choice.
const choice = (label: string) =>
  z
    .string({ error: message("problems.fields.fillIn", { label: { key: label } }) })
    .trim()
    .max(CHOICE_MAX, message("problems.fields.tooLong", { label: { key: label }, max: CHOICE_MAX }))
    .optional()
    .transform((value) => (value ? value : undefined));

const minutes = (max: number) =>
  z
    .int({ error: "problems.conversations.minutesMissing" })
    .min(1, "problems.conversations.minutesTooFew")
    .max(max, message("problems.conversations.minutesTooMany", { max }));

export const QuestionDraftSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: "problems.conversations.chooseKind" }),
    text: labelledText("problems.labels.question", 1, 300),
    optionA: choice("problems.labels.optionA"),
    optionB: choice("problems.labels.optionB"),
    allowOther: z.boolean().optional(),
    cardSlug: Slug.optional(),
    principles: z
      .array(z.enum(PRINCIPLES, { error: "problems.conversations.principleUnknown" }))
      .max(PRINCIPLES_MAX, message("problems.conversations.tooManyPrinciples", { max: PRINCIPLES_MAX }))
      .default([])
      .transform((items) => [...new Set(items)]),
    minutes: minutes(30).optional(),
  })
  .superRefine((question, context) => {
    if (question.kind !== "dilemma") return;
    const missing = (label: string) => message("problems.fields.fillIn", { label: { key: label } });
    if (!question.optionA)
      context.addIssue({ code: "custom", path: ["optionA"], message: missing("problems.labels.optionA") });
    if (!question.optionB)
      context.addIssue({ code: "custom", path: ["optionB"], message: missing("problems.labels.optionB") });
  })
  // Choices left over after switching a dilemma to another kind are dropped, not refused.
  .transform((question): QuestionDraft => {
    const { optionA, optionB, allowOther, ...rest } = question;
    return question.kind === "dilemma"
      ? { ...rest, optionA, optionB, allowOther: allowOther ?? false }
      : rest;
  });

export const ConversationTemplateSchema = z
  .object({
    key: Slug,
    title: labelledText("problems.labels.title", 1, 120),
    description: labelledText("problems.labels.description", 1, 600),
    minutes: minutes(240),
    rounds: z
      .array(
        z.object({
          title: labelledText("problems.labels.roundTitle", 1, 80),
          minutes: minutes(120),
          guidance: labelledText("problems.labels.guidance", 1, 1500),
          asks: z.array(z.int().min(0).max(19)).max(20).optional(),
        }),
      )
      .min(1, "problems.conversations.roundsMissing")
      .max(12, message("problems.conversations.tooManyRounds", { max: 12 })),
    questions: z
      .array(QuestionDraftSchema)
      .min(1, "problems.conversations.templateQuestionsMissing")
      .max(20, message("problems.conversations.tooManyQuestions", { max: 20 })),
  })
  .refine((template) => template.rounds.reduce((sum, round) => sum + round.minutes, 0) === template.minutes, {
    path: ["rounds"],
    message: "problems.conversations.roundsTime",
  })
  .refine(
    (template) =>
      template.rounds.every((round) =>
        (round.asks ?? []).every((index) => index < template.questions.length),
      ),
    { path: ["rounds"], message: "problems.conversations.roundAsksUnknown" },
  );
