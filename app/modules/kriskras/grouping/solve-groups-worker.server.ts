// The worker-thread side of `solveGroupsInWorker`: runs the optimiser away from the server's event loop
// and reports back over the message port.
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "../../../infra/errors.ts";
import { solveGroups } from "./solve-groups.ts";
import type { WorkerRequest, WorkerResponse } from "./solve-in-worker.server.ts";

const port = parentPort;
if (!port) throw new Error("solve-groups-worker runs only as a worker thread");
const request = workerData as WorkerRequest;
const stop = new Int32Array(request.stop);
const send = (message: WorkerResponse, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const result = solveGroups({
    instance: {
      n: request.n,
      m: request.m,
      distances: new Float64Array(request.distances),
      minSize: request.minSize,
      maxSize: request.maxSize,
    },
    seed: request.seed,
    timeLimitMs: request.timeLimitMs,
    maxSteps: request.maxSteps,
    allowed: request.allowed,
    extraScore: request.extraScore,
    locked: request.locked,
    // The caller's abort sets this flag; the optimiser polls it every few milliseconds.
    shouldStop: () => Atomics.load(stop, 0) !== 0,
    onProgress: (progress) => send({ type: "progress", progress }),
  });
  send({ type: "result", result }, [result.assignment.buffer as ArrayBuffer]);
} catch (error) {
  send({
    type: "error",
    message: error instanceof Error ? error.message : String(error),
    code: error instanceof AppError ? error.code : undefined,
  });
}
