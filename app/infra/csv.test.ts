import { describe, expect, it } from "vitest";
import { csvField, csvText } from "./csv.ts";

describe("CSV files", () => {
  it("quote on the separator in use, and leave the other one alone", () => {
    expect(csvText([["a,b", "c;d", 1]], { separator: ",", bom: false })).toBe('"a,b",c;d,1\r\n');
    expect(csvText([["a,b", "c;d", 1]])).toBe('\uFEFFa,b;"c;d";1\r\n');
  });

  it("write an empty cell for nothing, and keep numbers as numbers", () => {
    expect(csvText([[null, -1, 0]], { separator: ",", bom: false })).toBe(",-1,0\r\n");
  });
});

describe("CSV fields", () => {
  it("guard every way a spreadsheet starts a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvField(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvField("gewoon")).toBe("gewoon");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField(" spatie")).toBe('" spatie"');
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
  });
});
