// The shapes of Peilingen in the API: what its answers hold and what a vote or a statement must be, for
// the OpenAPI document and the tests that read it. The descriptions are the API's documentation, in
// Dutch like the rest of it (see server/api/consultations-openapi.ts).
import { z } from "zod";
import { CONSULTATION_ACCESS, CONSULTATION_STATES, PARTICIPANT_STATEMENTS } from "./consultation.schema.ts";
import { StatementText } from "./consultation.validation.ts";

const Stance = z.enum(["agree", "disagree"]);
const Statement = z.object({
  number: z.int().min(0).describe("Het nummer van de stelling, zoals in de bestanden van Pol.is (vanaf 0)"),
  text: z.string(),
});
const Shares = z
  .object({
    agree: z.number().min(0).max(1),
    disagree: z.number().min(0).max(1),
    pass: z.number().min(0).max(1),
    people: z.int().min(5).describe("Van hoeveel mensen deze aandelen zijn"),
  })
  .nullable()
  .describe("Leeg (null) bij minder dan 5 stemmen: dan tonen we geen cijfers");

export const ConsultationSummaryOutput = z.object({
  slug: z.string(),
  question: z.string(),
  lang: z.enum(["nl", "en"]).describe("De taal van de vraag en de stellingen"),
  opensAt: z.string(),
  closesAt: z.string(),
  phase: z
    .enum(["running", "upcoming", "past"])
    .describe("`running`: je kunt nu stemmen; `upcoming`: begint later; `past`: voorbij of gesloten"),
});

export const ConsultationListOutput = z.object({ consultations: z.array(ConsultationSummaryOutput) });

export const ConsultationOutput = ConsultationSummaryOutput.extend({
  introduction: z.string(),
  access: z.enum(CONSULTATION_ACCESS).describe("`anoniem`: iedereen doet mee; `inloggen`: alleen wie inlogt"),
  participantStatements: z
    .enum(PARTICIPANT_STATEMENTS)
    .describe("Stellingen van deelnemers: meteen zichtbaar, na beoordeling, of niet toegestaan"),
  state: z.enum(CONSULTATION_STATES),
  takingVotes: z.boolean().describe("Of je nu kunt stemmen"),
  statements: z.array(Statement).describe("De stellingen die iedereen ziet, op volgorde van nummer"),
});

const Progress = z.object({
  voted: z.int().min(0).describe("Op hoeveel van de zichtbare stellingen je stemde"),
  total: z.int().min(0),
});

export const ParticipationOutput = z.object({
  next: Statement.nullable().describe("De stelling die nu aan de beurt is; leeg als je op alles stemde"),
  progress: Progress,
  votes: z
    .array(Statement.extend({ vote: z.enum(["eens", "oneens", "overslaan"]) }))
    .describe("Je eigen stemmen, om ze terug te zien of te veranderen"),
});

export const JoinedOutput = ParticipationOutput.extend({
  token: z
    .string()
    .describe("Je deelnemerstoken: stuur het mee in de header Deelnemer-Token. Je krijgt het één keer."),
});

export const StatementAddedOutput = z.object({
  number: z.int().min(0),
  shown: z.boolean().describe("Of de stelling meteen zichtbaar is (anders na beoordeling)"),
});

const Representative = Statement.extend({
  stance: Stance,
  share: z.number().describe("Het aandeel van de groep dat het zo ziet"),
  othersShare: z.number().describe("Het aandeel van de anderen dat het zo ziet"),
});

export const ReportOutput = z.object({
  slug: z.string(),
  question: z.string(),
  introduction: z.string(),
  lang: z.enum(["nl", "en"]),
  state: z.enum(CONSULTATION_STATES),
  opensAt: z.string(),
  closesAt: z.string(),
  source: z.string().nullable().describe("Het adres van de Pol.is-peiling, als deze daar is gehouden"),
  counts: z.object({ participants: z.int(), votes: z.int(), statements: z.int() }),
  analysedAt: z
    .string()
    .nullable()
    .describe("Wanneer de uitkomst is berekend; leeg als dat nog niet is gebeurd"),
  placed: z.int().describe("Hoeveel deelnemers genoeg stemden om op de kaart te staan"),
  separation: z.enum(["duidelijk", "enigszins", "nauwelijks"]).nullable(),
  groups: z.array(
    z.object({
      letter: z.string(),
      size: z.int(),
      shown: z.boolean().describe("Onwaar bij een groep van minder dan 5 mensen: die wordt niet beschreven"),
      representative: z.array(Representative),
    }),
  ),
  map: z
    .array(
      z.object({
        x: z.number().min(0).max(1),
        y: z.number().min(0).max(1),
        group: z.string().nullable(),
      }),
    )
    .describe("Plaatsen op de kaart, zonder wie er staat, in een volgorde die niets over iemand zegt"),
  consensus: z.array(
    Statement.extend({
      stance: Stance,
      groups: z.array(z.object({ letter: z.string(), share: z.number() })),
    }),
  ),
  uncertain: z.array(Statement.extend({ passShare: z.number(), people: z.int() })),
  statements: z.array(
    Statement.extend({
      all: Shares,
      groups: z.array(z.object({ letter: z.string(), shares: Shares })),
    }),
  ),
});

export const VoteInput = z.object({
  vote: z.enum(["eens", "oneens", "overslaan"], { error: "problems.consultation.vote" }),
});

export const ConsultationStatementInput = z.object({ text: StatementText });
