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

// The worker is started from the TypeScript sources through a small tsx bootstrap, found beside this
// file under tsx or vitest and from the working directory in the server build (as the group
// optimiser's, kriskras/grouping/solve-in-worker.server.ts). It is started once and kept: compiling
// the analysis again for every run cost more than a run of a small consultation. It does not keep the
// process alive on its own, and one that fails is replaced at the next run.
const BOOTSTRAP = "analyse-worker-tsx.mjs";

type Pending = { resolve: (analysis: Analysis) => void; reject: (error: Error) => void };
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error) {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
  worker = undefined;
}

function theWorker(): Worker {
  if (worker) return worker;
  const bootstrap = import.meta.url.endsWith(".ts")
    ? new URL(`./${BOOTSTRAP}`, import.meta.url)
    : pathToFileURL(path.resolve("app/modules/consultation", BOOTSTRAP));
  const started = new Worker(bootstrap);
  started.unref();
  started.on("message", (message: AnalysisResponse & { id: number }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.type === "result") waiting?.resolve(message.analysis);
    else waiting?.reject(new Error(message.message));
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => failAll(new Error(`the analysis thread stopped (exit code ${code})`)));
  worker = started;
  return started;
}

export function analyseInWorker(input: {
  statements: readonly string[];
  rejected?: readonly string[];
  votes: readonly CastVote[];
  previous?: AnalysisState;
}): Promise<Analysis> {
  const request = encodeAnalysisInput(input);
  const target = theWorker();
  const id = nextId++;
  return new Promise<Analysis>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Kept alive while it works for someone, so a caller waiting for it is not left hanging.
    target.ref();
    target.postMessage({ id, request }, [
      request.voteParticipants.buffer,
      request.voteStatements.buffer,
      request.votes.buffer,
    ] as ArrayBuffer[]);
  });
}
