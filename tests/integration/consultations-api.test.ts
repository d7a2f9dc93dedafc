// Peilingen through the API, on each database: reading consultations and their outcome, following the
// outcome live, and taking part with a participant token (anonymously, or after logging in); every
// mistake a problem+json with a Dutch message, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { ConsultationInput } from "../../app/modules/consultation/consultation.validation.ts";
import {
  ConsultationListOutput,
  ConsultationOutput,
  JoinedOutput,
  ParticipationOutput,
  ReportOutput,
} from "../../app/modules/consultation/consultation-output.ts";
import { createConsultation, setConsultationState } from "../../app/modules/consultation/running.server.ts";
import type { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { readEventStream } from "./event-stream.ts";

const quotas = parseConfig({}).quotas;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const STATEMENTS = Array.from({ length: 12 }, (_, index) => `Over thema ${index + 1} zeg ik iets anders`);

function input(overrides: Record<string, unknown> = {}) {
  return ConsultationInput.parse({
    question: "Hoe gaat jouw team om met tegenspraak?",
    access: "anoniem",
    participantStatements: "direct",
    opensOn: day(-1),
    closesOn: day(7),
    statements: STATEMENTS,
    ...overrides,
  });
}

describe.each(databaseKinds)("the Peilingen API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let open: { id: string; slug: string };
  let withLogin: { id: string; slug: string };
  let closed: { id: string; slug: string };
  let bearer = "";

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    // Many joins and votes from one address: the per-address limits are tested with the pages.
    server = await startApiServer({ database, env: { RATE_LIMITS: "off" } });
    const db = database.db;
    open = await createConsultation({ db, input: input({ slug: "open-peiling" }) });
    withLogin = await createConsultation({ db, input: input({ slug: "met-login", access: "inloggen" }) });
    closed = await createConsultation({ db, input: input({ slug: "dicht" }) });
    await setConsultationState({ db, id: closed.id, state: "gesloten" });
    const user = await upsertUser({ db, email: "deelnemer@example.nl" });
    bearer = (await createApiToken({ quotas, db, userId: user.id, name: "test" })).token;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const call = (
    method: string,
    path: string,
    options: { token?: string; bearer?: string; body?: unknown } = {},
  ) =>
    server.get(`/api/v1${path}`, {
      method,
      headers: {
        Origin: server.base,
        ...(options.token ? { "Deelnemer-Token": options.token } : {}),
        ...(options.bearer ? { Authorization: `Bearer ${options.bearer}` } : {}),
        ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });

  async function problemOf(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return (await response.json()) as z.infer<typeof ProblemOutput> & {
      errors?: { name: string; message: string }[];
    };
  }

  async function join(slug: string) {
    const joined = await call("POST", `/peilingen/${slug}/deelname`);
    expect(joined.status).toBe(201);
    return JoinedOutput.parse(await joined.json());
  }

  it("lists the consultations and reads one with the statements everyone sees", async () => {
    const list = ConsultationListOutput.parse(await (await call("GET", "/peilingen")).json());
    const phases = Object.fromEntries(list.consultations.map((item) => [item.slug, item.phase]));
    expect(phases).toMatchObject({ "open-peiling": "running", dicht: "past" });
    const one = ConsultationOutput.parse(await (await call("GET", "/peilingen/open-peiling")).json());
    expect(one).toMatchObject({ access: "anoniem", takingVotes: true, phase: "running" });
    expect(one.statements.map((statement) => statement.text)).toEqual(STATEMENTS);
    const missing = await problemOf(await call("GET", "/peilingen/bestaat-niet"), 404);
    expect(missing.detail).toBe("Deze peiling bestaat niet (meer).");
  });

  it("takes part with a token: the next statement, a vote that can be changed, and the progress", async () => {
    const joined = await join(open.slug);
    expect(joined.progress).toEqual({ voted: 0, total: 12 });
    expect(joined.next).not.toBeNull();
    const first = joined.next?.number ?? -1;

    const voted = await call("PUT", `/peilingen/${open.slug}/deelname/stemmen/${first}`, {
      token: joined.token,
      body: { vote: "eens" },
    });
    expect(voted.status).toBe(200);
    expect(voted.headers.get("cache-control")).toContain("no-store");
    const after = ParticipationOutput.parse(await voted.json());
    expect(after.progress.voted).toBe(1);
    expect(after.next?.number).not.toBe(first);

    const changed = await call("PUT", `/peilingen/${open.slug}/deelname/stemmen/${first}`, {
      token: joined.token,
      body: { vote: "oneens" },
    });
    const mine = ParticipationOutput.parse(await changed.json());
    expect(mine.progress.voted).toBe(1);
    expect(mine.votes).toEqual([{ number: first, text: expect.any(String), vote: "oneens" }]);

    const read = ParticipationOutput.parse(
      await (await call("GET", `/peilingen/${open.slug}/deelname`, { token: joined.token })).json(),
    );
    expect(read.votes).toEqual(mine.votes);
  });

  it("says in Dutch what is wrong with a vote, a token or a statement number", async () => {
    const { token } = await join(open.slug);
    const without = await problemOf(await call("GET", `/peilingen/${open.slug}/deelname`), 401);
    expect(without.detail).toBe(
      "Je doet niet mee aan deze peiling, of je deelnemerstoken klopt niet. Doe eerst mee.",
    );
    await problemOf(await call("GET", `/peilingen/${open.slug}/deelname`, { token: "x".repeat(43) }), 401);
    // A token of one consultation is nobody in another.
    await problemOf(await call("GET", `/peilingen/${withLogin.slug}/deelname`, { token }), 401);

    const wrongVote = await problemOf(
      await call("PUT", `/peilingen/${open.slug}/deelname/stemmen/0`, { token, body: { vote: "misschien" } }),
      400,
    );
    expect(wrongVote.errors?.map((error) => error.message)).toContain("Kies eens, oneens of sla over.");
    for (const number of ["999", "abc", "-1", "1e3"]) {
      const unknown = await problemOf(
        await call("PUT", `/peilingen/${open.slug}/deelname/stemmen/${number}`, {
          token,
          body: { vote: "eens" },
        }),
        404,
      );
      expect(unknown.detail).toBe("Deze stelling hoort niet bij deze peiling.");
    }
  });

  it("adds a participant's statement, shown at once here, and refuses the same text twice", async () => {
    const { token } = await join(open.slug);
    const text = "Tegenspraak hoort bij elk goed advies";
    const added = await call("POST", `/peilingen/${open.slug}/deelname/stellingen`, {
      token,
      body: { text },
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ number: 12, shown: true });
    const again = await problemOf(
      await call("POST", `/peilingen/${open.slug}/deelname/stellingen`, { token, body: { text } }),
      409,
    );
    expect(again.detail).toBe("Deze stelling staat er al.");
    const short = await problemOf(
      await call("POST", `/peilingen/${open.slug}/deelname/stellingen`, { token, body: { text: "Ja" } }),
      400,
    );
    expect(short.errors?.[0]?.name).toBe("text");
  });

  it("needs a login to join a consultation that asks for one; joining again gives a new token and keeps the votes", async () => {
    const anonymous = await problemOf(await call("POST", `/peilingen/${withLogin.slug}/deelname`), 401);
    expect(anonymous.status).toBe(401);
    const first = await call("POST", `/peilingen/${withLogin.slug}/deelname`, { bearer });
    expect(first.status).toBe(201);
    const joined = JoinedOutput.parse(await first.json());
    const statement = joined.next?.number ?? -1;
    await call("PUT", `/peilingen/${withLogin.slug}/deelname/stemmen/${statement}`, {
      token: joined.token,
      body: { vote: "overslaan" },
    });
    const second = JoinedOutput.parse(
      await (await call("POST", `/peilingen/${withLogin.slug}/deelname`, { bearer })).json(),
    );
    expect(second.token).not.toBe(joined.token);
    expect(second.votes).toEqual([{ number: statement, text: expect.any(String), vote: "overslaan" }]);
    await problemOf(await call("GET", `/peilingen/${withLogin.slug}/deelname`, { token: joined.token }), 401);
  });

  it("refuses to join a closed consultation, and has no stream for it", async () => {
    const refused = await problemOf(await call("POST", `/peilingen/${closed.slug}/deelname`), 409);
    expect(refused.detail).toBe("Deze peiling is gesloten. Je kunt niet meer stemmen.");
    const stream = await call("GET", `/peilingen/${closed.slug}/resultaten/stroom`);
    expect(stream.status).toBe(204);
  });

  it("reports the outcome without anything of fewer than five people, and says live when it changes", async () => {
    const made = await createConsultation({ db: database.db, input: input({ slug: "live-uitkomst" }) });
    const before = ReportOutput.parse(
      await (await call("GET", "/peilingen/live-uitkomst/resultaten")).json(),
    );
    expect(before.analysedAt).toBeNull();
    expect(before.statements.every((statement) => statement.all === null)).toBe(true);

    const abort = new AbortController();
    const events = readEventStream(`${server.base}/api/v1/peilingen/live-uitkomst/resultaten/stroom`, {
      signal: abort.signal,
    })[Symbol.asyncIterator]();
    const firstEvent = events.next();

    // Two camps of four and a fifth person: enough to place people, too few for any group's shares.
    for (let person = 0; person < 9; person++) {
      const { token } = await join("live-uitkomst");
      for (let number = 0; number < 12; number++) {
        const camp = person % 2 === 0 ? number < 6 : number >= 6;
        await call("PUT", `/peilingen/live-uitkomst/deelname/stemmen/${number}`, {
          token,
          body: { vote: camp ? "eens" : "oneens" },
        });
      }
    }
    await server.consultationAnalysis.settled();
    const event = (await firstEvent).value;
    expect(event?.type).toBe("tally");
    expect(Number(event?.id)).toBeGreaterThan(0);

    const report = ReportOutput.parse(
      await (await call("GET", "/peilingen/live-uitkomst/resultaten")).json(),
    );
    expect(report.counts).toMatchObject({ participants: 9, votes: 108 });
    expect(report.analysedAt).not.toBeNull();
    expect(report.map.length).toBe(9);
    // The dots come in the order of where they are, not of who joined when.
    const xs = report.map.map((place) => place.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const group of report.groups) {
      if (group.size < 5) expect(group).toMatchObject({ shown: false, representative: [] });
    }
    for (const statement of report.statements) {
      expect(statement.all?.people).toBe(9);
      for (const shares of statement.groups)
        if (shares.shares) expect(shares.shares.people).toBeGreaterThanOrEqual(5);
    }

    // Closing the consultation ends the stream: an EventSource does not come back.
    await setConsultationState({ db: database.db, id: made.id, state: "gesloten", liveHub: server.liveHub });
    let last = await events.next();
    while (!last.done && last.value.type !== "end") last = await events.next();
    expect(last.value?.type).toBe("end");
    abort.abort();
  });
});
