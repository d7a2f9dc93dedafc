// Cross-site request forgery protection: a request that may change something (any method but GET,
// HEAD and OPTIONS) must say it comes from this site. Browsers set `Origin` on such requests and
// scripts cannot forge it, so a form on another site that posts here is refused before any handler.
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../../app/infra/env.server.ts";
import { API_VERSION } from "../api/openapi.ts";
import { sendProblem } from "../api/problem.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// A fixed page: nothing from the request is written into it. No inline script or style, so the
// strict policy below holds and nothing else is needed.
const REFUSED_PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verzoek geweigerd – Vakmanschap</title>
</head>
<body>
<main>
<h1>Dit verzoek is geweigerd</h1>
<p>Het verzoek kwam niet van deze website. Daarom hebben we het niet uitgevoerd. Dat beschermt je tegen andere websites die namens jou iets proberen te doen.</p>
<p>Ga terug naar de pagina waar je was, laad die opnieuw en probeer het nog een keer.</p>
<p><a href="/">Naar de startpagina</a></p>
</main>
</body>
</html>
`;

/** The origin (`scheme://host[:port]`) of a URL, or undefined when it is not an http(s) URL. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site's own origin: the configured public address, or else what the request was addressed to.
 * Trusting `Host` is safe here: a browser sets it to the site it sends the request to, so a forged
 * cross-site request still names this site in `Host` and the other site in `Origin`.
 */
function ownOrigin(config: Config, req: Request): string | undefined {
  if (config.publicUrl) return originOf(config.publicUrl);
  return req.headers.host ? originOf(`${req.protocol}://${req.headers.host}`) : undefined;
}

function isApi(req: Request): boolean {
  return req.path === "/api" || req.path.startsWith("/api/");
}

/**
 * Refuses unsafe requests whose `Origin` (or, without it, the origin of `Referer`) is not this site.
 * A request with neither is refused too, except API calls with `Authorization: Bearer …`: those come
 * from integrations, not browsers, and a browser cannot add that header to a cross-site request
 * without a CORS preflight, which this site never grants.
 */
export function requireSameOrigin(config: Config) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();

    const own = ownOrigin(config, req);
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    // `Origin: null` (a sandboxed frame, a redirect from elsewhere) counts as given and foreign.
    const claimed =
      origin !== undefined ? originOf(origin) : referer !== undefined ? originOf(referer) : undefined;

    if (origin === undefined && referer === undefined) {
      const bearer = /^Bearer\s+\S/i.test(req.headers.authorization ?? "");
      if (bearer && isApi(req)) return next();
    } else if (own !== undefined && claimed === own) {
      return next();
    }

    req.log.warn(
      { origin: origin?.slice(0, 200), referer: referer !== undefined, method: req.method },
      "cross-site request refused",
    );
    res.setHeader("Cache-Control", "no-store");
    if (isApi(req)) {
      res.setHeader("API-Version", API_VERSION);
      sendProblem(res, {
        code: "forbidden",
        detail:
          "Dit verzoek komt niet van deze website en is daarom geweigerd. Stuur het vanaf de website zelf, " +
          "of stuur als koppeling een API-sleutel mee in de header Authorization: Bearer.",
      });
      return;
    }
    res
      .status(403)
      .type("text/html; charset=utf-8")
      .setHeader(
        "Content-Security-Policy",
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      )
      .send(REFUSED_PAGE);
  };
}
