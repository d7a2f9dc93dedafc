// The shapes Meedenken's answers have in the API, for its OpenAPI document and the tests that read it. The
// descriptions are the API's documentation, in Dutch like the rest of it (see server/api/cocreation-openapi.ts).
import { z } from "zod";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, HIDDEN_STATES } from "./cocreation-kinds.ts";

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
