// The dilemma library in the API: published cards (filtered as on /dilemmas), one card, and sending in
// a card (logged in; the same schema as the form).
import { Router } from "express";
import { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { can } from "../../app/modules/accounts/authorization.ts";
import { submitCard } from "../../app/modules/dilemmas/dilemma-submissions.server.ts";
import { PRINCIPLES, THEMES, WORK_KINDS } from "../../app/modules/dilemmas/dilemma-tags.ts";
import {
  cardViewOf,
  getPublishedCard,
  listPublishedCards,
  type PublicCard,
  principleTitles,
} from "../../app/modules/dilemmas/dilemmas.server.ts";
import { Slug, SubmitCardInput } from "../../app/modules/dilemmas/dilemmas.validation.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

/** The library's filters; unlike the page, the API refuses an unknown value instead of ignoring it. */
const ApiCardFilter = z
  .object({
    principe: z.enum(PRINCIPLES, { error: "Onbekend principe." }).optional(),
    werk: z.enum(WORK_KINDS, { error: "Onbekende soort werk." }).optional(),
    thema: z.enum(THEMES, { error: "Onbekend thema." }).optional(),
  })
  .strict();

function cardJson(card: PublicCard, titles: Map<string, string>) {
  return {
    ...cardViewOf(card, titles),
    publishedAt: card.publishedAt?.toISOString() ?? null,
  };
}

export function createDilemmasApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;

  router.get("/dilemmas", async (req, res) => {
    const filter = parseInput(ApiCardFilter, req.query);
    const [cards, titles] = await Promise.all([listPublishedCards({ db, filter }), principleTitles({ db })]);
    res.json({ cards: cards.map((card) => cardJson(card, titles)) });
  });

  router.get("/dilemmas/:slug", async (req, res) => {
    const slug = Slug.safeParse(req.params.slug);
    if (!slug.success) throw new AppError("not_found", "Dit dilemma bestaat niet (meer).");
    const [card, titles] = await Promise.all([
      getPublishedCard({ db, slug: slug.data }),
      principleTitles({ db }),
    ]);
    res.json(cardJson(card, titles));
  });

  router.post("/dilemmas", async (req, res) => {
    const actor = requireApiActor(req);
    if (!can(actor, "dilemmas:submit")) throw new AppError("forbidden", "Je mag geen dilemma's insturen.");
    const { anonymous, ...card } = parseInput(SubmitCardInput, req.body ?? {});
    const sent = await submitCard({ db, quotas: services.config.quotas, actor, card, anonymous });
    res.status(201).location(`/dilemmas/mijn`).json({ id: sent.id, slug: sent.slug, status: sent.status });
  });

  return router;
}
