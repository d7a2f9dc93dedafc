// The event-stream writer on a small Express app: what a browser's EventSource needs to connect, resume
// and stay connected, and what a slow reader gets (the latest state, not a backlog).
import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventStream, openEventStream, parseEventStream } from "../../app/infra/sse.server.ts";
import { readEventStream } from "./event-stream.ts";

let server: http.Server;
let base: string;
const waiting: ((stream: EventStream) => void)[] = [];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server side of the next connection to /stream. */
function nextStream(): Promise<EventStream> {
  return new Promise((resolve) => waiting.push(resolve));
}

beforeAll(async () => {
  const app = express();
  // As in server/app.ts: compression in front must not hold events back.
  app.use(compression());
  app.get("/stream", (req, res) => {
    const heartbeatMs = Number(req.query.heartbeatMs) || undefined;
    const stream = openEventStream(req, res, { heartbeatMs });
    stream.send({ type: "hello", data: { lastEventId: stream.lastEventId ?? null } });
    waiting.shift()?.(stream);
  });
  server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Reads the raw body until `done(text)` holds, then cancels the request. */
async function readUntil(response: Response, done: (text: string) => boolean): Promise<string> {
  if (!response.body) throw new Error("the answer has no body");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    while (!done(text)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      text += value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}

describe("event streams", () => {
  it("answers with the event-stream headers, uncompressed, and the retry line first", async () => {
    const opened = nextStream();
    const response = await fetch(`${base}/stream`, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^no-store\b/);
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("connection")).toBe("keep-alive");
    expect(response.headers.get("content-encoding")).toBeNull();
    const text = await readUntil(response, (sofar) => sofar.includes("event: hello"));
    expect(text.startsWith("retry: 2000\n\n")).toBe(true);
    (await opened).close();
  });

  it("delivers an event as sent: type, id and JSON data on one line", async () => {
    const opened = nextStream();
    const events = readEventStream(`${base}/stream`)[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ type: "hello", data: '{"lastEventId":null}' });
    const stream = await opened;
    const state = { tekst: "regel 1\nregel 2\r\n", stemmen: [1, 2], leeg: null };
    expect(stream.send({ type: "state", id: "42", data: state })).toBe(true);
    const received = (await events.next()).value;
    expect(received).toMatchObject({ type: "state", id: "42" });
    expect(JSON.parse(received.data)).toEqual(state);
    await events.return?.();
    await expect.poll(() => stream.closed).toBe(true);
  });

  it("reads where a reconnecting client left off, from the header or the query", async () => {
    const lastEventIdSeen = async (path: string, headers?: Record<string, string>) => {
      for await (const event of readEventStream(`${base}${path}`, { headers })) {
        return JSON.parse(event.data).lastEventId;
      }
    };
    expect(await lastEventIdSeen("/stream", { "Last-Event-ID": "17" })).toBe("17");
    expect(await lastEventIdSeen("/stream?lastEventId=v%3A18")).toBe("v:18");
    expect(await lastEventIdSeen("/stream?lastEventId=19", { "Last-Event-ID": "20" })).toBe("20");
    expect(await lastEventIdSeen(`/stream?lastEventId=${"x".repeat(101)}`)).toBeNull();
    expect(await lastEventIdSeen("/stream?lastEventId=a%0Ab")).toBeNull();
    expect(await lastEventIdSeen("/stream")).toBeNull();
  });

  it("sends a heartbeat comment while nothing happens", async () => {
    const opened = nextStream();
    const response = await fetch(`${base}/stream?heartbeatMs=30`);
    const text = await readUntil(response, (sofar) => sofar.split(":\n\n").length > 2);
    expect(text).toContain("\n\n:\n\n:\n\n");
    expect(parseEventStream(text).map((event) => event.type)).toEqual(["hello"]);
    await expect.poll(async () => (await opened).closed).toBe(true);
  });

  it("runs the close listeners when the client goes away, and sends nothing after", async () => {
    const opened = nextStream();
    const controller = new AbortController();
    const events = readEventStream(`${base}/stream`, { signal: controller.signal })[Symbol.asyncIterator]();
    await events.next();
    const stream = await opened;
    let closes = 0;
    stream.onClose(() => closes++);
    controller.abort();
    await expect.poll(() => closes).toBe(1);
    expect(stream.closed).toBe(true);
    expect(stream.send({ type: "state", data: 1 })).toBe(false);
    stream.onClose(() => closes++);
    expect(closes).toBe(2);
  });

  it("ends the response when the server closes the stream", async () => {
    const opened = nextStream();
    const response = await fetch(`${base}/stream`);
    const stream = await opened;
    let closes = 0;
    stream.onClose(() => closes++);
    stream.send({ type: "bye", data: "tot ziens" });
    stream.close();
    stream.close();
    const text = await response.text();
    expect(parseEventStream(text)).toEqual([
      { type: "hello", data: '{"lastEventId":null}' },
      { type: "bye", data: '"tot ziens"' },
    ]);
    expect(closes).toBe(1);
  });

  it("refuses a type or id that would break the format", async () => {
    const opened = nextStream();
    const response = await fetch(`${base}/stream`);
    const stream = await opened;
    expect(() => stream.send({ type: "state\ndata: x", data: 1 })).toThrow(/event type/);
    expect(() => stream.send({ type: "", data: 1 })).toThrow(/event type/);
    expect(() => stream.send({ type: "state", id: "1\r2", data: 1 })).toThrow(/event id/);
    stream.close();
    expect(parseEventStream(await response.text()).map((event) => event.type)).toEqual(["hello"]);
  });

  it("gives a slow reader the latest event of each type instead of a backlog", async () => {
    const opened = nextStream();
    // node:http, so the client can stop reading: a paused response stops reading the socket.
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${base}/stream`, resolve),
    );
    response.pause();
    const stream = await opened;

    // Fill the socket and the kernel's buffers until the writer has to wait even after a pause in which
    // a 'drain' would have come.
    const filler = "x".repeat(32 * 1024);
    let sent = 0;
    for (;;) {
      if (stream.send({ type: "bulk", data: { n: sent++, filler } })) continue;
      await pause(30);
      if (!stream.send({ type: "bulk", data: { n: sent++, filler } })) break;
      if (sent > 5000) throw new Error("the stream never became slow");
    }
    for (let version = 1; version <= 20; version++) {
      expect(stream.send({ type: "state", id: String(version), data: { version } })).toBe(false);
    }
    expect(stream.send({ type: "bulk", data: { n: -1, filler } })).toBe(false);
    await pause(50);
    expect(stream.send({ type: "state", id: "20", data: { version: 20 } })).toBe(false);

    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      text += chunk;
    });
    response.resume();
    await expect.poll(() => text.includes('"version":20'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => stream.send({ type: "state", id: "21", data: { version: 21 } })).toBe(true);
    stream.close();
    await new Promise((resolve) => response.once("end", resolve));

    const events = parseEventStream(text);
    // Held back during the wait, only the newest of each type went out, in the order they were last sent.
    expect(events.filter((event) => event.type === "state").map((event) => event.id)).toEqual(["20", "21"]);
    const bulk = events.filter((event) => event.type === "bulk").map((event) => JSON.parse(event.data).n);
    // The bulk event held back when the loop stopped was replaced by the newer one (-1).
    expect(bulk).not.toContain(sent - 1);
    expect(bulk.slice(0, -1)).toEqual([...bulk.slice(0, -1)].sort((a, b) => a - b));
    expect(events.slice(-3).map((event) => [event.type, JSON.parse(event.data).n ?? event.id])).toEqual([
      ["bulk", -1],
      ["state", "20"],
      ["state", "21"],
    ]);
  });
});
