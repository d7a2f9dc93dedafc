// Telling contributors what happened to what they wrote: a notice on /meedenken/mijn always, and an
// e-mail through the job queue unless they switched those e-mails off or already got the hour's share
// (NOTICE_MAILS_PER_HOUR; then one mail says more happened, and the rest waits on their page). Mails
// carry no one's name and no reply text: only what changed, and the link.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import { noticeMailAllowance, type Quotas } from "../../infra/quotas.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import { cocreationContributions, cocreationNotices, cocreationPreferences } from "./cocreation.schema.ts";
import type { ContributionStatus } from "./cocreation-kinds.ts";

export type Notice =
  | { kind: "reactie" }
  | { kind: "status"; status: ContributionStatus; reason: string; adoptedInVersion: number | null };

// The mails go to someone other than the reader of the page that caused them: in Dutch, with a few lines
// in English (the texts under mails.cocreation).
const t = translatorFor("nl");

/** The status as the mail says it: "Deels overgenomen in weergave 2". */
export function statusLine(status: ContributionStatus, adoptedInVersion: number | null): string {
  const word = t(`cocreation.statuses.${status}`);
  return adoptedInVersion && (status === "overgenomen" || status === "deels-overgenomen")
    ? t("mails.cocreation.statusIn", { status: word, version: adoptedInVersion })
    : word;
}

/** The English lines below a Dutch mail; none when the mail is in English already. */
function inEnglish(text: string): string[] {
  return text === "" ? [] : ["", "—", text];
}

/**
 * Records the notice and, when the person wants e-mail and has not had the hour's share, queues one in
 * the same transaction. Past the share the notice is still recorded; one bundle mail says so.
 */
export async function notifyContributor(options: {
  db: Db;
  quotas: Quotas;
  userId: string;
  contributionId: string;
  notice: Notice;
  origin: string;
}): Promise<void> {
  await options.db.insert(cocreationNotices).values({
    userId: options.userId,
    contributionId: options.contributionId,
    kind: options.notice.kind,
  });
  if (!(await wantsEmail({ db: options.db, userId: options.userId }))) return;
  const [user] = await options.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, options.userId));
  if (!user) return;
  const allowance = await noticeMailAllowance({
    db: options.db,
    quotas: options.quotas,
    userId: options.userId,
  });
  if (allowance === "none") return;
  const settings = `${options.origin}/meedenken/mijn`;
  await enqueueMail({
    db: options.db,
    message:
      allowance === "bundle"
        ? bundleMail({ to: user.email, settings })
        : noticeMail({
            to: user.email,
            notice: options.notice,
            link: `${options.origin}/meedenken/${options.contributionId}`,
            settings,
          }),
  });
}

/** The one mail past the hour's share: more happened, it is all on their page, mail resumes later. */
export function bundleMail(options: { to: string; settings: string }): MailMessage {
  return {
    to: options.to,
    subject: t("mails.cocreation.bundleSubject"),
    text: [
      t("mails.cocreation.hello"),
      "",
      t("mails.cocreation.bundleBody"),
      "",
      options.settings,
      "",
      t("mails.cocreation.bundleSwitchOff"),
      ...inEnglish(t("mails.cocreation.bundleInEnglish")),
    ].join("\n"),
  };
}

export function noticeMail(options: {
  to: string;
  notice: Notice;
  link: string;
  settings: string;
}): MailMessage {
  const { notice } = options;
  const { settings } = options;
  const footer = [
    "",
    t("mails.cocreation.switchOff", { settings }),
    ...inEnglish(
      t(notice.kind === "status" ? "mails.cocreation.statusInEnglish" : "mails.cocreation.replyInEnglish", {
        settings,
      }),
    ),
  ];
  if (notice.kind === "reactie") {
    return {
      to: options.to,
      subject: t("mails.cocreation.replySubject"),
      text: [
        t("mails.cocreation.hello"),
        "",
        t("mails.cocreation.replyBody"),
        "",
        t("mails.cocreation.readReply", { link: options.link }),
        ...footer,
      ].join("\n"),
    };
  }
  const line = statusLine(notice.status, notice.adoptedInVersion);
  return {
    to: options.to,
    subject: t("mails.cocreation.statusSubject", { status: line }),
    text: [
      t("mails.cocreation.hello"),
      "",
      t("mails.cocreation.statusBody"),
      "",
      t("mails.cocreation.newStatus", { status: line }),
      ...(notice.reason ? [t("mails.cocreation.reason", { reason: notice.reason })] : []),
      "",
      t("mails.cocreation.readContribution", { link: options.link }),
      ...footer,
    ].join("\n"),
  };
}

export async function wantsEmail(options: { db: Db; userId: string }): Promise<boolean> {
  const [row] = await options.db
    .select({ on: cocreationPreferences.emailNotifications })
    .from(cocreationPreferences)
    .where(eq(cocreationPreferences.userId, options.userId));
  return row?.on ?? true;
}

export async function setEmailNotifications(options: { db: Db; userId: string; on: boolean }): Promise<void> {
  await options.db
    .insert(cocreationPreferences)
    .values({ userId: options.userId, emailNotifications: options.on })
    .onConflictDoUpdate({
      target: cocreationPreferences.userId,
      set: { emailNotifications: options.on, updatedAt: new Date() },
    });
}

/** The person's latest notices, unread ones marked, with what they are about. */
export async function listNotices(options: { db: Db; userId: string; limit?: number }) {
  return options.db
    .select({
      id: cocreationNotices.id,
      kind: cocreationNotices.kind,
      contributionId: cocreationNotices.contributionId,
      status: cocreationContributions.status,
      adoptedInVersion: cocreationContributions.adoptedInVersion,
      createdAt: cocreationNotices.createdAt,
      unread: sql<boolean>`${cocreationNotices.readAt} is null`,
    })
    .from(cocreationNotices)
    .innerJoin(cocreationContributions, eq(cocreationContributions.id, cocreationNotices.contributionId))
    .where(eq(cocreationNotices.userId, options.userId))
    .orderBy(desc(cocreationNotices.createdAt), desc(cocreationNotices.id))
    .limit(options.limit ?? 30);
}

export async function markNoticesRead(options: { db: Db; userId: string }): Promise<void> {
  await options.db
    .update(cocreationNotices)
    .set({ readAt: new Date() })
    .where(and(eq(cocreationNotices.userId, options.userId), isNull(cocreationNotices.readAt)));
}
