// Contributions to the guide: writing them on a paragraph of a published version (or on the guide as a
// whole), reading them back for the public, the author and the editors, replies and support. The
// public never sees who wrote something unless the writer chose to show their name; editors always do.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import type { PageCacheControl } from "../../infra/services.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import type { Actor } from "../accounts/authorization.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import { guideParts, guideVersions } from "../guide/guide.schema.ts";
import { requirePart, requireVersion } from "../guide/guide.server.ts";
import { diffWordsOf, type WordChange } from "../guide/guide-diff.ts";
import {
  type ContributionRow,
  cocreationContributions,
  cocreationNotices,
  cocreationPreferences,
  cocreationReplies,
  cocreationReports,
  cocreationStatusChanges,
  cocreationSupports,
  contributionColumns,
} from "./cocreation.schema.ts";
import type { ContributionFilter, ContributionInput, ReplyInput } from "./cocreation.validation.ts";
import {
  type ContributionKind,
  type ContributionStatus,
  type HiddenState,
  OPEN_STATUSES,
  PAGE_SIZE,
  PARAGRAPH_KINDS,
  PROPOSAL_KINDS,
  type QueueView,
} from "./cocreation-kinds.ts";
import { notifyContributor } from "./notifications.server.ts";

export const NOT_FOUND = "problems.cocreation.contributionNotFound";
export const REPLY_NOT_FOUND = "problems.cocreation.replyNotFound";

/** Who looks: the public (no user), a logged-in person, or an editor (who sees names and hidden text). */
export interface Viewer {
  userId?: string;
  editor: boolean;
}

export interface ContributionSummary {
  id: string;
  kind: ContributionKind;
  version: number;
  part: string | null;
  partTitle: string | null;
  anchor: string | null;
  /** The name, only when the writer chose to show it (and has one). */
  author: string | null;
  /** For editors only: who wrote it, also when the name is hidden from the public. */
  authorEmail: string | null;
  mine: boolean;
  /** Null when hidden from this viewer. */
  body: string | null;
  proposedText: string | null;
  title: string;
  status: ContributionStatus;
  statusReason: string;
  adoptedInVersion: number | null;
  hidden: HiddenState | null;
  hiddenReason: string;
  supports: number;
  replies: number;
  reports: number;
  /** ISO 8601. */
  createdAt: string;
}

export interface ReplyView {
  id: string;
  author: string | null;
  authorEmail: string | null;
  mine: boolean;
  body: string | null;
  hidden: HiddenState | null;
  hiddenReason: string;
  reports: number;
  reportedByMe: boolean;
  createdAt: string;
}

export interface ContributionDetail extends ContributionSummary {
  originalText: string;
  /** For a text proposal whose text this viewer may see: the change, word by word. */
  words: WordChange[];
  history: {
    status: ContributionStatus;
    reason: string;
    adoptedInVersion: number | null;
    decidedAt: string;
    decidedBy: string | null;
  }[];
  replyList: ReplyView[];
  supportedByMe: boolean;
  reportedByMe: boolean;
  reportReasons: string[];
}

type Row = ContributionRow;

/**
 * Writes a contribution on a published version; the paragraph's text of that moment is kept with it.
 * Counts against the writer's hourly quota once the input is known to be good. The guide's cached
 * pages show how many contributions each paragraph has, so they are dropped.
 */
