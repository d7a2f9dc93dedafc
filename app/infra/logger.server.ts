// Structured JSON logs on stdout (pino); the request id ties every line of one request together. Lines
// leave in batches of at least LOG_BATCH_BYTES, and at the latest after LOG_FLUSH_MS: under load that is
// one system call for a few dozen lines instead of one each. pino writes what is still buffered
// synchronously when the process exits.
import { type Logger, pino } from "pino";
import type { Config } from "./env.server.ts";

const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 100;

export function createLogger(options: { config: Pick<Config, "logLevel"> }): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
  return pino(
    {
      level: options.config.logLevel,
      base: { service: "vakmanschap", pid: process.pid },
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        remove: true,
      },
    },
    destination,
  );
}
