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
import {
  CompareInput,
  GuideSearchInput,
  PartSlug,
  VersionNumber,
} from "../../app/modules/guide/guide.validation.ts";
import type { VersionOutput } from "../../app/modules/guide/guide-output.ts";
import { searchGuide } from "../../app/modules/guide/guide-search.server.ts";
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
    const input = parseInput(GuideSearchInput, { q: req.query.q, limit: req.query.limit });
    const version = await requireCurrentVersion({ db });
    const result = await searchGuide({ db, versionId: version.id, query: input.q, limit: input.limit });
    res.json({
      query: result.query,
      version: version.number,
      hits: result.hits.map((hit) => ({ ...hit, url: `/gids/${hit.slug}#${hit.anchor}` })),
      suggestions: result.suggestions,
    });
  });

  return router;
}
