// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas that validate the requests
// and shape the answers, so the document cannot drift from the code.
import { z } from "zod";
import { CardOutput, SubmitCardInput } from "../../app/modules/dilemmas/dilemmas.validation.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import {
  BlockOutput,
  CompareOutput,
  PartOutput,
  PartSummaryOutput,
  VersionOutput,
  VersionWithPartsOutput,
} from "../../app/modules/guide/guide-output.ts";
import { SEARCH_FILTER_NAMES } from "../../app/modules/search/search-filters.ts";
import { SearchOutput } from "../../app/modules/search/search-output.ts";
import {
  COCREATION_INPUTS,
  COCREATION_OUTPUTS,
  COCREATION_TAG,
  cocreationPaths,
} from "./cocreation-openapi.ts";
import {
  CONSULTATION_INPUTS,
  CONSULTATION_OUTPUTS,
  CONSULTATION_TAG,
  consultationPaths,
} from "./consultations-openapi.ts";
import {
  CONVERSATION_INPUTS,
  CONVERSATION_OUTPUTS,
  CONVERSATION_SECURITY_SCHEMES,
  conversationPaths,
} from "./conversations-openapi.ts";
import {
  DeliberationConflictOutput,
  DeliberationExportOutput,
  DeliberationInput,
  DeliberationOutput,
  DeliberationSummaryOutput,
  STEP_INPUTS,
  SuggestionOutput,
} from "./deliberations-api.ts";
import { INSIGHTS_OUTPUTS, INSIGHTS_TAG, insightsPaths } from "./insights-openapi.ts";
import {
  loggedIn,
  ok,
  privateHeaders,
  privateResponse,
  problemComponents,
  problemResponses,
  ref,
} from "./openapi-parts.ts";

export const API_VERSION = "1.3.0";

// Answers are described as they leave (output), request bodies as they may arrive (input: defaults
// optional, transforms as the type they start from).
const schemaRegistry = z.registry<{ id: string }>();
const inputRegistry = z.registry<{ id: string }>();
inputRegistry.add(SubmitCardInput, { id: "DilemmaCardSubmission" });
inputRegistry.add(DeliberationInput, { id: "DeliberationInput" });
for (const { step, input } of STEP_INPUTS) inputRegistry.add(input, { id: `DeliberationStep${step.number}` });
for (const [id, schema] of Object.entries(CONVERSATION_INPUTS)) inputRegistry.add(schema, { id });
for (const [id, schema] of Object.entries(COCREATION_INPUTS)) inputRegistry.add(schema, { id });
for (const [id, schema] of Object.entries(CONSULTATION_INPUTS)) inputRegistry.add(schema, { id });
for (const [id, schema] of Object.entries({
  Version: VersionOutput,
  VersionWithParts: VersionWithPartsOutput,
  PartSummary: PartSummaryOutput,
  Part: PartOutput,
  Block: BlockOutput,
  SearchResult: SearchOutput,
  Comparison: CompareOutput,
  Problem: ProblemOutput,
  DilemmaCard: CardOutput,
  Deliberation: DeliberationOutput,
  DeliberationSummary: DeliberationSummaryOutput,
  DeliberationExport: DeliberationExportOutput,
  DeliberationConflict: DeliberationConflictOutput,
  PrincipleSuggestion: SuggestionOutput,
  ...CONVERSATION_OUTPUTS,
  ...COCREATION_OUTPUTS,
  ...CONSULTATION_OUTPUTS,
  ...INSIGHTS_OUTPUTS,
})) {
  schemaRegistry.add(schema, { id });
}

const deliberationIdParam = {
  name: "id",
  in: "path",
  required: true,
  description: "Het id van de afweging",
  schema: { type: "string", format: "uuid" },
};

const versionParam = {
  name: "nummer",
  in: "path",
  required: true,
  description: "Het nummer van de versie",
  schema: { type: "integer", minimum: 1 },
};
const slugParam = {
  name: "slug",
  in: "path",
  required: true,
  description: "De korte naam van het deel, zoals in de adresbalk",
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
};

