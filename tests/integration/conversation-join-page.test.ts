// The page behind a join code (/doe-mee/<code>), on each database, through its loader and action: a
// code cannot be used to find conversations. Looking codes up is limited per address like joining; an
// unknown code and an ended conversation's code get the same answer; a locked conversation does not tell a
// newcomer its title; and someone who takes part keeps their page, also after the end.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { type LiveHub, startLiveHub } from "../../app/infra/live-hub.server.ts";
import { createLogger } from "../../app/infra/logger.server.ts";
import { createParticipationLimiter } from "../../app/infra/participation-limits.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createConsultationAnalysis } from "../../app/modules/consultation/consultations.server.ts";
import { createConversation, facilitate } from "../../app/modules/conversations/conversations.server.ts";
import { createJoinCode } from "../../app/modules/conversations/join-code.ts";
import { createInsightCounters } from "../../app/modules/insights/counters.server.ts";
import { action, loader } from "../../app/routes/doe-mee-code.tsx";
import { createPageCache } from "../../server/page-cache.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

const QUESTION = { kind: "schaal" as const, text: "Ik durf in mijn team tegen te spreken.", principles: [] };

type LoaderArgs = Parameters<typeof loader>[0];
type ActionArgs = Parameters<typeof action>[0];

/** What a loader or action answered, thrown or returned: status, headers and data. */
type Answer = { status: number; headers: Headers; data: Record<string, unknown> };

async function answerOf(work: () => Promise<unknown>): Promise<Answer> {
  let outcome: unknown;
  try {
    outcome = await work();
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    return { status: outcome.status, headers: outcome.headers, data: {} };
  }
  const result = outcome as { data?: Record<string, unknown>; init?: ResponseInit | null };
  if (!result || typeof result !== "object" || !("data" in result)) throw outcome;
  return {
    status: result.init?.status ?? 200,
    headers: new Headers(result.init?.headers),
    data: result.data ?? {},
  };
}

describe.each(databaseKinds)("the join page of a live conversation on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let liveHub: LiveHub;
  let ownerId: string;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    ownerId = (await upsertUser({ db: database.db, email: "leider@example.nl" })).id;
    liveHub = await startLiveHub({ database, logger: createLogger({ config: { logLevel: "silent" } }) });
  });
  afterAll(async () => {
    await liveHub?.close();
    await database?.close();
    await test?.drop();
  });

  /** The page's context with these settings (a fresh limiter each time, as a fresh process has). */
  function pages(env: Record<string, string> = {}) {
    const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", RATE_LIMITS: "on", ...env });
    const services = {
      config,
      logger: createLogger({ config }),
      database,
      pageCache: createPageCache({ maxEntries: 10 }),
      keyring: createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" }),
      liveHub,
      participationLimits: createParticipationLimiter(database),
      consultationAnalysis: createConsultationAnalysis({ db: database.db, logger: createLogger({ config }) }),
      insightCounters: createInsightCounters({ db: database.db, logger: createLogger({ config }) }),
    };
    const context = (clientIp: string) => ({ services, clientIp, routeTexts: () => [] });
    return {
      look: (code: string, from: { ip: string; cookie?: string }) =>
        answerOf(() =>
          loader({
            request: new Request(`http://localhost/doe-mee/${code}`, {
              headers: from.cookie ? { Cookie: from.cookie } : {},
            }),
            url: new URL(`http://localhost/doe-mee/${code}`),
            pattern: "/doe-mee/:code",
            params: { code },
            context: context(from.ip),
          } satisfies LoaderArgs),
        ),
      async join(code: string, ip: string): Promise<string> {
        const form = new URLSearchParams({ intent: "meedoen" });
        const joined = await answerOf(() =>
          action({
            request: new Request(`http://localhost/doe-mee/${code}`, { method: "POST", body: form }),
            url: new URL(`http://localhost/doe-mee/${code}`),
            pattern: "/doe-mee/:code",
            params: { code },
            context: context(ip),
          } satisfies ActionArgs),
        );
        expect(joined.status).toBe(303);
        return (joined.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
      },
    };
  }

  const newConversation = (title: string) =>
    createConversation({
      db: database.db,
      quotas: parseConfig({}).quotas,
      ownerId,
      input: { title, description: "", questions: [QUESTION] },
      maxParticipants: 100,
      defaultMinAnswers: 3,
    });
  const run = (id: string, action: "vergrendel" | "beeindig") =>
    facilitate({ db: database.db, liveHub, id, ownerId, action });

  it("answers an ended conversation's code as an unknown one, and tells the title of neither", async () => {
    const page = pages();
    const ended = await newConversation("Integriteit afdeling X");
    await run(ended.id, "beeindig");
    const byEnded = await page.look(ended.joinCode, { ip: "192.0.2.1" });
    const byUnknown = await page.look(createJoinCode(), { ip: "192.0.2.1" });
    expect(byEnded.status).toBe(404);
    expect(byEnded).toEqual(byUnknown);
    expect(JSON.stringify(byEnded.data)).not.toContain("Integriteit");
  });

  it("tells a newcomer that a locked conversation is locked, without its title", async () => {
    const page = pages();
    const locked = await newConversation("Reorganisatie team Y");
    await run(locked.id, "vergrendel");
    const seen = await page.look(locked.joinCode, { ip: "192.0.2.2" });
    expect(seen.status).toBe(200);
    expect(seen.data).toMatchObject({ state: "outside", locked: true });
    expect(JSON.stringify(seen.data)).not.toContain("Reorganisatie");
  });

  it("shows an open conversation's title with the button to take part", async () => {
    const page = pages();
    const open = await newConversation("Teamoverleg");
    const seen = await page.look(open.joinCode, { ip: "192.0.2.3" });
    expect(seen.data).toMatchObject({ state: "outside", title: "Teamoverleg", locked: false });
  });

  it("limits looking codes up per address like joining; a participant's own page is not counted", async () => {
    const page = pages({ CONVERSATION_JOINS_PER_IP: "5" });
    const conversation = await newConversation("Teamoverleg");
    const prober = "198.51.100.50";
    const cookie = await page.join(conversation.joinCode, prober);
    const tries = [];
    for (let index = 0; index < 6; index++) tries.push(await page.look(createJoinCode(), { ip: prober }));
    expect(tries.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 429]);
    const refused = tries[5];
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Refused, a known code is refused the same way: the limit is no way to tell codes apart.
    expect((await page.look(conversation.joinCode, { ip: prober })).status).toBe(429);
    // Another address is counted apart.
    expect((await page.look(createJoinCode(), { ip: "192.0.2.60" })).status).toBe(404);
    // Whoever takes part reloads their own page as often as the live updates ask.
    for (let index = 0; index < 10; index++) {
      const own = await page.look(conversation.joinCode, { ip: prober, cookie });
      expect(own.status).toBe(200);
      expect(own.data.state).toBe("joined");
    }
  });

  it("still thanks a participant after the end, while the code is free for others", async () => {
    const page = pages();
    const conversation = await newConversation("Afsluiter");
    const cookie = await page.join(conversation.joinCode, "192.0.2.70");
    await run(conversation.id, "beeindig");
    const own = await page.look(conversation.joinCode, { ip: "192.0.2.70", cookie });
    expect(own.data).toMatchObject({ state: "joined", status: "afgelopen", title: "Afsluiter" });
    expect((await page.look(conversation.joinCode, { ip: "192.0.2.71" })).status).toBe(404);
  });
});
