// Reading the mail the browser tests' app sent: every message the SMTP server of
// tests/e2e/smtp-mailbox-server.ts accepted is an .eml file in E2E_MAIL_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3212);
/** Fixed once in playwright.config.ts's process and inherited by the servers and the workers. */
export const E2E_MAIL_DIR = process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), "vakmanschap-e2e-mail");

const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text);

/**
 * The newest mail to `to` that arrived after `after` (a time in ms) and that `matches` accepts, waiting up
 * to ten seconds for it. `folder` is where the .eml files arrive: the SMTP server's, unless a test runs a
 * server of its own that writes to its outbox.
 */
export async function waitForMail(options: {
  to: string;
  after: number;
  matches: (mail: ParsedMail, file: string) => boolean;
  folder?: string;
  what: string;
}): Promise<{ mail: ParsedMail; file: string }> {
  const folder = options.folder ?? E2E_MAIL_DIR;
  for (let attempt = 0; attempt < 100; attempt++) {
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => file.endsWith(".eml")) : [];
    for (const file of files.sort().reverse()) {
      const full = path.join(folder, file);
      if (fs.statSync(full).mtimeMs < options.after) continue;
      const mail = await simpleParser(fs.readFileSync(full));
      if (addressOf(mail) === options.to && options.matches(mail, full)) return { mail, file: full };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${options.what} for ${options.to} arrived in ${folder}`);
}

/** The text of the newest mail to `to` with this subject that arrived after `after`. */
export async function mailFor(to: string, subject: string, after: number): Promise<string> {
  const { mail } = await waitForMail({
    to,
    after,
    matches: (found) => found.subject === subject,
    what: `mail "${subject}"`,
  });
  return mail.text ?? "";
}
