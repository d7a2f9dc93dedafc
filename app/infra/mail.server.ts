// Outgoing mail, always sent from the job queue so a slow or failing mail server never fails a request
// and a message is retried until it is delivered. Without SMTP_URL each message is written as an .eml
// file to an outbox folder, so development and tests need no mail server and a person can open it.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { Db } from "./db.server.ts";
import { AppError } from "./errors.ts";
import { enqueueJob, type JobHandler } from "./jobs.server.ts";
import { ensurePrivateFolder, PRIVATE_FILE_MODE, partialNameFor } from "./private-files.server.ts";

/**
 * A calendar invitation sent along (iMIP, RFC 6047): a text/calendar part whose Content-Type names the
 * method, which is what makes Outlook, Gmail and Apple Mail offer to add, update or remove the entry.
 */
export interface MailCalendarEvent {
  method: "REQUEST" | "CANCEL";
  /** The iCalendar text, CRLF line ends (see app/modules/kriskras/calendar-invite.ts). */
  content: string;
  filename: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  calendar?: MailCalendarEvent;
}

export interface Mailer {
  kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
}

export const MAIL_JOB_KIND = "mail";

export const MailMessageInput = z.object({
  to: z.email(),
  // A line break would end the header; refuse it rather than rely on the encoder.
  subject: z
    .string()
    .min(1)
    .max(250)
    .regex(/^[^\r\n]*$/, "must be one line"),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  calendar: z
    .object({
      method: z.enum(["REQUEST", "CANCEL"]),
      // One event with a time zone is a few kilobytes; the bound keeps a job row small.
      content: z.string().min(1).max(64_000),
      filename: z.string().regex(/^[\w.-]{1,80}\.ics$/, "must be a plain file name ending in .ics"),
    })
    .optional(),
}) satisfies z.ZodType<MailMessage>;

// Well under the job lease (DEFAULT_LOCK_SECONDS), so a hanging server fails the attempt instead of
// letting a second process send the same message.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function createMailer(options: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  const fields = (message: MailMessage) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    // nodemailer puts the event in the message itself (multipart/alternative, text/calendar with the
    // method) and as an attachment, the form calendar clients recognise as an invitation.
    ...(message.calendar === undefined
      ? {}
      : {
          icalEvent: {
            method: message.calendar.method,
            filename: message.calendar.filename,
            content: message.calendar.content,
          },
        }),
  });

  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail(fields(message));
      },
    };
  }

  // CRLF line ends: an .eml file is an RFC 5322 message as it would travel over SMTP.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  // The messages hold live login links: the folder and its files are the owner's only, and a folder
  // left looser by an older version is tightened now, at start.
  ensurePrivateFolder(options.outboxDir);
  return {
    kind: "outbox",
    async send(message) {
      const info = await transport.sendMail(fields(message));
      if (!Buffer.isBuffer(info.message)) throw new Error("the outbox transport did not return a buffer");
      ensurePrivateFolder(options.outboxDir);
      // Time-sortable, and unique when several processes write at the same millisecond.
      const stamp = new Date().toISOString().replaceAll(":", "-").replace(".", "-");
      const file = path.join(options.outboxDir, `${stamp}-${randomBytes(6).toString("hex")}.eml`);
      // Written aside and renamed, so whoever watches the folder never reads half a message; `wx`
      // refuses a name that exists, a planted link included.
      const partial = partialNameFor(file);
      await fs.writeFile(partial, info.message, { flag: "wx", mode: PRIVATE_FILE_MODE });
      await fs.rename(partial, file);
    },
  };
}

/** Queues a message for sending; pass a transaction as `db` to send it only if that transaction commits. */
export async function enqueueMail(options: { db: Db; message: MailMessage }): Promise<number> {
  const parsed = MailMessageInput.safeParse(options.message);
  if (!parsed.success) {
    throw new AppError("invalid", `Ongeldig e-mailbericht: ${z.prettifyError(parsed.error)}`);
  }
  return enqueueJob({ db: options.db, kind: MAIL_JOB_KIND, payload: parsed.data });
}

/** The handler for jobs of kind "mail". */
export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (payload) => {
    const parsed = MailMessageInput.safeParse(payload);
    if (!parsed.success) throw new Error(`invalid mail job payload: ${z.prettifyError(parsed.error)}`);
    await mailer.send(parsed.data);
  };
}
