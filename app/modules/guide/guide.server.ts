// Reading the guide: versions, parts with their blocks, and whole versions for print and comparison.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { cacheableHeaders, PRIVATE_HEADERS, viewHeaders } from "../../infra/route-errors.server.ts";
import { createTagMemo } from "../../infra/tag-memo.ts";
import { guideBlocks, guideParts, guideVersions } from "./guide.schema.ts";
import { VersionNumber } from "./guide.validation.ts";
import type { GuideBlock } from "./guide-block.ts";
import { diffVersions } from "./guide-diff.ts";
import type { PartKind } from "./guide-kinds.ts";

export type GuideVersion = typeof guideVersions.$inferSelect;
export interface PartSummary {
  slug: string;
  kind: PartKind;
  title: string;
  summary: string;
}
export interface GuidePart extends PartSummary {
  related: string[];
  blocks: GuideBlock[];
}

export async function listVersions(options: { db: Db }): Promise<GuideVersion[]> {
  return options.db.select().from(guideVersions).orderBy(desc(guideVersions.number));
}

/**
 * A published version and its parts never change, and which versions are published changes only by
 * publishing (publishDraft, seedGuide) or an import from the command line; each of those forgets the
 * tag "guide" (the page cache passes it on to every process). Nearly every page asks for the current
 * version, so it is remembered per process.
 */
const rememberPublished = createTagMemo<GuideVersion[]>("guide");
const rememberParts = createTagMemo<PartSummary[]>("guide");

/** The published versions, newest first. */
export async function listPublishedVersions(options: { db: Db }): Promise<GuideVersion[]> {
  return rememberPublished(options.db, "published", () =>
    options.db
      .select()
      .from(guideVersions)
      .where(eq(guideVersions.status, "gepubliceerd"))
      .orderBy(desc(guideVersions.number)),
  );
}

/** The newest published version: what `/gids` shows. */
export async function getCurrentVersion(options: { db: Db }): Promise<GuideVersion | undefined> {
  return (await listPublishedVersions(options))[0];
}

export async function requireCurrentVersion(options: { db: Db }): Promise<GuideVersion> {
  const version = await getCurrentVersion(options);
  if (!version) throw new AppError("not_found", "problems.guide.noPublishedVersion");
  return version;
}

export async function requireVersion(options: { db: Db; number: number }): Promise<GuideVersion> {
  const published = (await listPublishedVersions(options)).find((found) => found.number === options.number);
  if (published) return published;
  const [version] = await options.db
    .select()
    .from(guideVersions)
    .where(eq(guideVersions.number, options.number))
    .limit(1);
  if (!version)
    throw new AppError("not_found", message("problems.guide.versionNotFound", { number: options.number }));
  return version;
}

export async function listParts(options: { db: Db; versionId: string }): Promise<PartSummary[]> {
  const published = (await listPublishedVersions(options)).some((found) => found.id === options.versionId);
  if (published) return rememberParts(options.db, options.versionId, () => readParts(options));
  return readParts(options);
}

function readParts(options: { db: Db; versionId: string }): Promise<PartSummary[]> {
  return options.db
    .select({
      slug: guideParts.slug,
      kind: guideParts.kind,
      title: guideParts.title,
      summary: guideParts.summary,
    })
    .from(guideParts)
    .where(eq(guideParts.versionId, options.versionId))
    .orderBy(asc(guideParts.position));
}

async function loadParts(db: Db, versionId: string, slug?: string): Promise<GuidePart[]> {
  const parts = await db
    .select()
    .from(guideParts)
    .where(
      slug
        ? and(eq(guideParts.versionId, versionId), eq(guideParts.slug, slug))
        : eq(guideParts.versionId, versionId),
    )
    .orderBy(asc(guideParts.position));
  if (parts.length === 0) return [];
  const blocks = await db
    .select()
    .from(guideBlocks)
    .where(
      inArray(
        guideBlocks.partId,
        parts.map((part) => part.id),
      ),
    )
    .orderBy(asc(guideBlocks.position));
  return parts.map((part) => ({
    slug: part.slug,
    kind: part.kind,
    title: part.title,
    summary: part.summary,
    related: part.related,
    blocks: blocks
      .filter((block) => block.partId === part.id)
      .map(({ anchor, kind, markdown, text }) => ({ anchor, kind, markdown, text })),
  }));
}

/** One part of one version, with the version's table of contents. */
export async function requirePart(options: {
  db: Db;
  version: GuideVersion;
  slug: string;
}): Promise<{ part: GuidePart; parts: PartSummary[] }> {
  const [part] = await loadParts(options.db, options.version.id, options.slug);
  if (!part)
    throw new AppError(
      "not_found",
      message("problems.guide.partNotInVersion", { slug: options.slug, number: options.version.number }),
    );
  const parts = await listParts({ db: options.db, versionId: options.version.id });
  return { part, parts };
}

/** Every part of a version with its blocks: for printing the whole guide and for comparing versions. */
export async function getVersionContent(options: { db: Db; version: GuideVersion }): Promise<GuidePart[]> {
  return loadParts(options.db, options.version.id);
}

/** Two versions side by side: what was added, removed and changed, paragraph by paragraph. */
export async function compareVersions(options: { db: Db; from: number; to: number }) {
  const [from, to] = await Promise.all([
    requireVersion({ db: options.db, number: options.from }),
    requireVersion({ db: options.db, number: options.to }),
  ]);
  const [fromParts, toParts] = await Promise.all([
    getVersionContent({ db: options.db, version: from }),
    getVersionContent({ db: options.db, version: to }),
  ]);
  return { from, to, diff: diffVersions({ from: fromParts, to: toParts }) };
}

/** The version an address asks for: a number from the URL, or the current one when there is none. */
export async function resolveVersion(options: { db: Db; number?: string }): Promise<{
  version: GuideVersion;
  current: GuideVersion | undefined;
}> {
  const current = await getCurrentVersion({ db: options.db });
  if (options.number === undefined) {
    if (!current) throw new AppError("not_found", "problems.guide.noPublishedVersion");
    return { version: current, current };
  }
  const parsed = VersionNumber.safeParse(options.number);
  if (!parsed.success)
    throw new AppError("not_found", message("problems.guide.versionUnknown", { number: options.number }));
  return { version: await requireVersion({ db: options.db, number: parsed.data }), current };
}

/** Where a part of a version lives: the short address for the current version, the long one otherwise. */
export function partPath(options: { version: GuideVersion; current?: GuideVersion; slug: string }): string {
  return options.current?.id === options.version.id
    ? `/gids/${options.slug}`
    : `/gids/versie/${options.version.number}/${options.slug}`;
}

/** What a page shows about the version it renders (see version-notice.tsx). */
export function versionInfoOf(version: GuideVersion) {
  const { number, label, edition, status, isExample } = version;
  return { number, label, edition, status, isExample };
}
export type VersionInfo = ReturnType<typeof versionInfoOf>;

/**
 * A published version never changes, so its pages may be cached; a draft's never are. A view of a
 * published part counts in the insights under `views` (a draft's, read by its editors, does not).
 */
export function pageHeadersFor(version: GuideVersion, views: readonly string[] = []): HeadersInit {
  return version.status === "gepubliceerd"
    ? { ...cacheableHeaders("guide"), ...viewHeaders(views) }
    : PRIVATE_HEADERS;
}