/**
 * The schemas of a registry as OpenAPI components. Zod gives each one an `$id` equal to its reference
 * (`#/components/schemas/X`); an `$id` may not contain a fragment, so the document would be invalid.
 * The components are found by their place in the document, which needs no `$id`.
 */
function componentSchemas(registry: typeof schemaRegistry, io: "input" | "output") {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri, io });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema]));
}

/**
 * The document, built per request from the site's configuration: `serverUrl` is `config.publicUrl`
 * (never an address from the request), `contactEmail` is `API_CONTACT_EMAIL`.
 */
export function createOpenApiDocument(options: { serverUrl: string; contactEmail: string }) {
  const schemas = {
    ...componentSchemas(schemaRegistry, "output"),
    ...componentSchemas(inputRegistry, "input"),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Vakmanschap API",
      version: API_VERSION,
      description:
        "Lezen en doorzoeken van de Gids Ambtelijk Vakmanschap, zoals dit platform die weergeeft. " +
        "Fouten komen terug als application/problem+json (RFC 9457): `type` is per soort fout een adres " +
        "in dit document (components/responses), en `errors` noemt bij ongeldige invoer elk veld. " +
        "Elk antwoord heeft de header API-Version.",
      contact: { name: "Vakmanschap", email: options.contactEmail, url: `${options.serverUrl}/` },
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: `${options.serverUrl}/api/v1` }],
    tags: [
      { name: "gids", description: "De gids: versies, delen, vergelijken en zoeken" },
      { name: "accounts", description: "Het eigen account" },
      { name: "dilemmas", description: "De dilemmakaarten: lezen, en zelf een kaart insturen" },
      {
        name: "afwegingen",
        description:
          "De Dilemma-wijzer: je eigen afwegingen, stap voor stap. Alleen de eigenaar krijgt antwoord over een " +
          "afweging; voor ieder ander (ook een redacteur of beheerder) bestaat hij niet.",
      },
      {
        name: "gesprekken",
        description:
          "Live gesprekken: een gespreksleider maakt en leidt een gesprek; deelnemers doen mee met de code, " +
          "zonder account, en antwoorden anoniem. De stand komt live binnen als Server-Sent Events.",
      },
      COCREATION_TAG,
      CONSULTATION_TAG,
      INSIGHTS_TAG,
    ],
    paths: {
      ...conversationPaths(),
      ...cocreationPaths(),
      ...consultationPaths(),
      ...insightsPaths(),
      "/versies": {
        get: {
          operationId: "listVersions",
          tags: ["gids"],
          summary: "Alle versies van de gids, nieuwste eerst",
          description:
            "Elke versie met nummer, label, status (`draft` of `published`), de lijst met veranderingen en " +
            "de datums. Iedereen mag dit lezen, zonder login.",
          responses: {
            "200": ok("De versies", {
              type: "object",
              properties: { versions: { type: "array", items: ref("Version") } },
              required: ["versions"],
            }),
            ...problemResponses(503),
          },
        },
      },
      "/versies/{nummer}": {
        get: {
          operationId: "getVersion",
          tags: ["gids"],
          summary: "Eén versie met de lijst van haar delen",
          description:
            "De gegevens van de versie en haar delen in de volgorde van de gids, zonder de alinea's. Een " +
            "nummer dat niet bestaat, geeft 404.",
          parameters: [versionParam],
          responses: { "200": ok("De versie", ref("VersionWithParts")), ...problemResponses(400, 404, 503) },
        },
      },
      "/versies/{nummer}/delen/{slug}": {
        get: {
          operationId: "getVersionPart",
          tags: ["gids"],
          summary: "Eén deel van een versie, met alle alinea's",
          description:
            "Het deel zoals het in deze versie staat, met elke alinea en haar anker. Een anker blijft " +
            "gelijk in volgende versies, zodat een link naar een alinea blijft werken.",
          parameters: [versionParam, slugParam],
          responses: { "200": ok("Het deel", ref("Part")), ...problemResponses(400, 404, 503) },
        },
      },
      "/delen/{slug}": {
        get: {
          operationId: "getCurrentPart",
          tags: ["gids"],
          summary: "Eén deel van de huidige gepubliceerde versie",
          description:
            "Hetzelfde als /versies/{nummer}/delen/{slug} voor de nieuwste gepubliceerde versie; `version` " +
            "zegt welke versie dat is.",
          parameters: [slugParam],
          responses: { "200": ok("Het deel", ref("Part")), ...problemResponses(400, 404, 503) },
        },
      },
      "/vergelijk": {
        get: {
          operationId: "compareVersions",
          tags: ["gids"],
          summary: "Verschillen tussen twee versies, per alinea en per woord",
          description:
            "`van` en `naar` zijn versienummers. Per alinea (op anker) staat of ze is toegevoegd, " +
            "verwijderd of veranderd, en bij een verandering het verschil per woord. `counts` telt de " +
            "alinea's per soort verandering.",
          parameters: [
            { name: "van", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
            { name: "naar", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
          ],
          responses: { "200": ok("De vergelijking", ref("Comparison")), ...problemResponses(400, 404, 503) },
        },
      },
      "/ik": {
        get: {
          operationId: "whoAmI",
          tags: ["accounts"],
          summary: "Wie ben ik: het account achter de sleutel of de sessie",
          description:
            "Om te controleren of een API-sleutel werkt: het e-mailadres en de rollen van het account. " +
            "Zonder sleutel of sessie 401.",
          security: [{ bearer: [] }, { session: [] }],
          responses: {
            "200": ok("Het account", {
              type: "object",
              properties: { email: { type: "string" }, roles: { type: "array", items: { type: "string" } } },
              required: ["email", "roles"],
            }),
            ...problemResponses(401, 429, 503),
          },
        },
      },
      "/dilemmas": {
        get: {
          operationId: "listDilemmas",
          tags: ["dilemmas"],
          summary: "De gepubliceerde dilemmakaarten, op titel, eventueel gefilterd",
          description:
            "Alleen gepubliceerde kaarten. Filter met `principe`, `werk` en `thema`, met dezelfde waarden " +
            "als op de pagina /dilemmas. Een onbekende waarde geeft 400; de pagina negeert die.",
          parameters: [
            { name: "principe", in: "query", required: false, schema: { type: "string" } },
            { name: "werk", in: "query", required: false, schema: { type: "string" } },
            { name: "thema", in: "query", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": ok("De kaarten", {
              type: "object",
              properties: { cards: { type: "array", items: ref("DilemmaCard") } },
              required: ["cards"],
            }),
            ...problemResponses(400, 503),
          },
        },
        post: {
          operationId: "submitDilemma",
          tags: ["dilemmas"],
          summary: "Een dilemmakaart insturen; een redacteur beoordeelt hem",
          description:
            "Met een API-sleutel of sessie, en het recht om dilemma's in te sturen. De kaart komt als " +
            "`ingediend` bij de redactie en is pas openbaar als die haar publiceert. Met `anonymous` staat " +
            "je naam er niet bij. Per uur kun je een beperkt aantal kaarten insturen.",
          security: [{ bearer: [] }, { session: [] }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("DilemmaCardSubmission") } },
          },
          responses: {
            "201": ok("De kaart is ingestuurd", {
              type: "object",
              properties: { id: { type: "string" }, slug: { type: "string" }, status: { type: "string" } },
              required: ["id", "slug", "status"],
            }),
            ...problemResponses(400, 401, 403, 429, 503),
          },
        },
      },
      "/dilemmas/{slug}": {
        get: {
          operationId: "getDilemma",
          tags: ["dilemmas"],
          summary: "Eén gepubliceerde dilemmakaart",
          description:
            "De kaart met haar principes (met titel), de soort werk, de thema's en de datum van " +
            "publicatie. Een kaart die niet (meer) gepubliceerd is, geeft 404.",
          parameters: [{ ...slugParam, description: "De korte naam van de kaart, zoals in de adresbalk" }],
          responses: { "200": ok("De kaart", ref("DilemmaCard")), ...problemResponses(404, 503) },
        },
      },
      "/afwegingen": {
        get: {
          operationId: "listDeliberations",
          tags: ["afwegingen"],
          summary: "Je eigen afwegingen, laatst gewijzigd eerst",
          description:
            "Alleen je eigen afwegingen: id, titel en het moment van de laatste wijziging. De inhoud haal " +
            "je per afweging op.",
          security: loggedIn,
          responses: {
            "200": privateResponse("De afwegingen", {
              type: "object",
              properties: { deliberations: { type: "array", items: ref("DeliberationSummary") } },
              required: ["deliberations"],
            }),
            ...problemResponses(401, 403, 429, 503),
          },
        },
        post: {
          operationId: "createDeliberation",
          tags: ["afwegingen"],
          summary: "Een nieuwe afweging beginnen, leeg of met al wat velden",
          description:
            "Velden die je meestuurt, staan meteen in de afweging; een veld dat niet bestaat, geeft 400. " +
            "Het antwoord heeft revisie 1, en `Location` geeft het adres. Per uur kun je een beperkt " +
            "aantal afwegingen beginnen.",
          security: loggedIn,
          requestBody: {
            required: false,
            content: { "application/json": { schema: ref("DeliberationInput") } },
          },
          responses: {
            "201": {
              ...privateResponse("De afweging is gemaakt", ref("Deliberation")),
              headers: {
                ...privateHeaders,
                Location: { description: "Het adres van de nieuwe afweging", schema: { type: "string" } },
              },
            },
            ...problemResponses(400, 401, 403, 413, 429, 503),
          },
        },
      },
      "/afwegingen/{id}": {
        get: {
          operationId: "getDeliberation",
          tags: ["afwegingen"],
          summary: "Eén eigen afweging, met het revisienummer voor de volgende wijziging",
          description:
            "Met de inhoud van alle stappen. Stuur `revision` mee bij de volgende wijziging. Een afweging " +
            "van iemand anders geeft 404, ook voor een redacteur of beheerder.",
          security: loggedIn,
          parameters: [deliberationIdParam],
          responses: {
            "200": privateResponse("De afweging", ref("Deliberation")),
            ...problemResponses(401, 403, 404, 429, 503),
          },
        },
        delete: {
          operationId: "deleteDeliberation",
          tags: ["afwegingen"],
          summary: "Een eigen afweging meteen en voorgoed verwijderen, met haar leeslinks",
          description:
            "Verwijdert de afweging en de leeslinks die je ervoor maakte. Dit kan niet ongedaan worden " +
            "gemaakt. Het antwoord heeft geen inhoud (204).",
          security: loggedIn,
          parameters: [deliberationIdParam],
          responses: {
            "204": { description: "De afweging is verwijderd", headers: privateHeaders },
            ...problemResponses(401, 403, 404, 429, 503),
          },
        },
      },
      "/afwegingen/{id}/stappen/{stap}": {
        patch: {
          operationId: "updateDeliberationStep",
          tags: ["afwegingen"],
          summary: "Velden van één stap wijzigen",
          description:
            "Stuur het revisienummer dat je het laatst kreeg en velden van deze stap. De velden die je stuurt, " +
            "vervangen wat er stond; velden die je niet stuurt, blijven zoals ze zijn. Een veld van een andere " +
            "stap geeft 400. Is de afweging intussen opgeslagen (een nieuwere revisie), dan krijg je 409 met " +
            "de huidige afweging in `current`: voeg je wijziging daarin samen en stuur opnieuw.",
          security: loggedIn,
          parameters: [
            deliberationIdParam,
            {
              name: "stap",
              in: "path",
              required: true,
              description: "Het nummer van de stap: DeliberationStep1 tot en met DeliberationStep7",
              schema: { type: "integer", minimum: 1, maximum: STEP_INPUTS.length },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { anyOf: STEP_INPUTS.map(({ step }) => ref(`DeliberationStep${step.number}`)) },
              },
            },
          },
          responses: {
            "200": privateResponse("De afweging na de wijziging", ref("Deliberation")),
            "409": {
              description: "Intussen ergens anders veranderd; `current` is de opgeslagen afweging",
              headers: { "API-Version": { $ref: "#/components/headers/API-Version" } },
              content: { "application/problem+json": { schema: ref("DeliberationConflict") } },
            },
            ...problemResponses(400, 401, 403, 404, 413, 429, 503),
          },
        },
      },
      "/afwegingen/{id}/export": {
        get: {
          operationId: "exportDeliberation",
          tags: ["afwegingen"],
          summary: "Een eigen afweging downloaden als tekst (Markdown) of als gegevens (JSON)",
          description:
            "`formaat=markdown` (de standaard) geeft een leesbaar verslag, `formaat=json` de gegevens met " +
            "de titels van de genoemde principes. Het antwoord is een bijlage die niemand mag bewaren.",
          security: loggedIn,
          parameters: [
            deliberationIdParam,
            {
              name: "formaat",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["markdown", "json"], default: "markdown" },
            },
          ],
          responses: {
            "200": {
              description: "Het verslag, als bijlage (afweging-<begin van het id>.md of .json)",
              headers: {
                ...privateHeaders,
                "Content-Disposition": { schema: { type: "string" } },
              },
              content: {
                "text/markdown": { schema: { type: "string" } },
                "application/json": { schema: ref("DeliberationExport") },
              },
            },
            ...problemResponses(400, 401, 403, 404, 429, 503),
          },
        },
      },
      "/afwegingen/{id}/suggesties": {
        get: {
          operationId: "suggestDeliberationPrinciples",
          tags: ["afwegingen"],
          summary: "Principes uit de gids die passen bij wat er bij stap 1 tot en met 3 staat",
          description:
            "Best passend eerst. `because` zijn de eigen woorden die tot het voorstel leidden. Een lege lijst " +
            "als er bij stap 1 tot en met 3 nog niets staat.",
          security: loggedIn,
          parameters: [deliberationIdParam],
          responses: {
            "200": privateResponse("De voorstellen", {
              type: "object",
              properties: { suggestions: { type: "array", items: ref("PrincipleSuggestion") } },
              required: ["suggestions"],
            }),
            ...problemResponses(401, 403, 404, 429, 503),
          },
        },
      },
      "/zoeken": {
        get: {
          operationId: "searchGuide",
          tags: ["gids"],
          summary: "Zoeken in de gids, de dilemmakaarten, de opzetten voor een teamgesprek en Meedenken",
          description:
            "Een vraag in gewone woorden: stopwoorden en vraagwoorden hoeven niet te kloppen, en niet elk woord " +
            "hoeft erin te staan. Het beste antwoord komt eerst: wat meer van de vraag bevat, zeldzame woorden " +
            "zwaarder, en woorden dicht bij elkaar. Nederlandse woordstammen, samengestelde woorden, synoniemen " +
            "(content/synoniemen.md), kleine tikfouten en het begin van het laatste woord worden gevonden. Elke " +
            "invoer is toegestaan; alleen letters en cijfers tellen.",
          parameters: [
            { name: "q", in: "query", required: true, schema: { type: "string", maxLength: 20000 } },
            {
              name: "limit",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 1, maximum: 50, default: 20 },
            },
            {
              name: "soort",
              in: "query",
              required: false,
              description: "Alleen deze soort: de gids, dilemmakaarten, teamgesprekken of Meedenken",
              schema: { type: "string", enum: [...SEARCH_FILTER_NAMES] },
            },
            {
              name: "versie",
              in: "query",
              required: false,
              description: "Zoek in deze gepubliceerde versie van de gids in plaats van de huidige",
              schema: { type: "integer", minimum: 1 },
            },
          ],
          responses: {
            "200": ok("Gevonden resultaten", ref("SearchResult")),
            ...problemResponses(400, 404, 503),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "Een persoonlijke API-sleutel (maak er een op /profiel)",
        },
        session: { type: "apiKey", in: "cookie", name: "vm_sessie" },
        ...CONVERSATION_SECURITY_SCHEMES,
      },
      schemas,
      responses: problemComponents(),
      headers: {
        "API-Version": {
          description: "De versie van deze API (semver)",
          schema: { type: "string", example: API_VERSION },
        },
        "Cache-Control": {
          description: "Privé werk: door niemand bewaren",
          schema: { type: "string", example: "private, no-store" },
        },
      },
    },
  };
}
