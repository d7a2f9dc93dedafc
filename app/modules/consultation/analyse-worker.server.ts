// The worker-thread side of `analyseInWorker`: runs analyses away from the server's event loop, one
// after another, for as long as the process lives.
import { parentPort } from "node:worker_threads";
import {
  type AnalysisRequest,
  type AnalysisResponse,
  decodeAnalysisInput,
} from "./analyse-in-worker.server.ts";
import { analyse } from "./analysis/analyse.ts";

const port = parentPort;
if (!port) throw new Error("analyse-worker runs only as a worker thread");
port.on("message", ({ id, request }: { id: number; request: AnalysisRequest }) => {
  let answer: AnalysisResponse;
  try {
    answer = { type: "result", analysis: analyse(decodeAnalysisInput(request)) };
  } catch (error) {
    answer = { type: "error", message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage({ id, ...answer });
});
