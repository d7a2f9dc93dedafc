// Logs a browser context in the way a person does: the login form, the e-mail (as it arrived at the
// test SMTP server, tests/e2e/mailbox.ts), the confirmation button.
import type { BrowserContext, Page } from "@playwright/test";
import { waitForMail } from "./mailbox.ts";

/** Login mails already followed: a link works once, and the same person may log in twice a second. */
const followed = new Set<string>();

async function loginLinkFor(email: string, after: number): Promise<string> {
  const linkIn = (text: string | undefined) =>
    /http\S+\/inloggen\/bevestigen\?token=[\w-]+/.exec(text ?? "")?.[0];
  const { mail, file } = await waitForMail({
    to: email,
    after,
    skip: followed,
    matches: (found) => linkIn(found.text) !== undefined,
    what: "login mail",
  });
  followed.add(file);
  return linkIn(mail.text) as string;
}

export async function logIn(context: BrowserContext, email: string): Promise<void> {
  const page = await context.newPage();
  await page.goto("/inloggen");
  await logInOnThisPage(page, email);
  await page.close();
}

/** Logs in from the login page the browser is on, so that it returns where the page says (`terug`). */
export async function logInOnThisPage(page: Page, email: string): Promise<void> {
  const started = Date.now() - 1000;
  await page.locator("#email").fill(email);
  await page.locator("main form:has(#email) button[type=submit]").click();
  await page
    .locator("main h1")
    .filter({ hasText: /e-mail/ })
    .waitFor();
  const link = new URL(await loginLinkFor(email, started));
  await page.goto(link.pathname + link.search);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}
