// Errors of the API as RFC 9457 problem details (application/problem+json). The kind of problem is in
// `type`, a URI per kind that points at its description in the OpenAPI document, so a client tells
// kinds apart by `type` (RFC 9457 §3.1.1) and a person who opens it reads what it means. The members
// are RFC 9457's own, plus `errors` (one entry per invalid field) as an extension member; see
// docs/decisions/019-api-design-rules.md.
import type { Response } from "express";
import { type AppError, HTTP_STATUS } from "../../app/infra/errors.ts";

type ProblemKind = AppError["code"];

/** Per kind: the key of its entry in the document (`components.responses`), its title and what it means. */
export const PROBLEM_KINDS: Record<ProblemKind, { key: string; title: string; description: string }> = {
  invalid: {
    key: "invalid",
    title: "Ongeldige invoer",
    description: "Ongeldige invoer; `errors` noemt elk veld dat niet klopt",
  },
  unauthenticated: {
    key: "unauthenticated",
    title: "Niet ingelogd",
    description: "Niet ingelogd, of een onbekende of ingetrokken API-sleutel",
  },
  forbidden: { key: "forbidden", title: "Geen toegang", description: "Je mag dit niet doen" },
  not_found: {
    key: "not-found",
    title: "Niet gevonden",
    description: "Dit bestaat niet (meer), of niet voor jou",
  },
  conflict: { key: "conflict", title: "Conflict", description: "Kan niet in de toestand waarin het nu is" },
  too_large: { key: "too-large", title: "Te groot", description: "Het verzoek is te groot" },
  rate_limited: {
    key: "rate-limited",
    title: "Te veel verzoeken",
    description: "Te veel verzoeken; `Retry-After` zegt wanneer het weer kan",
  },
  unavailable: {
    key: "unavailable",
    title: "Tijdelijk niet beschikbaar",
    description: "Tijdelijk niet beschikbaar (de database, of een grens van de server)",
  },
};

/** The kind of problem that answers with this HTTP status. */
export function problemKindOf(status: number): ProblemKind {
  const kind = (Object.keys(HTTP_STATUS) as ProblemKind[]).find((code) => HTTP_STATUS[code] === status);
  if (!kind) throw new Error(`no problem kind answers ${status}`);
  return kind;
}

/** The `type` of a kind of problem: its description in the OpenAPI document of this site. */
export function problemType(publicUrl: string, kind: ProblemKind): string {
  return `${publicUrl}/api/v1/openapi.json#/components/responses/${PROBLEM_KINDS[kind].key}`;
}

export function sendProblem(
  res: Response,
  problem: {
    /** The site's configured address (`config.publicUrl`), never one taken from the request. */
    publicUrl: string;
    code: ProblemKind;
    detail: string;
    instance?: string;
    fields?: Record<string, string>;
  },
) {
  const status = HTTP_STATUS[problem.code];
  res
    .status(status)
    .type("application/problem+json")
    .json({
      type: problemType(problem.publicUrl, problem.code),
      title: PROBLEM_KINDS[problem.code].title,
      status,
      detail: problem.detail,
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
