// The live conversations' part of the OpenAPI document: the schemas of what the screens receive, and
// the operations for facilitators and for participants.
import { z } from "zod";
import {
  ActionInput,
  ConversationInput,
  ModerationInput,
} from "../../app/modules/conversations/conversations.validation.ts";
import { PARTICIPANT_HEADER } from "../../app/modules/conversations/participant-access.server.ts";
import { PHONE_COUNT_INTERVAL_MS } from "../../app/modules/conversations/participant-live.ts";
import { AnswerInput, JoinInput } from "./conversations-api.ts";
import {
  loggedIn,
  participantToken,
  privateHeaders,
  privateResponse,
  problemResponses,
  ref,
} from "./openapi-parts.ts";

const QuestionOutput = z.looseObject({
  id: z.uuid(),
  position: z.int(),
  kind: z.enum(["dilemma", "schaal", "open"]),
  text: z.string(),
  optionA: z.string(),
  optionB: z.string(),
  allowOther: z.boolean(),
  cardSlug: z.string().nullable(),
  principles: z.array(z.string()),
  minutes: z.int().nullable(),
  state: z.enum(["wacht", "open", "gesloten"]),
  round: z.int(),
  revealedRound: z.int(),
  closesAt: z.string().nullable(),
});

/** Revealed results: a tally per round (and the shift after a re-vote), or approved open answers. */
const ResultsOutput = z
  .looseObject({ kind: z.enum(["dilemma", "schaal", "open"]) })
  .nullable()
  .optional();

export const FacilitatorViewOutput = z.looseObject({
  version: z.int(),
  id: z.uuid(),
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(["voorbereid", "bezig", "afgelopen"]),
  locked: z.boolean(),
  minAnswers: z.int(),
  participants: z.int(),
  questions: z.array(QuestionOutput),
  current: z
    .looseObject({
      question: QuestionOutput,
      answered: z.int(),
      canReveal: z.boolean(),
      /** Each open answer under its own random id, which says nothing about who wrote it. */
      toModerate: z.array(z.object({ answerId: z.uuid(), text: z.string() })),
      results: ResultsOutput,
    })
    .nullable(),
});

export const SharedViewOutput = z.looseObject({
  version: z.int(),
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(["voorbereid", "bezig", "afgelopen"]),
  locked: z.boolean(),
  participants: z.int(),
  current: z.looseObject({ question: QuestionOutput, answered: z.int(), results: ResultsOutput }).nullable(),
});

export const CONVERSATION_OUTPUTS = {
  ConversationQuestion: QuestionOutput,
  ConversationControl: FacilitatorViewOutput,
  ConversationShared: SharedViewOutput,
};
export const CONVERSATION_INPUTS = {
  ConversationInput,
  ConversationAction: ActionInput,
  ConversationModeration: ModerationInput,
  ConversationJoin: JoinInput,
  ConversationAnswer: AnswerInput,
};

const idParam = {
  name: "id",
  in: "path",
  required: true,
  description: "Het id van het gesprek",
  schema: { type: "string", format: "uuid" },
};
const eventStream = (description: string) => ({
  description,
  headers: privateHeaders,
  content: {
    "text/event-stream": {
      schema: {
        type: "string",
        description:
          "Server-Sent Events. `tally`: de hele stand (data: JSON), met als id de versie van het gesprek; stuur " +
          "die terug als Last-Event-ID om na een onderbreking alleen iets nieuws te krijgen. `problem`: de stand kon " +
          "even niet worden bijgewerkt. `end` (data: {reason: 'afgelopen' of 'vervangen'}): de server sluit de " +
          "stroom, omdat het gesprek is afgelopen of omdat dezelfde deelnemer een nieuwere stroom opende; maak " +
          "dan geen nieuwe verbinding. Per deelnemer is er één stroom; er zijn grenzen per adres, per login en " +
          "voor de hele server (429 of 503, met Retry-After).",
      },
    },
  },
});
const body = (id: string, required = true) => ({
  required,
  content: { "application/json": { schema: ref(id) } },
});
const tag = ["gesprekken"];

export const CONVERSATION_SECURITY_SCHEMES = {
  participant: {
    type: "apiKey",
    in: "header",
    name: PARTICIPANT_HEADER,
    description:
      "Het token dat je krijgt als je meedoet: aan een live gesprek (POST /deelname) of aan een peiling " +
      "(POST /peilingen/{slug}/deelname). Het staat alleen voor die deelname; bij een gesprek of een anonieme " +
      "peiling hoort er geen naam of account bij. Bij een gesprek mag het in een browser ook in het cookie " +
      "vm_deelnemer staan.",
  },
};

