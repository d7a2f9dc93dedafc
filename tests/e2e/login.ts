// Logs a browser context in the way a person does: the login form, the e-mail (read from the test
// server's outbox, where mail lands without SMTP), the confirmation button.
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { simpleParser } from "mailparser";

export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "";

/** Login mails already followed: a link works once, and the same person may log in twice a second. */
const followed = new Set<string>();

async function loginLinkFor(email: string, after: number): Promise<string> {
  const outbox = path.join(E2E_DATA_DIR, "outbox");
  for (let attempt = 0; attempt < 100; attempt++) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((file) => file.endsWith(".eml")) : [];
    for (const file of files.sort().reverse()) {
      const full = path.join(outbox, file);
      if (followed.has(full) || fs.statSync(full).mtimeMs < after) continue;
      const mail = await simpleParser(fs.readFileSync(full));
      const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
      const link = /http\S+\/inloggen\/bevestigen\?token=[\w-]+/.exec(mail.text ?? "")?.[0];
      if (to === email && link) {
        followed.add(full);
        return link;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no login mail for ${email} in ${outbox}`);
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
