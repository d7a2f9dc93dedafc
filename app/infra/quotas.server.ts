// Quotas per person: how much one logged-in person may make in an hour (contributions, replies,
// reports, dilemma cards, records, API tokens, conversations), and how many notice e-mails one person
// receives in an hour because of what others do. Counted in the shared rate-limit table under the
// account's id, so the page form, the API and every process count against the same numbers.
import type { Db } from "./db.server.ts";
import type { Config } from "./env.server.ts";
import { AppError, isAppError } from "./errors.ts";
import { type Language, languageOf } from "./i18n/i18n.ts";
import { translatorFor } from "./i18n/texts.server.ts";
import { message } from "./i18n/translate.ts";
import { hitRateLimit } from "./rate-limit.server.ts";

export type Quotas = Config["quotas"];
export type QuotaKind = keyof Quotas["perHour"];

const HOUR = 60 * 60;

/** The words for a refused quota: what happened, the limit and how long to wait (and, in a form, that the text is kept). */
export function quotaText(options: {
  language: Language;
  kind: QuotaKind;
  limit: number;
  retryAfterSeconds: number;
  kept?: boolean;
}): string {
  const t = translatorFor(options.language);
  const minutes = Math.max(1, Math.ceil(options.retryAfterSeconds / 60));
  return [
    t(`quota.what.${options.kind}`),
    t("quota.limit", { limit: options.limit }),
    t("quota.wait", { count: minutes }),
    ...(options.kept ? [t("quota.kept")] : []),
  ].join(" ");
}

/**
 * Counts one thing made by `userId` and throws `rate_limited` (with the wait, for Retry-After) past the
 * hourly quota of its kind. Call it once the input is known to be good and just before storing it, in
 * the same transaction where there is one: a refused or failed write then costs nothing.
 */
export async function spendQuota(options: {
  db: Db;
  quotas: Quotas;
  kind: QuotaKind;
  userId: string;
}): Promise<void> {
  const { quotas, kind } = options;
  if (!quotas.enabled) return;
  const limit = quotas.perHour[kind];
  const hit = await hitRateLimit({
    db: options.db,
    key: `quota:${kind}:user:${options.userId}`,
    limit,
    windowSeconds: HOUR,
  });
  if (!hit.allowed) {
    const minutes = Math.max(1, Math.ceil(hit.retryAfterSeconds / 60));
    throw new AppError(
      "rate_limited",
      message("quota.refused", {
        what: { key: `quota.what.${kind}` },
        limit: { key: "quota.limit", values: { limit } },
        wait: { key: "quota.wait", values: { count: minutes } },
      }),
      { retryAfterSeconds: hit.retryAfterSeconds },
    );
  }
}

/**
 * For a form's action: the message to show beside what the person typed when `error` is a refused
 * quota, in their language; undefined for any other error (which the caller throws on).
 */
export function quotaRefusalOf(options: {
  request: Request;
  quotas: Quotas;
  kind: QuotaKind;
  error: unknown;
  kept?: boolean;
}): string | undefined {
  const { error } = options;
  if (!isAppError(error) || error.code !== "rate_limited") return undefined;
  return quotaText({
    language: languageOf(options.request),
    kind: options.kind,
    limit: options.quotas.perHour[options.kind],
    retryAfterSeconds: error.retryAfterSeconds ?? HOUR,
    kept: options.kept ?? true,
  });
}

/**
 * Whether one more notice e-mail may go to `userId` this hour: `send` within the cap; the first time
 * past it `bundle` (one mail saying more happened, and that the rest is on their page); after that
 * `none`. The notice in the app is kept either way; only the mail is held back. Pass the transaction
 * that stores the notice, so a rolled-back notice costs no mail.
 */
export async function noticeMailAllowance(options: {
  db: Db;
  quotas: Quotas;
  userId: string;
}): Promise<"send" | "bundle" | "none"> {
  if (!options.quotas.enabled) return "send";
  const hit = await hitRateLimit({
    db: options.db,
    key: `notice-mail:user:${options.userId}`,
    limit: options.quotas.noticeMailsPerHour,
    windowSeconds: HOUR,
  });
  if (hit.allowed) return "send";
  const bundle = await hitRateLimit({
    db: options.db,
    key: `notice-mail-bundle:user:${options.userId}`,
    limit: 1,
    windowSeconds: HOUR,
  });
  return bundle.allowed ? "bundle" : "none";
}
