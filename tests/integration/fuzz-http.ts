// Sending fuzzed requests and the checks every answer must pass, shared by the API fuzz and the form
// fuzz: raw HTTP (so hostile paths and headers reach the server as written), answers decoded whatever
// their content encoding, and the same definition of a leaked stack trace.
import http from "node:http";
import zlib from "node:zlib";
import { expect } from "vitest";

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  contentType: string;
  nosniff: boolean;
  setCookie: string[];
  /** The body, decoded from gzip, brotli or deflate when the server compressed it. */
  text: string;
}

/** Drops header values HTTP cannot carry: such a value never reaches a server. */
export function withValidHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const valid: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    try {
      http.validateHeaderValue(name, value);
      valid[name] = value;
    } catch {
      // A value HTTP cannot carry never reaches the server; leave it out.
    }
  }
  return valid;
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(raw);
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "deflate") return zlib.inflateSync(raw);
  return raw;
}

export function sendFuzzRequest(options: {
  base: string;
  agent: http.Agent;
  request: FuzzRequest;
}): Promise<Answer> {
  const { request } = options;
  const url = new URL(options.base);
  const length = request.body === undefined ? 0 : Buffer.byteLength(request.body);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        // A handler that answers before reading the body (logging out, a redirect to the login page)
        // makes the server drop the connection with the unread rest still arriving; a large body
        // therefore goes on a connection of its own, so the reset cannot hit the next request.
        agent: length > 16 * 1024 ? false : options.agent,
        // A redirect to the login page carries the address it came from, so its header can be long.
        maxHeaderSize: 64 * 1024,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.body !== undefined ? { "content-length": String(length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              contentType: response.headers["content-type"] ?? "",
              nosniff: response.headers["x-content-type-options"] === "nosniff",
              setCookie: response.headers["set-cookie"] ?? [],
              text: decode(Buffer.concat(chunks), response.headers["content-encoding"]).toString("utf8"),
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

export const STACK_TRACE =
  /\n\s+at \S|\bat (?:async )?\S+ \(|node_modules|\/work\/|file:\/\/|\.tsx?:\d+|\.m?js:\d+/;

export function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? "" : ` ${String(request.body).slice(0, 300)}`;
  return `${request.method} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers).slice(0, 400)}${body}`;
}

/** No server error and no trace of the server's insides; gives the description for further checks. */
export function expectNoServerError(request: FuzzRequest, answer: Answer): string {
  const what = `${describeRequest(request)} → ${answer.status} ${answer.text.slice(0, 500)}`;
  // 503 counts too: the database is up, so "unavailable" means an error nobody mapped.
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.text, what).not.toMatch(STACK_TRACE);
  return what;
}
