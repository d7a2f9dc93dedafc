// Starts the analysis worker from its TypeScript source (see analyse-in-worker.server.ts).
import { register } from "tsx/esm/api";

register();
await import("./analyse-worker.server.ts");
