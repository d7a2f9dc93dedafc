import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path.ts";

describe("after a form, people only ever go back to a page of this site", () => {
  it.each([
    ["/gids/waarden?x=1#kop", "/gids/waarden?x=1#kop"],
    ["/profiel", "/profiel"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
    ["/.//evil.example/login?x=1", "/"],
    ["/..//evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/%2E%2e//evil.example", "/"],
    ["/a/../..//evil.example", "/"],
    ["/a/./b/../c", "/a/c"],
    ["/%2f/evil.example", "/"],
    ["/%2F%2Fevil.example", "/"],
    ["/%5c/evil.example", "/"],
    ["/gids?terug=%2F%2Fevil.example", "/gids?terug=%2F%2Fevil.example"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it("never leaves the site, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        const result = safeReturnPath(input);
        const resolved = new URL(result.replace(/[\t\n\r]/g, ""), "https://site.example");
        expect(resolved.origin).toBe("https://site.example");
      }),
      { numRuns: 2000 },
    );
  });

  it("always gives a path that starts with exactly one slash, for paths built from tricky segments", () => {
    const segment = fc.constantFrom(
      "",
      ".",
      "..",
      "%2e",
      "%2E",
      "%2e%2e",
      ".%2e",
      "%2f",
      "%2F",
      "%5c",
      "\\",
      "evil.example",
      "gids",
      "@evil.example",
      "?x=//evil.example",
      "#//evil.example",
      ":",
      "http:",
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(path, (input) => {
        const result = safeReturnPath(input);
        expect(result.startsWith("/")).toBe(true);
        expect(result[1] === "/" || result[1] === "\\").toBe(false);
        expect(new URL(result, "https://site.example").origin).toBe("https://site.example");
        expect(safeReturnPath(result)).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });
});
