// Concrete addresses for every entry of the route table (app/routes.ts), so that tests which must
// cover every page can walk the table itself. A new route without examples here fails the
// accessibility test, so no page can be forgotten.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../../app/routes.ts";

export type Language = "nl" | "en";

export interface ExampleUrl {
  path: string;
  /** What state of the page this address shows, for failure messages. */
  shows: string;
  /** The HTTP status the page answers with. */
  status: number;
  /** The interface language to view it in; Dutch when absent. */
  language?: Language;
  /** Log in first as this person (see login.ts); anonymous when absent. */
  as?: keyof typeof PEOPLE;
  /**
   * Whether the page loads its scripts, where its route decides per page (`hydrate` is a function);
   * otherwise the route's `hydrate: true` says it.
   */
  hydrates?: boolean;
}

/** People the browser tests can log in as; the test server starts with the operator's account made. */
export const PEOPLE = {
  beheerder: "beheerder@example.nl",
  redacteur: "redacteur@example.nl",
  ambtenaar: "ambtenaar@example.nl",
  gespreksleider: "gespreksleider@example.nl",
} as const;

/** A card that ships with the platform (content/dilemmas/). */
export const CARD_SLUG = "eerst-de-minister-of-de-samenleving";

/** A record id that names nothing: the pages of a record answer 404 for it, as for someone else's. */
export const NO_SUCH_RECORD = "00000000-0000-4000-8000-000000000000";

/** A route either has pages to look at, or renders none and says why. */
export type RouteExamples = { examples: ExampleUrl[] } | { rendersNoPage: string };

/**
 * Kris-kras rounds made before the test server starts (tests/e2e/kriskras-fixture.ts): one open for
 * sign-up with two time slots, one whose sign-up has closed, and one whose groups are published.
 */
export const KRISKRAS_ROUND = "6b7c1f2e-5a3d-4c8b-9e0f-4b2a1c3d5e6f";
export const KRISKRAS_CLOSED_ROUND = "0d4e8a1b-7c2f-4e9a-8b3d-5f6a7b8c9d0e";
/** A published round: one group of twelve with the ambtenaar (PEOPLE.ambtenaar) as its host. */
export const KRISKRAS_PUBLISHED_ROUND = "3f2a9c4d-1b8e-4d7f-a6c5-2e9b8d7c6a51";
/** A round open for sign-up with one summer slot and eleven sign-ups: the browser test publishes it. */
export const KRISKRAS_PUBLISH_ROUND = "5c9e2d7a-3f1b-4a8c-b6d4-7e0f1a2b3c4d";
/** A round whose sign-ups were deleted after its conversation 200 days ago: only its totals are left. */
export const KRISKRAS_PURGED_ROUND = "2a7f4c1e-9b3d-4e8a-a5c6-3d2e1f0a9b8c";
/** A round whose conversation was three days ago, with the ambtenaar in its group (the evaluation). */
export const KRISKRAS_PAST_ROUND = "8e1d2c3b-4a5f-4e6d-9c7b-1a2b3c4d5e6f";

/** Contributions made before the test server starts (tests/e2e/cocreation-fixture.ts), on PART_SLUG. */
export const COCREATION_PROPOSAL = "5c0e6a1d-2b3f-4c7e-8d9a-0f1e2d3c4b5a";
export const COCREATION_HIDDEN = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

/** A login link made before the test server starts (tests/e2e/login-link-fixture.ts); never used. */
export const LOGIN_LINK_EXAMPLE = {
  token: "voorbeeld-inloglink-die-niemand-gebruikt-1234567890",
  email: "voorbeeld@example.nl",
};

/**
 * Consultations made before the test server starts (tests/e2e/consultation-fixture.ts): one open to
 * anyone (with a statement waiting for review), one that needs a login, Pol.is's Seattle conversation
 * (closed, analysed), and one the browser test deletes.
 */
export const CONSULTATION_OPEN = "tegenspraak-in-je-team";
export const CONSULTATION_LOGIN = "werkdruk-en-vakmanschap";
export const CONSULTATION_CLOSED = "minimumloon-seattle";
export const CONSULTATION_TO_DELETE = "peiling-om-te-verwijderen";

