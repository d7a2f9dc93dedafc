// Every page of the route table, loaded from the built server as a browser without a cache loads it,
// stays within the JavaScript budget; and neither the validation library nor the ORM reaches the
// browser. The same measurement as `npm run bench:pages`, without the load test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../app/infra/i18n/en.json";
import nl from "../../app/infra/i18n/nl.json";
import {
  kilobytes,
  logInEveryone,
  PAGE_JS_BUDGET_BYTES,
  PAGE_WEIGHT_ENV,
  prepareExampleData,
  type RouteWeight,
  weighEveryRoute,
} from "../../bench/page-weight.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { freePort } from "./free-port.ts";

/**
 * Pages above the budget today, with the most each may load (kB gzip) until it is brought under it.
 * Their loader data is the content they show (a whole guide, a comparison), or their view code is
 * large; see docs/benchmarks.md. The list may only shrink: a page that gets under the budget must
 * leave it.
 */
const OVER_BUDGET_TODAY: Record<string, number> = {
  "routes/gids-vergelijk": 141,
  "routes/gids-versie-afdrukken": 135,
  "routes/gids-afdrukken": 135,
  "routes/doe-mee-code": 133,
  "routes/gesprek-leiden": 132,
  "routes/gesprekken-nieuw": 131,
  "routes/meedenken-bijdrage": 129,
  "routes/beheer-kriskras-ronde": 129,
  "routes/gesprek-scherm": 129,
  "routes/gesprek-samenvatting": 129,
  "routes/beheer-meedenken-bijdrage": 128,
  "routes/dilemmas-afdrukken": 128,
  "routes/dilemmas": 127,
  "routes/afweging-stap": 127,
  "routes/beheer-kriskras-organisaties": 127,
  "routes/beheer-gids-deel": 127,
  "routes/meedenken": 126,
  "routes/beheer-gids-concept": 126,
  "routes/beheer-kriskras-groepen": 125,
  "routes/gids-deel": 125,
  "routes/beheer-meedenken": 125,
  "routes/beheer-kriskras-nieuw": 124,
  "routes/gids-versie-deel": 124,
  "routes/afweging": 124,
  "routes/meedenken-mijn": 124,
  "routes/kriskras-aanmelden": 124,
  "routes/meedenken-nieuw": 123,
  "routes/beheer-dilemma": 123,
  "routes/dilemmas-nieuw": 123,
  "routes/afweging-dilemmakaart": 123,
  "routes/beheer-gebruikers": 123,
  "routes/afweging-gedeeld": 122,
  "routes/dilemma": 122,
  "routes/zoeken": 122,
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-page-weight-"));
let server: BuiltServer;
let weights: RouteWeight[];

beforeAll(async () => {
  const tokens = await prepareExampleData(dataDir);
  server = await startBuiltServer({ port: await freePort(), dataDir, env: PAGE_WEIGHT_ENV });
  weights = await weighEveryRoute({
    base: server.base,
    clientDir: "build/client",
    cookies: await logInEveryone(server.base, tokens),
  });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("JavaScript per page", () => {
  it("weighs a page for every route that renders one", () => {
    expect(weights.filter((weight) => weight.heaviest).length).toBeGreaterThan(50);
  });

  it(`no page loads more than ${kilobytes(PAGE_JS_BUDGET_BYTES)} kB gzipped, apart from the listed ones`, () => {
    const tooHeavy = weights.flatMap((weight) => {
      if (!weight.heaviest) return [];
      const allowed = (OVER_BUDGET_TODAY[weight.id] ?? 0) * 1024 || PAGE_JS_BUDGET_BYTES;
      return weight.heaviest.bytes > allowed
        ? [`${weight.id} ${weight.heaviest.example.path}: ${kilobytes(weight.heaviest.bytes)} kB`]
        : [];
    });
    expect(tooHeavy).toEqual([]);
  });

  it("a listed page that gets under the budget leaves the list", () => {
    const underBudget = weights
      .filter((weight) => weight.id in OVER_BUDGET_TODAY)
      .filter((weight) => (weight.heaviest?.bytes ?? 0) <= PAGE_JS_BUDGET_BYTES)
      .map((weight) => weight.id);
    expect(underBudget).toEqual([]);
  });
});

describe("the browser bundle", () => {
  const scripts = () =>
    fs
      .readdirSync("build/client/assets")
      .filter((file) => file.endsWith(".js"))
      .map((file) => ({ file, text: fs.readFileSync(path.join("build/client/assets", file), "utf8") }));
  const holding = (marker: string) =>
    scripts()
      .filter(({ text }) => text.includes(marker))
      .map(({ file }) => file);

  it("holds no zod: components take constants from pure files and types with `import type`", () => {
    expect(holding("$ZodType")).toEqual([]);
  });

  it("holds no drizzle: no table definition reaches a page", () => {
    expect(holding("drizzle:")).toEqual([]);
  });

  it("holds no interface texts: a page gets its own from the root loader", () => {
    expect(holding(nl.site.disclaimer)).toEqual([]);
    expect(holding(en.site.disclaimer)).toEqual([]);
  });
});
