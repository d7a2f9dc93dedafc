// The dilemma library in the API: published cards (filtered as on /dilemmas), one card, and sending in
// a card (logged in; the same schema as the form).
import { Router } from "express";
import { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";
import { message } from "../../app/infra/i18n/translate.ts";
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
const ApiCardFilter = z.strictObject(
  {
    principe: z.enum(PRINCIPLES, { error: "problems.dilemmas.unknownPrinciple" }).optional(),
    werk: z.enum(WORK_KINDS, { error: "problems.dilemmas.unknownWorkKind" }).optional(),
    thema: z.enum(THEMES, { error: "problems.dilemmas.unknownTheme" }).optional(),
  },
  {
    // Names the parameters it does not know, so a client sees which to drop.
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? message("problems.dilemmas.unknownParameters", {
            count: issue.keys.length,
            names: issue.keys.join(", "),
          })
        : undefined,
  },
);

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
    if (!slug.success) throw new AppError("not_found", "problems.dilemmas.notFound");
    const [card, titles] = await Promise.all([
      getPublishedCard({ db, slug: slug.data }),
      principleTitles({ db }),
    ]);
    res.json(cardJson(card, titles));
  });

  router.post("/dilemmas", async (req, res) => {
    const actor = requireApiActor(req);
    if (!can(actor, "dilemmas:submit")) throw new AppError("forbidden", "problems.dilemmas.submitForbidden");
    const { anonymous, ...card } = parseInput(SubmitCardInput, req.body ?? {});
    const sent = await submitCard({ db, quotas: services.config.quotas, actor, card, anonymous });
    res.status(201).location(`/dilemmas/mijn`).json({ id: sent.id, slug: sent.slug, status: sent.status });
  });

  return router;
}
