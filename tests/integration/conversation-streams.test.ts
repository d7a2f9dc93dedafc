// The live streams of a conversation cannot be used to exhaust the server, on each database: one stream per
// participant (a second one ends the first), caps per client address, per login and in all that answer
// with a problem and a time to wait, and every stream of a conversation ends when the conversation does, with an
// answer that tells a browser not to come back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { PHONE_COUNT_INTERVAL_MS } from "../../app/modules/conversations/participant-live.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { type ReceivedEvent, readEventStream } from "./event-stream.ts";

const QUESTION = { kind: "schaal", text: "Ik durf in mijn team tegen te spreken.", principles: [] };

/** Resolves with what `promise` gives, or with "timeout" after `ms`. */
const within = <T>(promise: Promise<T>, ms = 5000) =>
  Promise.race([promise, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);

describe.each(databaseKinds)("live streams of conversations on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let facilitatorToken: string;
  const servers: Awaited<ReturnType<typeof startApiServer>>[] = [];
  const aborts: AbortController[] = [];

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const user = await upsertUser({ db: database.db, email: "leider@example.nl" });
    await setUserRoles({ db: database.db, userId: user.id, roles: ["gespreksleider"], actor: null });
    const { quotas } = parseConfig({});
    facilitatorToken = (await createApiToken({ db: database.db, quotas, userId: user.id, name: "test" }))
      .token;
  });
  afterAll(async () => {
    for (const abort of aborts) abort.abort();
    for (const server of servers) await server.close();
    await database?.close();
    await test?.drop();
  });

  /** A server with these settings and one conversation on it (the proxy on 127.0.0.1 trusted for X-Forwarded-For). */
  async function serverWith(env: Record<string, string>) {
    const server = await startApiServer({
      database,
      env: { RATE_LIMITS: "on", TRUST_PROXY: "loopback", RATE_LIMIT_API_PER_TOKEN: "10000", ...env },
    });
    servers.push(server);
    const asFacilitator = { Authorization: `Bearer ${facilitatorToken}` };
    const call = async (
      path: string,
      init: { method?: string; body?: unknown; headers?: Record<string, string> },
    ) => {
      const response = await server.get(`/api/v1${path}`, {
        method: init.method ?? "GET",
        headers: { Origin: server.base, "Content-Type": "application/json", ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const made = await call("/gesprekken", {
      method: "POST",
      headers: asFacilitator,
      body: { title: "Stromen", questions: [QUESTION] },
    });
    const conversation = made.body as { id: string; joinCode: string };
    const join = async () => {
      const joined = await call("/deelname", { method: "POST", body: { code: conversation.joinCode } });
      expect(joined.status).toBe(201);
      return joined.body.token as string;
    };
    /** Asks for a stream and gives the answer as it is (status, headers, problem), without reading on. */
    const ask = async (path: string, headers: Record<string, string>) => {
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(`${server.base}/api/v1${path}`, {
        headers: { Accept: "text/event-stream", ...headers },
        signal: abort.signal,
      });
      const streaming = (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
      const problem = streaming ? undefined : await response.text();
      if (streaming) abort.abort();
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        retryAfter: response.headers.get("retry-after"),
        problem: problem ? (JSON.parse(problem) as { detail: string }) : undefined,
      };
    };
    /** Follows a stream: its events one by one, and `end` once the server closed it. */
    const follow = (path: string, headers: Record<string, string>) => {
      const abort = new AbortController();
      aborts.push(abort);
      const events = readEventStream(`${server.base}/api/v1${path}`, { headers, signal: abort.signal })[
        Symbol.asyncIterator
      ]();
      return {
        next: () => events.next(),
        /** Reads until the server ends the stream; gives every event read on the way. */
        async untilEnd(): Promise<ReceivedEvent[]> {
          const seen: ReceivedEvent[] = [];
          for (;;) {
            const next = await events.next();
            if (next.done) return seen;
            seen.push(next.value);
          }
        },
        stop: () => abort.abort(),
      };
    };
    const participantStream = (token: string, from = "192.0.2.1") =>
      follow("/deelname/stroom", { "Deelnemer-Token": token, "X-Forwarded-For": from });
    const facilitatorStream = (from = "192.0.2.2") =>
      follow(`/gesprekken/${conversation.id}/stroom`, { ...asFacilitator, "X-Forwarded-For": from });
    const act = (action: string, questionId?: string) =>
      call(`/gesprekken/${conversation.id}/acties`, {
        method: "POST",
        headers: asFacilitator,
        body: { action, questionId },
      });
    const questionId = (made.body as { questions: { id: string }[] }).questions[0]?.id ?? "";
    const answer = (token: string, value: string) =>
      call(`/deelname/antwoorden/${questionId}`, {
        method: "PUT",
        headers: { "Deelnemer-Token": token },
        body: { value },
      });
    return {
      conversation,
      join,
      ask,
      participantStream,
      facilitatorStream,
      act,
      asFacilitator,
      answer,
      questionId,
    };
  }

  it("sends phones what they show at once, and a new count of answers at most once per interval", async () => {
    const server = await serverWith({});
    const [token, other] = [await server.join(), await server.join()];
    const phone = server.participantStream(token);
    const facilitator = server.facilitatorStream();
    expect((await phone.next()).value?.type).toBe("tally");
    expect((await facilitator.next()).value?.type).toBe("tally");
    const stand = (event: IteratorResult<ReceivedEvent>) =>
      JSON.parse(event.value?.data ?? "{}") as { current: { question: { state: string }; answered: number } };

    expect((await server.act("open", server.questionId)).status).toBe(200);
    const opened = await within(phone.next());
    const openedAt = Date.now();
    expect(opened).not.toBe("timeout");
    expect(stand(opened as IteratorResult<ReceivedEvent>).current.question.state).toBe("open");
    // A count changes nothing on a phone's screen: the facilitator sees it at once, the phones later.
    for (const who of [token, other]) expect((await server.answer(who, "3")).status).toBe(200);
    let answered = 0;
    while (answered < 2) {
      const event = await within(facilitator.next());
      expect(event).not.toBe("timeout");
      answered = stand(event as IteratorResult<ReceivedEvent>).current?.answered ?? 0;
    }
    expect(Date.now() - openedAt).toBeLessThan(PHONE_COUNT_INTERVAL_MS);
    const counted = await within(phone.next());
    expect(counted).not.toBe("timeout");
    // The interval runs from when the server sent the opened question, a little before the phone read
    // it; half the interval apart from that still tells a held count from one sent at once.
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(PHONE_COUNT_INTERVAL_MS / 2);
    expect(stand(counted as IteratorResult<ReceivedEvent>).current.answered).toBe(2);
    phone.stop();
    facilitator.stop();
  });

  it("keeps one stream per participant: a second one ends the first, which is told why", async () => {
    const server = await serverWith({});
    const token = await server.join();
    const first = server.participantStream(token);
    expect((await first.next()).value?.type).toBe("tally");
    const second = server.participantStream(token);
    expect((await second.next()).value?.type).toBe("tally");
    const ended = await within(first.untilEnd());
    expect(ended).not.toBe("timeout");
    const last = (ended as ReceivedEvent[]).at(-1);
    expect(last?.type).toBe("end");
    expect(JSON.parse(last?.data ?? "{}")).toEqual({ reason: "vervangen" });
    second.stop();
  });

  it("refuses more streams from one address than its cap with 429, a problem and a time to wait", async () => {
    const server = await serverWith({ CONVERSATION_STREAMS_PER_IP: "2" });
    const office = "198.51.100.20";
    const tokens = [await server.join(), await server.join(), await server.join()];
    const open = [
      server.participantStream(tokens[0] ?? "", office),
      server.participantStream(tokens[1] ?? "", office),
    ];
    for (const stream of open) expect((await stream.next()).value?.type).toBe("tally");
    const refused = await server.ask("/deelname/stroom", {
      "Deelnemer-Token": tokens[2] ?? "",
      "X-Forwarded-For": office,
    });
    expect(refused.status).toBe(429);
    expect(refused.type).toContain("application/problem+json");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.problem?.detail).toContain("te veel live verbindingen vanaf jouw netwerk");
    // Another address is counted apart; an IPv6 network counts as one address (its /64).
    expect(
      (
        await server.ask("/deelname/stroom", {
          "Deelnemer-Token": tokens[2] ?? "",
          "X-Forwarded-For": "192.0.2.99",
        })
      ).status,
    ).toBe(200);
    // A stream that ends frees its place.
    open[0]?.stop();
    await expect
      .poll(
        async () =>
          (
            await server.ask("/deelname/stroom", {
              "Deelnemer-Token": tokens[2] ?? "",
              "X-Forwarded-For": office,
            })
          ).status,
      )
      .toBe(200);
    open[1]?.stop();
  });

  it("counts an IPv6 network as one address", async () => {
    const server = await serverWith({ CONVERSATION_STREAMS_PER_IP: "1" });
    const [one, two] = [await server.join(), await server.join()];
    const held = server.participantStream(one, "2001:db8:1:2::10");
    expect((await held.next()).value?.type).toBe("tally");
    const sameNetwork = await server.ask("/deelname/stroom", {
      "Deelnemer-Token": two,
      "X-Forwarded-For": "2001:db8:1:2:ffff::20",
    });
    expect(sameNetwork.status).toBe(429);
    held.stop();
  });

  it("refuses more facilitator streams of one login than its cap", async () => {
    const server = await serverWith({ CONVERSATION_STREAMS_PER_LOGIN: "2" });
    const open = [server.facilitatorStream("192.0.2.3"), server.facilitatorStream("192.0.2.4")];
    for (const stream of open) expect((await stream.next()).value?.type).toBe("tally");
    const refused = await server.ask(`/gesprekken/${server.conversation.id}/stroom`, {
      ...server.asFacilitator,
      "X-Forwarded-For": "192.0.2.5",
    });
    expect(refused.status).toBe(429);
    expect(refused.type).toContain("application/problem+json");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.problem?.detail).toContain("te veel live vensters");
    for (const stream of open) stream.stop();
  });

  it("refuses streams past the process's total with 503 and a time to wait", async () => {
    const server = await serverWith({ CONVERSATION_STREAMS_TOTAL: "2" });
    const tokens = [await server.join(), await server.join(), await server.join()];
    const open = [
      server.participantStream(tokens[0] ?? "", "192.0.2.10"),
      server.facilitatorStream("192.0.2.11"),
    ];
    for (const stream of open) expect((await stream.next()).value?.type).toBe("tally");
    const refused = await server.ask("/deelname/stroom", {
      "Deelnemer-Token": tokens[2] ?? "",
      "X-Forwarded-For": "192.0.2.12",
    });
    expect(refused.status).toBe(503);
    expect(refused.type).toContain("application/problem+json");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    for (const stream of open) stream.stop();
  });

  it("ends every stream of a conversation when it ends, and tells browsers not to come back", async () => {
    const server = await serverWith({});
    const tokens = [await server.join(), await server.join()];
    const streams = [
      server.participantStream(tokens[0] ?? "", "192.0.2.20"),
      server.participantStream(tokens[1] ?? "", "192.0.2.21"),
      server.facilitatorStream("192.0.2.22"),
    ];
    for (const stream of streams) expect((await stream.next()).value?.type).toBe("tally");
    expect((await server.act("beeindig")).status).toBe(200);
    for (const stream of streams) {
      const seen = await within(stream.untilEnd());
      expect(seen).not.toBe("timeout");
      const events = seen as ReceivedEvent[];
      expect(JSON.parse(events.filter((event) => event.type === "tally").at(-1)?.data ?? "{}").status).toBe(
        "afgelopen",
      );
      expect(events.at(-1)).toMatchObject({ type: "end", data: JSON.stringify({ reason: "afgelopen" }) });
    }
    // 204: an EventSource stops reconnecting.
    expect((await server.ask("/deelname/stroom", { "Deelnemer-Token": tokens[0] ?? "" })).status).toBe(204);
    expect(
      (await server.ask(`/gesprekken/${server.conversation.id}/stroom`, server.asFacilitator)).status,
    ).toBe(204);
  });
});
