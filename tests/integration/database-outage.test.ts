// When the database is gone, every page says so honestly: each address of the route table, read and
// posted to, answers 503 or an answer that needs no database (a redirect, a page without data), and
// never 500. The route table is walked, so a new page without the error mapping fails here.
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./databases.ts";
import { type Pages, startPageServer } from "./page-server.ts";

/** A value for each kind of address parameter: well-formed, so the page must ask the database. */
const PARAMETERS: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  token: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  nummer: "1",
  slug: "luister-naar-burgers",
  stap: "1",
  code: "ACDEFH",
};

function flatten(entries: RouteConfigEntry[]): RouteConfigEntry[] {
  return entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])]);
}

async function allPages(): Promise<Pages> {
  const pages: Pages = {};
  for (const entry of flatten(routes)) {
    const id = entry.id ?? entry.file.replace(/\.tsx?$/, "");
    const module = await import(path.resolve("app", entry.file));
    pages[id] = { path: entry.index ? "" : (entry.path ?? ""), module };
  }
  return pages;
}

/** A well-formed login cookie: a page that needs a login must ask the database who it is. */
const LOGGED_IN = `vm_sessie=${"s".repeat(43)}`;

const addressOf = (pattern: string) =>
  `/${pattern.replace(/:(\w+)/g, (_, name: string) => PARAMETERS[name] ?? "x")}`.replace(/\/$/, "") || "/";

describe.each(databaseKinds)("every page while the database (%s) is down", (kind) => {
  let spare: TestDatabase;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let pages: Pages;

  beforeAll(async () => {
    pages = await allPages();
    spare = await createTestDatabase(kind);
    const broken = await spare.openAnother();
    server = await startPageServer({ database: broken, pages });
    await broken.close();
  });
  afterAll(async () => {
    await server?.close().catch(() => {});
    await spare?.drop();
  });

  it("answers 503 or a page that needs no data, never 500, to a visitor and to a form", async () => {
    const seen: string[] = [];
    for (const [id, page] of Object.entries(pages)) {
      const address = addressOf(page.path);
      const read = await server.get(address, LOGGED_IN);
      const answers = [`GET ${address} → ${read.status}`];
      expect(read.status === 503 || read.status < 500, `${id}: ${answers[0]}`).toBe(true);
      if ((page.module as { action?: unknown }).action) {
        const posted = await server.post(address, new URLSearchParams({ intent: "x" }), LOGGED_IN);
        answers.push(`POST → ${posted.status}`);
        expect(posted.status === 503 || posted.status < 500, `${id}: ${answers.join(", ")}`).toBe(true);
        if (posted.status === 503) seen.push(id);
      }
      if (read.status === 503) seen.push(id);
    }
    // The check above must have met the outage: most pages read the database.
    expect(new Set(seen).size).toBeGreaterThan(Object.keys(pages).length / 2);
  });
});
