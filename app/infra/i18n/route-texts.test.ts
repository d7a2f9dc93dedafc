import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";
import { createRouteTexts } from "./route-texts.ts";
import { SERVER_TEXTS, textsFor } from "./texts.server.ts";
import type { Texts } from "./translate.ts";

// A page's texts come only from the namespaces its routes declare, so a key a component uses outside
// them would show as the bare key. This reads each route file and the browser-side files it imports,
// finds every text key written in them, and checks its handle covers it.

const app = path.resolve("app");
// Messages and mails are said on the server, in the reader's language, and never go to the browser: a
// file a page imports may name their keys for the server to translate.
const TOP = Object.keys(nl).filter((namespace) => !(SERVER_TEXTS as readonly string[]).includes(namespace));
const KEY = new RegExp(`["'\`]((?:${TOP.join("|")})\\.[A-Za-z0-9_.-]*)(?=["'\`]|\\$\\{)`, "g");

function nodeAt(key: string): Texts | string | undefined {
  let node: Texts | string | undefined = nl as Texts;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return node;
}

/** Whether `key` (or, ending in a dot, every key under it) names texts in the locale files. */
function isTextKey(key: string): boolean {
  const base = key.replace(/\.$/, "");
  if (nodeAt(base) !== undefined) return true;
  const parent = nodeAt(base.split(".").slice(0, -1).join("."));
  const last = base.split(".").at(-1) ?? "";
  return typeof parent === "object" && Object.keys(parent).some((name) => name.startsWith(`${last}_`));
}

function resolveImport(from: string, specifier: string): string | undefined {
  const target = specifier.startsWith("~/")
    ? path.join(app, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  return fs.existsSync(target) && fs.statSync(target).isFile() ? target : undefined;
}

/** Every text key written in a file and in the files it imports that reach the browser. */
function keysUsed(file: string, seen = new Set<string>()): Set<string> {
  const keys = new Set<string>();
  if (seen.has(file)) return keys;
  seen.add(file);
  // The handle's own list names namespaces, not texts the page shows.
  const source = fs.readFileSync(file, "utf8").replace(HANDLE, "");
  for (const match of source.matchAll(KEY)) if (match[1] && isTextKey(match[1])) keys.add(match[1]);
  for (const match of source.matchAll(/^import (?!type )[^;]*?from "((?:\.{1,2}|~)\/[^"]+)"/gms)) {
    const target = resolveImport(file, match[1] ?? "");
    if (!target || /\.server\.tsx?$|\.json$/.test(target)) continue;
    for (const key of keysUsed(target, seen)) keys.add(key);
  }
  return keys;
}

const HANDLE = /export const handle[^=]*=\s*\{\s*texts:\s*\[([^\]]*)\]/;

function declared(file: string): string[] {
  const handle = HANDLE.exec(fs.readFileSync(file, "utf8"));
  return [...(handle?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "");
}

const covers = (namespace: string, key: string) =>
  key === namespace ||
  key.startsWith(`${namespace}.`) ||
  (key.endsWith(".") && namespace.startsWith(key)) ||
  namespace.startsWith(`${key}_`);

const routeFiles = [
  ...new Set(
    [...fs.readFileSync("app/routes.ts", "utf8").matchAll(/"(routes\/[^"]+\.tsx)"/g)].map((m) => m[1] ?? ""),
  ),
];
const shell = declared("app/root.tsx");

describe("interface texts per page", () => {
  it("finds the routes and the keys they use", () => {
    expect(routeFiles.length).toBeGreaterThan(50);
    expect(keysUsed(path.resolve("app/routes/dilemmas.tsx")).size).toBeGreaterThan(5);
  });

  it.each(routeFiles)("%s declares every namespace its page uses", (file) => {
    const namespaces = [...shell, ...declared(path.join(app, file))];
    const missing = [...keysUsed(path.join(app, file))].filter(
      (key) => !namespaces.some((namespace) => covers(namespace, key)),
    );
    expect(missing).toEqual([]);
    // Every declared namespace exists, in both languages.
    expect(() => textsFor({ language: "en", namespaces })).not.toThrow();
  });

  it.each(routeFiles)("%s declares no texts its page does not use", (file) => {
    // A page that runs in the browser sends what it declares there, so what it does not show is weight.
    const used = [...keysUsed(path.join(app, file))];
    const unused = declared(path.join(app, file)).filter(
      (namespace) => !used.some((key) => covers(namespace, key) || covers(key, namespace)),
    );
    expect(unused).toEqual([]);
  });

  it("the shell declares the texts the page frame and the error pages use", () => {
    const missing = [...keysUsed(path.resolve("app/root.tsx"))].filter(
      (key) => !shell.some((namespace) => covers(namespace, key)),
    );
    expect(missing).toEqual([]);
  });
});

describe("createRouteTexts", () => {
  const routes = {
    root: { path: "", module: { handle: { texts: ["site"] } } },
    "routes/home": { parentId: "root", module: { handle: { texts: ["home"] } } },
    "routes/dilemma": {
      parentId: "root",
      path: "dilemmas/:slug",
      module: { handle: { texts: ["dilemmas"] } },
    },
    "routes/file": { parentId: "root", path: "download", module: {} },
  };
  const textsOf = createRouteTexts(routes);

  it("joins the namespaces of a route and its parents, by the pattern a loader gets", () => {
    expect(textsOf("/dilemmas/:slug")).toEqual(["site", "dilemmas"]);
    expect(textsOf("dilemmas/:slug")).toEqual(["site", "dilemmas"]);
    expect(textsOf("/")).toEqual(["site", "home"]);
    expect(textsOf("/download")).toEqual(["site"]);
    expect(textsOf("/unknown")).toEqual([]);
  });
});

describe("textsFor", () => {
  it("sends one language and only the namespaces asked for", () => {
    const texts = textsFor({ language: "en", namespaces: ["site", "kriskras.beheer"] });
    expect(Object.keys(texts).sort()).toEqual(["kriskras", "site"]);
    expect(Object.keys(texts.kriskras as Texts)).toEqual(["beheer"]);
    expect((texts.site as Texts).name).toBe(en.site.name);
  });

  it("leaves the full texts whole when a namespace and a part of it are both asked for", () => {
    textsFor({ language: "nl", namespaces: ["kriskras", "kriskras.beheer.notices"] });
    const again = textsFor({ language: "nl", namespaces: ["kriskras.beheer"] }).kriskras as Texts;
    expect(Object.keys(again.beheer as Texts)).toEqual(Object.keys(nl.kriskras.beheer));
  });

  it("refuses a namespace without texts", () => {
    expect(() => textsFor({ language: "nl", namespaces: ["nothing.here"] })).toThrow(/nothing\.here/);
  });
});
