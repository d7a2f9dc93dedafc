// What every request meets first. A published page in the page cache is answered here, before Express
// and its middleware: with the same request id, security headers, log line and metrics as any other
// answer, at about the cost of sending a file. Everything else goes on to the Express application.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { Config } from "../app/infra/env.server.ts";
import type { ViewCounting } from "../app/infra/services.server.ts";
import { kindOf, type RequestKind } from "./metrics.ts";
import { type CachedPage, countView, headersOf, type PageCache } from "./page-cache.ts";
import { createOwnHostCheck } from "./security/own-host.ts";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's request id when it is a sensible one, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * A request as its log lines show it. The request id ties the lines together; secrets in addresses
 * (login-link tokens, share links to private records) never reach the log.
 */
export function requestForLog(req: IncomingMessage & { id?: unknown }, id: unknown = req.id) {
  return {
    id,
    method: req.method,
    url: String(req.url)
      .replace(/([?&](?:token|code)=)[^&#]*/gi, "$1[verborgen]")
      .replace(/(\/afwegen\/gedeeld\/)[^/?#]*/g, "$1[verborgen]"),
  };
}

/**
 * The security headers of every answer, as name, value, name, value: helmet's, worked out once for the
 * process (they depend only on the configuration), and the Permissions-Policy. The document's
 * Content-Security-Policy is set per page by entry.server (hashes of its inline scripts), so cached
 * bytes and their policy always travel together.
 */
export function securityHeadersOf(config: Pick<Config, "publicUrl">): string[] {
  const set = new Map<string, [string, string]>();
  const collector = {
    setHeader(name: string, value: unknown) {
      set.set(name.toLowerCase(), [name, String(value)]);
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
    },
  };
  // Helmet's middleware only sets and removes headers on the response (it reads nothing of the
  // request), so running it once against a collector gives the list every answer gets.
  helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: config.publicUrl.startsWith("https://") ? undefined : false,
    // Security: helmet's default (no-referrer) makes browsers send `Origin: null` on this site's own
    // form posts, which the same-origin check must refuse; other sites still get only the origin.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  })({} as Request, collector as unknown as Response, () => {});
  collector.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  return [...set.values()].flat();
}

/** Sets the security headers on an Express answer (the same list the front door sends). */
export function setSecurityHeaders(headers: string[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    for (let index = 0; index < headers.length; index += 2)
      res.setHeader(headers[index] as string, headers[index + 1] as string);
    next();
  };
}

/**
 * The server's request listener: a GET or HEAD for a cached page, addressed to this site's own host,
 * is answered at once; every other request goes to `app`, which refuses other hosts itself.
 */
export function createFrontDoor(options: {
  config: Pick<Config, "publicUrl">;
  logger: Logger;
  pageCache: PageCache;
  securityHeaders: string[];
  record: (kind: RequestKind, method: string, status: number, seconds: number) => void;
  counters: Pick<ViewCounting, "view">;
  app: RequestListener;
}): RequestListener {
  const { pageCache, securityHeaders, logger, record, app } = options;
  const isOwnHost = createOwnHostCheck(options.config);
  // Per cached page, its headers after the security headers it does not set itself: worked out on its
  // first hit.
  const withSecurityHeaders = new WeakMap<CachedPage, string[]>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const method = req.method;
    const candidate = (method === "GET" || method === "HEAD") && kindOf(url) === "page" && isOwnHost(req);
    const hit = candidate ? pageCache.get(pageCache.keyOf(req)) : undefined;
    if (!hit) {
      app(req, res);
      return;
    }
    const started = performance.now();
    const id = requestIdOf(req);
    let headers = withSecurityHeaders.get(hit);
    if (!headers) {
      headers = headersOf(hit, securityHeaders);
      withSecurityHeaders.set(hit, headers);
    }
    pageCache.send(req, res, hit, ["X-Request-Id", id, ...headers]);
    if (hit.view) countView(req, hit.view, options.counters);
    const milliseconds = performance.now() - started;
    // The line pino-http writes for every other request, so the log reads the same.
    logger.info(
      {
        req: requestForLog(req, id),
        res: { statusCode: res.statusCode },
        responseTime: Math.round(milliseconds),
      },
      "request completed",
    );
    record("page", method ?? "GET", res.statusCode, milliseconds / 1000);
  };
}
