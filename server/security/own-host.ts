// The site answers only to its own address. Links in mails, calendar files and share links are built
// from the configured address (PUBLIC_URL, or the listen address on a loopback host), never from the
// `Host` header a client chooses; a request addressed to any other host (another name for this machine
// too, such as `localhost` for `127.0.0.1`) is refused here, before a route or the page cache sees it
// (DNS rebinding, host-header poisoning).
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../../app/infra/env.server.ts";
import { languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { API_VERSION } from "../api/openapi.ts";
import { sendPlainPage } from "./plain-page.ts";

/** Answered whatever the host: load balancers and monitoring call these by an internal address. */
const ANY_HOST_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** The origin a `Host` header names under the site's scheme, or undefined when it is not a host. */
function originOfHost(scheme: string, host: string | undefined): string | undefined {
  // Only the characters of a host name, an IPv4 address, an IPv6 address in brackets and a port: no
  // `/`, `@`, `?` or `#` that would make the URL below mean something else.
  if (!host || !/^[a-z0-9.:[\]-]{1,300}$/i.test(host)) return undefined;
  try {
    return new URL(`${scheme}//${host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request's `Host` header names this site. The last host that did is remembered (with the
 * address it was checked against, which is only final once the server listens), so the check costs a
 * comparison.
 */
export function createOwnHostCheck(config: Pick<Config, "publicUrl">) {
  let known: { publicUrl: string; host: string } | undefined;
  return (req: Pick<IncomingMessage, "headers">): boolean => {
    const host = req.headers.host;
    if (known && known.host === host && known.publicUrl === config.publicUrl) return true;
    const site = new URL(config.publicUrl);
    const origin = originOfHost(site.protocol, host);
    if (host === undefined || origin === undefined || origin !== site.origin) return false;
    known = { publicUrl: config.publicUrl, host };
    return true;
  };
}

/** Refuses (421 Misdirected Request) every request whose `Host` is not this site's. */
export function requireOwnHost(config: Config) {
  const isOwnHost = createOwnHostCheck(config);
  return (req: Request, res: Response, next: NextFunction) => {
    if (ANY_HOST_PATHS.has(req.path)) return next();
    if (isOwnHost(req)) return next();

    req.log.warn({ host: req.headers.host?.slice(0, 200) }, "request for another host refused");
    if (req.path === "/api" || req.path.startsWith("/api/")) {
      // 421 is no kind of AppError (nothing in the application sees this request), so not sendProblem.
      const language = languageOfAcceptLanguage(req.headers["accept-language"]);
      const t = translatorFor(language);
      res.setHeader("API-Version", API_VERSION);
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Language", language);
      res
        .status(421)
        .type("application/problem+json")
        .json({
          type: "about:blank",
          title: t("serverPage.wrongHost.title"),
          status: 421,
          detail: t("problems.api.wrongHost"),
        });
      return;
    }
    sendPlainPage(req, res, {
      status: 421,
      page: "wrongHost",
      values: { address: config.publicUrl },
      home: `${config.publicUrl}/`,
    });
  };
}
