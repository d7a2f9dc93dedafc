// Meedenken's part of the OpenAPI document: the schemas of contributions, replies and decisions, and
// the operations to read, contribute and decide.
import {
  ContributionInput,
  ModerationInput,
  ReplyInput,
  ReportInput,
  StatusInput,
} from "../../app/modules/cocreation/cocreation.validation.ts";
import {
  ContributionDetailOutput,
  ContributionOutput,
  ContributionPageOutput,
  ReplyOutput,
  StatusChangeOutput,
} from "../../app/modules/cocreation/cocreation-output.ts";
import { loggedIn, ok, problemResponses, ref } from "./openapi-parts.ts";

export const COCREATION_OUTPUTS = {
  Contribution: ContributionOutput,
  ContributionDetail: ContributionDetailOutput,
  ContributionPage: ContributionPageOutput,
  ContributionReply: ReplyOutput,
  ContributionStatusChange: StatusChangeOutput,
};
export const COCREATION_INPUTS = {
  ContributionInput,
  ContributionReplyInput: ReplyInput,
  ContributionReportInput: ReportInput,
  ContributionStatusInput: StatusInput,
  ContributionModerationInput: ModerationInput,
};

const tag = ["meedenken"];
const idParam = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  description: `Het id van de ${what}`,
  schema: { type: "string", format: "uuid" },
});
const body = (id: string, required = true) => ({
  required,
  content: { "application/json": { schema: ref(id) } },
});
const supportAnswer = ok("Het aantal keer dat het voorstel gesteund wordt", {
  type: "object",
  properties: { supports: { type: "integer" }, supportedByMe: { type: "boolean" } },
  required: ["supports", "supportedByMe"],
});
const hiddenAnswer = (description: string) =>
  ok(description, {
    type: "object",
    properties: { hidden: { type: "boolean" } },
    required: ["hidden"],
  });

export const COCREATION_TAG = {
  name: "meedenken",
  description:
    "Meedenken over de gids: reacties op een alinea, tekstvoorstellen, voorstellen voor een nieuwe alinea of " +
    "een nieuw deel, en algemene feedback. Elke bijdrage hoort bij de gepubliceerde versie waarop ze is " +
    "geschreven. Een naam staat er alleen bij als de schrijver dat wilde; verborgen tekst is leeg (null) " +
    "met de reden van de redactie.",
};

