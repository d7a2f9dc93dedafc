// Runs the group optimiser in a worker thread, so a server keeps answering requests (and live events)
// while it searches for seconds. The distance matrix is shared, not copied, when it already lives in a
// SharedArrayBuffer.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "../../../infra/errors.ts";
import type { GroupingInstance } from "./mdgp-instance.ts";
import type { SolveGroupsOptions, SolveGroupsResult, SolveProgress } from "./solve-groups.ts";

export type SolveGroupsInWorkerOptions = Omit<SolveGroupsOptions, "shouldStop"> & {
  /** Aborting stops the search and rejects with the signal's reason. */
  signal?: AbortSignal;
};

/** What the worker receives (internal to this module and its worker). */
export type WorkerRequest = {
  n: number;
  m: number;
  distances: SharedArrayBuffer;
  minSize: Int32Array;
  maxSize: Int32Array;
  seed: number;
  timeLimitMs: number;
  maxSteps?: number;
  allowed?: Uint8Array;
  extraScore?: Float64Array;
  locked?: Int32Array;
  stop: SharedArrayBuffer;
};

export type WorkerResponse =
  | { type: "progress"; progress: SolveProgress }
  | { type: "result"; result: SolveGroupsResult }
  | { type: "error"; message: string; code?: AppErrorCode };

// How long a stopped worker may take to notice its stop flag before it is terminated.
const STOP_GRACE_MS = 1_000;

export function solveGroupsInWorker(options: SolveGroupsInWorkerOptions): Promise<SolveGroupsResult> {
  const { instance, signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const stop = new SharedArrayBuffer(4);
  const request: WorkerRequest = {
    n: instance.n,
    m: instance.m,
    distances: sharedDistances(instance),
    minSize: instance.minSize,
    maxSize: instance.maxSize,
    seed: options.seed,
    timeLimitMs: options.timeLimitMs,
    maxSteps: options.maxSteps,
    allowed: options.allowed,
    extraScore: options.extraScore,
    locked: options.locked,
    stop,
  };
  const worker = startWorker(request);
  return new Promise<SolveGroupsResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const onAbort = () => {
      Atomics.store(new Int32Array(stop), 0, 1);
      setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
      finish(() => reject(signal?.reason));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerResponse) => {
      if (message.type === "progress") {
        if (!settled) onProgress?.(message.progress);
      } else if (message.type === "result") {
        finish(() => resolve(message.result));
      } else {
        finish(() =>
          reject(message.code ? new AppError(message.code, message.message) : new Error(message.message)),
        );
      }
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) =>
      finish(() => reject(new Error(`De rekenthread stopte onverwacht (worker exited with ${code})`))),
    );
  });
}

function sharedDistances(instance: GroupingInstance): SharedArrayBuffer {
  const { buffer, byteOffset, byteLength } = instance.distances;
  if (buffer instanceof SharedArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength)
    return buffer;
  const shared = new SharedArrayBuffer(byteLength);
  new Float64Array(shared).set(instance.distances);
  return shared;
}

// The worker always starts from the TypeScript sources through a small tsx bootstrap: tsx is a runtime
// dependency and app/ ships with the server (see the Dockerfile). Under tsx or vitest this module's URL
// is its source file, next to the bootstrap; in the server build it is build/server/index.js, and the
// bootstrap is found from the working directory, from which the server also resolves build/ and content/.
const BOOTSTRAP = "solve-groups-worker-tsx.mjs";

function startWorker(request: WorkerRequest): Worker {
  const bootstrap = import.meta.url.endsWith(".ts")
    ? new URL(`./${BOOTSTRAP}`, import.meta.url)
    : pathToFileURL(path.resolve("app/modules/kriskras/grouping", BOOTSTRAP));
  return new Worker(bootstrap, { workerData: request });
}
