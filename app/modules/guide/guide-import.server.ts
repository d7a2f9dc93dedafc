// Brings the guide's Markdown content into the database. The first start imports the shipped version
// (published) and the example draft; afterwards the database is the source of truth and an import of
// the content folder (or of an exported version) only ever creates the draft of the next version.
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { forgetTag } from "../../infra/tag-memo.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import { applyDraftChanges } from "./example-draft-changes.ts";
import { guideBlocks, guideParts, guideVersions } from "./guide.schema.ts";
import {
  type GuideContent,
  readExampleDraft,
  readGuideContent,
  readGuideFolder,
} from "./guide-content.server.ts";
import type { ParsedPart } from "./guide-markdown.ts";

// Serialises imports (and new drafts) across processes that start at the same time.
export const IMPORT_LOCK_KEY = 7_402_002;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Writes a whole version with its parts and blocks; returns its id. */
export async function insertVersion(
  tx: Db,
  version: {
    number: number;
    label: string;
    edition: string;
    status: "concept" | "gepubliceerd";
    isExample: boolean;
    changelog: string;
    parts: ParsedPart[];
  },
): Promise<string> {
  const [row] = await tx
    .insert(guideVersions)
    .values({
      number: version.number,
      label: version.label,
      edition: version.edition,
      status: version.status,
      isExample: version.isExample,
      changelog: version.changelog,
      publishedAt: version.status === "gepubliceerd" ? new Date() : null,
    })
    .returning({ id: guideVersions.id });
  if (!row) throw new Error("insert of guide version returned nothing");
  for (const [position, part] of version.parts.entries()) {
    const [partRow] = await tx
      .insert(guideParts)
      .values({
        versionId: row.id,
        slug: part.slug,
        kind: part.kind,
        position,
        title: part.title,
        summary: part.summary,
        related: part.related,
      })
      .returning({ id: guideParts.id });
    if (!partRow) throw new Error("insert of guide part returned nothing");
    if (part.blocks.length === 0) continue;
    await tx.insert(guideBlocks).values(
      part.blocks.map((block, index) => ({
        partId: partRow.id,
        anchor: block.anchor,
        position: index,
        kind: block.kind,
        markdown: block.markdown,
        text: block.text,
      })),
    );
  }
  return row.id;
}

/** Imports the shipped content when the database holds no guide yet; does nothing otherwise. */
export async function seedGuide(options: { db: Db; contentDir: string }): Promise<{ created: boolean }> {
  const content = await readGuideContent({ contentDir: options.contentDir });
  const example = await readExampleDraft({ contentDir: options.contentDir });
  const seeded = await options.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    const existing = await tx.select({ id: guideVersions.id }).from(guideVersions).limit(1);
    if (existing.length > 0) return { created: false };
    await insertVersion(tx, { ...content, number: 1, status: "gepubliceerd", isExample: false });
    if (example) {
      await insertVersion(tx, {
        number: 2,
        label: example.label,
        edition: content.edition,
        status: "concept",
        isExample: true,
        changelog: example.changelog,
        parts: applyDraftChanges({ parts: content.parts, changes: example.changes }),
      });
    }
    return { created: true };
  });
  if (seeded.created) forgetTag("guide");
  return seeded;
}

/**
 * Imports the content folder as the draft of the next version (never touching a published version).
 * Returns the new draft's number, or nothing when the content equals the newest version. Refused while
 * a draft exists (one draft at a time), unless `replace`, which discards it first.
 */
export async function importGuideDraft(options: {
  db: Db;
  contentDir: string;
  replace?: boolean;
  actor?: Actor | null;
}): Promise<{ number?: number }> {
  const content = await readGuideContent({ contentDir: options.contentDir });
  return importDraftContent({ ...options, content, skipWhenUnchanged: true });
}

/**
 * Imports a folder in the format of `content/gids/` (what `vakmanschap guide export` writes) as the
 * draft of the next version. Refused while a draft exists, unless `replace`.
 */
export async function importGuideFolder(options: {
  db: Db;
  dir: string;
  replace?: boolean;
  actor?: Actor | null;
}): Promise<{ number: number }> {
  const content = await readGuideFolder({ dir: options.dir });
  const result = await importDraftContent({ ...options, content, skipWhenUnchanged: false });
  if (result.number === undefined) throw new Error("import made no draft");
  return { number: result.number };
}

async function importDraftContent(options: {
  db: Db;
  content: GuideContent;
  replace?: boolean;
  actor?: Actor | null;
  skipWhenUnchanged: boolean;
}): Promise<{ number?: number }> {
  const { content } = options;
  return options.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    const [draft] = await tx
      .select({ id: guideVersions.id, number: guideVersions.number })
      .from(guideVersions)
      .where(eq(guideVersions.status, "concept"))
      .for("update");
    if (options.skipWhenUnchanged) {
      const [latest] = await tx
        .select({ id: guideVersions.id })
        .from(guideVersions)
        .where(eq(guideVersions.isExample, false))
        .orderBy(desc(guideVersions.number))
        .limit(1);
      if (latest && (await fingerprintOf(tx, latest.id)) === fingerprintOfParts(content.parts)) return {};
    }
    if (draft && !options.replace) {
      throw new AppError("conflict", message("problems.guide.importDraftExists", { number: draft.number }));
    }
    if (draft) {
      await tx.delete(guideVersions).where(eq(guideVersions.id, draft.id));
      await recordAudit({
        db: tx,
        actor: options.actor ?? null,
        action: "guide.draft.discarded",
        target: String(draft.number),
        details: { replacedByImport: true },
      });
    }
    const [top] = await tx
      .select({ number: guideVersions.number })
      .from(guideVersions)
      .orderBy(desc(guideVersions.number))
      .limit(1);
    const number = (top?.number ?? 0) + 1;
    await insertVersion(tx, { ...content, number, status: "concept", isExample: false });
    await recordAudit({
      db: tx,
      actor: options.actor ?? null,
      action: "guide.draft.imported",
      target: String(number),
    });
    return { number };
  });
}

function fingerprintOfParts(parts: ParsedPart[]): string {
  return JSON.stringify(
    parts.map((part) => [
      part.slug,
      part.title,
      part.summary,
      part.blocks.map((b) => [b.anchor, b.markdown]),
    ]),
  );
}

async function fingerprintOf(tx: Tx, versionId: string): Promise<string> {
  const parts = await tx
    .select()
    .from(guideParts)
    .where(eq(guideParts.versionId, versionId))
    .orderBy(guideParts.position);
  const withBlocks = await Promise.all(
    parts.map(async (part) => ({
      ...part,
      order: part.position,
      blocks: (
        await tx
          .select()
          .from(guideBlocks)
          .where(eq(guideBlocks.partId, part.id))
          .orderBy(guideBlocks.position)
      ).map((block) => ({
        anchor: block.anchor,
        markdown: block.markdown,
        kind: block.kind,
        text: block.text,
      })),
    })),
  );
  return fingerprintOfParts(withBlocks);
}
