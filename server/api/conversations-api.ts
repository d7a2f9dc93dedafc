// Live team conversations in the API: a facilitator makes and runs a conversation; participants join with
// the code, without an account, and answer; both follow the conversation as a stream of Server-Sent Events.
// A participant is known only by the random token they got when joining (header `Deelnemer-Token`, or
// the `vm_deelnemer` cookie in a browser); nothing about them is logged or stored beside an answer.
import type { Request, Response } from "express";
import { Router } from "express";
import { z } from "zod";
import { clientAddressKey } from "../../app/infra/client-address.ts";
import { isSecureSite } from "../../app/infra/cookies.ts";
import { AppError } from "../../app/infra/errors.ts";
import { languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { openEventStream } from "../../app/infra/sse.server.ts";
import { createStreamLimits } from "../../app/infra/stream-limits.server.ts";
import { can } from "../../app/modules/accounts/authorization.ts";
import {
  facilitatorView,
  getConversationSummary,
  presenterView,
} from "../../app/modules/conversations/conversation-views.server.ts";
import {
  createConversation,
  deleteConversation,
  facilitate,
  getOwnConversation,
  listOwnConversations,
  moderateAnswer,
} from "../../app/modules/conversations/conversations.server.ts";
import {
  ActionInput,
  ConversationInput,
  ModerationInput,
} from "../../app/modules/conversations/conversations.validation.ts";
import {
  joinWithLimits,
  limitParticipation,
  PARTICIPANT_HEADER,
  participantToken,
} from "../../app/modules/conversations/participant-access.server.ts";
import { answerQuestion, findParticipant } from "../../app/modules/conversations/participation.server.ts";
import { TEMPLATES } from "../../app/modules/conversations/templates.ts";
import { requireApiActor } from "./api-identity.ts";
import { endEvent, followAsFacilitator, sharedStreams } from "./conversation-streams.ts";
import { parseInput } from "./parse-input.ts";

export const JoinInput = z.object({ code: z.string().max(40, "problems.conversations.joinCodeTooLong") });
export const AnswerInput = z.object({ value: z.unknown() });

function participantTokenOf(req: Request, config: Services["config"]): string | undefined {
  const header = req.headers[PARTICIPANT_HEADER];
  return participantToken({
    header: typeof header === "string" ? header : undefined,
    cookie: req.headers.cookie,
    secure: isSecureSite(config),
  });
}

export function createConversationsApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;
  const { liveHub, config } = services;
  const followShared = sharedStreams(services);
  const streamLimits = createStreamLimits({
    caps: {
      total: config.conversations.streams.total,
      perAddress: config.conversations.streams.perIp,
      perLogin: config.conversations.streams.perLogin,
    },
    replaced: (stream) => stream.send(endEvent("vervangen")),
  });
  /** Opens an event stream within the caps (throws 429 or 503 before anything is written). */
  const openStream = (req: Request, res: Response, claim: { login?: string; only?: string }) =>
    streamLimits.open({ address: clientAddressKey(req.ip), ...claim }, () => openEventStream(req, res));
  /** 204 ends an EventSource for good: a stream of an ended conversation has nothing more to say. */
  const noMoreEvents = (res: Response) => res.status(204).end();
  const languageOf = (req: Request) => languageOfAcceptLanguage(req.headers["accept-language"]);
  const shared = (conversationId: string) => presenterView({ db, id: conversationId });

  const lead = (req: Request) => {
    const actor = requireApiActor(req);
    if (!can(actor, "conversations:lead")) {
      throw new AppError("forbidden", "problems.conversations.leadersOnly");
    }
    return actor;
  };
  const limit = (req: Request, purpose: "answer") =>
    limitParticipation({
      participationLimits: services.participationLimits,
      config,
      clientIp: clientAddressKey(req.ip),
      purpose,
    });

  router.use(["/gesprekken", "/deelname"], (_req, res, next) => {
    res.setHeader("Cache-Control", "private, no-store");
    next();
  });

  router.get("/gesprekken", async (req, res) => {
    const actor = lead(req);
    const own = await listOwnConversations({ db, ownerId: actor.id });
    res.json({
      conversations: own.map((conversation) => ({
        ...conversation,
        createdAt: conversation.createdAt.toISOString(),
        endedAt: conversation.endedAt?.toISOString() ?? null,
      })),
    });
  });

  router.get("/gesprekken/sjablonen", (req, res) => {
    lead(req);
    res.json({ templates: TEMPLATES });
  });

  router.post("/gesprekken", async (req, res) => {
    const actor = lead(req);
    const input = parseInput(ConversationInput, req.body ?? {});
    const made = await createConversation({
      db,
      quotas: config.quotas,
      ownerId: actor.id,
      input,
      maxParticipants: config.conversations.maxParticipants,
      defaultMinAnswers: config.conversations.minAnswers,
    });
    res
      .status(201)
      .location(`/api/v1/gesprekken/${made.id}`)
      .json(await facilitatorView({ db, id: made.id }));
  });

  router.get("/gesprekken/:id", async (req, res) => {
    const actor = lead(req);
    const { conversation } = await getOwnConversation({ db, id: req.params.id, ownerId: actor.id });
    res.json(await facilitatorView({ db, id: conversation.id }));
  });

  router.delete("/gesprekken/:id", async (req, res) => {
    const actor = lead(req);
    await deleteConversation({ db, id: req.params.id, ownerId: actor.id });
    res.status(204).end();
  });

  router.post("/gesprekken/:id/acties", async (req, res) => {
    const actor = lead(req);
    const { conversation } = await getOwnConversation({ db, id: req.params.id, ownerId: actor.id });
    const input = parseInput(ActionInput, req.body ?? {});
    await facilitate({ db, liveHub, id: conversation.id, ownerId: actor.id, ...input });
    res.json(await facilitatorView({ db, id: conversation.id }));
  });

  router.post("/gesprekken/:id/moderatie", async (req, res) => {
    const actor = lead(req);
    const { conversation } = await getOwnConversation({ db, id: req.params.id, ownerId: actor.id });
    const input = parseInput(ModerationInput, req.body ?? {});
    await moderateAnswer({ db, liveHub, id: conversation.id, ownerId: actor.id, ...input });
    res.json(await facilitatorView({ db, id: conversation.id }));
  });

  router.get("/gesprekken/:id/samenvatting", async (req, res) => {
    const actor = lead(req);
    const { conversation } = await getOwnConversation({ db, id: req.params.id, ownerId: actor.id });
    res.json(await getConversationSummary({ db, id: conversation.id }));
  });

  router.get("/gesprekken/:id/stroom", async (req, res) => {
    const actor = lead(req);
    const { conversation } = await getOwnConversation({ db, id: req.params.id, ownerId: actor.id });
    if (conversation.status === "afgelopen") return noMoreEvents(res);
    followAsFacilitator(
      services,
      () => openStream(req, res, { login: actor.id }),
      conversation.id,
      languageOf(req),
    );
  });

  router.post("/deelname", async (req, res) => {
    const { code } = parseInput(JoinInput, req.body ?? {});
    const joined = await joinWithLimits({
      db,
      liveHub,
      participationLimits: services.participationLimits,
      config,
      clientIp: clientAddressKey(req.ip),
      code,
    });
    res.status(201).json({ token: joined.token, ...(await shared(joined.conversationId)) });
  });

  router.get("/deelname", async (req, res) => {
    const participant = await requireParticipant(req);
    res.json(await shared(participant.conversationId));
  });

  router.put("/deelname/antwoorden/:vraag", async (req, res) => {
    await limit(req, "answer");
    // answerQuestion checks the participant first (one query with the question) and the value last, so
    // an unknown token is a 401 whatever the body, and a body without a value fails the value's check.
    const body = AnswerInput.safeParse(req.body ?? {});
    const answered = await answerQuestion({
      db,
      liveHub,
      token: participantTokenOf(req, config),
      questionId: req.params.vraag,
      value: body.success ? body.data.value : undefined,
    });
    res.json({ saved: true, round: answered.round });
  });

  router.get("/deelname/stroom", async (req, res) => {
    const participant = await requireParticipant(req);
    if (participant.status === "afgelopen") return noMoreEvents(res);
    // One stream per participant: a second one (another tab, a reconnect the server has not noticed
    // yet) ends the first, so one token cannot hold thousands of sockets.
    followShared(
      () => openStream(req, res, { only: participant.id }),
      participant.conversationId,
      languageOf(req),
    );
  });

  async function requireParticipant(req: Request) {
    const participant = await findParticipant({ db, token: participantTokenOf(req, config) });
    if (!participant) {
      throw new AppError("unauthenticated", "problems.conversations.notTakingPartAny");
    }
    return participant;
  }

  return router;
}
