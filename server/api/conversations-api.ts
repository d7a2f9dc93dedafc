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
import { type Language, languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { type EventStream, openEventStream } from "../../app/infra/sse.server.ts";
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
  topicOf,
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
import {
  liveKeyOf,
  liveStateOf,
  PHONE_COUNT_INTERVAL_MS,
} from "../../app/modules/conversations/participant-live.ts";
import { answerQuestion, findParticipant } from "../../app/modules/conversations/participation.server.ts";
import { TEMPLATES } from "../../app/modules/conversations/templates.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

export const JoinInput = z.object({ code: z.string().max(40, "problems.conversations.joinCodeTooLong") });
export const AnswerInput = z.object({ value: z.unknown() });

/** The events a stream sends; one writer checks each before it leaves. */
export const LiveEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tally"),
    id: z.string().regex(/^\d+$/),
    data: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("problem"), data: z.object({ message: z.string() }) }),
  // The server ends the stream on purpose: the conversation ended, or the same participant opened a newer
  // stream. A client should not reconnect (a reconnect to an ended conversation gets 204 anyway).
  z.object({ type: z.literal("end"), data: z.object({ reason: z.enum(["afgelopen", "vervangen"]) }) }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

const endEvent = (reason: "afgelopen" | "vervangen") => LiveEvent.parse({ type: "end", data: { reason } });

function participantTokenOf(req: Request, config: Services["config"]): string | undefined {
  const header = req.headers[PARTICIPANT_HEADER];
  return participantToken({
    header: typeof header === "string" ? header : undefined,
    cookie: req.headers.cookie,
    secure: isSecureSite(config),
  });
}

type Snapshot = { version: number } & Record<string, unknown>;

// One checked event per snapshot: the participants' streams of a conversation all get the same snapshot
// object, so it is checked, and encoded by the SSE writer, once instead of once per phone.
const standEvents = new WeakMap<Snapshot, LiveEvent>();
function standEventOf(snapshot: Snapshot): LiveEvent {
  let event = standEvents.get(snapshot);
  if (!event) {
    event = LiveEvent.parse({ type: "tally", id: String(snapshot.version), data: snapshot });
    standEvents.set(snapshot, event);
  }
  return event;
}

/**
 * A stream that only ever moves forward: a snapshot goes out when it is newer than what the client has
 * (its `Last-Event-ID` when it comes back after a break), and every event passes one check first. The
 * snapshot of an ended conversation is the last: the stream says so and ends. A failure is said in the
 * client's language (`Accept-Language`), as the API's problems are.
 */
function forwardStream(open: () => EventStream, language: Language) {
  const stream = open();
  let last = Number(stream.lastEventId ?? 0) || 0;
  return {
    stream,
    deliver(snapshot: Snapshot) {
      if (stream.closed) return;
      if (snapshot.version > last) {
        stream.send(standEventOf(snapshot));
        last = snapshot.version;
      }
      if (snapshot.status === "afgelopen") {
        stream.send(endEvent("afgelopen"));
        stream.close();
      }
    },
    fail() {
      if (!stream.closed) {
        const message = translatorFor(language)("problems.conversations.liveUpdateFailed");
        stream.send(LiveEvent.parse({ type: "problem", data: { message } }));
      }
    },
  };
}

/**
 * Computes a view again after every change the live hub reports (coalesced by the hub to about ten a
 * second), never twice at the same time, and hands the newest to `deliver`.
 */
function refresher(
  services: Services,
  view: () => Promise<Snapshot>,
  deliver: (snapshot: Snapshot) => void,
  fail: () => void,
) {
  let running = false;
  let again = false;
  return async function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        deliver(await view());
      } while (again);
    } catch (error) {
      services.logger.warn({ err: error }, "live stream could not compute a snapshot");
      fail();
    } finally {
      running = false;
    }
  };
}

/** The facilitator's stream: a snapshot of the control view at once, then after every change. */
function followAsFacilitator(
  services: Services,
  open: () => EventStream,
  conversationId: string,
  language: Language,
) {
  const client = forwardStream(open, language);
  const refresh = refresher(
    services,
    () => facilitatorView({ db: services.database.db, id: conversationId }),
    client.deliver,
    client.fail,
  );
  client.stream.onClose(services.liveHub.subscribe(topicOf(conversationId), () => void refresh()));
  void refresh();
}

/** What a phone shows of a shared snapshot; snapshots with the same key differ only in their counts. */
function phoneKeyOf(snapshot: Snapshot): string {
  const state = liveStateOf(snapshot);
  return state ? liveKeyOf(state) : JSON.stringify(snapshot);
}

/**
 * Participants' streams: per conversation one computation of the shared view in this process, however many
 * phones follow it, sent to each of them: at once when what a phone shows changed, otherwise (a new count)
 * at most once per PHONE_COUNT_INTERVAL_MS, the newest at the end of the interval.
 */
function sharedStreams(services: Services) {
  type Client = ReturnType<typeof forwardStream>;
  type Group = {
    clients: Set<Client>;
    latest?: Snapshot;
    sent?: { key: string; at: number };
    later?: NodeJS.Timeout;
    refresh: () => Promise<void>;
    stop: () => void;
  };
  const groups = new Map<string, Group>();
  function sendLatest(group: Group) {
    clearTimeout(group.later);
    group.later = undefined;
    const latest = group.latest;
    if (!latest) return;
    group.sent = { key: phoneKeyOf(latest), at: Date.now() };
    for (const client of group.clients) client.deliver(latest);
  }
  function offer(group: Group, snapshot: Snapshot) {
    if (group.latest && snapshot.version < group.latest.version) return;
    group.latest = snapshot;
    const sent = group.sent;
    const waited = sent ? Date.now() - sent.at : Number.POSITIVE_INFINITY;
    if (!sent || waited >= PHONE_COUNT_INTERVAL_MS || sent.key !== phoneKeyOf(snapshot)) {
      sendLatest(group);
    } else {
      group.later ??= setTimeout(() => sendLatest(group), PHONE_COUNT_INTERVAL_MS - waited);
    }
  }
  return function follow(open: () => EventStream, conversationId: string, language: Language) {
    // Opened first: a stream refused by the caps leaves no subscription behind.
    const client = forwardStream(open, language);
    let group = groups.get(conversationId);
    if (!group) {
      const clients = new Set<Client>();
      const made: Group = {
        clients,
        refresh: refresher(
          services,
          () => presenterView({ db: services.database.db, id: conversationId }),
          (snapshot) => offer(made, snapshot),
          () => {
            for (const client of clients) client.fail();
          },
        ),
        stop: () => {},
      };
      const unsubscribe = services.liveHub.subscribe(topicOf(conversationId), () => void made.refresh());
      made.stop = () => {
        unsubscribe();
        clearTimeout(made.later);
      };
      groups.set(conversationId, made);
      group = made;
    }
    const joined = group;
    joined.clients.add(client);
    client.stream.onClose(() => {
      joined.clients.delete(client);
      if (joined.clients.size === 0 && groups.get(conversationId) === joined) {
        joined.stop();
        groups.delete(conversationId);
      }
    });
    if (joined.latest) client.deliver(joined.latest);
    void joined.refresh();
  };
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
