// Editors work on the next version of the guide, on each database: one draft at a time, copied from
// the current version with the same anchors; paragraphs and parts are changed, added, moved and
// removed; the changelog and the edition of the official guide it follows are written; publishing makes
// the draft the current version while the old one stays as it was. Also a version written out as
// Markdown files and read back in as a draft.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import type { Actor } from "../../app/modules/accounts/authorization.ts";
import {
  addDraftPart,
  createDraft,
  discardDraft,
  getDraft,
  insertDraftBlockAfter,
  moveDraftBlock,
  moveDraftPart,
  publishDraft,
  removeDraftBlock,
  removeDraftPart,
  requireDraft,
  setChangelog,
  updateDraftBlock,
  updateDraftPart,
} from "../../app/modules/guide/draft-versions.server.ts";
import { applyGuideEdit } from "../../app/modules/guide/editor-forms.server.ts";
import {
  compareVersions,
  getCurrentVersion,
  getVersionContent,
  listVersions,
  requirePart,
  requireVersion,
} from "../../app/modules/guide/guide.server.ts";
import { exportGuideVersion } from "../../app/modules/guide/guide-export.server.ts";
import { importGuideFolder } from "../../app/modules/guide/guide-import.server.ts";
import { CONTENT_DIR, databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

const PART = "luister-naar-burgers";
const CHANGED = "kritiek-is-waardevolle-informatie-wie";

function temporaryDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vm-guide-export-"));
}

/** Every file of a folder by name, as bytes. */
function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name))]),
  );
}

