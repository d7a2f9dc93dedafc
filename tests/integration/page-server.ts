// Serves a few real pages through the Express app (same-origin check, page cache, React Router) with a
// server build made of just those route modules under the real root, so page tests need no full build.
// Give it the route modules and their paths; it hands back a base address, a session cookie for anyone,
// and plain GET and POST helpers that do not follow redirects.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { type ServerBuild, UNSAFE_withComponentProps, UNSAFE_withErrorBoundaryProps } from "react-router";
import * as entry from "../../app/entry.server.tsx";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig, setListenPort } from "../../app/infra/env.server.ts";
import { startLiveHub } from "../../app/infra/live-hub.server.ts";
import { createLogger } from "../../app/infra/logger.server.ts";
import { createParticipationLimiter } from "../../app/infra/participation-limits.server.ts";
import { createSession, SESSION_COOKIE } from "../../app/modules/accounts/sessions.server.ts";
import { createConsultationAnalysis } from "../../app/modules/consultation/consultations.server.ts";
import { createInsightCounters } from "../../app/modules/insights/counters.server.ts";
import * as root from "../../app/root.tsx";
import { createAppServer } from "../../server/app.ts";
import { createPageCache } from "../../server/page-cache.ts";

type ServerRoute = NonNullable<ServerBuild["routes"][string]>;
type RouteModule = ServerRoute["module"];

/** A route module as React Router's build hands it over: its components get the route's data as props. */
function built(module: object): RouteModule {
  const { default: Component, ErrorBoundary } = module as RouteModule;
  return {
    ...(module as RouteModule),
    default:
      Component && UNSAFE_withComponentProps(Component as Parameters<typeof UNSAFE_withComponentProps>[0]),
    ErrorBoundary:
      ErrorBoundary &&
      UNSAFE_withErrorBoundaryProps(ErrorBoundary as Parameters<typeof UNSAFE_withErrorBoundaryProps>[0]),
  };
}

/** Route id (as in app/routes.ts) → its address template and its module, imported as `* as page`. */
export type Pages = Record<string, { path: string; module: object }>;

function pagesBuild(pages: Pages): ServerBuild {
  const routes: ServerRoute[] = [
    // Without `links`: the stylesheets' addresses come from the client build, which is not made here.
    { id: "root", path: "", module: { ...built(root), links: undefined } },
    // The start page ("") is the root's index route.
    ...Object.entries(pages).map(([id, page]) =>
      page.path === ""
        ? { id, parentId: "root", index: true, module: built(page.module) }
        : { id, parentId: "root", path: page.path, module: built(page.module) },
    ),
  ];
  const assetRoutes = routes.map((route) => ({
    id: route.id,
    parentId: route.parentId,
    path: route.path,
    index: route.index,
    module: `/assets/${route.id}.js`,
    hasAction: route.module.action !== undefined,
    hasLoader: route.module.loader !== undefined,
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasErrorBoundary: route.module.ErrorBoundary !== undefined,
    clientActionModule: undefined,
    clientLoaderModule: undefined,
    clientMiddlewareModule: undefined,
    hydrateFallbackModule: undefined,
  }));
  const byId = <T extends { id: string }>(list: T[]) =>
    Object.fromEntries(list.map((item) => [item.id, item]));
  return {
    entry: { module: entry },
    routes: byId(routes),
    assets: {
      entry: { imports: [], module: "/assets/entry.client.js" },
      routes: byId(assetRoutes),
      url: "/assets/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v8_passThroughRequests: false, v8_trailingSlashAwareDataRequests: false, v8_middleware: false },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  };
}

export async function startPageServer(options: {
  database: Database;
  pages: Pages;
  env?: Record<string, string>;
}) {
  const { database } = options;
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...options.env });
  const pageCache = createPageCache({ maxEntries: 10 });
  const keyring = createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" });
  const logger = createLogger({ config });
  const liveHub = await startLiveHub({ database, logger });
  const services = {
    config,
    logger,
    database,
    pageCache,
    keyring,
    liveHub,
    participationLimits: createParticipationLimiter(database),
    consultationAnalysis: createConsultationAnalysis({ db: database.db, logger, liveHub }),
    insightCounters: createInsightCounters({ db: database.db, logger }),
  };
  const build = pagesBuild(options.pages);
  const appServer = createAppServer({ services, pageCache, build, clientDir: "build/no-client-files" });
  const server: Server = await new Promise((resolve) => {
    const listening = appServer.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  setListenPort(config, port);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    keyring,
    config,
    pageCache,
    insightCounters: services.insightCounters,
    /** A session cookie for this person, as after logging in. */
    async cookieFor(userId: string) {
      const { secret } = await createSession({ db: database.db, userId, config });
      return `${SESSION_COOKIE}=${secret}`;
    },
    get: (path: string, cookie = "") =>
      fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} }),
    post: (path: string, form: URLSearchParams, cookie = "") =>
      fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}) },
        body: form,
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await liveHub.close();
    },
  };
}
