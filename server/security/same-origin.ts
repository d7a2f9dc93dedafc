// Cross-site request forgery protection: a request that may change something (any method but GET,
// HEAD and OPTIONS) must say it comes from this site. Browsers set `Origin` on such requests and
// scripts cannot forge it, so a form on another site that posts here is refused before any handler.
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../../app/infra/env.server.ts";
import { API_VERSION } from "../api/openapi.ts";
import { sendProblem } from "../api/problem.ts";
import { sendPlainPage } from "./plain-page.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin (`scheme://host[:port]`) of a URL, or undefined when it is not an http(s) URL. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
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

    // The site's own origin is configured (PUBLIC_URL or the listen address), never read from `Host`,
    // which whoever sends the request chooses.
    const own = originOf(config.publicUrl);
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    // `Origin: null` (a sandboxed frame, a redirect from elsewhere) counts as given and foreign.
    const claimed =
      origin !== undefined ? originOf(origin) : referer !== undefined ? originOf(referer) : undefined;

    if (origin === undefined && referer === undefined) {
      const bearer = /^Bearer\s+\S/i.test(req.headers.authorization ?? "");
      if (bearer && isApi(req)) return next();
    } else if (claimed !== undefined && claimed === own) {
      return next();
    }

    req.log.warn(
      { origin: origin?.slice(0, 200), referer: referer !== undefined, method: req.method },
      "cross-site request refused",
    );
    if (isApi(req)) {
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("API-Version", API_VERSION);
      sendProblem(res, {
        publicUrl: config.publicUrl,
        code: "forbidden",
        detail: "problems.api.crossSite",
      });
      return;
    }
    sendPlainPage(req, res, { status: 403, page: "refused" });
  };
}
