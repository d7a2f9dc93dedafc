// What a facilitator sends to make or change a conversation, and what a participant sends. Shared by the
// pages and the API; Dutch messages.
import { z } from "zod";
import { REVEAL_FLOOR } from "./tallies.ts";
import { QuestionDraftSchema } from "./templates.ts";

export const ConversationInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Geef het gesprek een titel.")
    .max(120, "De titel mag hoogstens 120 tekens hebben."),
  description: z.string().trim().max(1000, "De beschrijving mag hoogstens 1000 tekens hebben.").default(""),
  questions: z
    .array(QuestionDraftSchema)
    .min(1, "Zet minstens één vraag in het gesprek.")
    .max(30, "Een gesprek heeft hoogstens 30 vragen."),
  minAnswers: z
    .int("Het minimum aantal antwoorden is een heel getal.")
    .min(
      REVEAL_FLOOR,
      `Het minimum aantal antwoorden is minstens ${REVEAL_FLOOR}. Zo blijft ieders antwoord anoniem.`,
    )
    .max(50, "Het minimum aantal antwoorden is hoogstens 50.")
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
  action: z.enum(FACILITATOR_ACTIONS, { error: "Onbekende actie." }),
  questionId: z.uuid("Kies een vraag uit dit gesprek.").optional(),
});

/** An open answer is named by its own id (`answerId` in the facilitator's view), never by who wrote it. */
export const ModerationInput = z.object({
  questionId: z.uuid("Kies een vraag uit dit gesprek."),
  answerId: z.uuid("Kies een antwoord uit dit gesprek."),
  decision: z.enum(["goed", "afgewezen"], { error: "Kies goed of afgewezen." }),
});
