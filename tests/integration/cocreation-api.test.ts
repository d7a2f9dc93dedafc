// Meedenken through the API, on each database: reading, contributing, replying, supporting, reporting,
// deciding and moderating with a token; every mistake a problem+json with Dutch messages, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import type { Role } from "../../app/modules/accounts/authorization.ts";
import {
  ContributionDetailOutput,
  ContributionPageOutput,
} from "../../app/modules/cocreation/cocreation-output.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

type Person = "schrijver" | "collega" | "derde" | "redacteur";
const ROLES: Record<Person, Role[]> = { schrijver: [], collega: [], derde: [], redacteur: ["redacteur"] };
const PART = "luister-naar-burgers";
const ANCHOR = "kritiek-is-waardevolle-informatie-wie";

describe.each(databaseKinds)("the Meedenken API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  const tokens = {} as Record<Person, string>;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startApiServer({ database, env: { COCREATION_REPORT_THRESHOLD: "2" } });
    for (const person of Object.keys(ROLES) as Person[]) {
      const user = await upsertUser({ db: database.db, email: `${person}@example.nl` });
      await setUserRoles({ db: database.db, userId: user.id, roles: ROLES[person], actor: null });
      tokens[person] = (
        await createApiToken({ quotas, db: database.db, userId: user.id, name: "test" })
      ).token;
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const call = (who: Person | "anoniem", method: string, path: string, body?: unknown) =>
    server.get(`/api/v1${path}`, {
      method,
      headers: {
        Origin: server.base,
        ...(who === "anoniem" ? {} : { Authorization: `Bearer ${tokens[who]}` }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });

  async function problemOf(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return (await response.json()) as z.infer<typeof ProblemOutput> & {
      errors?: { name: string; message: string }[];
    };
  }

  it("a civil servant proposes new text; anyone reads it with its word difference, without the name", async () => {
    const created = await call("schrijver", "POST", "/bijdragen", {
      kind: "tekstvoorstel",
      version: 1,
      part: PART,
      anchor: ANCHOR,
      proposedText: "Kritiek is kostbare informatie.",
      body: "Korter.",
    });
    expect(created.status).toBe(201);
    const detail = ContributionDetailOutput.parse(await created.json());
    expect(created.headers.get("location")).toBe(`/api/v1/bijdragen/${detail.id}`);
    const read = await call("anoniem", "GET", `/bijdragen/${detail.id}`);
    const item = ContributionDetailOutput.parse(await read.json());
    expect(item).toMatchObject({ author: null, status: "ontvangen", part: PART, anchor: ANCHOR, version: 1 });
    expect(item.words.some((word) => word.kind === "added" && word.text.includes("kostbare"))).toBe(true);
    const page = ContributionPageOutput.parse(
      await (await call("anoniem", "GET", `/bijdragen?deel=${PART}&soort=tekstvoorstel`)).json(),
    );
    expect(page.contributions.map((entry) => entry.id)).toContain(detail.id);
    expect(JSON.stringify(page)).not.toContain("schrijver@example.nl");
  });

  it("answers bad input with a problem in Dutch that names each field", async () => {
    const missing = await problemOf(
      await call("schrijver", "POST", "/bijdragen", { kind: "reactie", version: 1 }),
      400,
    );
    expect(missing.errors?.map((error) => error.name).sort()).toEqual(["anchor", "body", "part"]);
    const said = (problem: typeof missing, name: string) =>
      problem.errors?.find((error) => error.name === name)?.message;
    expect(said(missing, "part")).toContain("Kies het deel van de gids");
    const unknownKind = await problemOf(
      await call("schrijver", "POST", "/bijdragen", { kind: "klacht", version: 1 }),
      400,
    );
    expect(said(unknownKind, "kind")).toBe("Kies wat voor bijdrage je geeft.");
    const draft = await problemOf(
      await call("schrijver", "POST", "/bijdragen", {
        kind: "algemeen",
        version: 2,
        body: "Over het concept",
      }),
      400,
    );
    expect(draft.detail).toContain("gepubliceerde weergave");
    await problemOf(await call("schrijver", "POST", "/bijdragen", "{niet: json"), 400);
    const filter = await problemOf(await call("anoniem", "GET", "/bijdragen?soort=klacht&kleur=rood"), 400);
    expect(said(filter, "soort")).toBe("Onbekende soort bijdrage.");
    await problemOf(await call("anoniem", "GET", "/bijdragen/geen-id"), 404);
    await problemOf(await call("anoniem", "GET", "/bijdragen/00000000-0000-4000-8000-000000000000"), 404);
    await problemOf(
      await call("anoniem", "POST", "/bijdragen", { kind: "algemeen", version: 1, body: "Hoi" }),
      401,
    );
    ProblemOutput.parse(await (await call("anoniem", "GET", "/bijdragen?pagina=0")).json());
  });

  it("takes replies, one support per person, and reports that hide at the threshold", async () => {
    const created = ContributionDetailOutput.parse(
      await (
        await call("schrijver", "POST", "/bijdragen", {
          kind: "nieuw-deel",
          version: 1,
          title: "Samen",
          proposedText: "Over samenwerken.",
        })
      ).json(),
    );
    const path = `/bijdragen/${created.id}`;
    expect(
      (await call("collega", "POST", `${path}/reacties`, { body: "Goed idee!", showName: true })).status,
    ).toBe(201);
    await problemOf(await call("collega", "POST", `${path}/reacties`, { body: "" }), 400);
    expect(await (await call("collega", "POST", `${path}/steun`)).json()).toEqual({
      supports: 1,
      supportedByMe: true,
    });
    expect(await (await call("collega", "POST", `${path}/steun`)).json()).toEqual({
      supports: 1,
      supportedByMe: true,
    });
    expect(await (await call("derde", "POST", `${path}/steun`)).json()).toEqual({
      supports: 2,
      supportedByMe: true,
    });
    expect(await (await call("derde", "DELETE", `${path}/steun`)).json()).toEqual({
      supports: 1,
      supportedByMe: false,
    });

    expect(await (await call("collega", "POST", `${path}/meldingen`, { reason: "Dubbel" })).json()).toEqual({
      hidden: false,
    });
    const twice = await problemOf(await call("collega", "POST", `${path}/meldingen`), 409);
    expect(twice.detail).toContain("al gemeld");
    expect(await (await call("derde", "POST", `${path}/meldingen`)).json()).toEqual({ hidden: true });
    const hidden = ContributionDetailOutput.parse(await (await call("anoniem", "GET", path)).json());
    expect(hidden).toMatchObject({ hidden: "in-afwachting", body: null, proposedText: null });
    await problemOf(await call("collega", "POST", `${path}/reacties`, { body: "Nog iets" }), 409);
    const list = ContributionPageOutput.parse(await (await call("anoniem", "GET", "/bijdragen")).json());
    expect(list.contributions.map((entry) => entry.id)).not.toContain(created.id);

    await problemOf(
      await call("collega", "POST", `${path}/moderatie`, { action: "herstellen", reason: "Mag ik niet" }),
      403,
    );
    await problemOf(await call("redacteur", "POST", `${path}/moderatie`, { action: "herstellen" }), 400);
    expect(
      await (
        await call("redacteur", "POST", `${path}/moderatie`, {
          action: "herstellen",
          reason: "Niets mis mee.",
        })
      ).json(),
    ).toEqual({ hidden: false });
    const restored = ContributionDetailOutput.parse(await (await call("anoniem", "GET", path)).json());
    expect(restored).toMatchObject({ hidden: null, proposedText: "Over samenwerken." });

    const replyId = restored.replyList[0]?.id ?? "";
    expect(await (await call("derde", "POST", `/reacties/${replyId}/meldingen`)).json()).toEqual({
      hidden: false,
    });
    expect(
      await (
        await call("redacteur", "POST", `/reacties/${replyId}/moderatie`, {
          action: "verbergen",
          reason: "Buiten de spelregels.",
        })
      ).json(),
    ).toEqual({ hidden: true });
    const withHiddenReply = ContributionDetailOutput.parse(await (await call("anoniem", "GET", path)).json());
    expect(withHiddenReply.replyList[0]).toMatchObject({
      body: null,
      hidden: "verborgen",
      hiddenReason: "Buiten de spelregels.",
    });
  });

  it("an editor decides with a reason everyone reads, and the history shows each step", async () => {
    const created = ContributionDetailOutput.parse(
      await (
        await call("schrijver", "POST", "/bijdragen", {
          kind: "algemeen",
          version: 1,
          body: "Meer voorbeelden graag.",
        })
      ).json(),
    );
    const path = `/bijdragen/${created.id}/status`;
    await problemOf(
      await call("schrijver", "POST", path, { status: "overgenomen", reason: "Zelf besloten", version: 2 }),
      403,
    );
    const noReason = await problemOf(
      await call("redacteur", "POST", path, { status: "niet-overgenomen" }),
      400,
    );
    expect(noReason.errors?.[0]).toMatchObject({
      name: "reason",
      message: expect.stringContaining("Iedereen kan de reden lezen"),
    });
    const noVersion = await problemOf(
      await call("redacteur", "POST", path, { status: "overgenomen", reason: "Staat erin." }),
      400,
    );
    expect(noVersion.errors?.[0]?.name).toBe("version");
    await problemOf(
      await call("redacteur", "POST", "/bijdragen/00000000-0000-4000-8000-000000000000/status", {
        status: "ontvangen",
      }),
      404,
    );
    const decided = await call("redacteur", "POST", path, {
      status: "overgenomen",
      reason: "Er komen voorbeelden bij.",
      version: 2,
    });
    expect(decided.status).toBe(200);
    const item = ContributionDetailOutput.parse(await decided.json());
    expect(item).toMatchObject({
      status: "overgenomen",
      statusReason: "Er komen voorbeelden bij.",
      adoptedInVersion: 2,
    });
    expect(item.history).toEqual([
      expect.objectContaining({
        status: "overgenomen",
        reason: "Er komen voorbeelden bij.",
        adoptedInVersion: 2,
      }),
    ]);
    const page = ContributionPageOutput.parse(
      await (await call("anoniem", "GET", "/bijdragen?status=overgenomen")).json(),
    );
    expect(page.contributions.map((entry) => entry.id)).toEqual([created.id]);
  });
});
