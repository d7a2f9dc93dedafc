import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email.ts";

describe("maskEmail", () => {
  it("keeps the first character of the name and the whole domain", () => {
    expect(maskEmail("vera.jansen@org.nl")).toBe("v…@org.nl");
    expect(maskEmail("v@org.nl")).toBe("v…@org.nl");
  });

  it("never shows more of the name, however it is written", () => {
    expect(maskEmail("😀anna@example.nl")).toBe("😀…@example.nl");
    expect(maskEmail("a@b@example.nl")).toBe("a…@example.nl");
    expect(maskEmail("geen-adres")).toBe("…");
  });
});
