// Every page of the route table, from the built server with the example data:
// - loaded as a browser without a cache loads it, it stays within the JavaScript budget, and neither
//   the validation library nor the ORM reaches the browser (the measurement of `npm run bench:pages`,
//   without the load test);
// - in English, it shows no Dutch interface text: Dutch is only content marked `lang="nl"`.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { Parser } from "htmlparser2";
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
import { EXAMPLE_URLS, type PEOPLE } from "../e2e/example-urls.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { looksDutch } from "./dutch-text.ts";
import { freePort } from "./free-port.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-page-weight-"));
let server: BuiltServer;
let weights: RouteWeight[];
let cookies: Record<keyof typeof PEOPLE, string>;

beforeAll(async () => {
  const tokens = await prepareExampleData(dataDir);
  server = await startBuiltServer({ port: await freePort(), dataDir, env: PAGE_WEIGHT_ENV });
  cookies = await logInEveryone(server.base, tokens);
  weights = await weighEveryRoute({ base: server.base, cookies });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("JavaScript per page", () => {
  it("weighs a page for every route that renders one", () => {
    expect(weights.filter((weight) => weight.heaviest).length).toBeGreaterThan(50);
  });

  it(`no page loads more than ${kilobytes(PAGE_JS_BUDGET_BYTES)} kB gzipped`, () => {
    const tooHeavy = weights.flatMap((weight) =>
      weight.heaviest && weight.heaviest.bytes > PAGE_JS_BUDGET_BYTES
        ? [`${weight.id} ${weight.heaviest.example.path}: ${kilobytes(weight.heaviest.bytes)} kB`]
        : [],
    );
    expect(tooHeavy).toEqual([]);
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

  it("is sent as it was compressed at build time: brotli where the browser reads it, else gzip", async () => {
    const file = scripts().sort((a, b) => b.text.length - a.text.length)[0]?.file ?? "";
    const asked = async (encoding: string) => {
      const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(`${server.base}/assets/${file}`, { headers: { "accept-encoding": encoding } }, resolve)
          .on("error", reject),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return { headers: response.headers, body: Buffer.concat(chunks) };
    };
    const original = fs.readFileSync(path.join("build/client/assets", file));
    const br = await asked("gzip, deflate, br");
    const gzip = await asked("gzip");
    const plain = await asked("identity");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(original)).toBe(true);
    // Smaller than compressing per request would make it.
    expect(gzip.body.length).toBeLessThan(zlib.gzipSync(original).length);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    for (const answer of [br, gzip, plain]) {
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.headers["cache-control"]).toMatch(/immutable/);
      expect(answer.headers["content-type"]).toMatch(/javascript/);
    }
  });

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

describe("every page in English", () => {
  it("finds Dutch interface text on a page, and leaves content marked Dutch alone", () => {
    const page =
      '<html lang="en"><head><title>Conversations – Vakmanschap</title></head><body>' +
      '<p>Start a conversation.</p><p lang="nl">Dit is de tekst van de gids.</p>' +
      '<p>Deze code kennen we niet.</p><input placeholder="Vul hier je naam in"></body></html>';
    expect(dutchTextsOf(page)).toEqual(["Deze code kennen we niet.", "Vul hier je naam in"]);
  });

  it("allows a Dutch title of what the page shows marked Dutch, and no other Dutch title", () => {
    const card = '<h1 lang="nl">Eerst voor de minister of voor de samenleving?</h1>';
    const shown = `<title>Eerst voor de minister of voor de samenleving? – Dilemmas – Vakmanschap</title>${card}`;
    expect(dutchTextsOf(shown)).toEqual([]);
    expect(dutchTextsOf("<title>Dit is niet voor jou – Vakmanschap</title>")).toEqual([
      "Dit is niet voor jou",
    ]);
  });

  it("shows no Dutch interface text on any page of the route table, errors included", async () => {
    const found: string[] = [];
    let pages = 0;
    for (const [id, examples] of Object.entries(EXAMPLE_URLS)) {
      if ("rendersNoPage" in examples) continue;
      for (const example of examples.examples) {
        const cookie = [example.as && cookies[example.as], "taal=en"].filter(Boolean).join("; ");
        const response = await fetch(`${server.base}${example.path}`, {
          headers: { cookie },
          redirect: "manual",
        });
        const html = await response.text();
        if (!response.headers.get("content-type")?.startsWith("text/html")) continue;
        pages++;
        for (const text of dutchTextsOf(html)) {
          if (!TYPED_BY_PEOPLE.some((typed) => text.includes(typed)))
            found.push(`${id} ${example.path}: ${text}`);
        }
      }
    }
    expect(pages).toBeGreaterThan(80);
    expect(found).toEqual([]);
  }, 120_000);
});

/**
 * The Dutch sentences a page shows a reader outside content marked `lang="nl"`: its text, split at
 * elements and sentence ends, and the attributes a person reads or hears (title, alt, aria-label,
 * placeholder, a meta description).
 */
function dutchTextsOf(html: string): string[] {
  const pieces: string[] = [];
  let current = "";
  const end = () => {
    pieces.push(...current.split(/(?<=[.!?])\s+/));
    current = "";
  };
  const skipped: boolean[] = [];
  // Text inside the document's title, which cannot mark a part of itself as Dutch, and text marked Dutch.
  // A chart's <title> (inside an <svg>) names the chart, not the page: it is read like any other text.
  let inTitle = false;
  let svgDepth = 0;
  let title = "";
  let markedDutch = "";
  const dutchDepth: boolean[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const skip =
        (skipped.at(-1) ?? false) ||
        ["script", "style", "template"].includes(name) ||
        (name !== "html" && /^nl\b/i.test(attributes.lang ?? ""));
      skipped.push(skip);
      dutchDepth.push(
        (dutchDepth.at(-1) ?? false) || (name !== "html" && /^nl\b/i.test(attributes.lang ?? "")),
      );
      if (name === "svg") svgDepth++;
      inTitle = name === "title" && svgDepth === 0;
      if (!INLINE.has(name)) end();
      if (skip) return;
      for (const attribute of ["title", "alt", "aria-label", "placeholder"]) {
        if (attributes[attribute]) pieces.push(attributes[attribute]);
      }
      if (name === "meta" && attributes.name === "description" && attributes.content)
        pieces.push(attributes.content);
    },
    ontext(text) {
      if (inTitle) title += text;
      else if (dutchDepth.at(-1)) markedDutch += ` ${text}`;
      else if (!skipped.at(-1)) current += text;
    },
    onclosetag(name) {
      if (name === "svg") svgDepth--;
      skipped.pop();
      dutchDepth.pop();
      inTitle = false;
      if (!INLINE.has(name)) end();
    },
  });
  parser.write(html);
  parser.end();
  end();
  // A title names what the page shows: its Dutch part counts as content when the page shows it marked.
  const shownDutch = markedDutch.replace(/\s+/g, " ");
  const titleParts = title
    .split(/\s+–\s+/)
    .map((part) => part.trim())
    .filter((part) => !shownDutch.includes(part));
  return [...pieces, ...titleParts].map((piece) => piece.replace(/\s+/g, " ").trim()).filter(looksDutch);
}

/**
 * What people typed in the example data (tests/e2e/cocreation-fixture.ts, tests/integration/
 * kriskras-factory.ts): a text a person writes is theirs, in their language, not an interface text.
 */
const TYPED_BY_PEOPLE = [
  "Gesprekken over trots op je werk en de menselijke maat.", // an organiser's description of a round
  "We nemen dit mee in de volgende versie.", // an editor's note on a contribution
  "Er stond een naam van een echt persoon in.", // a moderator's reason, as the audit trail keeps it
];

/** Elements a sentence runs through; any other element ends the text before it. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "br",
  "code",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
]);
