// Login by a one-time link in an e-mail, for organisations without single sign-on: valid for a short
// time, usable once, and the request never reveals whether an address has an account. The request only
// counts against its limits and queues a job; the job looks the address up and sends the mail, so the
// request does the same work, in the same time, for every address. Opening the link only shows a
// button; the POST behind it uses the token, because mail scanners open links.
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import { AppError } from "../../infra/errors.ts";
import { LANGUAGES, type Language } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { enqueueJob, type JobHandler } from "../../infra/jobs.server.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import { hitRateLimit, rateLimitError } from "../../infra/rate-limit.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { User } from "./accounts.schema.ts";
import { loginTokens, users } from "./accounts.schema.ts";
import { findUserByEmail, normaliseEmail, upsertUser } from "./accounts.server.ts";
import { ReturnPath } from "./accounts.validation.ts";

/** The job that looks an address up and sends its login link (register its handler with the worker). */
export const LOGIN_LINK_JOB_KIND = "login-link";

type LinkConfig = Pick<Config, "publicUrl" | "loginLinkMinutes" | "allowedEmailDomains">;

export function isAllowedDomain(options: {
  email: string;
  config: Pick<Config, "allowedEmailDomains">;
}): boolean {
  const domain = normaliseEmail(options.email).split("@").pop() ?? "";
  return options.config.allowedEmailDomains.includes(domain);
}

/** Makes a login link (also for the operator's command line); the token is stored only as a hash. */
export async function createLoginLink(options: {
  db: Db;
  config: Pick<Config, "loginLinkMinutes">;
  origin: string;
  email: string;
  returnTo?: string;
}): Promise<{ url: string; expiresAt: Date }> {
  const token = createSecret();
  const expiresAt = new Date(Date.now() + options.config.loginLinkMinutes * 60_000);
  await options.db.insert(loginTokens).values({
    tokenHash: hashSecret(token),
    email: normaliseEmail(options.email),
    expiresAt,
    returnTo: options.returnTo ?? "/",
  });
  return { url: `${options.origin}/inloggen/bevestigen?token=${token}`, expiresAt };
}

/** The mail with a login link, in the language of the request that asked for it. */
function loginMail(options: { to: string; url: string; minutes: number; language: Language }): MailMessage {
  const t = translatorFor(options.language);
  const text = [
    t("mails.accounts.loginLink.greeting"),
    "",
    t("mails.accounts.loginLink.intro"),
    "",
    options.url,
    "",
    t("mails.accounts.loginLink.validity", { minutes: options.minutes }),
    t("mails.accounts.loginLink.notYou"),
  ].join("\n");
  return { to: options.to, subject: t("mails.accounts.loginLink.subject"), text };
}

/**
 * Takes a request for a login link: counts it, then queues the rest (`sendLoginLink`) as a job. The
 * per-client limit comes first; the per-address one counts per address *and* client, so a stranger who
 * asks for someone's address again and again uses up only their own tries, never that person's. Nothing
 * here depends on the address having an account, so neither the answer nor its timing tells.
 */
export async function requestLoginLink(options: {
  db: Db;
  config: Pick<Config, "rateLimits">;
  email: string;
  returnTo: string;
  clientIp: string;
  /** The language of the request: the mail is written in it. */
  language: Language;
}): Promise<void> {
  const email = normaliseEmail(options.email);
  const { rateLimits } = options.config;
  if (rateLimits.enabled) {
    const limits: [string, number][] = [
      [`login-link:ip:${options.clientIp}`, rateLimits.loginPerIp],
      [`login-link:email-ip:${hashSecret(`${email} ${options.clientIp}`)}`, rateLimits.loginPerEmail],
    ];
    for (const [key, limit] of limits) {
      const hit = await hitRateLimit({ db: options.db, key, limit, windowSeconds: 3600 });
      if (!hit.allowed) throw rateLimitError(hit.retryAfterSeconds);
    }
  }
  await enqueueJob({
    db: options.db,
    kind: LOGIN_LINK_JOB_KIND,
    payload: { email, returnTo: options.returnTo, language: options.language },
    // A link that arrives an hour late is no use; a few quick retries cover a database hiccup.
    maxAttempts: 3,
  });
}

