// Peilingen's part of the OpenAPI document: reading consultations and their outcome (also live), and
// taking part with a participant token.
import {
  ConsultationListOutput,
  ConsultationOutput,
  ConsultationStatementInput,
  JoinedOutput,
  ParticipationOutput,
  ReportOutput,
  StatementAddedOutput,
  VoteInput,
} from "../../app/modules/consultation/consultation-output.ts";
import {
  ok,
  participantToken,
  privateHeaders,
  privateResponse,
  problemResponses,
  ref,
} from "./openapi-parts.ts";

export const CONSULTATION_OUTPUTS = {
  ConsultationList: ConsultationListOutput,
  Consultation: ConsultationOutput,
  ConsultationReport: ReportOutput,
  ConsultationParticipation: ParticipationOutput,
  ConsultationJoined: JoinedOutput,
  ConsultationStatementAdded: StatementAddedOutput,
};
export const CONSULTATION_INPUTS = {
  ConsultationVote: VoteInput,
  ConsultationStatement: ConsultationStatementInput,
};

export const CONSULTATION_TAG = {
  name: "peilingen",
  description:
    "Peilingen: veel ambtenaren reageren op korte stellingen met eens, oneens of overslaan, en voegen zelf " +
    "stellingen toe. De uitkomst toont groepen die ongeveer hetzelfde stemden, wat elke groep kenmerkt en " +
    "waar bijna iedereen het over eens is. Er staat nooit iets in over minder dan 5 mensen, en nooit wie " +
    "wat stemde.",
};

const tag = ["peilingen"];
const slug = {
  name: "slug",
  in: "path",
  required: true,
  description: "Het adres van de peiling, zoals in /peilingen/{slug}",
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", maxLength: 120 },
};
const body = (id: string) => ({ required: true, content: { "application/json": { schema: ref(id) } } });

