import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import { API_VERSION } from "../../server/api/openapi.ts";
import { problemType } from "../../server/api/problem.ts";
import { startApiServer } from "./app-server.ts";
import { openSeededDatabase, type TestDatabase } from "./databases.ts";
import { sendRaw } from "./raw-request.ts";

// One API server (no React Router build) on the embedded database for the whole file.
let test: TestDatabase;
let database: Database;
let server: Awaited<ReturnType<typeof startApiServer>>;

beforeAll(async () => {
  ({ test, database } = await openSeededDatabase("pglite"));
  server = await startApiServer({ database });
});
afterAll(async () => {
  await server.close();
  await database.close();
  await test.drop();
});

describe("requests from other sites", () => {
  const post = (path: string, headers: Record<string, string> = {}) =>
    server.get(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: "{}",
    });

  async function expectRefusedProblem(response: Response) {
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    const problem = ProblemOutput.parse(await response.json());
    expect(problem.type).toBe(problemType(server.base, "forbidden"));
    expect(problem.detail).toContain("niet van deze website");
  }

  it("refuses an API call that says nothing about where it comes from", async () => {
    await expectRefusedProblem(await post("/api/v1/versies"));
  });

  it("refuses an API call from another site, by Origin or by Referer", async () => {
    await expectRefusedProblem(await post("/api/v1/versies", { Origin: "https://evil.example" }));
    await expectRefusedProblem(await post("/api/v1/versies", { Origin: "null" }));
    await expectRefusedProblem(await post("/api/v1/versies", { Referer: "https://evil.example/page" }));
    // The same host on another port or scheme is another site.
    const other = new URL(server.base);
    other.port = String(Number(other.port) + 1);
    await expectRefusedProblem(await post("/api/v1/versies", { Origin: other.origin }));
    await expectRefusedProblem(
      await post("/api/v1/versies", { Origin: server.base.replace("http:", "https:") }),
    );
  });

  it("lets the site's own calls through to the API", async () => {
    const sameSite: Record<string, string>[] = [
      { Origin: server.base },
      { Referer: `${server.base}/gids?x=1` },
    ];
    for (const headers of sameSite) {
      const response = await post("/api/v1/bestaat-niet", headers);
      expect(response.status).toBe(404);
      expect(ProblemOutput.parse(await response.json()).type).toBe(problemType(server.base, "not_found"));
    }
  });

  it("lets integrations with a bearer token through without Origin", async () => {
    // It reaches the API, which then judges the token itself (unknown here: 401, not the 403 of the check).
    const response = await post("/api/v1/bestaat-niet", { Authorization: "Bearer abc.def" });
    expect(response.status).toBe(401);
    // A bearer token does not excuse a foreign Origin: that is a browser on another site.
    await expectRefusedProblem(
      await post("/api/v1/versies", { Authorization: "Bearer abc.def", Origin: "https://evil.example" }),
    );
    // Only the API takes tokens.
    const page = await post("/taal", { Authorization: "Bearer abc.def" });
    expect(page.status).toBe(403);
  });

  it("never refuses reading", async () => {
    for (const method of ["GET", "HEAD"]) {
      const response = await server.get("/api/v1/versies", {
        method,
        headers: { Origin: "https://evil.example" },
      });
      expect(response.status, method).toBe(200);
    }
    expect((await server.get("/healthz", { headers: { Referer: "https://evil.example/" } })).status).toBe(
      200,
    );
  });

  it("answers a refused form post with a short Dutch page and a way back", async () => {
    const response = await server.get("/taal", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: "taal=en&terug=%2F",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('<a href="/">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|evil\.example/);

    // From the site itself the post reaches the handlers; without the React Router build (this
    // test server) nothing answers /taal, so Express's own 404 follows.
    const own = await server.get("/taal", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.base },
      body: "taal=en&terug=%2F",
    });
    expect(own.status).toBe(404);
  });

  it("uses the configured public address as the site's origin and host", async () => {
    const behindProxy = await startApiServer({
      database,
      env: { PUBLIC_URL: "https://vakmanschap.example/" },
    });
    try {
      const port = Number(new URL(behindProxy.base).port);
      // As a proxy passes it on: Host is the public name, whatever address the process listens on.
      const call = async (origin: string, host = "vakmanschap.example") =>
        (
          await sendRaw({
            port,
            method: "DELETE",
            path: "/api/v1/bestaat-niet",
            host,
            headers: { Origin: origin },
          })
        ).status;
      expect(await call("https://vakmanschap.example")).toBe(404);
      expect(await call(behindProxy.base)).toBe(403);
      expect(await call("http://vakmanschap.example")).toBe(403);
      // Addressed to the process itself, or to any other name, it is not this site.
      expect(await call("https://vakmanschap.example", `127.0.0.1:${port}`)).toBe(421);
      expect(await call("https://vakmanschap.example", "evil.example")).toBe(421);
    } finally {
      await behindProxy.close();
    }
  });

  it("sends a referrer policy that keeps the origin on the site's own form posts", async () => {
    const response = await server.get("/healthz");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("request bodies of the API", () => {
  it("refuses a JSON body over 100 kB with 413 problem+json", async () => {
    const response = await server.get("/api/v1/versies", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.base },
      body: JSON.stringify({ text: "x".repeat(101 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(ProblemOutput.parse(await response.json()).type).toBe(problemType(server.base, "too_large"));
  });

  it("answers broken JSON with 400 problem+json", async () => {
    const response = await server.get("/api/v1/versies", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.base },
      body: '{"a":',
    });
    expect(response.status).toBe(400);
    expect(ProblemOutput.parse(await response.json()).type).toBe(problemType(server.base, "invalid"));
  });
});
