// Pieces the OpenAPI document's operations share: references to schemas, problem answers, private
// answers and the login requirement.
import { describeProblemKind, PROBLEM_KINDS, problemKindOf } from "./problem.ts";

export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** An operation's error answers by status: references to the kinds of problem in `components.responses`. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { $ref: `#/components/responses/${PROBLEM_KINDS[problemKindOf(status)].key}` },
    ]),
  );

/** One answer per kind of problem; a problem's `type` points at its entry here (problem.ts). */
export const problemComponents = () =>
  Object.fromEntries(
    Object.entries(PROBLEM_KINDS).map(([kind, { key }]) => [
      key,
      {
        description: describeProblemKind(kind as keyof typeof PROBLEM_KINDS).description,
        headers: { "API-Version": { $ref: "#/components/headers/API-Version" } },
        content: { "application/problem+json": { schema: ref("Problem") } },
      },
    ]),
  );

export const ok = (description: string, schema: object) => ({
  description,
  headers: { "API-Version": { $ref: "#/components/headers/API-Version" } },
  content: { "application/json": { schema } },
});

// Private answers (records, a session run by its facilitator) say that no one may keep them.
export const privateHeaders = {
  "API-Version": { $ref: "#/components/headers/API-Version" },
  "Cache-Control": { $ref: "#/components/headers/Cache-Control" },
};
export const privateResponse = (description: string, schema: object) => ({
  description,
  headers: privateHeaders,
  content: { "application/json": { schema } },
});

export const loggedIn = [{ bearer: [] }, { session: [] }];

/** Taking part without an account: the token joining gave, in the header `Deelnemer-Token`. */
export const participantToken = [{ participant: [] }];
