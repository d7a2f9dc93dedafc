// Telling contributors what happened to what they wrote: a notice on /meedenken/mijn always, and an
// e-mail through the job queue unless they switched those e-mails off or already got the hour's share
// (NOTICE_MAILS_PER_HOUR; then one mail says more happened, and the rest waits on their page). Mails
// carry no one's name and no reply text: only what changed, and the link.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import { noticeMailAllowance, type Quotas } from "../../infra/quotas.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import { cocreationContributions, cocreationNotices, cocreationPreferences } from "./cocreation.schema.ts";
import type { ContributionStatus } from "./cocreation-kinds.ts";

export type Notice =
  | { kind: "reactie" }
  | { kind: "status"; status: ContributionStatus; reason: string; adoptedInVersion: number | null };

/** The statuses in the words of the mails (Dutch, B1); the pages take theirs from the translations. */
const STATUS_WORDS: Record<ContributionStatus, string> = {
  ontvangen: "Ontvangen",
  "in-behandeling": "In behandeling",
  overgenomen: "Overgenomen",
  "deels-overgenomen": "Deels overgenomen",
  "niet-overgenomen": "Niet overgenomen",
};

export function statusLine(status: ContributionStatus, adoptedInVersion: number | null): string {
  const word = STATUS_WORDS[status];
  return adoptedInVersion && (status === "overgenomen" || status === "deels-overgenomen")
    ? `${word} in weergave ${adoptedInVersion}`
    : word;
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
    subject: "Meer nieuws over je bijdragen aan de gids",
    text: [
      "Hallo,",
      "",
      "Er gebeurt veel met je bijdragen aan de Gids Ambtelijk Vakmanschap: er kwamen reacties of",
      "besluiten van de redactie bij. Om je inbox niet te vullen, sturen we je het komende uur geen",
      "e-mail meer hierover. Alles staat op je eigen pagina:",
      "",
      options.settings,
      "",
      "Daar kun je deze e-mails ook uitzetten.",
      "",
      "—",
      "English: a lot is happening with your contributions to the guide. To keep your inbox calm we send",
      "no more e-mails about them for the next hour. Everything is on the page above.",
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
  const footer = [
    "",
    `Wil je deze e-mails niet meer krijgen? Zet ze uit op ${options.settings}`,
    "",
    "—",
    notice.kind === "status"
      ? "English: the editors changed the status of your contribution to the guide. Read it at the link above."
      : "English: someone replied to your contribution to the guide. Read it at the link above.",
    `You can switch these e-mails off at ${options.settings}`,
  ];
  if (notice.kind === "reactie") {
    return {
      to: options.to,
      subject: "Nieuwe reactie op je bijdrage aan de gids",
      text: [
        "Hallo,",
        "",
        "Iemand heeft gereageerd op je bijdrage aan de Gids Ambtelijk Vakmanschap.",
        "",
        `Lees de reactie: ${options.link}`,
        ...footer,
      ].join("\n"),
    };
  }
  const line = statusLine(notice.status, notice.adoptedInVersion);
  return {
    to: options.to,
    subject: `Je bijdrage aan de gids: ${line}`,
    text: [
      "Hallo,",
      "",
      "De redactie heeft de status van je bijdrage aan de Gids Ambtelijk Vakmanschap veranderd.",
      "",
      `Nieuwe status: ${line}`,
      ...(notice.reason ? [`Reden: ${notice.reason}`] : []),
      "",
      `Lees je bijdrage: ${options.link}`,
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
