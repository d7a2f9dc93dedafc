// Editors work on the next version of the guide: at most one draft at a time, made as a copy of the
// current published version (same parts, same anchors), changed part by part and paragraph by
// paragraph, and published as the new current version. Every change runs in a transaction that locks
// the draft's row and refuses a version that is no longer a draft, so a published version never
// changes, not even by an edit racing the publication.
import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { fieldErrorsOf } from "../../infra/form-errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { forgetTag } from "../../infra/tag-memo.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import {
  anchorForNewBlock,
  blockFromMarkdown,
  blockMarkdownProblem,
  moveItem,
  nextVersionLabel,
  slugForPart,
} from "./draft-rules.ts";
import { guideBlocks, guideParts, guideVersions } from "./guide.schema.ts";
import { type GuidePart, type GuideVersion, getCurrentVersion, getVersionContent } from "./guide.server.ts";
import { DraftDetailsInput, DraftPartInput } from "./guide.validation.ts";
import { IMPORT_LOCK_KEY, insertVersion } from "./guide-import.server.ts";
import type { ParsedPart } from "./guide-markdown.ts";

export type Direction = "up" | "down";

const NO_DRAFT = "problems.guide.noDraft";

/** The draft editors work on, if there is one. */
export async function getDraft(options: { db: Db }): Promise<GuideVersion | undefined> {
  const [draft] = await options.db
    .select()
    .from(guideVersions)
    .where(eq(guideVersions.status, "concept"))
    .orderBy(desc(guideVersions.number))
    .limit(1);
  return draft;
}

export async function requireDraft(options: { db: Db }): Promise<GuideVersion> {
  const draft = await getDraft(options);
  if (!draft) throw new AppError("not_found", NO_DRAFT);
  return draft;
}

/** The draft with every part and block, for the editors' pages. */
export async function getDraftContent(options: {
  db: Db;
}): Promise<{ version: GuideVersion; parts: GuidePart[] } | undefined> {
  const version = await getDraft(options);
  if (!version) return undefined;
  return { version, parts: await getVersionContent({ db: options.db, version }) };
}

/**
 * Runs `work` in a transaction on the draft `versionId`, its row locked. Imports and publications take
 * the same lock, so they wait for an edit and the edit then sees what they did.
 */
async function inDraft<T>(
  db: Db,
  versionId: string,
  work: (tx: Db, version: GuideVersion) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select()
      .from(guideVersions)
      .where(eq(guideVersions.id, versionId))
      .for("update");
    if (!version) throw new AppError("not_found", "problems.guide.draftNotFound");
    if (version.status !== "concept")
      throw new AppError("conflict", message("problems.guide.versionPublished", { number: version.number }));
    return work(tx, version);
  });
}

async function partOf(tx: Db, versionId: string, slug: string) {
  const [part] = await tx
    .select()
    .from(guideParts)
    .where(and(eq(guideParts.versionId, versionId), eq(guideParts.slug, slug)))
    .limit(1);
  if (!part) throw new AppError("not_found", message("problems.guide.partNotInDraft", { slug }));
  return part;
}

async function partsOf(tx: Db, versionId: string) {
  return tx
    .select()
    .from(guideParts)
    .where(eq(guideParts.versionId, versionId))
    .orderBy(asc(guideParts.position));
}

async function blocksOf(tx: Db, partId: string) {
  return tx
    .select()
    .from(guideBlocks)
    .where(eq(guideBlocks.partId, partId))
    .orderBy(asc(guideBlocks.position));
}

/** Writes positions 0, 1, 2, … in the given order. */
async function renumberBlocks(tx: Db, ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await tx.update(guideBlocks).set({ position }).where(eq(guideBlocks.id, id));
  }
}

async function renumberParts(tx: Db, ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await tx.update(guideParts).set({ position }).where(eq(guideParts.id, id));
  }
}

function invalidMarkdown(problem: string): AppError {
  return new AppError("invalid", problem, { fields: { markdown: problem } });
}

async function checkedMarkdown(tx: Db, versionId: string, markdown: string) {
  const slugs = new Set((await partsOf(tx, versionId)).map((part) => part.slug));
  const problem = blockMarkdownProblem({ markdown, partSlugs: slugs });
  if (problem) throw invalidMarkdown(problem);
}

