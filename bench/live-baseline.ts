// The baseline of the live benchmark (`npm run bench:live`): the least a server has to do to show a
// facilitator and 2,000 phones a live count. Plain node:http, everything in memory, no checks beyond
// what the load generator needs, and the same coalescing as the app's live hub (the first change is
// broadcast at once, later ones within 100 ms fold into one broadcast at the end of the interval), the
// same rule for phones (a count alone at most every PHONE_COUNT_INTERVAL_MS), with each snapshot encoded
// once for all streams. It speaks the part of the app's API the benchmark uses,
// so one load generator drives both. Usage: `node --import tsx bench/live-baseline.ts <port>`.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { PHONE_COUNT_INTERVAL_MS } from "../app/modules/conversations/participant-live.ts";

const INTERVAL_MS = 100;

interface Question {
  id: string;
  kind: string;
  text: string;
  optionA: string;
  optionB: string;
  principles: string[];
  state: "wacht" | "open" | "gesloten";
}

interface Session {
  id: string;
  title: string;
  joinCode: string;
  version: number;
  questions: Question[];
  current?: Question;
  participants: Set<string>;
  /** Per question: participant token → value. */
  answers: Map<string, Map<string, string>>;
  facilitatorStreams: Set<http.ServerResponse>;
  participantStreams: Set<http.ServerResponse>;
  timer?: NodeJS.Timeout;
  pending: boolean;
  /** What the phones were last sent, and when; a count waits for the next send. */
  phonesKey?: string;
  phonesAt: number;
  phonesTimer?: NodeJS.Timeout;
}

const sessions = new Map<string, Session>();
const byCode = new Map<string, Session>();
const byToken = new Map<string, Session>();

function frame(version: number, data: unknown) {
  return `event: tally\nid: ${version}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The facilitator's and the phones' snapshot, each encoded once. */
function framesOf(session: Session) {
  const { current } = session;
  const shared = {
    version: session.version,
    title: session.title,
    joinCode: session.joinCode,
    status: "bezig",
    participants: session.participants.size,
    current: current
      ? { question: current, answered: session.answers.get(current.id)?.size ?? 0, results: null }
      : null,
  };
  return {
    facilitator: frame(session.version, { ...shared, id: session.id, questions: session.questions }),
    participants: frame(session.version, shared),
  };
}

/** What a phone shows: the question and its state (a count alone does not change it). */
const phoneKeyOf = (session: Session) => `${session.current?.id}:${session.current?.state}`;

/**
 * The facilitator gets every broadcast; the phones, as in the app, at once when what they show changed
 * and otherwise at most once per PHONE_COUNT_INTERVAL_MS, the newest at the end of it.
 */
function broadcast(session: Session) {
  const frames = framesOf(session);
  for (const res of session.facilitatorStreams) res.write(frames.facilitator);
  const waited = Date.now() - session.phonesAt;
  if (session.phonesKey !== phoneKeyOf(session) || waited >= PHONE_COUNT_INTERVAL_MS) sendToPhones(session);
  else session.phonesTimer ??= setTimeout(() => sendToPhones(session), PHONE_COUNT_INTERVAL_MS - waited);
}

function sendToPhones(session: Session) {
  clearTimeout(session.phonesTimer);
  session.phonesTimer = undefined;
  session.phonesKey = phoneKeyOf(session);
  session.phonesAt = Date.now();
  const frame = framesOf(session).participants;
  for (const res of session.participantStreams) res.write(frame);
}

// Leading and trailing throttle, as in app/infra/live-hub.server.ts.
function changed(session: Session) {
  session.version += 1;
  if (session.timer) {
    session.pending = true;
    return;
  }
  const tick = () => {
    if (!session.pending) {
      session.timer = undefined;
      return;
    }
    session.pending = false;
    session.timer = setTimeout(tick, INTERVAL_MS);
    broadcast(session);
  };
  session.timer = setTimeout(tick, INTERVAL_MS);
  broadcast(session);
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function openStream(req: http.IncomingMessage, res: http.ServerResponse, streams: Set<http.ServerResponse>) {
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store" });
  res.write("retry: 2000\n\n");
  streams.add(res);
  req.socket.setNoDelay(true);
  res.on("close", () => streams.delete(res));
}

async function bodyOf(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? "/";
  const parts = url.split("?")[0]?.split("/").filter(Boolean) ?? [];
  const token = req.headers["deelnemer-token"];
  if (req.method === "GET" && url === "/readyz") return json(res, 200, { status: "ok" });
  if (parts[0] !== "api" || parts[1] !== "v1") return json(res, 404, {});
  const [, , area, first, second] = parts;

  if (area === "gesprekken" && req.method === "POST" && !first) {
    const input = (await bodyOf(req)) as { title: string; questions: Omit<Question, "id" | "state">[] };
    const session: Session = {
      id: randomUUID(),
      title: input.title,
      joinCode: randomBytes(3).toString("hex").toUpperCase(),
      version: 1,
      questions: input.questions.map((question) => ({ ...question, id: randomUUID(), state: "wacht" })),
      participants: new Set(),
      answers: new Map(),
      facilitatorStreams: new Set(),
      participantStreams: new Set(),
      pending: false,
      phonesAt: 0,
    };
    sessions.set(session.id, session);
    byCode.set(session.joinCode, session);
    return json(res, 201, { id: session.id, joinCode: session.joinCode, questions: session.questions });
  }
  const session = area === "gesprekken" ? sessions.get(first ?? "") : undefined;
  if (area === "gesprekken" && req.method === "POST" && session && second === "acties") {
    const input = await bodyOf(req);
    const question = session.questions.find((candidate) => candidate.id === input.questionId);
    if (input.action !== "open" || !question) return json(res, 400, {});
    if (session.current) session.current.state = "gesloten";
    question.state = "open";
    session.current = question;
    session.answers.set(question.id, new Map());
    changed(session);
    return json(res, 200, { version: session.version });
  }
  if (area === "gesprekken" && req.method === "GET" && session && second === "stroom") {
    openStream(req, res, session.facilitatorStreams);
    res.write(framesOf(session).facilitator);
    return;
  }

  if (area === "deelname" && req.method === "POST" && !first) {
    const input = await bodyOf(req);
    const joined = byCode.get(String(input.code));
    if (!joined) return json(res, 404, {});
    const newToken = randomBytes(32).toString("base64url");
    byToken.set(newToken, joined);
    joined.participants.add(newToken);
    changed(joined);
    return json(res, 201, { token: newToken });
  }
  const findParticipant = typeof token === "string" ? byToken.get(token) : undefined;
  if (!findParticipant || typeof token !== "string") return json(res, 401, {});
  if (area === "deelname" && req.method === "GET" && first === "stroom") {
    // Like the app, a new stream gets the current snapshot at once.
    openStream(req, res, findParticipant.participantStreams);
    res.write(framesOf(findParticipant).participants);
    return;
  }
  if (area === "deelname" && req.method === "PUT" && first === "antwoorden" && second) {
    const input = await bodyOf(req);
    const question = findParticipant.current;
    if (!question || question.id !== second || question.state !== "open") return json(res, 409, {});
    if (input.value !== "a" && input.value !== "b") return json(res, 400, {});
    findParticipant.answers.get(question.id)?.set(token, input.value);
    changed(findParticipant);
    return json(res, 200, { saved: true, round: 1 });
  }
  return json(res, 404, {});
}

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) json(res, 500, {});
    else res.end();
  });
});
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