export function consultationPaths() {
  return {
    "/peilingen": {
      get: {
        operationId: "listConsultations",
        tags: tag,
        summary: "De peilingen die niet gearchiveerd zijn",
        description: "Iedereen mag dit lezen. `phase` zegt of je nu kunt stemmen, later, of niet meer.",
        responses: { "200": ok("De peilingen", ref("ConsultationList")), ...problemResponses(503) },
      },
    },
    "/peilingen/{slug}": {
      get: {
        operationId: "getConsultation",
        tags: tag,
        summary: "Eén peiling met haar stellingen",
        description:
          "De vraag, de uitleg, de datums, wie mag meedoen, wat er met stellingen van deelnemers gebeurt, " +
          "en de stellingen die iedereen ziet. Een onbekend adres geeft 404.",
        parameters: [slug],
        responses: { "200": ok("De peiling", ref("Consultation")), ...problemResponses(404, 503) },
      },
    },
    "/peilingen/{slug}/resultaten": {
      get: {
        operationId: "getConsultationReport",
        tags: tag,
        summary: "De uitkomst: groepen, kaart, overeenstemming, twijfel en alle stellingen",
        description:
          "Iedereen mag dit lezen, ook terwijl de peiling loopt. Een groep van minder dan 5 mensen wordt " +
          "geteld maar niet beschreven, en een aandeel van minder dan 5 stemmen is leeg (null). De kaart " +
          "zegt niet wie waar staat.",
        parameters: [slug],
        responses: { "200": ok("De uitkomst", ref("ConsultationReport")), ...problemResponses(404, 503) },
      },
    },
    "/peilingen/{slug}/resultaten/stroom": {
      get: {
        operationId: "followConsultationReport",
        tags: tag,
        summary: "Bericht zodra er een nieuwe uitkomst is (Server-Sent Events)",
        description:
          "Terwijl de peiling loopt, rekent de server de uitkomst opnieuw uit als er stemmen bijkomen. Deze " +
          "stroom zegt wanneer dat klaar is; haal dan /peilingen/{slug}/resultaten opnieuw op. Is de peiling " +
          "niet (meer) open, dan 204 zonder stroom.",
        parameters: [slug],
        responses: {
          "200": {
            description: "De stroom",
            headers: privateHeaders,
            content: {
              "text/event-stream": {
                schema: {
                  type: "string",
                  description:
                    "Server-Sent Events. `tally` (data: {analysedAt, state}): er is een nieuwe uitkomst; de " +
                    "id is de tijd ervan in milliseconden, stuur die terug als Last-Event-ID. `end` (data: " +
                    "{reason: 'gesloten'}): de peiling is niet meer open; maak dan geen nieuwe verbinding. " +
                    "Er zijn grenzen per adres en voor de hele server (429 of 503, met Retry-After).",
                },
              },
            },
          },
          "204": { description: "De peiling is niet open: er komt niets meer", headers: privateHeaders },
          ...problemResponses(404, 429, 503),
        },
      },
    },
    "/peilingen/{slug}/deelname": {
      post: {
        operationId: "joinConsultation",
        tags: tag,
        summary: "Meedoen aan een peiling",
        description:
          "Je krijgt een `token` en de eerste stelling. Stuur het token daarna mee in de header " +
          "Deelnemer-Token. Bij een anonieme peiling hoort er geen naam of account bij. Vraagt de peiling " +
          "om in te loggen, stuur dan ook je login mee (anders 401); opnieuw meedoen geeft dan een nieuw " +
          "token, en je stemmen blijven. Is de peiling gesloten of nog niet begonnen, dan 409.",
        parameters: [slug],
        responses: {
          "201": privateResponse(
            "Je token, de eerste stelling en hoe ver je bent",
            ref("ConsultationJoined"),
          ),
          ...problemResponses(401, 404, 409, 429, 503),
        },
      },
      get: {
        operationId: "getConsultationParticipation",
        tags: tag,
        summary: "De volgende stelling, hoe ver je bent, en je eigen stemmen",
        description:
          "Met je deelnemerstoken. De volgende stelling is er een met weinig stemmen, en dan een waarover " +
          "de groepen verschillen. Is `next` leeg, dan stemde je op alles wat er nu is.",
        security: participantToken,
        parameters: [slug],
        responses: {
          "200": privateResponse("Waar je bent", ref("ConsultationParticipation")),
          ...problemResponses(401, 404, 503),
        },
      },
    },
    "/peilingen/{slug}/deelname/stemmen/{nummer}": {
      put: {
        operationId: "voteInConsultation",
        tags: tag,
        summary: "Stemmen op een stelling, of je stem veranderen",
        description:
          "Met je deelnemerstoken, zolang de peiling open is (anders 409). `vote` is `eens`, `oneens` of " +
          "`overslaan`. Een nummer dat niet bij een zichtbare stelling hoort, geeft 404. Het antwoord is " +
          "de volgende stelling.",
        security: participantToken,
        parameters: [
          slug,
          {
            name: "nummer",
            in: "path",
            required: true,
            description: "Het nummer van de stelling",
            schema: { type: "integer", minimum: 0 },
          },
        ],
        requestBody: body("ConsultationVote"),
        responses: {
          "200": privateResponse("Opgeslagen; de volgende stelling", ref("ConsultationParticipation")),
          ...problemResponses(400, 401, 404, 409, 429, 503),
        },
      },
    },
    "/peilingen/{slug}/deelname/stellingen": {
      post: {
        operationId: "addConsultationStatement",
        tags: tag,
        summary: "Zelf een stelling toevoegen",
        description:
          "Met je deelnemerstoken, als de peiling dat toestaat (anders 403). De stelling is meteen zichtbaar " +
          "of pas na beoordeling (`shown`). Een stelling die er al staat, geeft 409; meer dan 5 per uur 429.",
        security: participantToken,
        parameters: [slug],
        requestBody: body("ConsultationStatement"),
        responses: {
          "201": privateResponse("Toegevoegd", ref("ConsultationStatementAdded")),
          ...problemResponses(400, 401, 403, 404, 409, 429, 503),
        },
      },
    },
  };
}