export function conversationPaths() {
  return {
    "/gesprekken": {
      get: {
        operationId: "listConversations",
        tags: tag,
        summary: "Je eigen gesprekken (voor gespreksleiders)",
        description:
          "Alleen voor gespreksleiders: de gesprekken die jij maakte, met status en datums. De vragen en " +
          "de stand haal je per gesprek op.",
        security: loggedIn,
        responses: {
          "200": privateResponse("Je gesprekken", {
            type: "object",
            properties: { conversations: { type: "array", items: { type: "object" } } },
            required: ["conversations"],
          }),
          ...problemResponses(401, 403, 429, 503),
        },
      },
      post: {
        operationId: "createConversation",
        tags: tag,
        summary: "Een gesprek maken met vragen (eigen vragen of uit dilemmakaarten)",
        description:
          "Alleen voor gespreksleiders. Het gesprek begint als `voorbereid`; het antwoord bevat de code " +
          "waarmee deelnemers meedoen. Per uur kun je een beperkt aantal gesprekken maken.",
        security: loggedIn,
        requestBody: body("ConversationInput"),
        responses: {
          "201": privateResponse("Het gesprek, met de code om mee te doen", ref("ConversationControl")),
          ...problemResponses(400, 401, 403, 413, 429, 503),
        },
      },
    },
    "/gesprekken/sjablonen": {
      get: {
        operationId: "listConversationTemplates",
        tags: tag,
        summary:
          "Sjablonen met draaiboek: teamoverleg, introductie, kris-kras-gesprek, rijkstrainees, P&O-dag",
        description:
          "Alleen voor gespreksleiders. Elk sjabloon heeft een sleutel, titel, beschrijving, duur in " +
          "minuten, een draaiboek in rondes en vragen die je in een nieuw gesprek kunt overnemen.",
        security: loggedIn,
        responses: {
          "200": privateResponse("De sjablonen", {
            type: "object",
            properties: { templates: { type: "array", items: { type: "object" } } },
            required: ["templates"],
          }),
          ...problemResponses(401, 403, 429, 503),
        },
      },
    },
    "/gesprekken/{id}": {
      get: {
        operationId: "getConversation",
        tags: tag,
        summary: "De stand voor de gespreksleider: hoeveel er antwoordden, en wat al onthuld is",
        description:
          "Alleen voor de gespreksleider die het gesprek maakte. Alle vragen, de open vraag met het aantal " +
          "antwoorden, en de uitslag zodra die onthuld is. Open antwoorden die je nog moet beoordelen, " +
          "staan erbij zonder afzender.",
        security: loggedIn,
        parameters: [idParam],
        responses: {
          "200": privateResponse("De stand", ref("ConversationControl")),
          ...problemResponses(401, 403, 404, 429, 503),
        },
      },
      delete: {
        operationId: "deleteConversation",
        tags: tag,
        summary: "Een gesprek met alle antwoorden verwijderen",
        description:
          "Alleen voor de gespreksleider die het gesprek maakte. Verwijdert het gesprek, de vragen en alle " +
          "antwoorden meteen. Het antwoord heeft geen inhoud (204).",
        security: loggedIn,
        parameters: [idParam],
        responses: {
          "204": { description: "Verwijderd", headers: privateHeaders },
          ...problemResponses(401, 403, 404, 429, 503),
        },
      },
    },
    "/gesprekken/{id}/acties": {
      post: {
        operationId: "runConversation",
        tags: tag,
        summary:
          "Een vraag openen of sluiten, de uitslag laten zien, opnieuw laten stemmen, op slot, beëindigen",
        description:
          "`action` is `open`, `sluit`, `onthul`, `herstemming`, `vergrendel`, `ontgrendel` of `beeindig`; " +
          "`questionId` kiest de vraag waar de actie over gaat. Een actie die in de huidige toestand niet " +
          "kan, geeft 409. Deelnemers zien de verandering meteen in hun stroom.",
        security: loggedIn,
        parameters: [idParam],
        requestBody: body("ConversationAction"),
        responses: {
          "200": privateResponse("De nieuwe stand", ref("ConversationControl")),
          ...problemResponses(400, 401, 403, 404, 409, 429, 503),
        },
      },
    },
    "/gesprekken/{id}/moderatie": {
      post: {
        operationId: "moderateConversationAnswer",
        tags: tag,
        summary: "Een open antwoord laten zien of weglaten",
        description:
          "`decision` is `goed` (deelnemers zien het antwoord bij de uitslag) of `afgewezen`. Een antwoord " +
          "heet naar zijn eigen `answerId`, nooit naar wie het schreef.",
        security: loggedIn,
        parameters: [idParam],
        requestBody: body("ConversationModeration"),
        responses: {
          "200": privateResponse("De nieuwe stand", ref("ConversationControl")),
          ...problemResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    "/gesprekken/{id}/samenvatting": {
      get: {
        operationId: "getConversationSummary",
        tags: tag,
        summary:
          "Per vraag de verdeling (en het verschil tussen ronde 1 en 2), getoonde open antwoorden, de principes",
        description:
          "Alleen voor de gespreksleider die het gesprek maakte. Ook na afloop: zijn de antwoorden al " +
          "opgeruimd, dan krijg je de samenvatting zoals die toen werd bewaard.",
        security: loggedIn,
        parameters: [idParam],
        responses: {
          "200": privateResponse("De samenvatting", { type: "object" }),
          ...problemResponses(401, 403, 404, 429, 503),
        },
      },
    },
    "/gesprekken/{id}/stroom": {
      get: {
        operationId: "followConversation",
        tags: tag,
        summary: "De stand voor de gespreksleider, live (Server-Sent Events)",
        description:
          "Alleen voor de gespreksleider die het gesprek maakte. Eerst de hele stand, daarna een nieuwe " +
          "stand na elke verandering. Is het gesprek al afgelopen, dan 204 zonder stroom.",
        security: loggedIn,
        parameters: [idParam],
        responses: {
          "200": eventStream("De live stand"),
          "204": {
            description: "Het gesprek is afgelopen: er komt niets meer (een EventSource stopt dan)",
            headers: privateHeaders,
          },
          ...problemResponses(401, 403, 404, 429, 503),
        },
      },
    },
    "/deelname": {
      post: {
        operationId: "joinConversation",
        tags: tag,
        summary: "Meedoen met de code; zonder account of naam",
        description:
          "Stuur de code die de gespreksleider laat zien. Je krijgt een `token` voor deze deelname en de " +
          "stand; stuur het token daarna mee in de header Deelnemer-Token. Een onbekende code geeft 404; " +
          "kun je niet (meer) meedoen, bijvoorbeeld omdat het gesprek op slot zit, dan 409.",
        requestBody: body("ConversationJoin"),
        responses: {
          "201": privateResponse("Je token en de stand", ref("ConversationShared")),
          ...problemResponses(400, 404, 409, 429, 503),
        },
      },
      get: {
        operationId: "getParticipation",
        tags: tag,
        summary: "De stand voor deelnemers: de open vraag en wat onthuld is",
        description:
          "Met je deelnemerstoken: de titel, de status, het aantal deelnemers en de open vraag met wat al " +
          "onthuld is. Nooit wie wat antwoordde.",
        security: participantToken,
        responses: {
          "200": privateResponse("De stand", ref("ConversationShared")),
          ...problemResponses(401, 429, 503),
        },
      },
    },
    "/deelname/antwoorden/{vraag}": {
      put: {
        operationId: "answerConversationQuestion",
        tags: tag,
        summary: "Een antwoord geven of veranderen zolang de vraag open is",
        description:
          "Met je deelnemerstoken, zolang de vraag open is (anders 409). `value` past bij de soort vraag: " +
          "dilemma, schaal of open; een waarde die niet past, geeft 400. Het antwoord zegt in welke ronde " +
          "je antwoord telt (`round`).",
        security: participantToken,
        parameters: [
          {
            name: "vraag",
            in: "path",
            required: true,
            description: "Het id van de vraag",
            schema: { type: "string", format: "uuid" },
          },
        ],
        requestBody: body("ConversationAnswer"),
        responses: {
          "200": privateResponse("Opgeslagen; `round` is de ronde waarin het antwoord telt", {
            type: "object",
            properties: { saved: { type: "boolean", const: true }, round: { type: "integer", minimum: 1 } },
            required: ["saved", "round"],
          }),
          ...problemResponses(400, 401, 404, 409, 429, 503),
        },
      },
    },
    "/deelname/stroom": {
      get: {
        operationId: "followParticipation",
        tags: tag,
        summary: "De stand voor deelnemers, live (Server-Sent Events)",
        description:
          "Met je deelnemerstoken. Een nieuwe stand komt meteen als de vraag, de ronde of de uitslag " +
          "verandert. Zijn alleen de aantallen (antwoorden, deelnemers) veranderd, dan komt de nieuwe stand " +
          `hoogstens eens per ${PHONE_COUNT_INTERVAL_MS / 1000} seconden. Eén stroom per deelnemer: een nieuwe stroom sluit de vorige (event ` +
          "`end` met reden `vervangen`). Is het gesprek afgelopen, dan 204 zonder stroom.",
        security: participantToken,
        responses: {
          "200": eventStream("De live stand"),
          "204": {
            description: "Het gesprek is afgelopen: er komt niets meer (een EventSource stopt dan)",
            headers: privateHeaders,
          },
          ...problemResponses(401, 429, 503),
        },
      },
    },
  };
}
