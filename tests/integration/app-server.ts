// Starts the Express app (API, health, metrics; no pages) on a free port for HTTP tests.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig, setListenPort } from "../../app/infra/env.server.ts";
import { startLiveHub } from "../../app/infra/live-hub.server.ts";
import { createLogger } from "../../app/infra/logger.server.ts";
import { createParticipationLimiter } from "../../app/infra/participation-limits.server.ts";
import { createConsultationAnalysis } from "../../app/modules/consultation/consultations.server.ts";
import { createInsightCounters } from "../../app/modules/insights/counters.server.ts";
import { createAppServer } from "../../server/app.ts";
import { createPageCache, type PageCache } from "../../server/page-cache.ts";

export async function startApiServer(options: { database: Database; env?: Record<string, string> }) {
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...options.env });
  const pageCache: PageCache = createPageCache({ maxEntries: 10 });
  const keyring = createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" });
  const logger = createLogger({ config });
  const liveHub = await startLiveHub({ database: options.database, logger });
  const participationLimits = createParticipationLimiter(options.database);
  const services = {
    config,
    logger,
    database: options.database,
    pageCache,
    keyring,
    liveHub,
    participationLimits,
    consultationAnalysis: createConsultationAnalysis({ db: options.database.db, logger, liveHub }),
    insightCounters: createInsightCounters({ db: options.database.db, logger }),
  };
  const appServer = createAppServer({ services, pageCache });
  const server: Server = await new Promise((resolve) => {
    const listening = appServer.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  setListenPort(config, port);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    pageCache,
    liveHub,
    consultationAnalysis: services.consultationAnalysis,
    get: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init),
    async close() {
      await services.consultationAnalysis.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await liveHub.close();
    },
  };
}
