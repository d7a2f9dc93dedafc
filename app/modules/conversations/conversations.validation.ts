// What a facilitator sends to make or change a conversation, and what a participant sends. Shared by the
// pages and the API. Every message is a key in the locale files.
import { z } from "zod";
import { message } from "../../infra/i18n/translate.ts";
import { QuestionDraftSchema } from "./conversation-draft.validation.ts";
import { REVEAL_FLOOR } from "./tallies.ts";

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 1000;
const QUESTIONS_MAX = 30;
const MINIMUM_MAX = 50;

export const ConversationInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, "problems.conversations.titleMissing")
    .max(
      TITLE_MAX,
      message("problems.fields.tooLong", { label: { key: "problems.labels.title" }, max: TITLE_MAX }),
    ),
  description: z
    .string()
    .trim()
    .max(
      DESCRIPTION_MAX,
      message("problems.fields.tooLong", {
        label: { key: "problems.labels.description" },
        max: DESCRIPTION_MAX,
      }),
    )
    .default(""),
  questions: z
    .array(QuestionDraftSchema)
    .min(1, "problems.conversations.questionsMissing")
    .max(QUESTIONS_MAX, message("problems.conversations.tooManyQuestions", { max: QUESTIONS_MAX })),
  minAnswers: z
    .int("problems.conversations.minimumWhole")
    .min(REVEAL_FLOOR, message("problems.conversations.minimumTooLow", { floor: REVEAL_FLOOR }))
    .max(MINIMUM_MAX, message("problems.conversations.minimumTooHigh", { max: MINIMUM_MAX }))
    .optional(),
});
export type ConversationInput = z.output<typeof ConversationInput>;

/** What the facilitator does with the conversation while it runs. */
export const FACILITATOR_ACTIONS = [
  "open",
  "sluit",
  "onthul",
  "herstemming",
  "vergrendel",
  "ontgrendel",
  "beeindig",
] as const;
export type FacilitatorAction = (typeof FACILITATOR_ACTIONS)[number];

export const ActionInput = z.object({
  action: z.enum(FACILITATOR_ACTIONS, { error: "problems.conversations.unknownAction" }),
  questionId: z.uuid("problems.conversations.chooseQuestion").optional(),
});

/** An open answer is named by its own id (`answerId` in the facilitator's view), never by who wrote it. */
export const ModerationInput = z.object({
  questionId: z.uuid("problems.conversations.chooseQuestion"),
  answerId: z.uuid("problems.conversations.chooseAnswer"),
  decision: z.enum(["goed", "afgewezen"], { error: "problems.conversations.chooseDecision" }),
});
