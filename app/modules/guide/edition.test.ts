import { describe, expect, it } from "vitest";
import { editionText } from "./edition.ts";

describe("editionText", () => {
  it("keeps the Dutch edition in Dutch", () => {
    expect(editionText("derde versie", "nl")).toBe("derde versie");
  });

  it("says a Dutch ordinal edition in English", () => {
    expect(editionText("derde versie", "en")).toBe("third edition");
    expect(editionText("Vierde versie", "en")).toBe("fourth edition");
  });

  it("quotes any other edition as written", () => {
    expect(editionText("versie 3.1", "en")).toBe("edition “versie 3.1”");
  });
});
