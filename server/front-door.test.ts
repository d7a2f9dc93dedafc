import http, { type RequestListener } from "node:http";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFrontDoor, securityHeadersOf } from "./front-door.ts";
import { createPageCache } from "./page-cache.ts";

/** A request to the test server with any Host header (fetch will not send another host). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path, method, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      });
      request.on("error", reject);
      request.end();
    },
  );
}

describe("the front door", () => {
  const lines: Record<string, unknown>[] = [];
  const recorded: unknown[][] = [];
  const viewed: string[] = [];
  const behind: string[] = [];
  const pageCache = createPageCache({ maxEntries: 10 });
  const config = { publicUrl: "http://127.0.0.1:0" };
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    const logger = pino(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    // What stands behind the door: here it only says it was asked.
    const app: RequestListener = (req, res) => {
      behind.push(`${req.method} ${req.url}`);
      res.writeHead(299).end("behind");
    };
    server = http.createServer(
      createFrontDoor({
        config,
        logger,
        pageCache,
        securityHeaders: securityHeadersOf(config),
        record: (...args) => recorded.push(args),
        counters: { view: (pages) => viewed.push(pages) },
        app,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
    config.publicUrl = `http://127.0.0.1:${port}`;
    pageCache.store("nl /gids?token=geheim", {
      tag: "guide",
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["referrer-policy", "no-referrer"],
      ],
      body: Buffer.from("<p>de gids</p>"),
    });
    pageCache.store("nl /gids/menselijke-maat", {
      tag: "guide",
      headers: [["content-type", "text/html; charset=utf-8"]],
      body: Buffer.from("<p>een deel</p>"),
      view: "gids/menselijke-maat",
    });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    lines.length = 0;
    recorded.length = 0;
    viewed.length = 0;
    behind.length = 0;
  });

  it("answers a cached page itself, with the security headers, a request id, a log line and a count", async () => {
    const answer = await get(port, "/gids?token=geheim", {
      host: `127.0.0.1:${port}`,
      "x-request-id": "verzoek-1234",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("<p>de gids</p>");
    expect(behind).toEqual([]);
    expect(answer.headers["x-request-id"]).toBe("verzoek-1234");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(answer.headers["permissions-policy"]).toContain("camera=()");
    // The page's own header wins over the site-wide one, once.
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "request completed",
      req: { id: "verzoek-1234", method: "GET", url: "/gids?token=[verborgen]" },
      res: { statusCode: 200 },
    });
    expect(recorded).toEqual([["page", "GET", 200, expect.any(Number)]]);
  });

  it("counts a view of a cached page that names one, for a reader's browser only", async () => {
    const host = `127.0.0.1:${port}`;
    const browser =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    await get(port, "/gids/menselijke-maat", { host, "user-agent": browser });
    await get(port, "/gids/menselijke-maat", { host, "user-agent": browser }, "HEAD");
    await get(port, "/gids/menselijke-maat", { host, "user-agent": "Googlebot/2.1" });
    await get(port, "/gids/menselijke-maat", { host });
    // A page that names nothing counts nothing.
    await get(port, "/gids?token=geheim", { host, "user-agent": browser });
    expect(viewed).toEqual(["gids/menselijke-maat"]);
  });

  it("makes a request id when the caller's is not a sensible one", async () => {
    const answer = await get(port, "/gids?token=geheim", {
      host: `127.0.0.1:${port}`,
      "x-request-id": "<script>",
    });
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends gzip to who asks for it, and 304 for an unchanged page", async () => {
    const host = `127.0.0.1:${port}`;
    const zipped = await get(port, "/gids?token=geheim", { host, "accept-encoding": "gzip, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const again = await get(port, "/gids?token=geheim", {
      host,
      "if-none-match": String(zipped.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("leaves everything else to the application: another host, another method, a page not cached", async () => {
    await get(port, "/gids?token=geheim", { host: "elders.example" });
    await get(port, "/gids?token=geheim", { host: `127.0.0.1:${port}` }, "POST");
    await get(port, "/gids/iets-anders", { host: `127.0.0.1:${port}` });
    await get(port, "/api/v1/gids", { host: `127.0.0.1:${port}` });
    expect(behind).toEqual([
      "GET /gids?token=geheim",
      "POST /gids?token=geheim",
      "GET /gids/iets-anders",
      "GET /api/v1/gids",
    ]);
    expect(lines).toEqual([]);
  });
});
