// The limits of a live conversation, through the API on each database: a room behind one office address gets
// in with the default limits, a script from one address is stopped with a clear answer and a time to
// wait, another address is counted apart, and racing joins never push a conversation past its size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

const QUESTION = { kind: "schaal", text: "Ik durf in mijn team tegen te spreken.", principles: [] };

describe.each(databaseKinds)("limits of live conversations on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let facilitatorToken: string;
  const servers: Awaited<ReturnType<typeof startApiServer>>[] = [];

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const user = await upsertUser({ db: database.db, email: "leider@example.nl" });
    await setUserRoles({ db: database.db, userId: user.id, roles: ["gespreksleider"], actor: null });
    facilitatorToken = (
      await createApiToken({ db: database.db, quotas: parseConfig({}).quotas, userId: user.id, name: "test" })
    ).token;
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.close();
    await test?.drop();
  });

  /** A server with these limits (rate limits on, the proxy on 127.0.0.1 trusted for X-Forwarded-For). */
  async function serverWith(env: Record<string, string>) {
    const server = await startApiServer({
      database,
      env: { RATE_LIMITS: "on", TRUST_PROXY: "loopback", RATE_LIMIT_API_PER_TOKEN: "10000", ...env },
    });
    servers.push(server);
    const call = async (
      path: string,
      init: { method?: string; body?: unknown; headers?: Record<string, string> },
    ) => {
      const response = await server.get(`/api/v1${path}`, {
        method: init.method ?? "GET",
        headers: {
          Origin: server.base,
          "Content-Type": "application/json",
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        retryAfter: response.headers.get("retry-after"),
        body: text ? JSON.parse(text) : undefined,
      };
    };
    const asFacilitator = { Authorization: `Bearer ${facilitatorToken}` };
    const newConversation = async () => {
      const made = await call("/gesprekken", {
        method: "POST",
        headers: asFacilitator,
        body: { title: "Limieten", questions: [QUESTION] },
      });
      expect(made.status).toBe(201);
      return made.body as { id: string; joinCode: string; questions: { id: string }[] };
    };
    const conversation = await newConversation();
    const questionId = conversation.questions[0]?.id ?? "";
    await call(`/gesprekken/${conversation.id}/acties`, {
      method: "POST",
      headers: asFacilitator,
      body: { action: "open", questionId },
    });
    const join = (from: string) =>
      call("/deelname", {
        method: "POST",
        body: { code: conversation.joinCode },
        headers: { "X-Forwarded-For": from },
      });
    const answer = (token: string, value: string, from: string) =>
      call(`/deelname/antwoorden/${questionId}`, {
        method: "PUT",
        body: { value },
        headers: { "Deelnemer-Token": token, "X-Forwarded-For": from },
      });
    const participants = async () =>
      (await call(`/gesprekken/${conversation.id}`, { headers: asFacilitator })).body as {
        participants: number;
      };
    /** Joining another conversation on the same server. */
    const another = async () => {
      const other = await newConversation();
      return (from: string) =>
        call("/deelname", {
          method: "POST",
          body: { code: other.joinCode },
          headers: { "X-Forwarded-For": from },
        });
    };
    return { join, answer, participants, another };
  }

  /** Runs `work` for 0..count-1, `width` at a time, and gives the results in order. */
  async function inBatches<T>(count: number, width: number, work: (index: number) => Promise<T>) {
    const results: T[] = [];
    for (let start = 0; start < count; start += width) {
      const batch = Array.from({ length: Math.min(width, count - start) }, (_, offset) =>
        work(start + offset),
      );
      results.push(...(await Promise.all(batch)));
    }
    return results;
  }

  it("lets a room of 500 behind one office address in with the default limits, and each can answer", async () => {
    const room = await serverWith({});
    const office = "198.51.100.7";
    const joined = await inBatches(500, 50, () => room.join(office));
    expect(joined.filter((result) => result.status === 201)).toHaveLength(500);
    const answered = await inBatches(500, 50, (index) =>
      room.answer(joined[index]?.body.token, String((index % 5) + 1), office),
    );
    expect(answered.filter((result) => result.status === 200)).toHaveLength(500);
  });

  it("stops a script that joins again and again from one address, and counts another address apart", async () => {
    const guarded = await serverWith({ CONVERSATION_JOINS_PER_IP: "20" });
    const script = "203.0.113.66";
    const tries = await inBatches(25, 5, () => guarded.join(script));
    expect(tries.filter((result) => result.status === 201)).toHaveLength(20);
    const refused = tries.filter((result) => result.status === 429);
    expect(refused).toHaveLength(5);
    const first = refused[0];
    expect(first?.type).toContain("application/problem+json");
    expect(first?.body.detail).toMatch(/te vaak geprobeerd\. Wacht 1 minuut/);
    expect(Number(first?.retryAfter)).toBeGreaterThan(0);
    expect(Number(first?.retryAfter)).toBeLessThanOrEqual(60);
    // Someone else, at another address, is not held up by the script.
    expect((await guarded.join("192.0.2.10")).status).toBe(201);
    expect((await guarded.participants()).participants).toBe(21);
  });

  it("stops a flood of answers from one address, and the last answer taken is the one that counts", async () => {
    const guarded = await serverWith({ CONVERSATION_ANSWERS_PER_IP: "3" });
    const phone = "203.0.113.99";
    const joined = await guarded.join(phone);
    const token = joined.body.token as string;
    const statuses = [];
    for (const value of ["1", "2", "3", "4"])
      statuses.push((await guarded.answer(token, value, phone)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The same participant from another network (a phone moving from wifi to 4G) can answer again.
    expect((await guarded.answer(token, "5", "192.0.2.20")).status).toBe(200);
  });

  it("lets one address fill only a small part of a conversation, so a flood from a few addresses cannot fill it", async () => {
    const guarded = await serverWith({ CONVERSATION_JOINS_PER_IP_PER_CONVERSATION: "3" });
    const flood = "203.0.113.40";
    const tries = await inBatches(5, 1, () => guarded.join(flood));
    expect(tries.map((result) => result.status)).toEqual([201, 201, 201, 429, 429]);
    const refused = tries[3];
    expect(refused?.type).toContain("application/problem+json");
    expect(refused?.body.detail).toContain("vanaf jouw netwerk");
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    // The same network joins another conversation, and another network this one.
    expect((await (await guarded.another())(flood)).status).toBe(201);
    expect((await guarded.join("192.0.2.77")).status).toBe(201);
    expect((await guarded.participants()).participants).toBe(4);
  });

  it("never lets racing joins push a conversation past its size", async () => {
    const small = await serverWith({ CONVERSATION_MAX_PARTICIPANTS: "5" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => small.join(`192.0.2.${index + 30}`)),
    );
    expect(results.filter((result) => result.status === 201)).toHaveLength(5);
    const full = results.filter((result) => result.status === 409);
    expect(full).toHaveLength(15);
    expect(full[0]?.body.detail).toBe("Dit gesprek is vol. Er kan niemand meer bij.");
    expect((await small.participants()).participants).toBe(5);
  });
});
