// Peilingen in the API: anyone reads the consultations, their statements and their outcome, and can
// follow the outcome live while it runs; a participant takes part with the token that joining gave
// (header `Deelnemer-Token`): the next statement, a vote (which they can change), a statement of their
// own. The same checks and limits as the pages, and the same rule for the outcome: nothing of fewer
// than five people (report.server.ts).

import { eq } from "drizzle-orm";
import type { Request } from "express";
import { Router } from "express";
import { z } from "zod";
import { clientAddressKey } from "../../app/infra/client-address.ts";
import { AppError } from "../../app/infra/errors.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { openEventStream } from "../../app/infra/sse.server.ts";
import { createStreamLimits } from "../../app/infra/stream-limits.server.ts";
import type { Vote } from "../../app/modules/consultation/analysis/vote-matrix.ts";
import { consultations } from "../../app/modules/consultation/consultation.schema.ts";
import { ConsultationStatementInput, VoteInput } from "../../app/modules/consultation/consultation-output.ts";
import {
  consultationTopic,
  consultationWithParticipant,
  listConsultations,
  requireConsultationBySlug,
  shownStatements,
} from "../../app/modules/consultation/consultations.server.ts";
import {
  addStatement,
  isOpenForVotes,
  joinConsultation,
  nextStatement,
  type Participant,
} from "../../app/modules/consultation/participation.server.ts";
import { consultationReport } from "../../app/modules/consultation/report.server.ts";
import { castVote, votesOf } from "../../app/modules/consultation/votes.server.ts";
import {
  limitParticipation,
  PARTICIPANT_HEADER,
} from "../../app/modules/conversations/participant-access.server.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

const VOTE_OF = { eens: 1, oneens: -1, overslaan: 0 } as const satisfies Record<string, Vote>;
const VOTE_NAME = { 1: "eens", [-1]: "oneens", 0: "overslaan" } as const;

/** The events of an outcome's stream: a new outcome (its time as id), or the end of the consultation. */
export const OutcomeEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tally"),
    id: z.string().regex(/^\d+$/),
    data: z.object({ analysedAt: z.string().nullable(), state: z.string() }),
  }),
  z.object({ type: z.literal("end"), data: z.object({ reason: z.literal("gesloten") }) }),
]);

