// Live team conversations through the API, on each database: a facilitator makes a conversation and runs it
// question by question; participants join with the code, without an account, and answer; results stay
// hidden until the facilitator reveals them, and below the minimum of answers they cannot be revealed;
// a re-vote shows how opinions moved; open answers wait for moderation; the live stream follows it all.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import type { Role } from "../../app/modules/accounts/authorization.ts";
import { getConversationSummary } from "../../app/modules/conversations/conversation-views.server.ts";
import {
  conversationAnswers,
  conversationParticipants,
  conversations,
} from "../../app/modules/conversations/conversations.schema.ts";
import { purgeEndedConversations } from "../../app/modules/conversations/conversations.server.ts";
import { JOIN_CODE_ALPHABET } from "../../app/modules/conversations/join-code.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { readEventStream } from "./event-stream.ts";

/** The item at `index`, which the test knows is there. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

type Person = "leider" | "andereLeider" | "ambtenaar";
const ROLES: Record<Person, Role[]> = {
  leider: ["gespreksleider"],
  andereLeider: ["gespreksleider"],
  ambtenaar: [],
};

const QUESTIONS = [
  {
    kind: "dilemma",
    text: "De minister vraagt je een kritisch rapport later te publiceren. Wat doe je?",
    optionA: "Ik wacht",
    optionB: "Ik publiceer nu",
    allowOther: true,
    principles: ["loyale-tegenspraak"],
  },
  { kind: "schaal", text: "Ik durf in mijn team tegen te spreken.", principles: ["loyale-tegenspraak"] },
  { kind: "open", text: "Wat helpt jou om eerlijk te zijn?", principles: [] },
];

describe.each(databaseKinds)("live conversations through the API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  const tokens = {} as Record<Person, string>;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startApiServer({ database, env: { RATE_LIMITS: "off" } });
    for (const person of Object.keys(ROLES) as Person[]) {
      const user = await upsertUser({ db: database.db, email: `${person.toLowerCase()}@example.nl` });
      await setUserRoles({ db: database.db, userId: user.id, roles: ROLES[person], actor: null });
      tokens[person] = (
        await createApiToken({
          db: database.db,
          quotas: parseConfig({}).quotas,
          userId: user.id,
          name: "test",
        })
      ).token;
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const call = async (
    who: Person | { participant: string } | "anoniem",
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const response = await server.get(`/api/v1${path}`, {
      method,
      headers: {
        Origin: server.base,
        ...(typeof who === "object"
          ? { "Deelnemer-Token": who.participant }
          : who === "anoniem"
            ? {}
            : { Authorization: `Bearer ${tokens[who]}` }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get("content-type") ?? "",
      body: text ? JSON.parse(text) : undefined,
    };
  };

  async function newConversation() {
    const made = await call("leider", "POST", "/gesprekken", { title: "Teamoverleg", questions: QUESTIONS });
    expect(made.status).toBe(201);
    return made.body as { id: string; joinCode: string; questions: { id: string; kind: string }[] };
  }

  async function join(code: string) {
    const joined = await call("anoniem", "POST", "/deelname", { code });
    expect(joined.status).toBe(201);
    return { participant: joined.body.token as string };
  }

  it("makes a conversation with a short code that is easy to read aloud", async () => {
    const conversation = await newConversation();
    expect(conversation.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(conversation.questions.map((question) => question.kind)).toEqual(["dilemma", "schaal", "open"]);
    const list = await call("leider", "GET", "/gesprekken");
    expect(list.body.conversations.map((conversation: { id: string }) => conversation.id)).toContain(
      conversation.id,
    );
    const templates = await call("leider", "GET", "/gesprekken/sjablonen");
    expect(templates.body.templates.length).toBeGreaterThan(0);
    // Only a facilitator makes conversations, and only the one who made it sees it.
    expect(
      (await call("ambtenaar", "POST", "/gesprekken", { title: "x", questions: QUESTIONS })).status,
    ).toBe(403);
    expect((await call("andereLeider", "GET", `/gesprekken/${conversation.id}`)).status).toBe(404);
    expect((await call("anoniem", "GET", `/gesprekken/${conversation.id}`)).status).toBe(401);
    const bad = await call("leider", "POST", "/gesprekken", { title: "", questions: [] });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
    expect(bad.body.errors).toContainEqual({
      in: "body",
      name: "title",
      message: "Geef het gesprek een titel.",
    });
  });

  it("runs a dilemma: hidden counts, no reveal below the minimum, reveal, re-vote and the shift", async () => {
    const conversation = await newConversation();
    const dilemma = nth(conversation.questions, 0);
    const people = await Promise.all([1, 2, 3, 4].map(() => join(conversation.joinCode.toLowerCase())));
    // Nobody answers a question that is not open.
    expect(
      (await call(nth(people, 0), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "a" })).status,
    ).toBe(409);

    const opened = await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: dilemma.id,
    });
    expect(opened.body.current.question.state).toBe("open");
    for (const [index, person] of people.slice(0, 2).entries()) {
      const answered = await call(person, "PUT", `/deelname/antwoorden/${dilemma.id}`, {
        value: index === 0 ? "a" : "b",
      });
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({ saved: true, round: 1 });
    }
    const early = await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "onthul",
      questionId: dilemma.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain("te weinig antwoorden");

    // A changed answer counts once; a wrong value is refused in Dutch.
    await call(nth(people, 0), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "b" });
    await call(nth(people, 2), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "anders" });
    await call(nth(people, 3), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "a" });
    const wrong = await call(nth(people, 3), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "c" });
    expect(wrong.status).toBe(400);
    const control = await call("leider", "GET", `/gesprekken/${conversation.id}`);
    expect(control.body.participants).toBe(4);
    expect(control.body.current.answered).toBe(4);
    expect(control.body.current.results ?? null).toBeNull();
    // Participants see no distribution before the reveal either.
    expect((await call(nth(people, 0), "GET", "/deelname")).body.current.results ?? null).toBeNull();

    const revealed = await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "onthul",
      questionId: dilemma.id,
    });
    expect(revealed.status).toBe(200);
    const round1 = revealed.body.current.results.round1;
    expect(round1.count).toBe(4);
    expect(JSON.stringify(round1)).toContain('"a"');
    expect((await call(nth(people, 1), "GET", "/deelname")).body.current.results.round1.count).toBe(4);

    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "herstemming",
      questionId: dilemma.id,
    });
    // While the re-vote is open, nobody sees where the room stood the first time.
    expect((await call(nth(people, 1), "GET", "/deelname")).body.current.results ?? null).toBeNull();
    for (const person of people)
      await call(person, "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "a" });
    const again = await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "onthul",
      questionId: dilemma.id,
    });
    expect(again.body.current.results.round2.count).toBe(4);
    expect(again.body.current.results.shift).toBeDefined();

    const summary = await call("leider", "GET", `/gesprekken/${conversation.id}/samenvatting`);
    expect(summary.body.questions[0].round1.count).toBe(4);
    expect(summary.body.questions[0].round2.count).toBe(4);
    expect(summary.body.principles).toContain("loyale-tegenspraak");
  });

  it("open answers appear only after the facilitator approves them", async () => {
    const conversation = await newConversation();
    const open = nth(conversation.questions, 2);
    const people = await Promise.all([1, 2, 3].map(() => join(conversation.joinCode)));
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: open.id,
    });
    const texts = ["Een veilige sfeer", "Tijd om na te denken", "Een leidinggevende die luistert"];
    for (const [index, person] of people.entries()) {
      expect(
        (await call(person, "PUT", `/deelname/antwoorden/${open.id}`, { value: texts[index] })).status,
      ).toBe(200);
    }
    const control = await call("leider", "GET", `/gesprekken/${conversation.id}`);
    expect(control.body.current.toModerate.map((answer: { text: string }) => answer.text).sort()).toEqual(
      [...texts].sort(),
    );
    const [first, second] = control.body.current.toModerate;
    await call("leider", "POST", `/gesprekken/${conversation.id}/moderatie`, {
      questionId: open.id,
      answerId: first.answerId,
      decision: "goed",
    });
    await call("leider", "POST", `/gesprekken/${conversation.id}/moderatie`, {
      questionId: open.id,
      answerId: second.answerId,
      decision: "afgewezen",
    });
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "onthul",
      questionId: open.id,
    });
    const seen = await call(nth(people, 0), "GET", "/deelname");
    expect(seen.body.current.results.approved).toEqual([first.text]);
  });

  it("a locked or ended conversation takes no newcomers, and an ended one no answers", async () => {
    const conversation = await newConversation();
    const early = await join(conversation.joinCode);
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, { action: "vergrendel" });
    const refused = await call("anoniem", "POST", "/deelname", { code: conversation.joinCode });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("op slot");
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: nth(conversation.questions, 1).id,
    });
    expect(
      (await call(early, "PUT", `/deelname/antwoorden/${nth(conversation.questions, 1).id}`, { value: "4" }))
        .status,
    ).toBe(200);
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, { action: "beeindig" });
    expect(
      (await call(early, "PUT", `/deelname/antwoorden/${nth(conversation.questions, 1).id}`, { value: "5" }))
        .status,
    ).toBe(409);
    expect((await call("anoniem", "POST", "/deelname", { code: "ZZZZZZ" })).status).toBe(404);
    expect((await call({ participant: "onzin" }, "GET", "/deelname")).status).toBe(401);
  });

  it("never opens a revealed question again, so no answer can be watched coming in; a re-vote still works", async () => {
    const conversation = await newConversation();
    const dilemma = nth(conversation.questions, 0);
    const people = await Promise.all([1, 2, 3].map(() => join(conversation.joinCode)));
    const act = (action: string) =>
      call("leider", "POST", `/gesprekken/${conversation.id}/acties`, { action, questionId: dilemma.id });
    await act("open");
    for (const person of people)
      await call(person, "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "a" });
    expect((await act("onthul")).status).toBe(200);

    const reopened = await act("open");
    expect(reopened.status).toBe(409);
    expect(reopened.type).toContain("application/problem+json");
    expect(reopened.body.detail).toContain("De uitslag van deze vraag is al getoond");
    const after = await call("leider", "GET", `/gesprekken/${conversation.id}`);
    expect(after.body.current.question.state).toBe("gesloten");
    // A late answer is refused, so the revealed count cannot move.
    expect(
      (await call(nth(people, 0), "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "b" })).status,
    ).toBe(409);

    // After the discussion: one re-vote, revealed on its own, and then the question is done.
    expect((await act("herstemming")).status).toBe(200);
    for (const person of people)
      await call(person, "PUT", `/deelname/antwoorden/${dilemma.id}`, { value: "b" });
    const second = await act("onthul");
    expect(second.body.current.results.round2.count).toBe(3);
    expect((await act("open")).status).toBe(409);
    expect((await act("herstemming")).status).toBe(409);
  });

  it("keeps the minimum at the configured one or higher, and never reveals below three", async () => {
    for (const minAnswers of [1, 2]) {
      const low = await call("leider", "POST", "/gesprekken", {
        title: "Laag",
        questions: QUESTIONS,
        minAnswers,
      });
      expect(low.status).toBe(400);
      expect(low.type).toContain("application/problem+json");
      expect(low.body.errors).toContainEqual(
        expect.objectContaining({ name: "minAnswers", message: expect.stringContaining("minstens 3") }),
      );
    }
    const higher = await call("leider", "POST", "/gesprekken", {
      title: "Hoog",
      questions: QUESTIONS,
      minAnswers: 5,
    });
    expect(higher.status).toBe(201);
    expect(higher.body.minAnswers).toBe(5);
    // The configuration cannot go below three either, and a conversation cannot go below the configuration.
    expect(() => parseConfig({ CONVERSATION_MIN_ANSWERS: "2" })).toThrow(/CONVERSATION_MIN_ANSWERS/);
    const strict = await startApiServer({
      database,
      env: { RATE_LIMITS: "off", CONVERSATION_MIN_ANSWERS: "4" },
    });
    try {
      const asLeader = (body: unknown) =>
        strict.get("/api/v1/gesprekken", {
          method: "POST",
          headers: {
            Origin: strict.base,
            Authorization: `Bearer ${tokens.leider}`,
            "Content-Type": "application/json",
          },
          body: JSON.stringify(body),
        });
      const below = await asLeader({ title: "Lager", questions: QUESTIONS, minAnswers: 3 });
      expect(below.status).toBe(400);
      expect(((await below.json()) as { detail: string }).detail).toContain("minstens 4");
      const unset = await asLeader({ title: "Standaard", questions: QUESTIONS });
      expect(((await unset.json()) as { minAnswers: number }).minAnswers).toBe(4);
    } finally {
      await strict.close();
    }

    // A conversation stored with a lower minimum (before the floor) still reveals nothing below three.
    const old = await newConversation();
    await database.db.update(conversations).set({ minAnswers: 1 }).where(eq(conversations.id, old.id));
    const scale = nth(old.questions, 1);
    const people = await Promise.all([1, 2].map(() => join(old.joinCode)));
    await call("leider", "POST", `/gesprekken/${old.id}/acties`, { action: "open", questionId: scale.id });
    for (const person of people)
      await call(person, "PUT", `/deelname/antwoorden/${scale.id}`, { value: "2" });
    const control = await call("leider", "GET", `/gesprekken/${old.id}`);
    expect(control.body.current.canReveal).toBe(false);
    const early = await call("leider", "POST", `/gesprekken/${old.id}/acties`, {
      action: "onthul",
      questionId: scale.id,
    });
    expect(early.status).toBe(409);
    await call("leider", "POST", `/gesprekken/${old.id}/acties`, { action: "beeindig" });
    expect(
      (await call("leider", "GET", `/gesprekken/${old.id}/samenvatting`)).body.questions[1].round1,
    ).toBeNull();
  });

  it("shows the facilitator open answers under an id per answer, which ties no one's answers together", async () => {
    const made = await call("leider", "POST", "/gesprekken", {
      title: "Twee open vragen",
      questions: [
        { kind: "open", text: "Wat ging goed?", principles: [] },
        { kind: "open", text: "Wat kan beter?", principles: [] },
      ],
    });
    const conversation = made.body as { id: string; joinCode: string; questions: { id: string }[] };
    const people = await Promise.all([1, 2, 3].map(() => join(conversation.joinCode)));
    const seen: { answerId: string; text: string }[][] = [];
    for (const question of conversation.questions) {
      await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
        action: "open",
        questionId: question.id,
      });
      for (const [index, person] of people.entries())
        await call(person, "PUT", `/deelname/antwoorden/${question.id}`, {
          value: `Antwoord ${index} op ${question.id}`,
        });
      const control = await call("leider", "GET", `/gesprekken/${conversation.id}`);
      const items = control.body.current.toModerate as Record<string, unknown>[];
      expect(items).toHaveLength(3);
      for (const item of items) expect(Object.keys(item).sort()).toEqual(["answerId", "text"]);
      seen.push(items as { answerId: string; text: string }[]);
    }
    const [first = [], second = []] = seen;
    const ids = [...first, ...second].map((item) => item.answerId);
    expect(new Set(ids).size).toBe(6);
    // Nothing the facilitator gets holds a participant's id.
    const participantIds = (
      await database.db
        .select({ id: conversationParticipants.id })
        .from(conversationParticipants)
        .where(eq(conversationParticipants.conversationId, conversation.id))
    ).map((row) => row.id);
    const control = JSON.stringify((await call("leider", "GET", `/gesprekken/${conversation.id}`)).body);
    for (const id of participantIds) expect(control).not.toContain(id);

    // Moderating still works by that id; the old key (a participant's id) is refused.
    const chosen = nth(second, 1);
    const approved = await call("leider", "POST", `/gesprekken/${conversation.id}/moderatie`, {
      questionId: nth(conversation.questions, 1).id,
      answerId: chosen.answerId,
      decision: "goed",
    });
    expect(approved.status).toBe(200);
    expect(approved.body.current.toModerate.map((item: { text: string }) => item.text)).not.toContain(
      chosen.text,
    );
    const wrongQuestion = await call("leider", "POST", `/gesprekken/${conversation.id}/moderatie`, {
      questionId: nth(conversation.questions, 0).id,
      answerId: nth(second, 0).answerId,
      decision: "goed",
    });
    expect(wrongQuestion.status).toBe(404);
    const old = await call("leider", "POST", `/gesprekken/${conversation.id}/moderatie`, {
      questionId: nth(conversation.questions, 1).id,
      participantId: nth(participantIds, 0),
      round: 1,
      decision: "goed",
    });
    expect(old.status).toBe(400);
  });

  it("frees the code of an ended conversation: it answers as an unknown code, and a new conversation may take it", async () => {
    const ended = await newConversation();
    await join(ended.joinCode);
    await call("leider", "POST", `/gesprekken/${ended.id}/acties`, { action: "beeindig" });
    const byEnded = await call("anoniem", "POST", "/deelname", { code: ended.joinCode });
    const byUnknown = await call("anoniem", "POST", "/deelname", { code: "ZZZZZZ" });
    expect(byEnded.status).toBe(404);
    expect(byEnded.body.detail).toBe(byUnknown.body.detail);

    const next = await call("leider", "POST", "/gesprekken", {
      title: "Het volgende gesprek",
      questions: QUESTIONS,
    });
    await database.db
      .update(conversations)
      .set({ joinCode: ended.joinCode })
      .where(eq(conversations.id, next.body.id));
    const joined = await call("anoniem", "POST", "/deelname", { code: ended.joinCode });
    expect(joined.status).toBe(201);
    expect(joined.body.title).toBe("Het volgende gesprek");
    // The facilitator still sees the ended conversation as it was.
    expect((await call("leider", "GET", `/gesprekken/${ended.id}`)).body.joinCode).toBe(ended.joinCode);
  });

  it("stores an answer with nothing but a random participant of that conversation", async () => {
    const conversation = await newConversation();
    const person = await join(conversation.joinCode);
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: nth(conversation.questions, 1).id,
    });
    await call(person, "PUT", `/deelname/antwoorden/${nth(conversation.questions, 1).id}`, { value: "3" });
    const participants = await database.db.select().from(conversationParticipants);
    const answers = await database.db.select().from(conversationAnswers);
    expect(Object.keys(participants[0] ?? {}).sort()).toEqual(["conversationId", "id", "tokenHash"]);
    expect(Object.keys(answers[0] ?? {}).sort()).toEqual([
      "answerId",
      "moderation",
      "participantId",
      "questionId",
      "round",
      "value",
    ]);
    expect(participants.some((row) => row.tokenHash === person.participant)).toBe(false);
  });

  it("takes an answer only from someone who joined, and only to a question of their own conversation", async () => {
    const conversation = await newConversation();
    const other = await newConversation();
    const person = await join(conversation.joinCode);
    const question = nth(conversation.questions, 0);
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: question.id,
    });
    await call("leider", "POST", `/gesprekken/${other.id}/acties`, {
      action: "open",
      questionId: nth(other.questions, 0).id,
    });
    const answer = (who: Parameters<typeof call>[0], questionId: string) =>
      call(who, "PUT", `/deelname/antwoorden/${questionId}`, { value: "a" });
    expect((await answer({ participant: "onzin" }, question.id)).status).toBe(401);
    expect((await answer("anoniem", question.id)).status).toBe(401);
    expect((await answer({ participant: "onzin" }, "geen-vraag")).status).toBe(401);
    expect((await answer(person, "geen-vraag")).status).toBe(404);
    expect((await answer(person, nth(other.questions, 0).id)).status).toBe(404);
    expect((await call(person, "PUT", `/deelname/antwoorden/${question.id}`, {})).status).toBe(400);
    expect((await answer(person, question.id)).status).toBe(200);
    const counted = (await call("leider", "GET", `/gesprekken/${conversation.id}`)).body;
    expect(counted.current.answered).toBe(1);
    expect((await call("leider", "GET", `/gesprekken/${other.id}`)).body.current.answered).toBe(0);
  });

  it("stores answers sent at the same moment together, each with its own answer, in each conversation", async () => {
    const first = await newConversation();
    const second = await newConversation();
    const [inFirst, inSecond] = [nth(first.questions, 0), nth(second.questions, 1)];
    for (const [conversation, question] of [
      [first, inFirst],
      [second, inSecond],
    ] as const) {
      await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
        action: "open",
        questionId: question.id,
      });
    }
    const people = await Promise.all(Array.from({ length: 12 }, () => join(first.joinCode)));
    const others = await Promise.all(Array.from({ length: 5 }, () => join(second.joinCode)));
    const changer = nth(people, 0);
    const answers = await Promise.all([
      ...people.map((person, index) =>
        call(person, "PUT", `/deelname/antwoorden/${inFirst.id}`, { value: index % 3 === 0 ? "a" : "b" }),
      ),
      ...others.map((person) => call(person, "PUT", `/deelname/antwoorden/${inSecond.id}`, { value: "4" })),
      // In the same moment: a second answer of the same person, a stranger, a question of the other
      // conversation and a value that does not fit. Each gets its own answer.
      call(changer, "PUT", `/deelname/antwoorden/${inFirst.id}`, { value: "b" }),
      call({ participant: "onzin" }, "PUT", `/deelname/antwoorden/${inFirst.id}`, { value: "a" }),
      call(nth(people, 1), "PUT", `/deelname/antwoorden/${inSecond.id}`, { value: "4" }),
      call(nth(people, 2), "PUT", `/deelname/antwoorden/${inFirst.id}`, { value: "c" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([
      ...people.map(() => 200),
      ...others.map(() => 200),
      200,
      401,
      404,
      400,
    ]);
    expect((await call("leider", "GET", `/gesprekken/${first.id}`)).body.current.answered).toBe(12);
    expect((await call("leider", "GET", `/gesprekken/${second.id}`)).body.current.answered).toBe(5);
    const stored = await database.db
      .select()
      .from(conversationAnswers)
      .where(eq(conversationAnswers.questionId, inFirst.id));
    expect(stored).toHaveLength(12);
    // The person who answered twice has one answer, one of the two they sent.
    const values = stored.map((row) => row.value).sort();
    expect(values.filter((value) => value === "a").length).toBeGreaterThanOrEqual(3);
    expect(values.filter((value) => value === "a").length).toBeLessThanOrEqual(4);
  });

  it("deletes the answers some time after the conversation ended, and keeps the summary", async () => {
    const conversation = await newConversation();
    const question = nth(conversation.questions, 1);
    const people = await Promise.all([1, 2, 3].map(() => join(conversation.joinCode)));
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: question.id,
    });
    for (const person of people)
      await call(person, "PUT", `/deelname/antwoorden/${question.id}`, { value: "5" });
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, { action: "beeindig" });
    const before = (await call("leider", "GET", `/gesprekken/${conversation.id}/samenvatting`)).body;
    const summarize = (id: string) => getConversationSummary({ db: database.db, id });
    // Not yet: it ended just now.
    expect(await purgeEndedConversations({ db: database.db, retentionDays: 30, summarize })).toBe(0);
    await database.db
      .update(conversations)
      .set({ endedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(conversations.id, conversation.id));
    expect(await purgeEndedConversations({ db: database.db, retentionDays: 30, summarize })).toBe(1);
    const left = await database.db
      .select()
      .from(conversationParticipants)
      .where(eq(conversationParticipants.conversationId, conversation.id));
    expect(left).toEqual([]);
    expect(
      await database.db
        .select()
        .from(conversationAnswers)
        .where(eq(conversationAnswers.questionId, question.id)),
    ).toEqual([]);
    const after = (await call("leider", "GET", `/gesprekken/${conversation.id}/samenvatting`)).body;
    // The same summary (its end date is the one the test moved back).
    expect({ ...after, endedAt: null }).toEqual({ ...before, endedAt: null });
    expect(after.questions[1].round1.count).toBe(3);
  });

  it("follows the conversation live: a snapshot at once, a new one after an answer, none repeated on resume", async () => {
    const conversation = await newConversation();
    const question = nth(conversation.questions, 0);
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "open",
      questionId: question.id,
    });
    const person = await join(conversation.joinCode);
    const abort = new AbortController();
    const events = readEventStream(`${server.base}/api/v1/gesprekken/${conversation.id}/stroom`, {
      headers: { Authorization: `Bearer ${tokens.leider}` },
      signal: abort.signal,
    })[Symbol.asyncIterator]();
    const first = (await events.next()).value;
    expect(first?.type).toBe("tally");
    expect(JSON.parse(first?.data ?? "{}").current.answered).toBe(0);
    await call(person, "PUT", `/deelname/antwoorden/${question.id}`, { value: "b" });
    let answered = 0;
    let lastId = first?.id ?? "";
    while (answered === 0) {
      const next = (await events.next()).value;
      answered = JSON.parse(next?.data ?? "{}").current?.answered ?? 0;
      lastId = next?.id ?? lastId;
    }
    expect(answered).toBe(1);
    abort.abort();

    // Coming back with the last id: nothing new yet, so no snapshot is repeated until something changes.
    const resumed = new AbortController();
    const again = readEventStream(`${server.base}/api/v1/deelname/stroom`, {
      headers: { "Deelnemer-Token": person.participant, "Last-Event-ID": lastId },
      signal: resumed.signal,
    })[Symbol.asyncIterator]();
    const pending = again.next();
    const quiet = await Promise.race([
      pending.then(() => "event"),
      new Promise((resolve) => setTimeout(() => resolve("quiet"), 300)),
    ]);
    expect(quiet).toBe("quiet");
    await call("leider", "POST", `/gesprekken/${conversation.id}/acties`, {
      action: "sluit",
      questionId: question.id,
    });
    const changed = (await pending).value;
    expect(changed?.type).toBe("tally");
    expect(Number(changed?.id)).toBeGreaterThan(Number(lastId));
    expect(JSON.parse(changed?.data ?? "{}").current.question.state).toBe("gesloten");
    resumed.abort();
  });
});