/** Refuses while a draft exists; takes the import lock so two editors cannot both make one. */
async function refuseSecondDraft(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
  const [existing] = await tx
    .select({ number: guideVersions.number })
    .from(guideVersions)
    .where(eq(guideVersions.status, "concept"))
    .limit(1);
  if (existing)
    throw new AppError("conflict", message("problems.guide.draftExists", { number: existing.number }));
}

async function nextNumber(tx: Db): Promise<number> {
  const [top] = await tx.select({ number: max(guideVersions.number) }).from(guideVersions);
  return (top?.number ?? 0) + 1;
}

/**
 * Makes the draft of the next version as a copy of the current published version: the same parts and
 * blocks with the same anchors, an empty changelog. Refused while a draft exists.
 */
export async function createDraft(options: { db: Db; actor: Actor | null }): Promise<GuideVersion> {
  const current = await getCurrentVersion({ db: options.db });
  if (!current) throw new AppError("not_found", "problems.guide.nothingToStartFrom");
  const parts = await getVersionContent({ db: options.db, version: current });
  const draft = await options.db.transaction(async (tx) => {
    await refuseSecondDraft(tx);
    const number = await nextNumber(tx);
    const id = await insertVersion(tx, {
      number,
      label: nextVersionLabel({ label: current.label, from: current.number, to: number }),
      edition: current.edition,
      status: "concept",
      isExample: false,
      changelog: "",
      parts: parts.map((part, index): ParsedPart => ({ ...part, order: index + 1 })),
    });
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "guide.draft.created",
      target: String(number),
      details: { from: current.number },
    });
    return id;
  });
  const [version] = await options.db.select().from(guideVersions).where(eq(guideVersions.id, draft));
  if (!version) throw new Error("the new draft could not be read back");
  return version;
}

/** Throws the draft away, with its parts and blocks (also the example draft that ships). */
export async function discardDraft(options: {
  db: Db;
  actor: Actor | null;
  versionId: string;
}): Promise<{ number: number }> {
  return inDraft(options.db, options.versionId, async (tx, version) => {
    await tx.delete(guideVersions).where(eq(guideVersions.id, version.id));
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "guide.draft.discarded",
      target: String(version.number),
      details: { example: version.isExample },
    });
    return { number: version.number };
  });
}

/** Replaces a paragraph's Markdown; its anchor stays, kind and plain text follow from the Markdown. */
export async function updateDraftBlock(options: {
  db: Db;
  versionId: string;
  partSlug: string;
  anchor: string;
  markdown: string;
}): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.partSlug);
    await checkedMarkdown(tx, options.versionId, options.markdown);
    const block = blockFromMarkdown({ anchor: options.anchor, markdown: options.markdown });
    const updated = await tx
      .update(guideBlocks)
      .set({ markdown: block.markdown, kind: block.kind, text: block.text })
      .where(and(eq(guideBlocks.partId, part.id), eq(guideBlocks.anchor, options.anchor)))
      .returning({ id: guideBlocks.id });
    if (updated.length === 0) throw new AppError("not_found", "problems.guide.paragraphNotInPart");
  });
}

/**
 * Adds a paragraph after `afterAnchor` (at the start of the part when it is null) with a new anchor,
 * made from its first words and unused by this part in every stored version, published or not.
 */
