// Server-Sent Events for Express: one writer that frames and checks events, keeps the connection alive
// through proxies, and under backpressure sends the latest event of each type instead of a backlog.
import type { Request, Response } from "express";

export interface LiveEvent {
  type: string;
  id?: string;
  data: unknown;
}

export interface EventStream {
  /**
   * Sends an event: `data` JSON-encoded on one `data:` line. True when written now; false when the
   * stream is closed, or slow and holding the event back (the latest of its type goes out on 'drain').
   * Throws on a type or id with a line break (a programming error). An event object is encoded once,
   * however many streams it goes to: do not change it after sending it.
   */
  send(event: LiveEvent): boolean;
  close(): void;
  readonly closed: boolean;
  /** Runs once when the stream ends, by `close()` or because the client went away; at once if it has. */
  onClose(listener: () => void): void;
  /** Where a reconnecting client left off (`Last-Event-ID`, or `?lastEventId=`), at most 100 characters. */
  lastEventId: string | undefined;
}

const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_RETRY_MS = 2000;
const MAX_EVENT_ID_LENGTH = 100;
// CR, LF and NUL end a field or void an id in the event-stream format.
const BREAKS_A_FIELD = /[\r\n\0]/;

// Every stream open in this process, so a shutdown can end them: an open stream would otherwise keep
// `server.close()` waiting until the grace period runs out.
const openStreams = new Set<EventStream>();

export function openEventStream(
  req: Request,
  res: Response,
  options: { heartbeatMs?: number; retryMs?: number } = {},
): EventStream {
  const retryMs = Math.max(0, Math.round(options.retryMs ?? DEFAULT_RETRY_MS));
  const closeListeners: (() => void)[] = [];
  // Under backpressure: the newest unsent frame per event type, in the order they were last replaced.
  const heldBack = new Map<string, string>();
  let slow = false;
  let closed = false;

  res.status(200);
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
  // no-transform: `compression` (server/app.ts uses it) and proxies leave the stream alone; gzip would
  // hold events back in its buffer.
  res.setHeader("Cache-Control", "no-store, no-transform");
  // nginx buffers responses unless told not to.
  res.setHeader("X-Accel-Buffering", "no");
  res.setHeader("Connection", "keep-alive");
  res.removeHeader("Content-Length");

  const write = (chunk: string) => {
    if (!res.write(chunk)) slow = true;
  };

  const flush = () => {
    slow = false;
    for (const [type, frame] of heldBack) {
      heldBack.delete(type);
      write(frame);
      if (slow) return;
    }
  };

  const heartbeat = setInterval(() => {
    if (!slow) write(":\n\n");
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    heldBack.clear();
    res.off("drain", flush);
    openStreams.delete(stream);
    for (const listener of closeListeners.splice(0)) {
      try {
        listener();
      } catch (error) {
        req.log?.error({ err: error }, "event stream close listener failed");
      }
    }
  };

  const stream: EventStream = {
    lastEventId: lastEventIdOf(req),
    get closed() {
      return closed;
    },
    send(event) {
      const frame = encodeEvent(event);
      if (closed || res.destroyed || res.writableEnded) return false;
      if (slow) {
        heldBack.delete(event.type);
        heldBack.set(event.type, frame);
        return false;
      }
      write(frame);
      return true;
    },
    close() {
      if (closed) return;
      if (!res.writableEnded) res.end();
      finish();
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
  };

  res.on("drain", flush);
  res.on("close", finish);
  openStreams.add(stream);
  write(`retry: ${retryMs}\n\n`);
  return stream;
}

/** Ends every open event stream of this process (at shutdown; clients reconnect elsewhere). */
export function closeAllEventStreams(): number {
  const streams = [...openStreams];
  for (const stream of streams) stream.close();
  return streams.length;
}

// A broadcast hands one event object to thousands of streams; encoding it once per object instead of
// once per stream took a large share of the CPU with 2,000 phones in one conversation (`npm run bench:live`).
const encoded = new WeakMap<LiveEvent, string>();

function encodeEvent(event: LiveEvent): string {
  const known = encoded.get(event);
  if (known !== undefined) return known;
  if (!event.type || BREAKS_A_FIELD.test(event.type)) throw new Error("invalid event type");
  if (event.id !== undefined && BREAKS_A_FIELD.test(event.id)) throw new Error("invalid event id");
  // JSON.stringify writes line breaks inside strings as \n escapes, so the data is one line.
  const data = JSON.stringify(event.data) ?? "null";
  const frame = `event: ${event.type}\n${event.id === undefined ? "" : `id: ${event.id}\n`}data: ${data}\n\n`;
  encoded.set(event, frame);
  return frame;
}

function lastEventIdOf(req: Request): string | undefined {
  const header = req.get("Last-Event-ID");
  // For clients that cannot set headers (a first connection, or a polyfill) the id may come as a query.
  const value = header ?? new URL(req.originalUrl, "http://localhost").searchParams.get("lastEventId");
  if (!value || value.length > MAX_EVENT_ID_LENGTH || BREAKS_A_FIELD.test(value)) return undefined;
  return value;
}

/** Reads a complete event-stream text into its events (the browser's rules, without reconnection). */
export function parseEventStream(text: string): { type: string; id?: string; data: string }[] {
  const events: { type: string; id?: string; data: string }[] = [];
  let type = "";
  let id: string | undefined;
  let data: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") {
      // A blank line dispatches; without a data field there is no event.
      if (data.length > 0)
        events.push({ type: type || "message", ...(id === undefined ? {} : { id }), data: data.join("\n") });
      type = "";
      id = undefined;
      data = [];
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") type = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\0")) id = value;
  }
  return events;
}
