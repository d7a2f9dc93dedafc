// Pieces the OpenAPI document's operations share: references to schemas, problem answers, private
// answers and the login requirement.
export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description:
          {
            400: "Ongeldige invoer",
            401: "Niet ingelogd of onbekende sleutel",
            403: "Niet toegestaan",
            404: "Niet gevonden",
            409: "Kan niet in deze toestand",
            413: "Verzoek te groot",
            429: "Te veel verzoeken",
            503: "Database niet bereikbaar",
          }[status] ?? "Fout",
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