export function cocreationPaths() {
  const contribution = idParam("bijdrage");
  const reply = idParam("reactie");
  return {
    "/bijdragen": {
      get: {
        operationId: "listContributions",
        tags: tag,
        summary: "Alle bijdragen die niet verborgen zijn, nieuwste eerst, per pagina van 20",
        description:
          "Iedereen mag dit lezen. Filter op `versie`, `deel`, `alinea`, `soort`, `status` en tekst (`q`); " +
          "`pagina` kiest de pagina. Een onbekende waarde geeft 400. `total` en `pages` zeggen hoeveel er " +
          "zijn.",
        parameters: [
          { name: "versie", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
          { name: "deel", in: "query", required: false, schema: { type: "string" } },
          { name: "alinea", in: "query", required: false, schema: { type: "string" } },
          {
            name: "soort",
            in: "query",
            required: false,
            schema: { type: "string", enum: ContributionOutput.shape.kind.options },
          },
          {
            name: "status",
            in: "query",
            required: false,
            schema: { type: "string", enum: ContributionOutput.shape.status.options },
          },
          { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 } },
          {
            name: "pagina",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, default: 1 },
          },
        ],
        responses: { "200": ok("De bijdragen", ref("ContributionPage")), ...problemResponses(400, 503) },
      },
      post: {
        operationId: "createContribution",
        tags: tag,
        summary: "Een bijdrage schrijven op een gepubliceerde versie",
        description:
          "`reactie`, `tekstvoorstel` en `nieuwe-alinea` vragen `part` en `anchor` (bij een nieuwe alinea: de " +
          "alinea waarna die komt). `nieuw-deel` vraagt `title` en `proposedText`, `algemeen` alleen `body`.",
        security: loggedIn,
        requestBody: body("ContributionInput"),
        responses: {
          "201": ok("De bijdrage", ref("ContributionDetail")),
          ...problemResponses(400, 401, 403, 413, 429, 503),
        },
      },
    },
    "/bijdragen/{id}": {
      get: {
        operationId: "getContribution",
        tags: tag,
        summary: "Eén bijdrage met de alinea van toen, het verschil per woord, de status en de reacties",
        description:
          "Iedereen mag dit lezen. Van een verborgen bijdrage is de tekst leeg (null), met de reden van de " +
          "redactie. Een id die niet bestaat, geeft 404.",
        parameters: [contribution],
        responses: { "200": ok("De bijdrage", ref("ContributionDetail")), ...problemResponses(404, 503) },
      },
    },
    "/bijdragen/{id}/reacties": {
      post: {
        operationId: "replyToContribution",
        tags: tag,
        summary: "Reageren op een bijdrage; de schrijver krijgt bericht",
        description:
          "Met een login of API-sleutel en het recht om mee te denken. Met `showName` staat je naam bij de " +
          "reactie. Per uur kun je een beperkt aantal reacties schrijven.",
        security: loggedIn,
        parameters: [contribution],
        requestBody: body("ContributionReplyInput"),
        responses: {
          "201": ok("De reactie", {
            type: "object",
            properties: { id: { type: "string", format: "uuid" } },
            required: ["id"],
          }),
          ...problemResponses(400, 401, 403, 404, 409, 429, 503),
        },
      },
    },
    "/bijdragen/{id}/steun": {
      post: {
        operationId: "supportContribution",
        tags: tag,
        summary: "Een voorstel steunen (één keer per persoon)",
        description:
          "Alleen een voorstel kun je steunen, geen reactie of algemene feedback (409). Het antwoord geeft " +
          "het nieuwe aantal en `supportedByMe`.",
        security: loggedIn,
        parameters: [contribution],
        responses: { "200": supportAnswer, ...problemResponses(401, 403, 404, 409, 429, 503) },
      },
      delete: {
        operationId: "withdrawSupport",
        tags: tag,
        summary: "Je steun voor een voorstel intrekken",
        description:
          "Het antwoord geeft het nieuwe aantal keer dat het voorstel gesteund wordt, en `supportedByMe` " +
          "is false.",
        security: loggedIn,
        parameters: [contribution],
        responses: { "200": supportAnswer, ...problemResponses(401, 403, 404, 429, 503) },
      },
    },
    "/bijdragen/{id}/meldingen": {
      post: {
        operationId: "reportContribution",
        tags: tag,
        summary: "Een bijdrage melden bij de redactie (één keer per persoon)",
        description:
          "Na genoeg meldingen (COCREATION_REPORT_THRESHOLD) is de bijdrage verborgen tot de redactie kijkt.",
        security: loggedIn,
        parameters: [contribution],
        requestBody: body("ContributionReportInput", false),
        responses: {
          "201": hiddenAnswer("De melding is ontvangen; `hidden` zegt of de bijdrage nu verborgen is"),
          ...problemResponses(400, 401, 403, 404, 409, 429, 503),
        },
      },
    },
    "/reacties/{id}/meldingen": {
      post: {
        operationId: "reportReply",
        tags: tag,
        summary: "Een reactie melden bij de redactie (één keer per persoon)",
        description:
          "Een reden meesturen mag. Na genoeg meldingen (COCREATION_REPORT_THRESHOLD) is de reactie " +
          "verborgen tot de redactie kijkt. Twee keer melden geeft 409.",
        security: loggedIn,
        parameters: [reply],
        requestBody: body("ContributionReportInput", false),
        responses: {
          "201": hiddenAnswer("De melding is ontvangen; `hidden` zegt of de reactie nu verborgen is"),
          ...problemResponses(400, 401, 403, 404, 409, 429, 503),
        },
      },
    },
    "/bijdragen/{id}/status": {
      post: {
        operationId: "decideContribution",
        tags: tag,
        summary: "De status van een bijdrage zetten, met een reden die iedereen leest (redactie)",
        description:
          "Bij `overgenomen`, `deels-overgenomen` en `niet-overgenomen` is een reden verplicht; bij de eerste twee " +
          "ook `version`, het nummer van de versie waarin het is overgenomen. De schrijver krijgt bericht.",
        security: loggedIn,
        parameters: [contribution],
        requestBody: body("ContributionStatusInput"),
        responses: {
          "200": ok("De bijdrage met haar nieuwe status", ref("ContributionDetail")),
          ...problemResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    "/bijdragen/{id}/moderatie": {
      post: {
        operationId: "moderateContribution",
        tags: tag,
        summary: "Een bijdrage verbergen of terugzetten, met een reden (redactie)",
        description:
          "Alleen voor de redactie. `action` is `verbergen` of `herstellen`. Bij een verborgen bijdrage " +
          "leest iedereen de reden in plaats van de tekst.",
        security: loggedIn,
        parameters: [contribution],
        requestBody: body("ContributionModerationInput"),
        responses: {
          "200": hiddenAnswer("Of de bijdrage nu verborgen is"),
          ...problemResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
    "/reacties/{id}/moderatie": {
      post: {
        operationId: "moderateReply",
        tags: tag,
        summary: "Een reactie verbergen of terugzetten, met een reden (redactie)",
        description:
          "Alleen voor de redactie. `action` is `verbergen` of `herstellen`. Bij een verborgen reactie " +
          "leest iedereen de reden in plaats van de tekst.",
        security: loggedIn,
        parameters: [reply],
        requestBody: body("ContributionModerationInput"),
        responses: {
          "200": hiddenAnswer("Of de reactie nu verborgen is"),
          ...problemResponses(400, 401, 403, 404, 429, 503),
        },
      },
    },
  };
}
