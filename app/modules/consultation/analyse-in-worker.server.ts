// Runs a consultation's analysis in a worker thread, so a server keeps answering requests and live
// events while thousands of votes are analysed. The votes travel as typed arrays (a number per person,
// statement and vote), not as millions of objects.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Analysis, AnalysisInput, AnalysisState } from "./analysis/analyse.ts";
import type { CastVote, Vote } from "./analysis/vote-matrix.ts";

/** What the worker receives (internal to this module and its worker). */
export interface AnalysisRequest {
  statements: string[];
  rejected: string[];
  participants: string[];
  /** Per vote: the index of its participant, of its statement (shown ones first, then rejected ones), the vote. */
  voteParticipants: Int32Array;
  voteStatements: Int32Array;
  votes: Int8Array;
  previous?: AnalysisState;
}

export type AnalysisResponse = { type: "result"; analysis: Analysis } | { type: "error"; message: string };

export function encodeAnalysisInput(input: {
  statements: readonly string[];
  rejected?: readonly string[];
  votes: readonly CastVote[];
  previous?: AnalysisState;
}): AnalysisRequest {
  const statements = [...input.statements];
  const rejected = [...(input.rejected ?? [])];
  const statementIndex = new Map([...statements, ...rejected].map((id, index) => [id, index]));
  const participantIndex = new Map<string, number>();
  const kept = input.votes.filter((vote) => statementIndex.has(vote.statement));
  const voteParticipants = new Int32Array(kept.length);
  const voteStatements = new Int32Array(kept.length);
  const votes = new Int8Array(kept.length);
  kept.forEach((vote, index) => {
    let participant = participantIndex.get(vote.participant);
    if (participant === undefined) {
      participant = participantIndex.size;
      participantIndex.set(vote.participant, participant);
    }
    voteParticipants[index] = participant;
    voteStatements[index] = statementIndex.get(vote.statement) ?? 0;
    votes[index] = vote.vote;
  });
  return {
    statements,
    rejected,
    participants: [...participantIndex.keys()],
    voteParticipants,
    voteStatements,
    votes,
    previous: input.previous,
  };
}

export function decodeAnalysisInput(request: AnalysisRequest): AnalysisInput {
  const ids = [...request.statements, ...request.rejected];
  function* votes(): Generator<CastVote> {
    for (let index = 0; index < request.votes.length; index++) {
      yield {
        participant: request.participants[request.voteParticipants[index] ?? 0] ?? "",
        statement: ids[request.voteStatements[index] ?? 0] ?? "",
        vote: (request.votes[index] ?? 0) as Vote,
      };
    }
  }
  return {
    statements: request.statements,
    rejected: request.rejected,
    votes: votes(),
    previous: request.previous,
  };
}

// As the group optimiser's worker (kriskras/grouping/solve-in-worker.server.ts): started from the
// TypeScript sources through a small tsx bootstrap, found beside this file under tsx or vitest and from
// the working directory in the server build.
const BOOTSTRAP = "analyse-worker-tsx.mjs";

export function analyseInWorker(input: {
  statements: readonly string[];
  rejected?: readonly string[];
  votes: readonly CastVote[];
  previous?: AnalysisState;
}): Promise<Analysis> {
  const request = encodeAnalysisInput(input);
  const bootstrap = import.meta.url.endsWith(".ts")
    ? new URL(`./${BOOTSTRAP}`, import.meta.url)
    : pathToFileURL(path.resolve("app/modules/consultation", BOOTSTRAP));
  const worker = new Worker(bootstrap, {
    workerData: request,
    transferList: [
      request.voteParticipants.buffer,
      request.voteStatements.buffer,
      request.votes.buffer,
    ] as ArrayBuffer[],
  });
  return new Promise<Analysis>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.once("message", (message: AnalysisResponse) => {
      finish(() =>
        message.type === "result" ? resolve(message.analysis) : reject(new Error(message.message)),
      );
    });
    worker.once("error", (error) => finish(() => reject(error)));
    worker.once("exit", (code) =>
      finish(() => reject(new Error(`the analysis thread stopped (exit code ${code})`))),
    );
  });
}
