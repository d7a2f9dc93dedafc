// The Express application: process-level concerns (request ids, logs, metrics, security headers,
// health, static files, the API) in front of React Router's pages.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import expressStaticGzip from "express-static-gzip";
import { pinoHttp } from "pino-http";
import type { ServerBuild } from "react-router";
import { AppError, isAppError } from "../app/infra/errors.ts";
import { languageOfAcceptLanguage, languageOfCookies } from "../app/infra/i18n/i18n.ts";
import { translatorFor } from "../app/infra/i18n/texts.server.ts";
import { message } from "../app/infra/i18n/translate.ts";
import type { Services } from "../app/infra/services.server.ts";
import { createAccountsApi } from "./api/accounts-api.ts";
import { resolveApiActor } from "./api/api-identity.ts";
import { createCocreationApi } from "./api/cocreation-api.ts";
import { createConsultationsApi } from "./api/consultations-api.ts";
import { createConversationsApi } from "./api/conversations-api.ts";
import { createDeliberationsApi } from "./api/deliberations-api.ts";
import { createDilemmasApi } from "./api/dilemmas-api.ts";
import { createGuideApi } from "./api/guide-api.ts";
import { createInsightsApi } from "./api/insights-api.ts";
import { API_VERSION, createOpenApiDocument } from "./api/openapi.ts";
import { sendProblem } from "./api/problem.ts";
import {
  createFrontDoor,
  requestForLog,
  requestIdOf,
  securityHeadersOf,
  setSecurityHeaders,
} from "./front-door.ts";
import { createMetrics, createMetricsGuard, kindOf } from "./metrics.ts";
import type { PageCache } from "./page-cache.ts";
import { createPageHandler } from "./react-router-adapter.ts";
import { requireOwnHost } from "./security/own-host.ts";
import { requireSameOrigin } from "./security/same-origin.ts";

/**
 * The HTTP server (not yet listening): cached pages are answered at its front door (front-door.ts),
 * everything else by the Express application made here.
 */
