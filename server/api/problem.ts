// Errors of the API as RFC 9457 problem details (application/problem+json).
import type { Response } from "express";
import { type AppError, HTTP_STATUS } from "../../app/infra/errors.ts";

const TITLES: Record<AppError["code"], string> = {
  unauthenticated: "Niet ingelogd",
  forbidden: "Geen toegang",
  not_found: "Niet gevonden",
  invalid: "Ongeldige invoer",
  conflict: "Conflict",
  too_large: "Te groot",
  rate_limited: "Te veel verzoeken",
  unavailable: "Tijdelijk niet beschikbaar",
};

export function sendProblem(
  res: Response,
  problem: { code: AppError["code"]; detail: string; instance?: string; fields?: Record<string, string> },
) {
  const status = HTTP_STATUS[problem.code];
  res
    .status(status)
    .type("application/problem+json")
    .json({
      type: `about:blank`,
      title: TITLES[problem.code],
      status,
      detail: problem.detail,
      code: problem.code,
      ...(problem.instance ? { instance: problem.instance } : {}),
      ...(problem.fields
        ? {
            // Where the field was: the query of a read, the body of a write.
            errors: Object.entries(problem.fields).map(([name, message]) => ({
              in: ["GET", "HEAD"].includes(res.req.method) ? "query" : "body",
              name,
              message,
            })),
          }
        : {}),
    });
}