export async function insertDraftBlockAfter(options: {
  db: Db;
  versionId: string;
  partSlug: string;
  afterAnchor: string | null;
  markdown: string;
}): Promise<{ anchor: string }> {
  return inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.partSlug);
    await checkedMarkdown(tx, options.versionId, options.markdown);
    const blocks = await blocksOf(tx, part.id);
    const index =
      options.afterAnchor === null ? -1 : blocks.findIndex((block) => block.anchor === options.afterAnchor);
    if (options.afterAnchor !== null && index < 0)
      throw new AppError("not_found", "problems.guide.afterParagraphNotInPart");
    const everUsed = await tx
      .select({ anchor: guideBlocks.anchor })
      .from(guideBlocks)
      .innerJoin(guideParts, eq(guideParts.id, guideBlocks.partId))
      .where(eq(guideParts.slug, options.partSlug));
    const anchor = anchorForNewBlock({
      markdown: options.markdown,
      taken: new Set(everUsed.map((row) => row.anchor)),
    });
    const block = blockFromMarkdown({ anchor, markdown: options.markdown });
    const [row] = await tx
      .insert(guideBlocks)
      .values({ partId: part.id, position: blocks.length, ...block })
      .returning({ id: guideBlocks.id });
    if (!row) throw new Error("insert of guide block returned nothing");
    const ids = blocks.map((existing) => existing.id);
    ids.splice(index + 1, 0, row.id);
    await renumberBlocks(tx, ids);
    return { anchor };
  });
}

export async function removeDraftBlock(options: {
  db: Db;
  versionId: string;
  partSlug: string;
  anchor: string;
}): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.partSlug);
    const removed = await tx
      .delete(guideBlocks)
      .where(and(eq(guideBlocks.partId, part.id), eq(guideBlocks.anchor, options.anchor)))
      .returning({ id: guideBlocks.id });
    if (removed.length === 0) throw new AppError("not_found", "problems.guide.paragraphNotInPart");
    await renumberBlocks(
      tx,
      (await blocksOf(tx, part.id)).map((block) => block.id),
    );
  });
}

/** Moves a paragraph one place up or down within its part. */
export async function moveDraftBlock(options: {
  db: Db;
  versionId: string;
  partSlug: string;
  anchor: string;
  direction: Direction;
}): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.partSlug);
    const ids = (await blocksOf(tx, part.id)).map((block) => ({ id: block.id, anchor: block.anchor }));
    const index = ids.findIndex((block) => block.anchor === options.anchor);
    if (index < 0) throw new AppError("not_found", "problems.guide.paragraphNotInPart");
    await renumberBlocks(
      tx,
      moveItem(ids, index, options.direction).map((block) => block.id),
    );
  });
}

function partInputOrThrow(input: unknown): DraftPartInput {
  const parsed = DraftPartInput.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw new AppError("invalid", Object.values(fields)[0] ?? "problems.guide.partInvalid", { fields });
  }
  return parsed.data;
}

/** Adds an empty part at the end of the draft; its slug comes from the title. */
export async function addDraftPart(options: {
  db: Db;
  versionId: string;
  title: string;
  summary: string;
  kind: string;
}): Promise<{ slug: string }> {
  const input = partInputOrThrow(options);
  return inDraft(options.db, options.versionId, async (tx) => {
    const parts = await partsOf(tx, options.versionId);
    const slug = slugForPart({ title: input.title, taken: new Set(parts.map((part) => part.slug)) });
    await tx.insert(guideParts).values({
      versionId: options.versionId,
      slug,
      kind: input.kind,
      position: parts.length,
      title: input.title,
      summary: input.summary,
      related: [],
    });
    return { slug };
  });
}

/** Changes a part's title, summary and kind; its slug (its address) stays. */
export async function updateDraftPart(options: {
  db: Db;
  versionId: string;
  slug: string;
  title: string;
  summary: string;
  kind: string;
}): Promise<void> {
  const input = partInputOrThrow(options);
  await inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.slug);
    await tx
      .update(guideParts)
      .set({ title: input.title, summary: input.summary, kind: input.kind })
      .where(eq(guideParts.id, part.id));
  });
}

/**
 * Removes a part with its paragraphs. Refused while a paragraph of the draft links to it; other parts
 * stop naming it as related.
 */
