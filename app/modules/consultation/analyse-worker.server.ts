// The worker-thread side of `analyseInWorker`: runs the analysis away from the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import {
  type AnalysisRequest,
  type AnalysisResponse,
  decodeAnalysisInput,
} from "./analyse-in-worker.server.ts";
import { analyse } from "./analysis/analyse.ts";

const port = parentPort;
if (!port) throw new Error("analyse-worker runs only as a worker thread");
const send = (message: AnalysisResponse) => port.postMessage(message);
try {
  send({ type: "result", analysis: analyse(decodeAnalysisInput(workerData as AnalysisRequest)) });
} catch (error) {
  send({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