export function createAppServer(options: {
  services: Services;
  pageCache: PageCache;
  /** React Router's server build; without it only the API and health endpoints are served (tests). */
  build?: ServerBuild;
  clientDir?: string;
}): http.Server {
  const { services, pageCache } = options;
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.set("query parser", "simple");
  // Security: JSON answers write <, > and & as \u003c etc., so text echoed from a request (a path,
  // a search query) can never read as markup, even to a client that ignores the content type.
  app.set("json escape", true);

  const metrics = createMetrics({ database: services.database, pageCache });
  const metricsAllowed = createMetricsGuard(config);

  const securityHeaders = securityHeadersOf(config);
  app.use(
    pinoHttp({
      logger,
      genReqId(req, res) {
        const id = requestIdOf(req);
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
      serializers: {
        req: (req) => requestForLog(req),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(metrics.middleware);
  app.use(setSecurityHeaders(securityHeaders));
  // Security: only requests addressed to this site's own host (421 otherwise), and cross-site request
  // forgery protection for every unsafe method, both before any handler and the page cache.
  app.use(requireOwnHost(config));
  app.use(requireSameOrigin(config));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await services.database.ping();
      res.json({ status: "ok", database: services.database.kind });
    } catch {
      res.status(503).json({ status: "unavailable", database: services.database.kind });
    }
  });
  app.get("/metrics", async (req, res) => {
    if (!metricsAllowed(req)) {
      const language = languageOfAcceptLanguage(req.headers["accept-language"]);
      res
        .status(403)
        .setHeader("Content-Language", language)
        .type("text/plain")
        .send(`${translatorFor(language)("problems.api.metricsRefused")}\n`);
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const api = express.Router();
  api.use(compression());
  api.use((_req, res, next) => {
    res.setHeader("API-Version", API_VERSION);
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  // Security: JSON bodies are bounded before any route reads them; too large answers 413 (toAppError).
  api.use(express.json({ limit: "100kb" }));
  api.get("/openapi.json", (_req, res) => {
    res.json(createOpenApiDocument({ serverUrl: config.publicUrl, contactEmail: config.apiContactEmail }));
  });
  api.use(resolveApiActor(services));
  api.use(createGuideApi(services));
  api.use(createAccountsApi());
  api.use(createDilemmasApi(services));
  api.use(createDeliberationsApi(services));
  api.use(createConversationsApi(services));
  api.use(createCocreationApi(services));
  api.use(createConsultationsApi(services));
  api.use(createInsightsApi(services));
  api.use((req, res) =>
    sendProblem(res, {
      publicUrl: config.publicUrl,
      code: "not_found",
      detail: message("problems.api.unknownAddress", { path: req.path }),
      instance: req.originalUrl,
    }),
  );
  api.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(error);
    // A limit that says when to come back (a full set of live streams) is the service working as
    // meant, not a fault: a warning, so a flood does not fill the log with errors.
    if (isAppError(error) && appError.code === "unavailable" && appError.retryAfterSeconds)
      req.log.warn({ detail: appError.message }, "api request refused by a limit");
    else if (appError.code === "unavailable" || !isAppError(error))
      req.log.error({ err: error }, "api request failed");
    if (appError.retryAfterSeconds) res.setHeader("Retry-After", String(appError.retryAfterSeconds));
    sendProblem(res, {
      publicUrl: config.publicUrl,
      code: appError.code,
      detail: appError.message,
      instance: req.originalUrl,
      fields: appError.fields,
    });
  });
  app.use("/api/v1", api);
  app.use("/api", (req, res) => {
    res.setHeader("API-Version", API_VERSION);
    sendProblem(res, {
      publicUrl: config.publicUrl,
      code: "not_found",
      detail: message("problems.api.outsideVersion", { path: req.originalUrl }),
    });
  });

  if (options.build) {
    const clientDir = options.clientDir ?? path.resolve("build/client");
    // Scripts and styles were compressed at build time (scripts/precompress-assets.ts): brotli where the
    // browser reads it, else gzip, sent as they are without compressing per request.
    app.use(
      "/assets",
      expressStaticGzip(path.join(clientDir, "assets"), {
        enableBrotli: true,
        orderPreference: ["br", "gz"],
        index: false,
        serveStatic: { immutable: true, maxAge: "1y", index: false },
      }),
    );
    app.use(compression());
    // Only the few files at the top of the client folder (the icon) are looked up on disk: asking the
    // file system first for every page address costs each page a failed stat.
    const rootFiles = filesIn(clientDir);
    const serveRootFile = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (rootFiles.has(req.path) ? serveRootFile(req, res, next) : next()));
    app.use(createPageHandler({ build: options.build, services, pageCache }));
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // A browser that went elsewhere before the answer was written is no fault of ours.
    if ((error as { code?: unknown })?.code === "ERR_STREAM_PREMATURE_CLOSE" && req.socket.destroyed) {
      req.log.debug({ err: error }, "the client closed the connection before the answer was complete");
      return;
    }
    req.log.error({ err: error }, "request failed outside the page renderer");
    if (res.headersSent) return res.end();
    res
      .status(toAppError(error).status)
      .type("text/plain; charset=utf-8")
      .send(`${translatorFor(languageOfCookies(req.headers.cookie))("error.failed")}\n`);
  });
  return http.createServer(
    createFrontDoor({
      config,
      logger,
      pageCache,
      securityHeaders,
      record: metrics.record,
      counters: services.insightCounters,
      app,
    }),
  );
}

/** The addresses of the files directly in a folder ("/favicon.svg"); none when it does not exist. */
function filesIn(dir: string): Set<string> {
  if (!fs.existsSync(dir)) return new Set();
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  return new Set(entries.filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
}

/**
 * Anything that is not an AppError is a fault of ours or of a dependency; a database that cannot be
 * reached is an honest 503, everything else stays a 500 in the logs but reads as "unavailable".
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const type = (error as { type?: string } | undefined)?.type;
  if (type === "entity.too.large") return new AppError("too_large", "problems.api.tooLarge");
  if (type === "entity.parse.failed") return new AppError("invalid", "problems.api.notJson");
  // Security: other client errors of Express and its body parser (a broken %-escape in the path, an
  // unknown charset or content encoding, a gzip body that is not gzip) are the client's, not a 503.
  const status = (error as { status?: unknown } | undefined)?.status;
  if (typeof status === "number" && status >= 400 && status < 500)
    return new AppError("invalid", "problems.api.unreadable");
  return new AppError("unavailable", "problems.unavailable", {
    cause: error,
  });
}

export { kindOf };
