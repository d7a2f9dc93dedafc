// The guide's read API under /api/v1: thin adapters that validate input with the module's schemas,
// call one module function and shape the answer as documented in the OpenAPI file.
import { Router } from "express";
import type { z } from "zod";
import type { Services } from "../../app/infra/services.server.ts";
import type { GuideVersion } from "../../app/modules/guide/guide.server.ts";
import {
  compareVersions,
  listParts,
  listVersions,
  requireCurrentVersion,
  requirePart,
  requireVersion,
} from "../../app/modules/guide/guide.server.ts";
import { CompareInput, PartSlug, VersionNumber } from "../../app/modules/guide/guide.validation.ts";
import type { VersionOutput } from "../../app/modules/guide/guide-output.ts";
import { SearchInput, type SearchOutput } from "../../app/modules/search/search-output.ts";
import { searchForReader } from "../../app/modules/search/site-search.server.ts";
import { parseInput } from "./parse-input.ts";

function versionJson(version: GuideVersion): z.infer<typeof VersionOutput> {
  return {
    number: version.number,
    label: version.label,
    edition: version.edition,
    status: version.status,
    isExample: version.isExample,
    changelog: version.changelog,
    createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

export function createGuideApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;

  router.get("/versies", async (_req, res) => {
    const versions = await listVersions({ db });
    res.json({ versions: versions.map(versionJson) });
  });

  router.get("/versies/:nummer", async (req, res) => {
    const version = await requireVersion({
      db,
      number: parseInput(VersionNumber, req.params.nummer, "nummer"),
    });
    const parts = await listParts({ db, versionId: version.id });
    res.json({ ...versionJson(version), parts });
  });

  router.get("/versies/:nummer/delen/:slug", async (req, res) => {
    const version = await requireVersion({
      db,
      number: parseInput(VersionNumber, req.params.nummer, "nummer"),
    });
    const { part } = await requirePart({ db, version, slug: parseInput(PartSlug, req.params.slug, "slug") });
    res.json({ ...part, version: version.number });
  });

  router.get("/delen/:slug", async (req, res) => {
    const version = await requireCurrentVersion({ db });
    const { part } = await requirePart({ db, version, slug: parseInput(PartSlug, req.params.slug, "slug") });
    res.json({ ...part, version: version.number });
  });

  router.get("/vergelijk", async (req, res) => {
    const input = parseInput(CompareInput, req.query);
    const { from, to, diff } = await compareVersions({ db, from: input.van, to: input.naar });
    res.json({ from: from.number, to: to.number, ...diff });
  });

  router.get("/zoeken", async (req, res) => {
    const input = parseInput(SearchInput, {
      q: req.query.q,
      limit: req.query.limit,
      soort: req.query.soort,
      versie: req.query.versie,
    });
    const result = await searchForReader({
      db,
      query: input.q,
      limit: input.limit,
      filter: input.soort,
      version: input.versie,
    });
    const body: z.input<typeof SearchOutput> = {
      query: result.query,
      version: result.version.number,
      hits: result.hits.map((hit) => ({
        kind: hit.kind,
        slug: hit.slug,
        anchor: hit.anchor,
        title: hit.title,
        partTitle: hit.title,
        url: hit.address,
        snippetHtml: hit.snippetHtml,
        complete: hit.complete,
      })),
      counts: result.counts,
      suggestions: result.suggestions,
    };
    res.json(body);
  });

  return router;
}
