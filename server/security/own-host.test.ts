// No code builds an address from what the client sent: links come from `config.publicUrl` only. The
// Host check (own-host.ts) is the one place that reads the header, to refuse other hosts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SOURCES = ["app", "server", "bin"];
const READS_THE_CLIENTS_ADDRESS = [
  /new URL\(\s*request\.url\s*\)\.(origin|host|protocol)/,
  /req\.get\(\s*["']host["']\s*\)/i,
  /req\.headers\.host\b/,
  /req\.hostname\b/,
  /req\.protocol\b/,
  /headers\.get\(\s*["']host["']\s*\)/i,
  /x-forwarded-host/i,
];
const ALLOWED = new Set([path.join("server", "security", "own-host.ts")]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name),
    )
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("links are built from the configured address only", () => {
  it("no source file reads the request's host or scheme, but the Host check", () => {
    const offenders = SOURCES.flatMap(sourceFiles)
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) => {
        const text = fs.readFileSync(file, "utf8");
        return READS_THE_CLIENTS_ADDRESS.filter((pattern) => pattern.test(text)).map(
          (pattern) => `${file}: ${pattern}`,
        );
      });
    expect(offenders).toEqual([]);
  });

  it("the scan finds what it looks for", () => {
    const sample = "const origin = (services.config.publicUrl ?? new URL(request.url).origin);";
    expect(READS_THE_CLIENTS_ADDRESS.some((pattern) => pattern.test(sample))).toBe(true);
    expect(fs.readFileSync(path.join("server", "security", "own-host.ts"), "utf8")).toMatch(
      /req\.headers\.host/,
    );
  });
});