export async function removeDraftPart(options: { db: Db; versionId: string; slug: string }): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx) => {
    const part = await partOf(tx, options.versionId, options.slug);
    const parts = await partsOf(tx, options.versionId);
    if (parts.length === 1) throw new AppError("conflict", "problems.guide.lastPart");
    const linking = await tx
      .select({ title: guideParts.title })
      .from(guideBlocks)
      .innerJoin(guideParts, eq(guideParts.id, guideBlocks.partId))
      .where(
        and(
          eq(guideParts.versionId, options.versionId),
          sql`${guideParts.id} <> ${part.id}`,
          sql`strpos(${guideBlocks.markdown}, ${`](gids:${options.slug})`}) > 0`,
        ),
      );
    if (linking.length > 0) {
      const titles = [...new Set(linking.map((row) => `'${row.title}'`))].join(", ");
      throw new AppError("conflict", message("problems.guide.partLinked", { titles }));
    }
    await tx.delete(guideParts).where(eq(guideParts.id, part.id));
    for (const other of parts) {
      if (other.id === part.id || !other.related.includes(options.slug)) continue;
      await tx
        .update(guideParts)
        .set({ related: other.related.filter((slug) => slug !== options.slug) })
        .where(eq(guideParts.id, other.id));
    }
    await renumberParts(
      tx,
      parts.filter((other) => other.id !== part.id).map((other) => other.id),
    );
  });
}

/** Moves a part one place up or down in the draft's order. */
export async function moveDraftPart(options: {
  db: Db;
  versionId: string;
  slug: string;
  direction: Direction;
}): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx) => {
    const parts = await partsOf(tx, options.versionId);
    const index = parts.findIndex((part) => part.slug === options.slug);
    if (index < 0)
      throw new AppError("not_found", message("problems.guide.partNotInDraft", { slug: options.slug }));
    await renumberParts(
      tx,
      moveItem(parts, index, options.direction).map((part) => part.id),
    );
  });
}

/**
 * The changelog (Markdown) of the draft, and its label and edition (which version of the official guide
 * it renders, as `_versie.md` says it) when given. Not audited, like the other edits of a draft.
 */
export async function setChangelog(options: {
  db: Db;
  versionId: string;
  changelog: string;
  label?: string;
  edition?: string;
}): Promise<void> {
  await inDraft(options.db, options.versionId, async (tx, version) => {
    const parsed = DraftDetailsInput.safeParse({
      label: options.label ?? version.label,
      edition: options.edition ?? version.edition,
      changelog: options.changelog,
    });
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      throw new AppError("invalid", Object.values(fields)[0] ?? "problems.guide.detailsInvalid", { fields });
    }
    await tx
      .update(guideVersions)
      .set({
        changelog: parsed.data.changelog.replace(/\r\n?/g, "\n").trim(),
        label: parsed.data.label,
        edition: parsed.data.edition,
      })
      .where(eq(guideVersions.id, version.id));
  });
}

/**
 * Publishes the draft: it becomes the current version (published now) and never changes again; the
 * previous version stays readable at its own address. Refused for the example draft, for a draft
 * without a changelog, and when there is no draft (so publishing twice is refused). Audited. The
 * caller clears cached guide pages.
 */
export async function publishDraft(options: {
  db: Db;
  actor: Actor | null;
  versionId?: string;
}): Promise<GuideVersion> {
  const versionId = options.versionId ?? (await requireDraft({ db: options.db })).id;
  const published = await inDraft(options.db, versionId, async (tx, version) => {
    if (version.isExample) throw new AppError("conflict", "problems.guide.exampleDraft");
    if (version.changelog.trim() === "") {
      const missing = "problems.guide.changelogMissing";
      throw new AppError("invalid", missing, { fields: { changelog: missing } });
    }
    const [previous] = await tx
      .select({ number: guideVersions.number })
      .from(guideVersions)
      .where(eq(guideVersions.status, "gepubliceerd"))
      .orderBy(desc(guideVersions.number))
      .limit(1);
    if (previous && previous.number > version.number)
      throw new AppError("conflict", message("problems.guide.newerPublished", { number: previous.number }));
    const [published] = await tx
      .update(guideVersions)
      .set({ status: "gepubliceerd", publishedAt: new Date() })
      .where(and(eq(guideVersions.id, version.id), eq(guideVersions.status, "concept")))
      .returning();
    if (!published) throw new AppError("conflict", "problems.guide.alreadyPublished");
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "guide.version.published",
      target: String(published.number),
      details: { previous: previous?.number ?? null },
    });
    return published;
  });
  // After the commit: a read in between would otherwise keep the old current version.
  forgetTag("guide");
  return published;
}
