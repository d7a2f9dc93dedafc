// Logs a browser context in the way a person does: the login form, the e-mail (as it arrived at the
// test SMTP server, tests/e2e/mailbox.ts), the confirmation button.
//
// The workers share one server and one mailbox. The server sends no new link to an address while an
// earlier one still works, so two workers logging in the same person at once would wait for the same
// mail; one login per address runs at a time, across the workers, under a lock folder in the mailbox.
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { E2E_MAIL_DIR, waitForMail } from "./mailbox.ts";

/** Longer than a login can take (the mail is awaited ten seconds); a lock this old was left by a crash. */
const STALE_LOCK_MS = 30_000;

async function whileLoggingIn<T>(email: string, login: () => Promise<T>): Promise<T> {
  const lock = path.join(E2E_MAIL_DIR, `login-${email}.lock`);
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await login();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The link in the newest login mail to `email` since `after` that no login has followed yet: a link
 * works once. A mail is claimed by a marker file next to it, which every worker sees.
 */
async function loginLinkFor(email: string, after: number, mailDir: string): Promise<string> {
  const linkIn = (text: string | undefined) =>
    /http\S+\/inloggen\/bevestigen\?token=[\w-]+/.exec(text ?? "")?.[0];
  const { mail, file } = await waitForMail({
    to: email,
    after,
    folder: mailDir,
    matches: (found, file) => linkIn(found.text) !== undefined && !fs.existsSync(`${file}.followed`),
    what: "login mail",
  });
  fs.writeFileSync(`${file}.followed`, "");
  return linkIn(mail.text) as string;
}

export interface LoginOptions {
  /** Where the server's mail arrives: the test SMTP server's folder, or a server's own outbox. */
  mailDir?: string;
}

/** Logs the context in as `email` on a page of its own, which it closes again. */
export async function logIn(
  context: BrowserContext,
  email: string,
  options: LoginOptions = {},
): Promise<void> {
  const page = await context.newPage();
  await page.goto("/inloggen");
  await logInOnThisPage(page, email, options);
  await page.close();
}

/** Logs in from the login page the browser is on, so that it returns where the page says (`terug`). */
export async function logInOnThisPage(page: Page, email: string, options: LoginOptions = {}): Promise<void> {
  const mailDir = options.mailDir ?? E2E_MAIL_DIR;
  await whileLoggingIn(email, async () => {
    const started = Date.now() - 1000;
    await page.locator("#email").fill(email);
    await page.locator("main form:has(#email) button[type=submit]").click();
    await page
      .locator("main h1")
      .filter({ hasText: /e-mail/ })
      .waitFor();
    const link = new URL(await loginLinkFor(email, started, mailDir));
    await page.goto(link.pathname + link.search);
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
  });
}
