// Process start: configuration, database (migrations, seed content), the HTTP server, and a graceful
// shutdown on SIGTERM. This file is the entry of the server build, so it is bundled together with the
// React Router routes: one copy of every module per process.
import type { Server } from "node:http";
import path from "node:path";
import * as build from "virtual:react-router/server-build";
import { openDatabase } from "../app/infra/db.server.ts";
import { type Keyring, loadKeyring } from "../app/infra/encryption.server.ts";
import { ConfigError, configWarnings, parseConfig, setListenPort } from "../app/infra/env.server.ts";
import { isAppError } from "../app/infra/errors.ts";
import { translatorFor } from "../app/infra/i18n/texts.server.ts";
import { startJobWorker } from "../app/infra/jobs.server.ts";
import { startLiveHub } from "../app/infra/live-hub.server.ts";
import { createLogger } from "../app/infra/logger.server.ts";
import { createMailer, MAIL_JOB_KIND, mailJobHandler } from "../app/infra/mail.server.ts";
import { createParticipationLimiter } from "../app/infra/participation-limits.server.ts";
import { ensurePrivateFolder } from "../app/infra/private-files.server.ts";
import type { Services } from "../app/infra/services.server.ts";
import { closeAllEventStreams } from "../app/infra/sse.server.ts";
import { LOGIN_LINK_JOB_KIND, loginLinkJobHandler } from "../app/modules/accounts/login-links.server.ts";
import { singleSignOnWarnings } from "../app/modules/accounts/single-sign-on.server.ts";
import { createConsultationAnalysis } from "../app/modules/consultation/consultations.server.ts";
import { seedDilemmas } from "../app/modules/dilemmas/dilemmas.server.ts";
import { seedGuide } from "../app/modules/guide/guide-import.server.ts";
import { createInsightCounters } from "../app/modules/insights/counters.server.ts";
import { INSIGHTS_REFRESH_JOB, insightsRefreshHandler } from "../app/modules/insights/rollup.server.ts";
import { seedKriskrasOptions } from "../app/modules/kriskras/kriskras-lists.server.ts";
import { createAppServer } from "./app.ts";
import { startMaintenance } from "./maintenance.ts";
import { createPageCache } from "./page-cache.ts";

const SHUTDOWN_GRACE_MS = 10_000;

export async function start(env: Record<string, string | undefined> = process.env): Promise<Server> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ config });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    logger,
  }).catch((error: Error) => {
    logger.fatal({ err: error }, translatorFor("en")(error.message));
    process.exit(1);
  });
  await database.migrate();
  const seeded = await seedGuide({ db: database.db, contentDir: path.resolve("content") });
  if (seeded.created) logger.info("imported the guide's content into an empty database");
  const cards = await seedDilemmas({ db: database.db, contentDir: path.resolve("content") });
  if (cards.added > 0) logger.info({ cards: cards.added }, "added the shipped dilemma cards");
  const lists = await seedKriskrasOptions({ db: database.db });
  if (lists.organisations + lists.options > 0) logger.info(lists, "filled the empty kris-kras lists");

  const outboxDir = path.join(config.dataDir, "outbox");
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir });
  const outboxWarning = mailer.kind === "outbox" ? ensurePrivateFolder(outboxDir) : undefined;
  if (outboxWarning) logger.warn(outboxWarning);
  const worker = await startJobWorker({
    database,
    handlers: {
      [MAIL_JOB_KIND]: mailJobHandler(mailer),
      // Who asked for a login link is looked up here, outside the request, so every address takes the
      // same time to answer.
      [LOGIN_LINK_JOB_KIND]: loginLinkJobHandler({ db: database.db, config }),
      [INSIGHTS_REFRESH_JOB]: insightsRefreshHandler({ db: database.db }),
    },
    logger,
  });
  logger.info(
    { mail: mailer.kind },
    mailer.kind === "smtp" ? "mail goes out through SMTP" : "mail lands in DATA_DIR/outbox",
  );

  for (const warning of [...configWarnings(config), ...singleSignOnWarnings(config)]) logger.warn(warning);
  const maintenance = startMaintenance({ database, config, logger });

  const pageCache = createPageCache({ maxEntries: config.pageCacheEntries });
  await pageCache.subscribe(database);
  const liveHub = await startLiveHub({ database, logger });
  let keyring: Keyring;
  try {
    keyring = loadKeyring({
      key: config.encryptionKey,
      oldKeys: config.encryptionKeysOld,
      dataDir: config.dataDir,
    });
  } catch (error) {
    // A key that cannot be used is a setting to fix, said to the operator in both languages.
    if (!isAppError(error)) throw error;
    console.error(`${translatorFor("nl")(error.message)} (${translatorFor("en")(error.message)})`);
    process.exit(78); // EX_CONFIG
  }
  logger.info({ key: keyring.currentId, source: keyring.source }, "encryption key loaded");
  if (config.databaseUrl && keyring.source === "key file") {
    logger.warn(
      "ENCRYPTION_KEY is not set: the key is in DATA_DIR. Set ENCRYPTION_KEY when app processes on several machines share the database.",
    );
  }
  const participationLimits = createParticipationLimiter(database);
  const consultationAnalysis = createConsultationAnalysis({ db: database.db, logger, liveHub });
  const insightCounters = createInsightCounters({ db: database.db, logger });
  const services: Services = {
    config,
    logger,
    database,
    pageCache,
    keyring,
    liveHub,
    participationLimits,
    consultationAnalysis,
    insightCounters,
  };
  const appServer = createAppServer({ services, pageCache, build });

  const server = appServer.listen(config.port, config.host);
  // Security: a client that trickles its headers or its form is cut off instead of holding a socket
  // for Node's default 5 minutes (forms here are at most FORM_BODY_LIMIT_KB). Event streams are long
  // answers to short requests, so these limits do not touch them.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // A last guard for file descriptors: above this Node drops new sockets without a word, so it sits
  // above the live-stream cap, which answers first with an honest 503 and Retry-After.
  server.maxConnections = config.conversations.streams.total + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  setListenPort(config, port);
  logger.info(
    { port, host: config.host, database: database.kind, publicUrl: config.publicUrl },
    `listening on http://${config.host}:${port}; links in mails use ${config.publicUrl}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing open requests");
    const force = setTimeout(() => {
      logger.warn("shutdown grace period over; closing remaining connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.closeIdleConnections();
    // Event streams never end by themselves; their clients reconnect to another process.
    const streams = closeAllEventStreams();
    if (streams > 0) logger.info({ streams }, "closed live event streams");
    await new Promise((resolve) => server.close(resolve));
    maintenance.stop();
    await worker.stop();
    await consultationAnalysis.stop();
    await insightCounters.stop();
    await liveHub.close();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  return server;
}
