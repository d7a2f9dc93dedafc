// Errors of the API as RFC 9457 problem details (application/problem+json). The kind of problem is in
// `type`, a URI per kind that points at its description in the OpenAPI document, so a client tells
// kinds apart by `type` (RFC 9457 §3.1.1) and a person who opens it reads what it means. The members
// are RFC 9457's own, plus `errors` (one entry per invalid field) as an extension member; see
// docs/decisions/019-api-design-rules.md. Texts are in the language of `Accept-Language` (Dutch unless
// the client asks for English), as `Content-Language` says.
import type { Response } from "express";
import { type AppError, HTTP_STATUS } from "../../app/infra/errors.ts";
import { translateFields } from "../../app/infra/form-errors.ts";
import { type Language, languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";

type ProblemKind = AppError["code"];

/**
 * Per kind: the key of its entry in the document (`components.responses`). Its title and what it means
 * are texts of the locale files (`problems.kinds.<kind>`).
 */
export const PROBLEM_KINDS: Record<ProblemKind, { key: string }> = {
  invalid: { key: "invalid" },
  unauthenticated: { key: "unauthenticated" },
  forbidden: { key: "forbidden" },
  not_found: { key: "not-found" },
  conflict: { key: "conflict" },
  too_large: { key: "too-large" },
  rate_limited: { key: "rate-limited" },
  unavailable: { key: "unavailable" },
};

/** The title and description of a kind of problem, in a language (the document's is Dutch). */
export function describeProblemKind(kind: ProblemKind, language: Language = "nl") {
  const t = translatorFor(language);
  return { title: t(`problems.kinds.${kind}.title`), description: t(`problems.kinds.${kind}.description`) };
}

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
    /** A message (`message` in translate.ts), said in the language the client asks for. */
    detail: string;
    instance?: string;
    fields?: Record<string, string>;
  },
) {
  const status = HTTP_STATUS[problem.code];
  const language = languageOfAcceptLanguage(res.req.headers["accept-language"]);
  const t = translatorFor(language);
  res.setHeader("Content-Language", language);
  res
    .status(status)
    .type("application/problem+json")
    .json({
      type: problemType(problem.publicUrl, problem.code),
      title: describeProblemKind(problem.code, language).title,
      status,
      detail: t(problem.detail),
      ...(problem.instance ? { instance: problem.instance } : {}),
      ...(problem.fields
        ? {
            // Where the field was: the query of a read, the body of a write.
            errors: Object.entries(translateFields(t, problem.fields)).map(([name, message]) => ({
              in: ["GET", "HEAD"].includes(res.req.method) ? "query" : "body",
              name,
              message,
            })),
          }
        : {}),
    });
}
