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
});