export async function createContribution(options: {
  db: Db;
  pageCache: PageCacheControl;
  quotas: Quotas;
  actor: Actor;
  input: ContributionInput;
}) {
  const { db, input } = options;
  const version = await requireVersion({ db, number: input.version }).catch(() => {
    const unknown = "problems.cocreation.guideVersionNotFound";
    throw new AppError("invalid", unknown, { fields: { version: unknown } });
  });
  if (version.status !== "gepubliceerd") {
    const unpublished = "problems.cocreation.onlyPublished";
    throw new AppError("invalid", unpublished, { fields: { version: unpublished } });
  }
  const onParagraph = (PARAGRAPH_KINDS as readonly string[]).includes(input.kind);
  let partSlug: string | null = null;
  let anchor: string | null = null;
  let originalText = "";
  if (input.part && input.kind !== "algemeen") {
    const { part } = await requirePart({ db, version, slug: input.part }).catch(() => {
      const missing = message("problems.guide.partNotInVersion", {
        slug: input.part ?? "",
        number: version.number,
      });
      throw new AppError("invalid", missing, { fields: { part: missing } });
    });
    partSlug = part.slug;
    if (onParagraph) {
      const block = part.blocks.find((candidate) => candidate.anchor === input.anchor);
      if (!block) {
        const missing = "problems.cocreation.paragraphNotInPart";
        throw new AppError("invalid", missing, { fields: { anchor: missing } });
      }
      anchor = block.anchor;
      originalText = block.markdown;
    }
  }
  if (input.kind === "tekstvoorstel" && input.proposedText.trim() === originalText.trim()) {
    const unchanged = "problems.cocreation.proposalUnchanged";
    throw new AppError("invalid", unchanged, { fields: { proposedText: unchanged } });
  }
  const proposes = input.kind !== "reactie" && input.kind !== "algemeen";
  const created = await db.transaction(async (tx) => {
    await spendQuota({ db: tx, quotas: options.quotas, kind: "contribution", userId: options.actor.id });
    const [row] = await tx
      .insert(cocreationContributions)
      .values({
        kind: input.kind,
        versionId: version.id,
        partSlug,
        anchor,
        originalText,
        body: input.body,
        proposedText: proposes ? input.proposedText : "",
        title: input.kind === "nieuw-deel" ? input.title : "",
        authorId: options.actor.id,
        showName: input.showName,
      })
      .returning(contributionColumns);
    if (!row) throw new Error("contribution not stored");
    return row;
  });
  await options.pageCache.invalidate("guide");
  return created;
}

const visibleReplies = sql<number>`(select count(*)::int from ${cocreationReplies} r where r.contribution_id = ${cocreationContributions.id} and r.hidden_state is null)`;
const supportCount = sql<number>`(select count(*)::int from ${cocreationSupports} s where s.contribution_id = ${cocreationContributions.id})`;
const reportCount = sql<number>`(select count(*)::int from ${cocreationReports} rp where rp.target_kind = 'bijdrage' and rp.target_id = ${cocreationContributions.id})`;
const partTitle = sql<
  string | null
>`(select p.title from ${guideParts} p where p.version_id = ${cocreationContributions.versionId} and p.slug = ${cocreationContributions.partSlug})`;

const summaryColumns = {
  row: contributionColumns,
  version: guideVersions.number,
  partTitle,
  authorName: users.name,
  authorEmail: users.email,
  supports: supportCount,
  replies: visibleReplies,
  reports: reportCount,
};

type SummaryRow = {
  row: Row;
  version: number;
  partTitle: string | null;
  authorName: string | null;
  authorEmail: string | null;
  supports: number;
  replies: number;
  reports: number;
};

