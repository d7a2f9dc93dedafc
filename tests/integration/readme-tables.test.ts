// The README's tables say what the code does: every setting the server reads is in the configuration
// table with its real default, every setting a benchmark reads is in the table beside it, every command in the command table exists, and every page address in
// the address table is a route (and every route is listed).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigInput } from "../../app/infra/env.server.ts";

const readme = fs.readFileSync("README.md", "utf8");

/** The rows of the first table after `heading`, as arrays of trimmed cells. */
function tableAfter(heading: string): string[][] {
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const lines = readme.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");

describe("the README's configuration table", () => {
  const rows = tableAfter("## Configuration");
  const documented = new Map(rows.map((row) => [ticked(row[0] ?? "")[0] ?? "", row]));
  const variables = Object.keys(ConfigInput.shape);

  it("lists every variable the server reads, and no other", () => {
    expect([...documented.keys()].sort()).toEqual([...variables].sort());
  });

  it("gives each variable's real default", () => {
    const wrong: string[] = [];
    for (const variable of variables) {
      const cell = documented.get(variable)?.[1] ?? "";
      const fallback = (
        ConfigInput.shape as Record<string, { safeParse(value: unknown): { data?: unknown } }>
      )[variable]?.safeParse(undefined).data;
      const [shown] = ticked(cell);
      // Defaults written as a plain value must be the schema's; prose ("unset", "from what is set") is read by people.
      if (/^(unset|empty)/.test(cell)) {
        if (fallback !== undefined && fallback !== "")
          wrong.push(`${variable}: README says "${cell}", code ${fallback}`);
        continue;
      }
      if (shown === undefined) continue;
      if (shown.includes("HOST") || /^[A-Z][a-z]/.test(shown)) continue;
      if (fallback !== undefined && String(fallback) !== shown) {
        wrong.push(`${variable}: README says ${shown}, code ${String(fallback)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the README's command table", () => {
  const rows = tableAfter("## Command line");
  const sources = fs
    .readdirSync("bin/commands")
    .map((file) => fs.readFileSync(path.join("bin/commands", file), "utf8"))
    .join("\n");
  const declared = new Set([...sources.matchAll(/\.command\("([a-z-]+)"\)/g)].map((match) => match[1]));

  it("names only commands that exist", () => {
    const missing = rows
      .flatMap((row) => ticked(row[0] ?? ""))
      .flatMap((command) => command.split(/\s+/).slice(1, 3))
      .filter((word) => /^[a-z][a-z-]*$/.test(word) && word !== "help" && !declared.has(word));
    expect(missing).toEqual([]);
  });

  it("lists every command", () => {
    const listed = new Set(
      rows.flatMap((row) => ticked(row[0] ?? "")).flatMap((command) => command.split(/\s+/).slice(1, 3)),
    );
    expect([...declared].filter((command) => !listed.has(command ?? ""))).toEqual([]);
  });
});

describe("the README's address table", () => {
  const rows = tableAfter("## Public addresses");
  const routesSource = fs.readFileSync("app/routes.ts", "utf8");
  const routes = [...routesSource.matchAll(/route\("([^"]+)"/g)].map((match) => `/${match[1]}`);
  const toPattern = (address: string) =>
    address
      .replace(/[?#].*$/, "")
      .replace(/<[^>]+>/g, ":x")
      .replace(/\/$/, "");
  const routePatterns = new Set(
    routes.filter((route) => route !== "/*").map((route) => route.replace(/:[a-z]+/gi, ":x")),
  );
  const pageAddresses = rows
    .flatMap((row) => ticked(row[0] ?? ""))
    .filter((address) => address.startsWith("/") && !address.startsWith("/api"))
    .map(toPattern)
    .filter((address) => !address.includes("…"))
    .filter((address) => !["", "/healthz", "/readyz", "/metrics"].includes(address));

  it("names only pages that exist", () => {
    expect(pageAddresses.filter((address) => !routePatterns.has(address))).toEqual([]);
  });

  it("lists every page", () => {
    const listed = new Set(pageAddresses);
    expect([...routePatterns].filter((route) => !listed.has(route))).toEqual([]);
  });
});

describe("the README's table of settings outside the server", () => {
  const rows = tableAfter("Outside the server's configuration:");
  const documented = rows.flatMap((row) => ticked(row[0] ?? ""));

  it("lists every setting a benchmark reads, and no other", () => {
    const read = new Set<string>();
    for (const file of fs.readdirSync("bench").filter((name) => name.endsWith(".ts"))) {
      const source = fs.readFileSync(path.join("bench", file), "utf8");
      for (const match of source.matchAll(/\b(BENCH_[A-Z_]+)\b/g)) read.add(match[1] ?? "");
    }
    expect(documented.filter((name) => name.startsWith("BENCH_")).sort()).toEqual([...read].sort());
  });
});