/** The year of last month: the insights fixture publishes its overview (tests/e2e/insights-fixture.ts). */
export const INSIGHTS_YEAR = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15),
).getUTCFullYear();

export const PART_SLUG = "luister-naar-burgers";
export const CURRENT_VERSION = 1;
/** The example draft: it changes paragraphs of PART_SLUG, so comparing with it shows differences. */
export const DRAFT_VERSION = 2;

export const EXAMPLE_URLS: Record<string, RouteExamples> = {
  "routes/home": {
    examples: [
      { path: "/", shows: "home page", status: 200 },
      { path: "/", shows: "home page in English", status: 200, language: "en" },
    ],
  },
  "routes/gids": {
    examples: [
      { path: "/gids", shows: "contents of the current version", status: 200 },
      { path: "/gids", shows: "contents in English", status: 200, language: "en" },
    ],
  },
  "routes/gids-afdrukken": {
    examples: [{ path: "/gids/afdrukken", shows: "whole guide for printing", status: 200 }],
  },
  "routes/gids-versies": {
    examples: [
      { path: "/gids/versies", shows: "list of versions with compare form", status: 200 },
      { path: "/gids/versies", shows: "list of versions in English", status: 200, language: "en" },
    ],
  },
  "routes/gids-vergelijk": {
    examples: [
      {
        path: `/gids/vergelijk?van=${CURRENT_VERSION}&naar=${DRAFT_VERSION}`,
        shows: "comparison with differences",
        status: 200,
      },
      { path: "/gids/vergelijk?van=x&naar=1", shows: "comparison with invalid input", status: 400 },
      { path: "/gids/vergelijk?van=1&naar=1", shows: "comparison of a version with itself", status: 400 },
      {
        path: `/gids/vergelijk?van=${CURRENT_VERSION}&naar=${DRAFT_VERSION}`,
        shows: "comparison in English",
        status: 200,
        language: "en",
      },
    ],
  },
  "routes/gids-versie": {
    examples: [
      { path: `/gids/versie/${CURRENT_VERSION}`, shows: "contents of the published version", status: 200 },
      { path: `/gids/versie/${DRAFT_VERSION}`, shows: "contents of the draft version", status: 200 },
      { path: "/gids/versie/99", shows: "unknown version", status: 404 },
    ],
  },
  "routes/gids-versie-afdrukken": {
    examples: [
      { path: `/gids/versie/${DRAFT_VERSION}/afdrukken`, shows: "whole draft for printing", status: 200 },
    ],
  },
  "routes/gids-versie-deel": {
    examples: [
      { path: `/gids/versie/${DRAFT_VERSION}/${PART_SLUG}`, shows: "part of the draft version", status: 200 },
      {
        path: `/gids/versie/${DRAFT_VERSION}/${PART_SLUG}`,
        shows: "part of the draft in English",
        status: 200,
        language: "en",
      },
    ],
  },
  "routes/gids-deel": {
    examples: [
      { path: `/gids/${PART_SLUG}`, shows: "a principle", status: 200 },
      { path: "/gids/waarden", shows: "the values", status: 200 },
      { path: `/gids/${PART_SLUG}`, shows: "a principle in English", status: 200, language: "en" },
      { path: "/gids/bestaat-niet", shows: "unknown part", status: 404 },
    ],
  },
  "routes/dilemmas": {
    examples: [
      { path: "/dilemmas", shows: "the library with filters", status: 200 },
      { path: "/dilemmas?principe=menselijke-maat&werk=uitvoering", shows: "filtered cards", status: 200 },
      {
        path: "/dilemmas?thema=politiek&werk=ondersteuning&principe=vertrouwen-in-burgers",
        shows: "a filter without cards",
        status: 200,
      },
      { path: "/dilemmas", shows: "the library in English", status: 200, language: "en" },
    ],
  },
  "routes/dilemmas-afdrukken": {
    examples: [
      { path: "/dilemmas/afdrukken?principe=loyale-tegenspraak", shows: "cards to print", status: 200 },
    ],
  },
  "routes/dilemma": {
    examples: [
      { path: `/dilemmas/${CARD_SLUG}`, shows: "one card", status: 200 },
      { path: `/dilemmas/${CARD_SLUG}`, shows: "one card in English", status: 200, language: "en" },
      { path: "/dilemmas/bestaat-niet", shows: "an unknown card", status: 404 },
    ],
  },
  "routes/dilemmas-nieuw": {
    examples: [
      { path: "/dilemmas/nieuw", shows: "the form to send in a card", status: 200, as: "ambtenaar" },
    ],
  },
  "routes/dilemmas-mijn": {
    examples: [{ path: "/dilemmas/mijn", shows: "my cards sent in", status: 200, as: "ambtenaar" }],
  },
  "routes/beheer-dilemmas": {
    examples: [{ path: "/beheer/dilemmas", shows: "the editors' queue", status: 200, as: "redacteur" }],
  },
  "routes/beheer-dilemma": {
    examples: [
      {
        path: "/beheer/dilemmas/00000000-0000-4000-8000-000000000000",
        shows: "a card sent in that does not exist",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/beheer-gids": {
    examples: [
      { path: "/beheer/gids", shows: "the versions and the example draft", status: 200, as: "redacteur" },
      {
        path: "/beheer/gids?gedaan=gepubliceerd&versie=2",
        shows: "the versions just after publishing, in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
    ],
  },
  "routes/beheer-gids-download": {
    rendersNoPage:
      "answers the draft as one Markdown file; tests/e2e/editing-the-next-version.spec.ts downloads it",
  },
  "routes/beheer-gids-concept": {
    examples: [
      {
        path: "/beheer/gids/concept",
        shows: "the draft: changelog with preview, its parts, a new part, publishing",
        status: 200,
        as: "redacteur",
      },
      {
        path: "/beheer/gids/concept?gedaan=wijzigingen-opgeslagen",
        shows: "the draft in English, after saving the changelog",
        status: 200,
        as: "redacteur",
        language: "en",
      },
    ],
  },
  "routes/beheer-gids-deel": {
    examples: [
      {
        path: `/beheer/gids/concept/${PART_SLUG}?alinea=kritiek-is-waardevolle-informatie-wie#bewerken`,
        shows: "a part of the draft with its paragraphs, one open for editing",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/gids/concept/${PART_SLUG}?na=begin#toevoegen`,
        shows: "adding a paragraph at the start, in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
      {
        path: "/beheer/gids/concept/bestaat-niet",
        shows: "a part that is not in the draft",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/beheer-peilingen": {
    examples: [
      {
        path: "/beheer/peilingen",
        shows: "every consultation with its counts",
        status: 200,
        as: "gespreksleider",
      },
      {
        path: "/beheer/peilingen",
        shows: "the consultations in English",
        status: 200,
        as: "gespreksleider",
        language: "en",
      },
      { path: "/beheer/peilingen", shows: "no access for an ambtenaar", status: 403, as: "ambtenaar" },
    ],
  },
  "routes/beheer-peilingen-nieuw": {
    examples: [
      {
        path: "/beheer/peilingen/nieuw",
        shows: "the form for a new consultation",
        status: 200,
        as: "redacteur",
      },
      {
        path: "/beheer/peilingen/nieuw",
        shows: "the form in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
    ],
  },
  "routes/beheer-peiling": {
    examples: [
      {
        path: `/beheer/peilingen/${CONSULTATION_OPEN}`,
        shows: "an open consultation with a statement to review",
        status: 200,
        as: "gespreksleider",
      },
      {
        path: `/beheer/peilingen/${CONSULTATION_CLOSED}`,
        shows: "a closed consultation, in English",
        status: 200,
        as: "gespreksleider",
        language: "en",
      },
      {
        path: "/beheer/peilingen/bestaat-niet",
        shows: "a consultation that does not exist",
        status: 404,
        as: "gespreksleider",
      },
    ],
  },
  "routes/beheer-kriskras": {
    examples: [
      { path: "/beheer/kriskras", shows: "the kris-kras rounds", status: 200, as: "redacteur" },
      {
        path: "/beheer/kriskras",
        shows: "the rounds in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
      { path: "/beheer/kriskras", shows: "no access for a facilitator", status: 403, as: "gespreksleider" },
    ],
  },
  "routes/beheer-kriskras-nieuw": {
    examples: [
      { path: "/beheer/kriskras/nieuw", shows: "the form for a new round", status: 200, as: "redacteur" },
      {
        path: "/beheer/kriskras/nieuw",
        shows: "the form for a new round in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
    ],
  },
  "routes/beheer-kriskras-organisaties": {
    examples: [
      {
        path: "/beheer/kriskras/organisaties",
        shows: "the organisations and answer options",
        status: 200,
        as: "redacteur",
      },
      {
        path: "/beheer/kriskras/organisaties?organisatie=x&antwoord=region%3Amidden",
        shows: "changing an answer option",
        status: 200,
        as: "redacteur",
      },
    ],
  },
  "routes/beheer-kriskras-ronde": {
    examples: [
      {
        path: `/beheer/kriskras/${KRISKRAS_ROUND}`,
        shows: "a round open for sign-up with its slots and the forms to change them",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/kriskras/${KRISKRAS_CLOSED_ROUND}`,
        shows: "a round whose sign-up has closed, in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
      {
        path: `/beheer/kriskras/${KRISKRAS_PURGED_ROUND}`,
        shows: "a round whose sign-ups were deleted, with the totals it kept",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/kriskras/${NO_SUCH_RECORD}`,
        shows: "a round that does not exist",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/kriskras-evaluatie": {
    examples: [
      {
        path: `/kriskras/${KRISKRAS_PUBLISHED_ROUND}/evaluatie`,
        shows: "the evaluation of a conversation that has not taken place yet",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/kriskras/${KRISKRAS_PAST_ROUND}/evaluatie`,
        shows: "the evaluation form after the conversation",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/kriskras/${NO_SUCH_RECORD}/evaluatie`,
        shows: "the evaluation of a round the person took no part in",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/beheer-kriskras-groepen": {
    examples: [
      {
        path: `/beheer/kriskras/${KRISKRAS_CLOSED_ROUND}/groepen`,
        shows: "a closed round's sign-ups, before or after composing",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/kriskras/${KRISKRAS_PUBLISHED_ROUND}/groepen?gepubliceerd=1&nieuw=12&bijgewerkt=0&afgezegd=0&ongewijzigd=0`,
        shows: "a published round's groups, just after publishing",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/kriskras/${NO_SUCH_RECORD}/groepen`,
        shows: "the groups of a round that does not exist",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/afwegen": {
    examples: [
      { path: "/afwegen", shows: "my deliberations and the start button", status: 200, as: "ambtenaar" },
      {
        path: "/afwegen",
        shows: "my deliberations in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
    ],
  },
  "routes/afweging": {
    examples: [
      {
        path: `/afwegen/${NO_SUCH_RECORD}`,
        shows: "a record that does not exist (or is someone else's)",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/afweging-stap": {
    examples: [
      {
        path: `/afwegen/${NO_SUCH_RECORD}/stap/1`,
        shows: "a step of a record that does not exist",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/afweging-download": {
    rendersNoPage:
      "answers a record as a Markdown or JSON file; tests/e2e/deliberation.spec.ts downloads both",
  },
  "routes/afweging-verwijderen": {
    examples: [
      {
        path: `/afwegen/${NO_SUCH_RECORD}/verwijderen`,
        shows: "deleting a record that does not exist",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/afweging-gedeeld": {
    examples: [
      {
        path: "/afwegen/gedeeld/een-link-die-niet-bestaat",
        shows: "a share link that does not work (any more)",
        status: 404,
      },
    ],
  },
  "routes/afweging-dilemmakaart": {
    examples: [
      {
        path: "/afwegen/00000000-0000-4000-8000-000000000000/dilemmakaart",
        shows: "making a card from a record that does not exist",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/kriskras": {
    examples: [
      { path: "/kriskras", shows: "kris-kras rounds open for sign-up", status: 200, as: "ambtenaar" },
      {
        path: "/kriskras",
        shows: "kris-kras rounds in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
      { path: "/kriskras?aangemeld=1", shows: "the rounds after signing up", status: 200, as: "redacteur" },
    ],
  },
  "routes/kriskras-mijn-groep": {
    examples: [
      {
        path: `/kriskras/${KRISKRAS_PUBLISHED_ROUND}/mijn-groep`,
        shows: "the host's own group: slot, first names and organisations, the programme, start button",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/kriskras/${KRISKRAS_PUBLISHED_ROUND}/mijn-groep`,
        shows: "the host's own group in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
      {
        path: `/kriskras/${KRISKRAS_PUBLISHED_ROUND}/mijn-groep`,
        shows: "a group the person is not in",
        status: 404,
        as: "redacteur",
      },
      {
        path: `/kriskras/${KRISKRAS_CLOSED_ROUND}/mijn-groep`,
        shows: "a round whose groups are not published",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/kriskras-mijn-groep-agenda": {
    rendersNoPage:
      "answers the person's invitation as a calendar file; tests/integration/kriskras-publication.test.ts reads it",
  },
  "routes/kriskras-aanmelden": {
    examples: [
      {
        path: `/kriskras/${KRISKRAS_ROUND}/aanmelden`,
        shows: "the sign-up form of an open round",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/kriskras/${KRISKRAS_ROUND}/aanmelden`,
        shows: "the sign-up form in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
      {
        path: `/kriskras/${KRISKRAS_CLOSED_ROUND}/aanmelden`,
        shows: "a round whose sign-up has closed",
        status: 200,
        as: "gespreksleider",
      },
      {
        path: `/kriskras/${NO_SUCH_RECORD}/aanmelden`,
        shows: "a round that does not exist",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/doe-mee": {
    examples: [
      { path: "/doe-mee", shows: "the form to join a conversation with its code", status: 200 },
      { path: "/doe-mee", shows: "the join form in English", status: 200, language: "en" },
      { path: "/doe-mee?code=abc", shows: "the join form with a code that is no code", status: 400 },
    ],
  },
  "routes/doe-mee-code": {
    examples: [{ path: "/doe-mee/XXX999", shows: "a conversation code that names nothing", status: 404 }],
  },
  "routes/gesprekken": {
    examples: [
      { path: "/gesprekken", shows: "a facilitator's conversations", status: 200, as: "gespreksleider" },
      { path: "/gesprekken", shows: "no access for a civil servant", status: 403, as: "ambtenaar" },
    ],
  },
  "routes/gesprekken-nieuw": {
    examples: [
      { path: "/gesprekken/nieuw", shows: "the templates to start from", status: 200, as: "gespreksleider" },
      {
        path: "/gesprekken/nieuw?sjabloon=teamoverleg",
        shows: "the form filled from a template, with its conversation guide",
        status: 200,
        as: "gespreksleider",
      },
      {
        path: "/gesprekken/nieuw?sjabloon=kriskras",
        shows: "the form from a template in English",
        status: 200,
        as: "gespreksleider",
        language: "en",
      },
      {
        path: `/gesprekken/nieuw?kaart=${CARD_SLUG}`,
        shows: "the form opened from a card's page, with the card's question in it",
        status: 200,
        as: "gespreksleider",
      },
    ],
  },
  "routes/gesprek-leiden": {
    examples: [
      {
        path: `/gesprekken/${NO_SUCH_RECORD}/leiden`,
        shows: "leading a conversation that does not exist (or is someone else's)",
        status: 404,
        as: "gespreksleider",
      },
    ],
  },
  "routes/gesprek-scherm": {
    examples: [
      {
        path: `/gesprekken/${NO_SUCH_RECORD}/scherm`,
        shows: "the screen of a conversation that does not exist",
        status: 404,
        as: "gespreksleider",
      },
    ],
  },
  "routes/gesprek-samenvatting": {
    examples: [
      {
        path: `/gesprekken/${NO_SUCH_RECORD}/samenvatting`,
        shows: "the summary of a conversation that does not exist",
        status: 404,
        as: "gespreksleider",
      },
    ],
  },
  "routes/gesprek-samenvatting-download": {
    rendersNoPage:
      "answers a summary as a Markdown or CSV file; tests/e2e/leading-a-conversation.spec.ts downloads both",
  },
  "routes/peilingen": {
    examples: [
      { path: "/peilingen", shows: "running and past consultations", status: 200 },
      { path: "/peilingen", shows: "consultations in English", status: 200, language: "en" },
    ],
  },
  "routes/peiling": {
    examples: [
      { path: `/peilingen/${CONSULTATION_OPEN}`, shows: "an open consultation, before joining", status: 200 },
      {
        path: `/peilingen/${CONSULTATION_OPEN}`,
        shows: "an open consultation in English",
        status: 200,
        language: "en",
      },
      {
        path: `/peilingen/${CONSULTATION_LOGIN}`,
        shows: "a consultation that needs a login, to someone not logged in",
        status: 200,
      },
      { path: `/peilingen/${CONSULTATION_CLOSED}`, shows: "a closed consultation", status: 200 },
      { path: "/peilingen/bestaat-niet", shows: "a consultation that does not exist", status: 404 },
    ],
  },
  "routes/peiling-resultaten": {
    examples: [
      {
        path: `/peilingen/${CONSULTATION_CLOSED}/resultaten`,
        shows: "the outcome: map, groups, consensus, uncertainty, every statement",
        status: 200,
        hydrates: false,
      },
      {
        path: `/peilingen/${CONSULTATION_CLOSED}/resultaten`,
        shows: "the outcome in English",
        status: 200,
        language: "en",
        hydrates: false,
      },
      {
        path: `/peilingen/${CONSULTATION_OPEN}/resultaten`,
        shows: "a running consultation without an outcome yet, followed live",
        status: 200,
        hydrates: true,
      },
    ],
  },
  "routes/peiling-samenvatting": {
    examples: [
      {
        path: `/peilingen/${CONSULTATION_CLOSED}/samenvatting`,
        shows: "the outcome as a summary to print",
        status: 200,
      },
      { path: "/peilingen/bestaat-niet/samenvatting", shows: "a summary of nothing", status: 404 },
    ],
  },
  "routes/peiling-export": {
    rendersNoPage: "a CSV file in Pol.is's layout (tests/integration/consultations.test.ts)",
  },
  "routes/meedenken": {
    examples: [
      { path: "/meedenken", shows: "all contributions with filters", status: 200 },
      { path: "/meedenken", shows: "all contributions in English", status: 200, language: "en" },
      {
        path: `/meedenken?deel=${PART_SLUG}&soort=tekstvoorstel&status=in-behandeling&q=vraag`,
        shows: "contributions filtered and searched",
        status: 200,
      },
      { path: "/meedenken?q=niets-gevonden-hier", shows: "a search without contributions", status: 200 },
      {
        path: "/meedenken?deel=loyale-tegenspraak&status=open",
        shows: "the open proposals on a principle, as its page in the guide links to them",
        status: 200,
      },
    ],
  },
  "routes/meedenken-nieuw": {
    examples: [
      {
        path: `/meedenken/nieuw?versie=${CURRENT_VERSION}&deel=${PART_SLUG}&alinea=kritiek-is-waardevolle-informatie-wie&soort=reactie`,
        shows: "the form to comment on a paragraph",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/meedenken/nieuw?versie=${CURRENT_VERSION}&deel=${PART_SLUG}&alinea=kritiek-is-waardevolle-informatie-wie&soort=tekstvoorstel`,
        shows: "the form to propose new text, filled with the paragraph",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: "/meedenken/nieuw?soort=nieuw-deel",
        shows: "the form to propose a new part, in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
      {
        path: `/meedenken/nieuw?versie=${DRAFT_VERSION}&deel=${PART_SLUG}`,
        shows: "contributing to a draft, which is not possible",
        status: 404,
        as: "ambtenaar",
      },
    ],
  },
  "routes/meedenken-mijn": {
    examples: [
      {
        path: "/meedenken/mijn",
        shows: "my contributions, notices and e-mail choice",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: "/meedenken/mijn",
        shows: "my contributions in English",
        status: 200,
        as: "ambtenaar",
        language: "en",
      },
    ],
  },
  "routes/meedenken-spelregels": {
    examples: [
      { path: "/meedenken/spelregels", shows: "the house rules", status: 200 },
      { path: "/meedenken/spelregels", shows: "the house rules in English", status: 200, language: "en" },
    ],
  },
  "routes/meedenken-bijdrage": {
    examples: [
      {
        path: `/meedenken/${COCREATION_PROPOSAL}`,
        shows: "a text proposal with its word difference, status, reply and history",
        status: 200,
      },
      {
        path: `/meedenken/${COCREATION_PROPOSAL}`,
        shows: "a text proposal with the forms to reply, support and report",
        status: 200,
        as: "ambtenaar",
      },
      {
        path: `/meedenken/${COCREATION_PROPOSAL}`,
        shows: "a text proposal in English",
        status: 200,
        language: "en",
      },
      { path: `/meedenken/${COCREATION_HIDDEN}`, shows: "a contribution hidden by the editors", status: 200 },
      { path: `/meedenken/${NO_SUCH_RECORD}`, shows: "a contribution that does not exist", status: 404 },
    ],
  },
  "routes/beheer-meedenken": {
    examples: [
      {
        path: "/beheer/meedenken",
        shows: "the editors' queue of contributions",
        status: 200,
        as: "redacteur",
      },
      {
        path: "/beheer/meedenken?toon=verborgen",
        shows: "the hidden contributions, in English",
        status: 200,
        as: "redacteur",
        language: "en",
      },
    ],
  },
  "routes/beheer-meedenken-bijdrage": {
    examples: [
      {
        path: `/beheer/meedenken/${COCREATION_PROPOSAL}`,
        shows: "deciding on a proposal: status, reason, hiding its reply",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/meedenken/${COCREATION_HIDDEN}`,
        shows: "a hidden contribution that can be restored",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/beheer/meedenken/${NO_SUCH_RECORD}`,
        shows: "a contribution that does not exist",
        status: 404,
        as: "redacteur",
      },
    ],
  },
  "routes/zoeken": {
    examples: [
      { path: "/zoeken", shows: "empty search", status: 200 },
      { path: "/zoeken?q=burgers", shows: "search with results", status: 200 },
      {
        path: "/zoeken?q=luisteren%20fiets",
        shows: "search with nothing found and suggestions",
        status: 200,
      },
      { path: "/zoeken?q=%21%21%21", shows: "search without words", status: 200 },
      { path: "/zoeken?q=burgers", shows: "search results in English", status: 200, language: "en" },
    ],
  },
  "routes/inzichten": {
    examples: [
      { path: "/inzichten", shows: "the insights of the last twelve months", status: 200, as: "redacteur" },
      {
        path: "/inzichten",
        shows: "the insights in English",
        status: 200,
        as: "beheerder",
        language: "en",
      },
      {
        path: "/inzichten?van=2026-05&tot=2026-01",
        shows: "a period that is not one, said, and the default shown",
        status: 200,
        as: "redacteur",
      },
      { path: "/inzichten", shows: "no access for an ambtenaar", status: 403, as: "ambtenaar" },
    ],
  },
  "routes/inzichten-jaar": {
    examples: [
      {
        path: `/inzichten/jaar/${INSIGHTS_YEAR}`,
        shows: "a published yearly overview, for anyone",
        status: 200,
      },
      {
        path: `/inzichten/jaar/${INSIGHTS_YEAR}`,
        shows: "the yearly overview with the editors' draft beside it",
        status: 200,
        as: "redacteur",
      },
      {
        path: `/inzichten/jaar/${INSIGHTS_YEAR}`,
        shows: "the yearly overview and draft in English",
        status: 200,
        as: "beheerder",
        language: "en",
      },
      { path: "/inzichten/jaar/2099", shows: "a year that has not begun", status: 404, as: "redacteur" },
    ],
  },
  "routes/inzichten-csv": {
    rendersNoPage: "a CSV file of one table (tests/integration/insights-pages.test.ts)",
  },
  "routes/toegankelijkheid": {
    examples: [
      { path: "/toegankelijkheid", shows: "accessibility statement", status: 200 },
      { path: "/toegankelijkheid", shows: "accessibility statement in English", status: 200, language: "en" },
    ],
  },
  "routes/privacy": {
    examples: [
      { path: "/privacy", shows: "privacy statement", status: 200 },
      { path: "/privacy", shows: "privacy statement in English", status: 200, language: "en" },
    ],
  },
  "routes/taal": {
    rendersNoPage:
      "only answers the language switch form (POST) with a redirect back; the switching-language tests cover it",
  },
  "routes/inloggen": {
    examples: [
      { path: "/inloggen", shows: "login form", status: 200 },
      { path: "/inloggen", shows: "login form in English", status: 200, language: "en" },
    ],
  },
  "routes/inloggen-bevestigen": {
    examples: [
      {
        path: `/inloggen/bevestigen?token=${LOGIN_LINK_EXAMPLE.token}`,
        shows: "login confirmation naming the account",
        status: 200,
      },
      {
        path: `/inloggen/bevestigen?token=${LOGIN_LINK_EXAMPLE.token}`,
        shows: "login confirmation warning that someone else is logged in",
        status: 200,
        as: "beheerder",
      },
      {
        path: "/inloggen/bevestigen?token=ongebruikt-maar-goed-gevormd-token-1234567890",
        shows: "a well-formed link that does not exist (or expired)",
        status: 400,
      },
      { path: "/inloggen/bevestigen?token=x", shows: "broken login link", status: 400 },
    ],
  },
  "routes/inloggen-sso": {
    rendersNoPage: "a POST that starts a login at the organisation's provider and sends the browser there",
  },
  "routes/inloggen-sso-terug": {
    examples: [
      {
        path: "/inloggen/sso/terug?code=verzonnen&state=verzonnen",
        shows: "an answer from the provider that no login in this browser asked for",
        status: 400,
      },
    ],
  },
  "routes/uitloggen": {
    examples: [{ path: "/uitloggen", shows: "logout button", status: 200, as: "ambtenaar" }],
  },
  "routes/profiel": {
    examples: [
      { path: "/profiel", shows: "profile of a civil servant", status: 200, as: "ambtenaar" },
      { path: "/profiel", shows: "profile in English", status: 200, as: "ambtenaar", language: "en" },
    ],
  },
  "routes/mijn-gegevens": {
    examples: [{ path: "/mijn-gegevens", shows: "download or delete my data", status: 200, as: "ambtenaar" }],
  },
  "routes/mijn-gegevens-download": {
    rendersNoPage: "a JSON file with my data; the logging-in tests download and read it",
  },
  "routes/beheer-gebruikers": {
    examples: [
      { path: "/beheer/gebruikers", shows: "users and roles", status: 200, as: "beheerder" },
      { path: "/beheer/gebruikers", shows: "no access for a civil servant", status: 403, as: "ambtenaar" },
    ],
  },
  "routes/beheer-audit": {
    examples: [{ path: "/beheer/audit", shows: "audit log", status: 200, as: "beheerder" }],
  },
  "routes/niet-gevonden": {
    examples: [
      { path: "/deze/pagina/bestaat/niet", shows: "404 page", status: 404 },
      { path: "/bestaat-niet", shows: "404 page in English", status: 404, language: "en" },
    ],
  },
};

export interface TableRoute {
  id: string;
  path: string;
}

/** Every route of the table, nested ones included, with the id React Router gives it. */
export function routesInTable(entries: RouteConfigEntry[] = routes): TableRoute[] {
  return entries.flatMap((entry) => [
    // Without an explicit id, React Router uses the file name without its extension.
    { id: entry.id ?? entry.file.replace(/\.[^./]+$/, ""), path: entry.index ? "/" : `/${entry.path ?? ""}` },
    ...routesInTable(entry.children ?? []),
  ]);
}