function getConversationSummary(found: SummaryRow, viewer: Viewer): ContributionSummary {
  const { row } = found;
  const mine = Boolean(viewer.userId && row.authorId === viewer.userId);
  const readable = row.hiddenState === null || viewer.editor || mine;
  return {
    id: row.id,
    kind: row.kind,
    version: found.version,
    part: row.partSlug,
    partTitle: found.partTitle,
    anchor: row.anchor,
    author: row.showName && found.authorName ? found.authorName : null,
    authorEmail: viewer.editor ? found.authorEmail : null,
    mine,
    body: readable ? row.body : null,
    proposedText: readable ? row.proposedText : null,
    // A new part's title is the writer's text too: hidden with the rest.
    title: readable ? row.title : "",
    status: row.status,
    statusReason: row.statusReason,
    adoptedInVersion: row.adoptedInVersion,
    hidden: row.hiddenState,
    hiddenReason: row.hiddenReason,
    supports: found.supports,
    replies: found.replies,
    reports: viewer.editor ? found.reports : 0,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `%` and `_` typed by a person are searched for as themselves. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function filterConditions(filter: Partial<ContributionFilter>): SQL[] {
  const conditions: SQL[] = [];
  if (filter.deel) conditions.push(eq(cocreationContributions.partSlug, filter.deel));
  if (filter.alinea) conditions.push(eq(cocreationContributions.anchor, filter.alinea));
  if (filter.soort) conditions.push(eq(cocreationContributions.kind, filter.soort));
  if (filter.status === "open") conditions.push(inArray(cocreationContributions.status, [...OPEN_STATUSES]));
  else if (filter.status) conditions.push(eq(cocreationContributions.status, filter.status));
  if (filter.versie) conditions.push(eq(guideVersions.number, filter.versie));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    const search = or(
      ilike(cocreationContributions.body, pattern),
      ilike(cocreationContributions.proposedText, pattern),
      ilike(cocreationContributions.title, pattern),
    );
    if (search) conditions.push(search);
  }
  return conditions;
}

/** The public list of /meedenken: everything not hidden, newest first, a page at a time. */
export async function listContributions(options: {
  db: Db;
  filter: Partial<ContributionFilter>;
  viewer: Viewer;
}) {
  const where = and(isNull(cocreationContributions.hiddenState), ...filterConditions(options.filter));
  return pageOf({ ...options, where, order: [desc(cocreationContributions.createdAt)] });
}

/**
 * The editors' queue: undecided first (received, then being considered), newest first within; hidden
 * items are in it too, with their reason.
 */
export async function listQueue(options: { db: Db; filter: Partial<ContributionFilter>; view: QueueView }) {
  const conditions = filterConditions(options.filter);
  if (options.view === "open") {
    conditions.push(inArray(cocreationContributions.status, [...OPEN_STATUSES]));
  }
  if (options.view === "verborgen") conditions.push(isNotNull(cocreationContributions.hiddenState));
  if (options.view === "gemeld") {
    conditions.push(
      or(
        sql`${reportCount} > 0`,
        sql`exists (select 1 from ${cocreationReplies} r join ${cocreationReports} rp on rp.target_kind = 'reactie' and rp.target_id = r.id where r.contribution_id = ${cocreationContributions.id})`,
      ) as SQL,
    );
  }
  return pageOf({
    db: options.db,
    filter: options.filter,
    viewer: { editor: true },
    where: and(...conditions),
    order: [
      sql`${cocreationContributions.hiddenState} = 'in-afwachting' desc nulls last`,
      sql`case ${cocreationContributions.status} when 'ontvangen' then 0 when 'in-behandeling' then 1 else 2 end`,
      desc(cocreationContributions.createdAt),
    ],
  });
}

async function pageOf(options: {
  db: Db;
  filter: Partial<ContributionFilter>;
  viewer: Viewer;
  where: SQL | undefined;
  order: SQL[];
}) {
  const page = options.filter.pagina ?? 1;
  // The total rides along with the page's rows (one query, counted before the limit); only a page past
  // the end, which has no rows to carry it, counts apart.
  const rows = await options.db
    .select({ ...summaryColumns, total: sql<number>`(count(*) over ())::int` })
    .from(cocreationContributions)
    .innerJoin(guideVersions, eq(guideVersions.id, cocreationContributions.versionId))
    .leftJoin(users, eq(users.id, cocreationContributions.authorId))
    .where(options.where)
    .orderBy(...options.order, desc(cocreationContributions.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [counted] = await options.db
      .select({ total: count() })
      .from(cocreationContributions)
      .innerJoin(guideVersions, eq(guideVersions.id, cocreationContributions.versionId))
      .where(options.where);
    total = counted?.total ?? 0;
  }
  return {
    items: rows.map((row) => getConversationSummary(row, options.viewer)),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** One contribution with its replies, history and, for a text proposal, the word difference. */
export async function getContribution(options: {
  db: Db;
  id: string;
  viewer: Viewer;
}): Promise<ContributionDetail> {
  const { db, viewer } = options;
  const [found] = await db
    .select(summaryColumns)
    .from(cocreationContributions)
    .innerJoin(guideVersions, eq(guideVersions.id, cocreationContributions.versionId))
    .leftJoin(users, eq(users.id, cocreationContributions.authorId))
    .where(eq(cocreationContributions.id, options.id));
  if (!found) throw new AppError("not_found", NOT_FOUND);
  const summary = getConversationSummary(found, viewer);
  const [history, replies, supported, reports] = await Promise.all([
    db
      .select({ change: cocreationStatusChanges, editor: users.email })
      .from(cocreationStatusChanges)
      .leftJoin(users, eq(users.id, cocreationStatusChanges.decidedBy))
      .where(eq(cocreationStatusChanges.contributionId, options.id))
      .orderBy(asc(cocreationStatusChanges.decidedAt), asc(cocreationStatusChanges.id)),
    db
      .select({
        reply: cocreationReplies,
        authorName: users.name,
        authorEmail: users.email,
        reports: sql<number>`(select count(*)::int from ${cocreationReports} rp where rp.target_kind = 'reactie' and rp.target_id = ${cocreationReplies.id})`,
        reportedByMe: viewer.userId
          ? sql<boolean>`exists (select 1 from ${cocreationReports} rp where rp.target_kind = 'reactie' and rp.target_id = ${cocreationReplies.id} and rp.user_id = ${viewer.userId})`
          : sql<boolean>`false`,
      })
      .from(cocreationReplies)
      .leftJoin(users, eq(users.id, cocreationReplies.authorId))
      .where(eq(cocreationReplies.contributionId, options.id))
      .orderBy(asc(cocreationReplies.createdAt), asc(cocreationReplies.id)),
    viewer.userId
      ? db
          .select({ userId: cocreationSupports.userId })
          .from(cocreationSupports)
          .where(
            and(
              eq(cocreationSupports.contributionId, options.id),
              eq(cocreationSupports.userId, viewer.userId),
            ),
          )
      : Promise.resolve([]),
    db
      .select({ userId: cocreationReports.userId, reason: cocreationReports.reason })
      .from(cocreationReports)
      .where(and(eq(cocreationReports.targetKind, "bijdrage"), eq(cocreationReports.targetId, options.id)))
      .orderBy(asc(cocreationReports.createdAt)),
  ]);
  const readableProposal = summary.kind === "tekstvoorstel" && summary.proposedText !== null;
  return {
    ...summary,
    originalText: found.row.originalText,
    words: readableProposal
      ? diffWordsOf({ before: found.row.originalText, after: summary.proposedText ?? "" })
      : [],
    history: history.map(({ change, editor }) => ({
      status: change.status,
      reason: change.reason,
      adoptedInVersion: change.adoptedInVersion,
      decidedAt: change.decidedAt.toISOString(),
      decidedBy: viewer.editor ? editor : null,
    })),
    replyList: replies.map(({ reply, authorName, authorEmail, reports: replyReports, reportedByMe }) => {
      const mine = Boolean(viewer.userId && reply.authorId === viewer.userId);
      return {
        id: reply.id,
        author: reply.showName && authorName ? authorName : null,
        authorEmail: viewer.editor ? authorEmail : null,
        mine,
        body: reply.hiddenState === null || viewer.editor || mine ? reply.body : null,
        hidden: reply.hiddenState,
        hiddenReason: reply.hiddenReason,
        reports: viewer.editor ? replyReports : 0,
        reportedByMe: Boolean(reportedByMe),
        createdAt: reply.createdAt.toISOString(),
      };
    }),
    supportedByMe: supported.length > 0,
    reportedByMe: Boolean(viewer.userId && reports.some((report) => report.userId === viewer.userId)),
    reportReasons: viewer.editor ? reports.map((report) => report.reason).filter(Boolean) : [],
  };
}

/** How many visible contributions each paragraph of a part of a version has: for the guide's pages. */
export async function getContributionCounts(options: {
  db: Db;
  versionId: string;
  partSlug: string;
}): Promise<Record<string, number>> {
  const rows = await options.db
    .select({ anchor: cocreationContributions.anchor, total: count() })
    .from(cocreationContributions)
    .where(
      and(
        eq(cocreationContributions.versionId, options.versionId),
        eq(cocreationContributions.partSlug, options.partSlug),
        isNotNull(cocreationContributions.anchor),
        isNull(cocreationContributions.hiddenState),
      ),
    )
    .groupBy(cocreationContributions.anchor);
  return Object.fromEntries(rows.map((row) => [row.anchor ?? "", row.total]));
}

/** A person's own contributions, newest first, with their status (hidden ones too, with the reason). */
export async function listOwnContributions(options: { db: Db; userId: string }) {
  const rows = await options.db
    .select(summaryColumns)
    .from(cocreationContributions)
    .innerJoin(guideVersions, eq(guideVersions.id, cocreationContributions.versionId))
    .leftJoin(users, eq(users.id, cocreationContributions.authorId))
    .where(eq(cocreationContributions.authorId, options.userId))
    .orderBy(desc(cocreationContributions.createdAt), desc(cocreationContributions.id));
  return rows.map((row) => getConversationSummary(row, { userId: options.userId, editor: false }));
}

async function requireVisibleContribution(db: Db, id: string): Promise<Row> {
  const [row] = await db
    .select(contributionColumns)
    .from(cocreationContributions)
    .where(eq(cocreationContributions.id, id));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  if (row.hiddenState !== null) {
    throw new AppError("conflict", "problems.cocreation.contributionHidden");
  }
  return row;
}

/**
 * A reply on a contribution, within the replier's hourly quota; its writer is told (a notice, and an
 * e-mail unless switched off or past their hourly share of notice mails).
 */
export async function addReply(options: {
  db: Db;
  quotas: Quotas;
  actor: Actor;
  contributionId: string;
  input: ReplyInput;
  origin: string;
}) {
  return options.db.transaction(async (tx) => {
    const contribution = await requireVisibleContribution(tx, options.contributionId);
    await spendQuota({ db: tx, quotas: options.quotas, kind: "reply", userId: options.actor.id });
    const [reply] = await tx
      .insert(cocreationReplies)
      .values({
        contributionId: contribution.id,
        authorId: options.actor.id,
        showName: options.input.showName,
        body: options.input.body,
      })
      .returning();
    if (!reply) throw new Error("reply not stored");
    if (contribution.authorId && contribution.authorId !== options.actor.id) {
      await notifyContributor({
        db: tx,
        quotas: options.quotas,
        userId: contribution.authorId,
        contributionId: contribution.id,
        notice: { kind: "reactie" },
        origin: options.origin,
      });
    }
    return reply;
  });
}

/** Support for a proposal: once per person; a second time changes nothing. Returns the count. */
export async function supportContribution(options: { db: Db; actor: Actor; contributionId: string }) {
  const contribution = await requireVisibleContribution(options.db, options.contributionId);
  if (!PROPOSAL_KINDS.includes(contribution.kind)) {
    throw new AppError("conflict", "problems.cocreation.supportOnlyProposal");
  }
  await options.db
    .insert(cocreationSupports)
    .values({ contributionId: contribution.id, userId: options.actor.id })
    .onConflictDoNothing();
  return supportsOf(options.db, contribution.id);
}

export async function withdrawSupport(options: { db: Db; actor: Actor; contributionId: string }) {
  const [row] = await options.db
    .select({ id: cocreationContributions.id })
    .from(cocreationContributions)
    .where(eq(cocreationContributions.id, options.contributionId));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  await options.db
    .delete(cocreationSupports)
    .where(
      and(eq(cocreationSupports.contributionId, row.id), eq(cocreationSupports.userId, options.actor.id)),
    );
  return supportsOf(options.db, row.id);
}

async function supportsOf(db: Db, contributionId: string): Promise<number> {
  const [counted] = await db
    .select({ total: count() })
    .from(cocreationSupports)
    .where(eq(cocreationSupports.contributionId, contributionId));
  return counted?.total ?? 0;
}

/**
 * What a person wrote and did in Meedenken. On deletion their contributions and replies stay, without
 * a name (nothing anyone wrote is lost, and replies keep their context); support, notices and the
 * e-mail choice go with the account; reports stay without the reporter.
 */
export const contributionsSource: PersonalDataSource = {
  name: "meedenken",
  async export({ db, userId }) {
    const [contributions, replies, supports, reports, preferences, notices] = await Promise.all([
      db
        .select({
          id: cocreationContributions.id,
          kind: cocreationContributions.kind,
          version: guideVersions.number,
          part: cocreationContributions.partSlug,
          anchor: cocreationContributions.anchor,
          body: cocreationContributions.body,
          proposedText: cocreationContributions.proposedText,
          title: cocreationContributions.title,
          showName: cocreationContributions.showName,
          status: cocreationContributions.status,
          statusReason: cocreationContributions.statusReason,
          hidden: cocreationContributions.hiddenState,
          createdAt: cocreationContributions.createdAt,
        })
        .from(cocreationContributions)
        .innerJoin(guideVersions, eq(guideVersions.id, cocreationContributions.versionId))
        .where(eq(cocreationContributions.authorId, userId)),
      db
        .select({
          contributionId: cocreationReplies.contributionId,
          body: cocreationReplies.body,
          showName: cocreationReplies.showName,
          hidden: cocreationReplies.hiddenState,
          createdAt: cocreationReplies.createdAt,
        })
        .from(cocreationReplies)
        .where(eq(cocreationReplies.authorId, userId)),
      db
        .select({
          contributionId: cocreationSupports.contributionId,
          createdAt: cocreationSupports.createdAt,
        })
        .from(cocreationSupports)
        .where(eq(cocreationSupports.userId, userId)),
      db
        .select({
          about: cocreationReports.targetKind,
          id: cocreationReports.targetId,
          reason: cocreationReports.reason,
          createdAt: cocreationReports.createdAt,
        })
        .from(cocreationReports)
        .where(eq(cocreationReports.userId, userId)),
      db
        .select({ emailNotifications: cocreationPreferences.emailNotifications })
        .from(cocreationPreferences)
        .where(eq(cocreationPreferences.userId, userId)),
      db
        .select({
          contributionId: cocreationNotices.contributionId,
          kind: cocreationNotices.kind,
          createdAt: cocreationNotices.createdAt,
          readAt: cocreationNotices.readAt,
        })
        .from(cocreationNotices)
        .where(eq(cocreationNotices.userId, userId)),
    ]);
    return {
      contributions,
      replies,
      supports,
      reports,
      emailNotifications: preferences[0]?.emailNotifications ?? true,
      notices,
    };
  },
  async erase({ db, userId }) {
    await db
      .update(cocreationContributions)
      .set({ authorId: null, showName: false })
      .where(eq(cocreationContributions.authorId, userId));
    await db
      .update(cocreationReplies)
      .set({ authorId: null, showName: false })
      .where(eq(cocreationReplies.authorId, userId));
    // Supports, notices and the e-mail choice go with the account (foreign keys with cascade); reports
    // and the editors' decisions stay without the person (set null).
  },
};
