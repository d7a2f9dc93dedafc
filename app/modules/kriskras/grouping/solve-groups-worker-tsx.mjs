// Starts the grouping worker from its TypeScript source, for when the caller itself runs under tsx or
// vitest (tests, the CLI); the built server starts the compiled worker instead.
import { register } from "tsx/esm/api";

register();
await import("./solve-groups-worker.server.ts");
