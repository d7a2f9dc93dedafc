// Meedenken in the API: read contributions and their statuses (anyone), contribute, reply, support and
// report (logged in or with a token), decide and moderate (editors). The same schemas as the forms.

import type { Request, Response } from "express";
import { Router } from "express";
import { AppError } from "../../app/infra/errors.ts";
import { Id } from "../../app/infra/fields.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { type Actor, can, type Permission } from "../../app/modules/accounts/authorization.ts";
import {
  ApiContributionFilter,
  ContributionInput,
  ModerationInput,
  ReplyInput,
  ReportInput,
  StatusInput,
} from "../../app/modules/cocreation/cocreation.validation.ts";
import {
  addReply,
  type ContributionDetail,
  type ContributionSummary,
  createContribution,
  getContribution,
  listContributions,
  NOT_FOUND,
  REPLY_NOT_FOUND,
  supportContribution,
  withdrawSupport,
} from "../../app/modules/cocreation/contributions.server.ts";
import { decideStatus } from "../../app/modules/cocreation/decisions.server.ts";
import { moderateItem, reportItem } from "../../app/modules/cocreation/moderation.server.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

function contributionJson(item: ContributionSummary) {
  return {
    id: item.id,
    kind: item.kind,
    version: item.version,
    part: item.part,
    anchor: item.anchor,
    author: item.author,
    ...(item.authorEmail !== null ? { authorEmail: item.authorEmail } : {}),
    body: item.body,
    proposedText: item.proposedText,
    title: item.title,
    status: item.status,
    statusReason: item.statusReason,
    adoptedInVersion: item.adoptedInVersion,
    hidden: item.hidden,
    hiddenReason: item.hiddenReason,
    supports: item.supports,
    replies: item.replies,
    createdAt: item.createdAt,
  };
}

function detailJson(item: ContributionDetail) {
  return {
    ...contributionJson(item),
    originalText: item.originalText,
    words: item.words,
    history: item.history.map(({ status, reason, adoptedInVersion, decidedAt }) => ({
      status,
      reason,
      adoptedInVersion,
      decidedAt,
    })),
    replyList: item.replyList.map((reply) => ({
      id: reply.id,
      author: reply.author,
      body: reply.body,
      hidden: reply.hidden,
      hiddenReason: reply.hiddenReason,
      createdAt: reply.createdAt,
    })),
  };
}

/** The caller with the right, then the id from the address: so a wrong id is a 404 only for those allowed. */
function callerWith(req: Request, permission: Permission, refusal: string): Actor {
  const actor = requireApiActor(req);
  if (!can(actor, permission)) throw new AppError("forbidden", refusal);
  return actor;
}

function idFrom(value: unknown, message = NOT_FOUND): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", message);
  return parsed.data;
}

export function createCocreationApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;
  const contribute = (req: Request) =>
    callerWith(req, "cocreation:contribute", "problems.cocreation.mayNotContribute");
  const decide = (req: Request) =>
    callerWith(req, "cocreation:decide", "problems.cocreation.onlyEditorsDecide");
  const viewerOf = (req: Request) => ({ userId: req.actor?.id, editor: can(req.actor, "cocreation:decide") });

  router.get("/bijdragen", async (req, res) => {
    const filter = parseInput(ApiContributionFilter, req.query);
    const page = await listContributions({ db, filter, viewer: { userId: req.actor?.id, editor: false } });
    res.json({
      contributions: page.items.map(contributionJson),
      total: page.total,
      page: page.page,
      pages: page.pages,
    });
  });

  router.post("/bijdragen", async (req, res) => {
    const actor = contribute(req);
    const input = parseInput(ContributionInput, req.body ?? {});
    const created = await createContribution({
      db,
      pageCache: services.pageCache,
      quotas: services.config.quotas,
      actor,
      input,
    });
    const item = await getContribution({ db, id: created.id, viewer: viewerOf(req) });
    res.status(201).location(`/api/v1/bijdragen/${created.id}`).json(detailJson(item));
  });

  router.get("/bijdragen/:id", async (req, res) => {
    const id = idFrom(req.params.id);
    res.json(detailJson(await getContribution({ db, id, viewer: viewerOf(req) })));
  });

  router.post("/bijdragen/:id/reacties", async (req, res) => {
    const actor = contribute(req);
    const contributionId = idFrom(req.params.id);
    const input = parseInput(ReplyInput, req.body ?? {});
    const reply = await addReply({
      db,
      quotas: services.config.quotas,
      actor,
      contributionId,
      input,
      origin: services.config.publicUrl,
    });
    res.status(201).json({ id: reply.id });
  });

  router.post("/bijdragen/:id/steun", async (req, res) => {
    const actor = contribute(req);
    const contributionId = idFrom(req.params.id);
    res.json({ supports: await supportContribution({ db, actor, contributionId }), supportedByMe: true });
  });

  router.delete("/bijdragen/:id/steun", async (req, res) => {
    const actor = contribute(req);
    const contributionId = idFrom(req.params.id);
    res.json({ supports: await withdrawSupport({ db, actor, contributionId }), supportedByMe: false });
  });

  const report = (kind: "bijdrage" | "reactie") => async (req: Request, res: Response) => {
    const actor = contribute(req);
    const id = idFrom(req.params.id, kind === "bijdrage" ? NOT_FOUND : REPLY_NOT_FOUND);
    const { reason } = parseInput(ReportInput, req.body ?? {});
    const result = await reportItem({
      db,
      pageCache: services.pageCache,
      quotas: services.config.quotas,
      actor,
      target: { kind, id },
      reason,
      threshold: services.config.cocreation.reportThreshold,
    });
    res.status(201).json({ hidden: result.hidden });
  };
  router.post("/bijdragen/:id/meldingen", report("bijdrage"));
  router.post("/reacties/:id/meldingen", report("reactie"));

  router.post("/bijdragen/:id/status", async (req, res) => {
    const actor = decide(req);
    const contributionId = idFrom(req.params.id);
    const input = parseInput(StatusInput, req.body ?? {});
    await decideStatus({
      db,
      quotas: services.config.quotas,
      actor,
      contributionId,
      input,
      origin: services.config.publicUrl,
    });
    res.json(detailJson(await getContribution({ db, id: contributionId, viewer: viewerOf(req) })));
  });

  const moderate = (kind: "bijdrage" | "reactie") => async (req: Request, res: Response) => {
    const actor = decide(req);
    const id = idFrom(req.params.id, kind === "bijdrage" ? NOT_FOUND : REPLY_NOT_FOUND);
    const input = parseInput(ModerationInput, req.body ?? {});
    await moderateItem({ db, pageCache: services.pageCache, actor, target: { kind, id }, input });
    res.json({ hidden: input.action === "verbergen" });
  };
  router.post("/bijdragen/:id/moderatie", moderate("bijdrage"));
  router.post("/reacties/:id/moderatie", moderate("reactie"));

  return router;
}
