// One HTTP request exactly as written: the `Host` header the test chooses (or none), the body with its
// length, no connection reuse. For tests of what the server does with what a client claims.
import http from "node:http";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function sendRaw(options: {
  port: number;
  method?: string;
  path: string;
  /** The `Host` header; undefined: `127.0.0.1:<port>`, null: none at all. */
  host?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        method: options.method ?? "GET",
        path: options.path,
        agent: false,
        setHost: false,
        headers: {
          ...(options.host === null ? {} : { Host: options.host ?? `127.0.0.1:${options.port}` }),
          ...(options.body !== undefined
            ? { "Content-Length": String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
