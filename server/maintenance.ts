// Hourly clean-up of rows that have served their purpose: ended sessions, used or expired login links,
// old rate-limit windows, finished jobs, expired drafts kept across a login, and the individual answers
// of conversations that ended longer ago than CONVERSATION_RETENTION_DAYS (their summary stays), and the
// sign-ups of kris-kras rounds past KRISKRAS_SIGNUP_RETENTION_DAYS (their totals stay) and meetings past
// KRISKRAS_MEETINGS_RETENTION_DAYS, and the texts of searches that found nothing past
// INSIGHTS_SEARCH_RETENTION_DAYS; then it asks the job runner to work out the insights again. Every
// process runs it; the deletes are idempotent, so two processes doing the same work at once is harmless.
import type { Logger } from "pino";
import type { Database } from "../app/infra/db.server.ts";
import type { Config } from "../app/infra/env.server.ts";
import { pruneFinishedJobs } from "../app/infra/jobs.server.ts";
import { pruneRateLimits } from "../app/infra/rate-limit.server.ts";
import { pruneLoginTokens } from "../app/modules/accounts/login-links.server.ts";
import { pruneSessions } from "../app/modules/accounts/sessions.server.ts";
import { pruneSsoLogins } from "../app/modules/accounts/single-sign-on.server.ts";
import { getConversationSummary } from "../app/modules/conversations/conversation-views.server.ts";
import { purgeEndedConversations } from "../app/modules/conversations/conversations.server.ts";
import { prunePendingDrafts } from "../app/modules/deliberation/pending-drafts.server.ts";
import { pruneSearchMisses, scheduleInsightsRefresh } from "../app/modules/insights/rollup.server.ts";
import { purgeKriskras } from "../app/modules/kriskras/retention.server.ts";

export async function runMaintenance(options: { database: Database; config: Config }): Promise<void> {
  const { db } = options.database;
  await pruneSessions({ db, config: options.config });
  await pruneLoginTokens({ db });
  await pruneSsoLogins({ db });
  await pruneRateLimits({ db });
  await pruneFinishedJobs({ db });
  await prunePendingDrafts({ db });
  await purgeEndedConversations({
    db,
    retentionDays: options.config.conversations.retentionDays,
    summarize: (id) => getConversationSummary({ db, id }),
  });
  await purgeKriskras({
    db,
    signupRetentionDays: options.config.kriskras.signupRetentionDays,
    meetingsRetentionDays: options.config.kriskras.meetingsRetentionDays,
  });
  await pruneSearchMisses({ db, retentionDays: options.config.insights.searchRetentionDays });
  // Last, after the purges above: the insights' atoms are worked out from what is kept.
  await scheduleInsightsRefresh({ db });
}

export function startMaintenance(options: {
  database: Database;
  config: Config;
  logger: Logger;
  everyMs?: number;
}) {
  const run = () =>
    runMaintenance(options).catch((error: unknown) =>
      options.logger.warn({ err: error }, "maintenance failed"),
    );
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