export function createConsultationsApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;
  const { config, liveHub } = services;
  const streamLimits = createStreamLimits({
    caps: {
      total: config.conversations.streams.total,
      perAddress: config.conversations.streams.perIp,
      perLogin: config.conversations.streams.perLogin,
    },
  });
  const limit = (req: Request, purpose: "join" | "answer") =>
    limitParticipation({
      participationLimits: services.participationLimits,
      config,
      clientIp: clientAddressKey(req.ip),
      purpose,
    });

  /** The consultation and the participant the request's token is, or 401 before anything is looked up. */
  async function requireParticipant(req: Request) {
    const header = req.headers[PARTICIPANT_HEADER];
    const token = typeof header === "string" && header.length <= 200 ? header : undefined;
    if (!token) throw new AppError("unauthenticated", "problems.consultation.notTakingPart");
    const { consultation, participant } = await consultationWithParticipant(
      db,
      String(req.params.slug),
      token,
      "voting",
    );
    if (!participant) throw new AppError("unauthenticated", "problems.consultation.notTakingPart");
    return { consultation, participant };
  }

  async function participation(consultationId: string, participant: Participant) {
    const [next, mine] = await Promise.all([
      nextStatement({ db, consultation: { id: consultationId }, participantId: participant.id }),
      votesOf({ db, consultationId, participantId: participant.id }),
    ]);
    return {
      next: next.statement,
      progress: next.progress,
      votes: mine.map((vote) => ({ number: vote.number, text: vote.text, vote: VOTE_NAME[vote.vote] })),
    };
  }

  router.use("/peilingen/:slug/deelname", (_req, res, next) => {
    res.setHeader("Cache-Control", "private, no-store");
    next();
  });

  router.get("/peilingen", async (_req, res) => {
    res.json({ consultations: await listConsultations(db) });
  });

  router.get("/peilingen/:slug", async (req, res) => {
    const consultation = await requireConsultationBySlug(db, req.params.slug);
    const [summary] = (await listConsultations(db)).filter((item) => item.slug === consultation.slug);
    res.json({
      slug: consultation.slug,
      question: consultation.question,
      introduction: consultation.introduction,
      lang: consultation.contentLanguage,
      opensAt: consultation.opensAt.toISOString(),
      closesAt: consultation.closesAt.toISOString(),
      phase: summary?.phase ?? "past",
      access: consultation.access,
      participantStatements: consultation.participantStatements,
      state: consultation.state,
      takingVotes: isOpenForVotes(consultation),
      statements: await shownStatements(db, consultation.id),
    });
  });

  router.get("/peilingen/:slug/resultaten", async (req, res) => {
    res.json(await consultationReport(db, req.params.slug));
  });

  router.get("/peilingen/:slug/resultaten/stroom", async (req, res) => {
    const consultation = await requireConsultationBySlug(db, req.params.slug);
    // 204 ends an EventSource for good: the outcome of a closed consultation does not change.
    if (consultation.state !== "open") return void res.status(204).end();
    const stream = streamLimits.open({ address: clientAddressKey(req.ip) }, () => openEventStream(req, res));
    let last = Number(stream.lastEventId ?? 0) || 0;
    let running: Promise<void> | undefined;
    const tell = async () => {
      const [now] = await db
        .select({ analysedAt: consultations.analysedAt, state: consultations.state })
        .from(consultations)
        .where(eq(consultations.id, consultation.id));
      if (stream.closed) return;
      const at = now?.analysedAt?.getTime() ?? 0;
      if (at > last) {
        last = at;
        const data = { analysedAt: now?.analysedAt?.toISOString() ?? null, state: now?.state ?? "gesloten" };
        stream.send(OutcomeEvent.parse({ type: "tally", id: String(at), data }));
      }
      if (now?.state !== "open") {
        stream.send(OutcomeEvent.parse({ type: "end", data: { reason: "gesloten" } }));
        stream.close();
      }
    };
    const refresh = () => {
      running = (running ?? Promise.resolve()).then(tell).catch((error: unknown) => {
        services.logger.warn({ err: error }, "consultation stream could not read the outcome");
      });
    };
    stream.onClose(liveHub.subscribe(consultationTopic(consultation.id), refresh));
    refresh();
  });

  router.post("/peilingen/:slug/deelname", async (req, res) => {
    const consultation = await requireConsultationBySlug(db, req.params.slug);
    const userId = consultation.access === "inloggen" ? requireApiActor(req).id : undefined;
    await limit(req, "join");
    const joined = await joinConsultation({ db, consultation, userId, withToken: true });
    res.status(201).json({ token: joined.token, ...(await participation(consultation.id, joined)) });
  });

  router.get("/peilingen/:slug/deelname", async (req, res) => {
    const { consultation, participant } = await requireParticipant(req);
    res.json(await participation(consultation.id, participant));
  });

  router.put("/peilingen/:slug/deelname/stemmen/:nummer", async (req, res) => {
    await limit(req, "answer");
    const { consultation, participant } = await requireParticipant(req);
    const number = /^\d{1,9}$/.test(req.params.nummer) ? Number(req.params.nummer) : -1;
    if (number < 0) throw new AppError("not_found", "problems.consultation.unknownStatement");
    const { vote } = parseInput(VoteInput, req.body ?? {});
    await castVote({
      db,
      consultation,
      participantId: participant.id,
      statementNumber: number,
      vote: VOTE_OF[vote],
    });
    services.consultationAnalysis.request(consultation.id);
    res.json(await participation(consultation.id, participant));
  });

  router.post("/peilingen/:slug/deelname/stellingen", async (req, res) => {
    const { consultation, participant } = await requireParticipant(req);
    const { text } = parseInput(ConsultationStatementInput, req.body ?? {});
    const added = await addStatement({ db, consultation, participantId: participant.id, text });
    if (added.shown) services.consultationAnalysis.request(consultation.id);
    res.status(201).json(added);
  });

  return router;
}
