// Login by a one-time link in an e-mail, for organisations without single sign-on: valid for a short
// time, usable once, and the request never reveals whether an address has an account. Opening the
// link only shows a button; the POST behind it uses the token, because mail scanners open links.
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import { AppError } from "../../infra/errors.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import { hitRateLimit, rateLimitError } from "../../infra/rate-limit.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import { loginTokens, users } from "./accounts.schema.ts";
import { findUserByEmail, normaliseEmail, type User, upsertUser } from "./accounts.server.ts";

type LinkConfig = Pick<Config, "loginLinkMinutes" | "allowedEmailDomains" | "rateLimits">;

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

function loginMail(options: { to: string; url: string; minutes: number }): MailMessage {
  const text = [
    "Hallo,",
    "",
    "Je hebt gevraagd om in te loggen bij Vakmanschap. Open deze link en kies daarna 'Inloggen':",
    "",
    options.url,
    "",
    `De link werkt ${options.minutes} minuten en maar één keer.`,
    "Heb je dit niet zelf gevraagd? Dan hoef je niets te doen.",
    "",
    "(You asked to log in to Vakmanschap. Open the link above and choose 'Inloggen'. It works once, for",
    `${options.minutes} minutes. If you did not ask for it, you can ignore this e-mail.)`,
  ].join("\n");
  return { to: options.to, subject: "Je inloglink voor Vakmanschap", text };
}

/**
 * Sends a login link when the address has an account or its domain is allowed; otherwise does nothing.
 * Either way the caller shows the same answer, so nobody learns which addresses exist.
 */
export async function requestLoginLink(options: {
  db: Db;
  config: LinkConfig;
  origin: string;
  email: string;
  returnTo: string;
  clientIp: string;
}): Promise<void> {
  const email = normaliseEmail(options.email);
  if (options.config.rateLimits.enabled) {
    const limits: [string, number][] = [
      [`login-link:email:${hashSecret(email)}`, options.config.rateLimits.loginPerEmail],
      [`login-link:ip:${options.clientIp}`, options.config.rateLimits.loginPerIp],
    ];
    for (const [key, limit] of limits) {
      const hit = await hitRateLimit({ db: options.db, key, limit, windowSeconds: 3600 });
      if (!hit.allowed) throw rateLimitError(hit.retryAfterSeconds);
    }
  }
  const known = await findUserByEmail({ db: options.db, email });
  if (!known && !isAllowedDomain({ email, config: options.config })) return;
  await options.db.transaction(async (tx) => {
    const { url } = await createLoginLink({
      db: tx,
      config: options.config,
      origin: options.origin,
      email,
      returnTo: options.returnTo,
    });
    await enqueueMail({
      db: tx,
      message: loginMail({ to: email, url, minutes: options.config.loginLinkMinutes }),
    });
  });
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
    throw new AppError("invalid", "Deze inloglink is verlopen of al gebruikt. Vraag een nieuwe link aan.");
  }
  let user = await findUserByEmail({ db: options.db, email: link.email });
  if (!user) {
    if (!isAllowedDomain({ email: link.email, config: options.config })) {
      throw new AppError("forbidden", "Met dit e-mailadres kun je geen account maken.");
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