// Jobs queued before the mail had a language are Dutch, as every mail was then.
const LoginLinkJob = z.object({
  email: z.email(),
  returnTo: ReturnPath,
  language: z.enum(LANGUAGES).default("nl"),
});

/**
 * The job behind a request: sends a link when the address has an account or its domain is allowed, and
 * no earlier link to it still works. That last rule bounds the mail anyone can make an address receive
 * to one per `LOGIN_LINK_MINUTES`, from however many client addresses; the person loses nothing by it,
 * since the link in the earlier mail works.
 */
export async function sendLoginLink(options: {
  db: Db;
  config: LinkConfig;
  email: string;
  returnTo: string;
  language: Language;
}): Promise<"sent" | "not allowed" | "earlier link works"> {
  const email = normaliseEmail(options.email);
  const known = await findUserByEmail({ db: options.db, email });
  if (!known && !isAllowedDomain({ email, config: options.config })) return "not allowed";
  return options.db.transaction(async (tx) => {
    // Two jobs for one address in two processes: one waits for the other, then sees its link.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login-link:${email}`}))`);
    const [earlier] = await tx
      .select({ id: loginTokens.tokenHash })
      .from(loginTokens)
      .where(
        and(eq(loginTokens.email, email), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, new Date())),
      )
      .limit(1);
    if (earlier) return "earlier link works";
    const { url } = await createLoginLink({
      db: tx,
      config: options.config,
      origin: options.config.publicUrl,
      email,
      returnTo: options.returnTo,
    });
    await enqueueMail({
      db: tx,
      message: loginMail({
        to: email,
        url,
        minutes: options.config.loginLinkMinutes,
        language: options.language,
      }),
    });
    return "sent";
  });
}

/** The handler for jobs of kind `LOGIN_LINK_JOB_KIND`. */
export function loginLinkJobHandler(options: { db: Db; config: LinkConfig }): JobHandler {
  return async (payload) => {
    const parsed = LoginLinkJob.safeParse(payload);
    if (!parsed.success) throw new Error(`invalid login-link job payload: ${z.prettifyError(parsed.error)}`);
    await sendLoginLink({ db: options.db, config: options.config, ...parsed.data });
  };
}

/** The address a login link logs in to, while it can still be used; nothing otherwise. Uses nothing. */
export async function findLoginLink(options: {
  db: Db;
  token: string;
}): Promise<{ email: string } | undefined> {
  const [link] = await options.db
    .select({ email: loginTokens.email })
    .from(loginTokens)
    .where(
      and(
        eq(loginTokens.tokenHash, hashSecret(options.token)),
        isNull(loginTokens.usedAt),
        gt(loginTokens.expiresAt, new Date()),
      ),
    );
  return link;
}

/** Uses a login link once; gives the person (made on first login when the domain is allowed). */
export async function consumeLoginLink(options: {
  db: Db;
  config: Pick<Config, "allowedEmailDomains">;
  token: string;
}): Promise<{ user: User; returnTo: string }> {
  const [link] = await options.db
    .update(loginTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(loginTokens.tokenHash, hashSecret(options.token)),
        isNull(loginTokens.usedAt),
        gt(loginTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!link) {
    throw new AppError("invalid", "problems.accounts.loginLinkUsed");
  }
  let user = await findUserByEmail({ db: options.db, email: link.email });
  if (!user) {
    if (!isAllowedDomain({ email: link.email, config: options.config })) {
      throw new AppError("forbidden", "problems.accounts.noAccountForAddress");
    }
    user = await upsertUser({ db: options.db, email: link.email });
  }
  const [updated] = await options.db
    .update(users)
    .set({ lastLoginAt: new Date() })
    .where(eq(users.id, user.id))
    .returning();
  return { user: updated ?? user, returnTo: link.returnTo };
}

/** Deletes login links that can no longer be used (run by the maintenance timer). */
export async function pruneLoginTokens(options: { db: Db }): Promise<void> {
  await options.db.delete(loginTokens).where(lt(loginTokens.expiresAt, new Date()));
}
