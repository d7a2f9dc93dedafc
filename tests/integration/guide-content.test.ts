import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { guideBlocks } from "../../app/modules/guide/guide.schema.ts";
import {
  compareVersions,
  getCurrentVersion,
  listVersions,
  requirePart,
  requireVersion,
} from "../../app/modules/guide/guide.server.ts";
import { importGuideDraft, seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import {
  CONTENT_DIR,
  createTestDatabase,
  databaseKinds,
  openSeededDatabase,
  type TestDatabase,
} from "./databases.ts";

const OPEN_SCRIPT = path.resolve("tests/integration/open-data-dir.ts");

function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-content-"));
  fs.cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

describe.each(databaseKinds)("the guide's content on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("ships one published version and an example draft after the first start", async () => {
    const versions = await listVersions({ db: database.db });
    expect(versions.map((v) => [v.number, v.status, v.isExample])).toEqual([
      [2, "concept", true],
      [1, "gepubliceerd", false],
    ]);
    expect(versions[1]?.edition).toBe("derde versie");
    expect(versions[1]?.label).toMatch(/weergave/i);
    expect((await getCurrentVersion({ db: database.db }))?.number).toBe(1);
  });

  it("changes nothing when the server starts again", async () => {
    const before = await database.db.select({ id: guideBlocks.id }).from(guideBlocks);
    expect(await seedGuide({ db: database.db, contentDir: CONTENT_DIR })).toEqual({ created: false });
    const after = await database.db.select({ id: guideBlocks.id }).from(guideBlocks);
    expect(after.length).toBe(before.length);
  });

  it("shows the example draft's changes when comparing version 1 with 2", async () => {
    const { diff } = await compareVersions({ db: database.db, from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    const listening = diff.parts.find((part) => part.slug === "luister-naar-burgers");
    const changed = listening?.blocks.find((block) => block.status === "changed");
    expect(
      changed?.status === "changed" &&
        changed.words
          .filter((w) => w.kind === "added")
          .map((w) => w.text)
          .join(""),
    ).toContain("Bedank mensen ook voor hun kritiek.");
    expect(diff.parts.find((part) => part.slug === "menselijke-maat")?.status).toBe("changed");
    expect(diff.parts.find((part) => part.slug === "waarden")?.status).toBe("unchanged");
  });

  it("creates no draft when the content folder equals the newest version", async () => {
    expect(await importGuideDraft({ db: database.db, contentDir: CONTENT_DIR })).toEqual({});
  });

  it("imports edited content as the next draft and leaves the published version alone", async () => {
    const dir = copyContent();
    const file = path.join(dir, "gids", "vertrouwen-in-burgers.md");
    const source = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, source.replace("## Zo willen we werken", "## Zo werken we graag"));
    const version1 = await requireVersion({ db: database.db, number: 1 });
    const before = await requirePart({ db: database.db, version: version1, slug: "vertrouwen-in-burgers" });

    // One draft at a time: the example draft is in the way until the import may replace it.
    await expect(importGuideDraft({ db: database.db, contentDir: dir })).rejects.toMatchObject({
      code: "conflict",
    });
    const result = await importGuideDraft({ db: database.db, contentDir: dir, replace: true });

    expect(result.number).toBe(2);
    const draft = await requireVersion({ db: database.db, number: 2 });
    expect(draft.status).toBe("concept");
    expect(draft.isExample).toBe(false);
    const after = await requirePart({ db: database.db, version: version1, slug: "vertrouwen-in-burgers" });
    expect(after.part).toEqual(before.part);
    const { diff } = await compareVersions({ db: database.db, from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const changed = diff.parts.flatMap((part) => part.blocks).find((block) => block.status === "changed");
    expect(changed?.anchor).toBe("zo-willen-we-werken");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers not found for a version or part that does not exist", async () => {
    await expect(requireVersion({ db: database.db, number: 99 })).rejects.toMatchObject({
      code: "not_found",
    });
    const version1 = await requireVersion({ db: database.db, number: 1 });
    await expect(
      requirePart({ db: database.db, version: version1, slug: "bestaat-niet" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps every paragraph's anchor across versions", async () => {
    const [v1, v2] = await Promise.all([
      requireVersion({ db: database.db, number: 1 }),
      requireVersion({ db: database.db, number: 2 }),
    ]);
    const a = await requirePart({ db: database.db, version: v1, slug: "luister-naar-burgers" });
    const b = await requirePart({ db: database.db, version: v2, slug: "luister-naar-burgers" });
    const anchorsOf = (blocks: { anchor: string }[]) => blocks.map((block) => block.anchor);
    expect(anchorsOf(b.part.blocks).filter((anchor) => anchor !== "luister-ook-naar-wie-niet")).toEqual(
      anchorsOf(a.part.blocks),
    );
  });
});

describe.each(databaseKinds)("several processes starting at once on %s", (kind) => {
  it(
    kind === "pglite"
      ? "refuses a second process on the same data folder"
      : "migrates and seeds exactly once",
    async () => {
      const test = await createTestDatabase(kind);
      try {
        if (kind === "pglite") {
          const first = await test.openAnother();
          await expect(test.openAnother()).rejects.toThrow(/al in gebruik/);
          const other = spawnSync(process.execPath, ["--import", "tsx", OPEN_SCRIPT, test.dataDir ?? ""], {
            encoding: "utf8",
          });
          expect(other.status).toBe(1);
          expect(other.stderr).toContain(`al in gebruik door proces ${process.pid}`);
          await first.close();
          const again = await test.openAnother();
          await again.close();
          return;
        }
        const processes = await Promise.all([test.openAnother(), test.openAnother(), test.openAnother()]);
        await Promise.all(processes.map((database) => database.migrate()));
        const results = await Promise.all(
          processes.map((database) => seedGuide({ db: database.db, contentDir: CONTENT_DIR })),
        );
        expect(results.filter((result) => result.created)).toHaveLength(1);
        const [first] = processes;
        if (!first) throw new Error("no process");
        const versions = await listVersions({ db: first.db });
        expect(versions).toHaveLength(2);
        const blocks = await first.db
          .select()
          .from(guideBlocks)
          .where(eq(guideBlocks.anchor, "wat-houdt-dit-in"));
        expect(blocks.length).toBeGreaterThan(0);
        await Promise.all(processes.map((database) => database.close()));
      } finally {
        await test.drop();
      }
    },
  );
});
