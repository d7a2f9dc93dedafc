import { index, type RouteConfig, route } from "@react-router/dev/routes";

// The public addresses. The accessibility test walks this table, so a new page cannot be forgotten.
export default [
  index("routes/home.tsx"),
  route("gids", "routes/gids.tsx"),
  route("gids/afdrukken", "routes/gids-afdrukken.tsx"),
  route("gids/versies", "routes/gids-versies.tsx"),
  route("gids/vergelijk", "routes/gids-vergelijk.tsx"),
  route("gids/versie/:nummer", "routes/gids.tsx", { id: "routes/gids-versie" }),
  route("gids/versie/:nummer/afdrukken", "routes/gids-afdrukken.tsx", { id: "routes/gids-versie-afdrukken" }),
  route("gids/versie/:nummer/:slug", "routes/gids-deel.tsx", { id: "routes/gids-versie-deel" }),
  route("gids/:slug", "routes/gids-deel.tsx"),
  route("zoeken", "routes/zoeken.tsx"),
  route("toegankelijkheid", "routes/site-pagina.tsx", { id: "routes/toegankelijkheid" }),
  route("privacy", "routes/site-pagina.tsx", { id: "routes/privacy" }),
  route("taal", "routes/taal.ts"),
  route("inloggen", "routes/inloggen.tsx"),
  route("inloggen/bevestigen", "routes/inloggen-bevestigen.tsx"),
  route("inloggen/sso", "routes/inloggen-sso.ts"),
  route("inloggen/sso/terug", "routes/inloggen-sso-terug.tsx"),
  route("uitloggen", "routes/uitloggen.tsx"),
  route("profiel", "routes/profiel.tsx"),
  route("mijn-gegevens", "routes/mijn-gegevens.tsx"),
  route("mijn-gegevens/download", "routes/mijn-gegevens-download.ts"),
  route("beheer/gebruikers", "routes/beheer-gebruikers.tsx"),
  route("beheer/audit", "routes/beheer-audit.tsx"),
  route("*", "routes/niet-gevonden.tsx"),
] satisfies RouteConfig;
