// Structured JSON logs on stdout (pino); the request id ties every line of one request together.
import { type Logger, pino } from "pino";
import type { Config } from "./env.server.ts";

export function createLogger(options: { config: Pick<Config, "logLevel"> }): Logger {
  return pino({
    level: options.config.logLevel,
    base: { service: "vakmanschap", pid: process.pid },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
      remove: true,
    },
  });
}