describe.each(databaseKinds)("editing the next version of the guide on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let editor: Actor;
  let versionId: string;
  const folders: string[] = [];

  const blocksOf = async (number: number, slug = PART) => {
    const version = await requireVersion({ db: database.db, number });
    return (await requirePart({ db: database.db, version, slug })).part.blocks;
  };

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const user = await upsertUser({ db: database.db, email: "redacteur@example.nl" });
    editor = { id: user.id, email: user.email, roles: ["redacteur"] };
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes the shipped version out as the shipped files, byte for byte", async () => {
    const dir = temporaryDir();
    folders.push(dir);
    const { files } = await exportGuideVersion({ db: database.db, number: 1, dir });
    expect(files).toContain("_versie.md");
    expect(filesOf(dir)).toEqual(filesOf(path.join(CONTENT_DIR, "gids")));
    await expect(exportGuideVersion({ db: database.db, number: 1, dir })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("refuses a second draft and the example's publication, and discards the example", async () => {
    const example = await requireDraft({ db: database.db });
    expect(example.isExample).toBe(true);
    await expect(createDraft({ db: database.db, actor: editor })).rejects.toMatchObject({ code: "conflict" });
    await expect(publishDraft({ db: database.db, actor: editor })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await discardDraft({ db: database.db, actor: editor, versionId: example.id })).toEqual({
      number: 2,
    });
    expect(await getDraft({ db: database.db })).toBeUndefined();
    expect((await listVersions({ db: database.db })).map((version) => version.number)).toEqual([1]);
  });

  it("makes a draft of the next version as a copy of the current one, with the same anchors", async () => {
    const draft = await createDraft({ db: database.db, actor: editor });
    versionId = draft.id;
    expect(draft).toMatchObject({ number: 2, status: "concept", isExample: false, changelog: "" });
    expect(draft.label).toMatch(/^Vakmanschap-weergave 2 /);
    const [published, copy] = await Promise.all([
      getVersionContent({ db: database.db, version: await requireVersion({ db: database.db, number: 1 }) }),
      getVersionContent({ db: database.db, version: draft }),
    ]);
    expect(copy).toEqual(published);
    const { diff } = await compareVersions({ db: database.db, from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    await expect(createDraft({ db: database.db, actor: editor })).rejects.toMatchObject({ code: "conflict" });
  });

  it("changes a paragraph's Markdown and derives its plain text; the published one stays", async () => {
    const before = await blocksOf(1);
    await updateDraftBlock({
      db: database.db,
      versionId,
      partSlug: PART,
      anchor: CHANGED,
      markdown: "Kritiek is **waardevolle** informatie. Bedank mensen ervoor.\r\n",
    });
    const changed = (await blocksOf(2)).find((block) => block.anchor === CHANGED);
    expect(changed).toEqual({
      anchor: CHANGED,
      kind: "paragraph",
      markdown: "Kritiek is **waardevolle** informatie. Bedank mensen ervoor.",
      text: "Kritiek is waardevolle informatie. Bedank mensen ervoor.",
    });
    expect(await blocksOf(1)).toEqual(before);
  });

  it("refuses text that cannot be one paragraph, with a message for the field", async () => {
    for (const markdown of ["", "Een.\n\nTwee.", "Zie [dit](gids:bestaat-niet)."]) {
      await expect(
        updateDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: CHANGED, markdown }),
      ).rejects.toMatchObject({ code: "invalid", fields: { markdown: expect.any(String) } });
    }
    await expect(
      updateDraftBlock({
        db: database.db,
        versionId,
        partSlug: PART,
        anchor: "bestaat-niet",
        markdown: "Hoi.",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds a paragraph after another with a fresh anchor that no stored version of the part has", async () => {
    const before = await blocksOf(2);
    const { anchor } = await insertDraftBlockAfter({
      db: database.db,
      versionId,
      partSlug: PART,
      afterAnchor: CHANGED,
      markdown: "Luister ook naar wie niet vanzelf aan tafel zit.",
    });
    expect(anchor).toBe("luister-ook-naar-wie-niet");
    const after = await blocksOf(2);
    const index = after.findIndex((block) => block.anchor === CHANGED);
    expect(after[index + 1]?.anchor).toBe(anchor);
    expect(after).toHaveLength(before.length + 1);

    // The same words again get another anchor. An anchor that only a removed draft paragraph had, and
    // so no published version, is free again.
    const again = await insertDraftBlockAfter({
      db: database.db,
      versionId,
      partSlug: PART,
      afterAnchor: null,
      markdown: "Luister ook naar wie niet vanzelf aan tafel zit, nogmaals.",
    });
    expect(again.anchor).toBe("luister-ook-naar-wie-niet-2");
    expect((await blocksOf(2))[0]?.anchor).toBe(again.anchor);
    await removeDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: again.anchor });
    const third = await insertDraftBlockAfter({
      db: database.db,
      versionId,
      partSlug: PART,
      afterAnchor: anchor,
      markdown: "Luister ook naar wie niet vanzelf aan tafel zit, een derde keer.",
    });
    expect(third.anchor).toBe("luister-ook-naar-wie-niet-2");
    await removeDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: third.anchor });
    expect((await blocksOf(2)).map((block) => block.anchor)).toEqual(after.map((block) => block.anchor));
  });

  it("moves a paragraph up and down, and removes one", async () => {
    const anchors = async () => (await blocksOf(2)).map((block) => block.anchor);
    const start = await anchors();
    const second = start[1] ?? "";
    await moveDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: second, direction: "up" });
    expect((await anchors()).slice(0, 2)).toEqual([second, start[0]]);
    await moveDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: second, direction: "down" });
    expect(await anchors()).toEqual(start);
    await moveDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: second, direction: "down" });
    await moveDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: second, direction: "up" });
    expect(await anchors()).toEqual(start);

    const removed = "de-menselijke-maat-geldt-ook";
    await removeDraftBlock({ db: database.db, versionId, partSlug: "menselijke-maat", anchor: removed });
    expect((await blocksOf(2, "menselijke-maat")).map((block) => block.anchor)).not.toContain(removed);
    expect((await blocksOf(1, "menselijke-maat")).map((block) => block.anchor)).toContain(removed);
  });

  it("adds, changes, moves and removes a part", async () => {
    const { slug } = await addDraftPart({
      db: database.db,
      versionId,
      title: "Wees zuinig op elkaar",
      summary: "Over collega's die elkaar helpen.",
      kind: "principe",
    });
    expect(slug).toBe("wees-zuinig-op-elkaar");
    await expect(
      addDraftPart({ db: database.db, versionId, title: "x", summary: "", kind: "iets" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { title: expect.any(String), summary: expect.any(String), kind: expect.any(String) },
    });
    await updateDraftPart({
      db: database.db,
      versionId,
      slug,
      title: "Wees zuinig op je collega's",
      summary: "Over collega's die elkaar helpen.",
      kind: "waarden",
    });
    const slugs = async () =>
      (
        await getVersionContent({
          db: database.db,
          version: await requireVersion({ db: database.db, number: 2 }),
        })
      ).map((part) => part.slug);
    expect((await slugs()).at(-1)).toBe(slug);
    await moveDraftPart({ db: database.db, versionId, slug, direction: "up" });
    expect((await slugs()).at(-2)).toBe(slug);

    // A paragraph links to the new part: it cannot go until the link does.
    const { anchor } = await insertDraftBlockAfter({
      db: database.db,
      versionId,
      partSlug: "waarden",
      afterAnchor: null,
      markdown: "Lees ook [zuinig zijn op elkaar](gids:wees-zuinig-op-elkaar).",
    });
    await expect(removeDraftPart({ db: database.db, versionId, slug })).rejects.toMatchObject({
      code: "conflict",
    });
    await removeDraftBlock({ db: database.db, versionId, partSlug: "waarden", anchor });
    await removeDraftPart({ db: database.db, versionId, slug });
    expect(await slugs()).not.toContain(slug);
    expect(await slugs()).toHaveLength(11);
  });

  it("lets an editor set which version of the official guide the draft follows, from the form", async () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries({
        intent: "wijzigingen-opslaan",
        concept: versionId,
        ...fields,
      }))
        data.set(name, value);
      return data;
    };
    const draft = await requireDraft({ db: database.db });
    expect(draft.edition).toBe("derde versie");
    const fields = { label: draft.label, changelog: "" };

    const refused = await applyGuideEdit({
      pageCache,
      db: database.db,
      actor: editor,
      request: new Request("http://localhost/beheer/gids/concept"),
      form: form({ ...fields, edition: " x " }),
    });
    expect(refused).toMatchObject({
      kind: "again",
      status: 400,
      errors: { edition: "Schrijf welke versie van de officiële gids dit is, in minstens 3 tekens." },
      values: { edition: " x " },
    });
    await expect(
      setChangelog({ db: database.db, versionId, changelog: "", edition: "vierde\nversie" }),
    ).rejects.toMatchObject({ code: "invalid", fields: { edition: "problems.guide.fieldOneLine" } });
    expect((await requireDraft({ db: database.db })).edition).toBe("derde versie");

    pageCache.dropped.length = 0;
    const saved = await applyGuideEdit({
      pageCache,
      db: database.db,
      actor: editor,
      request: new Request("http://localhost/beheer/gids/concept"),
      form: form({ ...fields, edition: "  vierde versie " }),
    });
    expect(saved).toMatchObject({ kind: "done" });
    // The versions list shows the edition, so the editor drops the cached pages it appears on.
    expect(pageCache.dropped).toEqual(["guide", "dilemmas"]);
    const listed = await listVersions({ db: database.db });
    expect(listed.map((version) => [version.number, version.edition])).toEqual([
      [2, "vierde versie"],
      [1, "derde versie"],
    ]);
    // Saving the changelog alone keeps the edition.
    await setChangelog({ db: database.db, versionId, changelog: "" });
    expect((await requireDraft({ db: database.db })).edition).toBe("vierde versie");

    await applyGuideEdit({
      pageCache,
      db: database.db,
      actor: editor,
      request: new Request("http://localhost/beheer/gids/concept"),
      form: form({ ...fields, edition: "derde versie" }),
    });
    expect((await requireDraft({ db: database.db })).edition).toBe("derde versie");
  });

  it("publishes only with a changelog; the draft becomes current and the old version stays", async () => {
    await expect(publishDraft({ db: database.db, actor: editor })).rejects.toMatchObject({
      code: "invalid",
      fields: { changelog: expect.any(String) },
    });
    await setChangelog({
      db: database.db,
      versionId,
      changelog: "- Een alinea over wie niet vanzelf reageert.\r\n",
      label: "Vakmanschap-weergave 2",
    });
    const old = await getVersionContent({
      db: database.db,
      version: await requireVersion({ db: database.db, number: 1 }),
    });

    const published = await publishDraft({ db: database.db, actor: editor });

    expect(published).toMatchObject({
      number: 2,
      status: "gepubliceerd",
      label: "Vakmanschap-weergave 2",
      changelog: "- Een alinea over wie niet vanzelf reageert.",
    });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect((await getCurrentVersion({ db: database.db }))?.number).toBe(2);
    const v1 = await requireVersion({ db: database.db, number: 1 });
    expect(v1.status).toBe("gepubliceerd");
    expect(await getVersionContent({ db: database.db, version: v1 })).toEqual(old);
    const { diff } = await compareVersions({ db: database.db, from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });

    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "guide.version.published"), eq(auditLog.target, "2")));
    expect(entry).toMatchObject({ actorEmail: "redacteur@example.nl", details: { previous: 1 } });
  });

  it("never changes a published version, and refuses to publish twice", async () => {
    await expect(publishDraft({ db: database.db, actor: editor })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(publishDraft({ db: database.db, actor: editor, versionId })).rejects.toMatchObject({
      code: "conflict",
    });
    const before = await blocksOf(2);
    const attempts = [
      () =>
        updateDraftBlock({
          db: database.db,
          versionId,
          partSlug: PART,
          anchor: CHANGED,
          markdown: "Anders.",
        }),
      () =>
        insertDraftBlockAfter({
          db: database.db,
          versionId,
          partSlug: PART,
          afterAnchor: null,
          markdown: "Nieuw.",
        }),
      () => removeDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: CHANGED }),
      () => moveDraftBlock({ db: database.db, versionId, partSlug: PART, anchor: CHANGED, direction: "up" }),
      () => setChangelog({ db: database.db, versionId, changelog: "Anders." }),
      () => removeDraftPart({ db: database.db, versionId, slug: PART }),
      () => discardDraft({ db: database.db, actor: editor, versionId }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "conflict" });
    expect(await blocksOf(2)).toEqual(before);
  });

  it("exports a version and imports it as the next draft, refusing while a draft exists", async () => {
    const dir = temporaryDir();
    folders.push(dir);
    await exportGuideVersion({ db: database.db, number: 2, dir });
    expect(fs.readFileSync(path.join(dir, "_versie.md"), "utf8")).toBe(
      '---\nlabel: "Vakmanschap-weergave 2"\nedition: derde versie\n---\n\n- Een alinea over wie niet vanzelf reageert.\n',
    );
    const partFile = fs.readFileSync(path.join(dir, `${PART}.md`), "utf8");
    expect(partFile).toContain(
      "Luister ook naar wie niet vanzelf aan tafel zit.\n{#luister-ook-naar-wie-niet}",
    );
    fs.writeFileSync(
      path.join(dir, `${PART}.md`),
      partFile.replace("Bedank mensen ervoor.", "Bedank mensen er altijd voor."),
    );

    const { number } = await importGuideFolder({ db: database.db, dir });
    expect(number).toBe(3);
    const draft = await requireDraft({ db: database.db });
    expect(draft).toMatchObject({
      number: 3,
      status: "concept",
      changelog: "- Een alinea over wie niet vanzelf reageert.",
    });
    const { diff } = await compareVersions({ db: database.db, from: 2, to: 3 });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });

    await expect(importGuideFolder({ db: database.db, dir })).rejects.toMatchObject({ code: "conflict" });
    expect((await importGuideFolder({ db: database.db, dir, replace: true })).number).toBe(3);
    expect(
      (await listVersions({ db: database.db })).filter((version) => version.status === "concept"),
    ).toHaveLength(1);

    // And the round trip: the draft written out again gives the same files.
    const again = temporaryDir();
    folders.push(again);
    await exportGuideVersion({ db: database.db, number: 3, dir: again });
    expect(filesOf(again)).toEqual(filesOf(dir));
  });
});
