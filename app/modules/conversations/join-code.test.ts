import { describe, expect, it } from "vitest";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import {
  createJoinCode,
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCode,
  normalizeJoinCode,
} from "./join-code.ts";

/** A random source that hands out the given bytes in order, then repeats the last one. */
function bytes(...values: number[]) {
  let position = 0;
  return (n: number) =>
    Uint8Array.from({ length: n }, () => values[Math.min(position++, values.length - 1)] ?? 0);
}

describe("the join code alphabet", () => {
  it("leaves out characters that look or sound alike", () => {
    for (const character of "0O1IL5S2Z8BUV6GNQY") expect(JOIN_CODE_ALPHABET).not.toContain(character);
  });

  it("has no character twice", () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });
});

describe("createJoinCode", () => {
  it("makes six characters from the alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = createJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const character of code) expect(JOIN_CODE_ALPHABET).toContain(character);
    }
  });

  it("uses every character over 10,000 codes, none far more often than the others", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      for (const character of createJoinCode()) counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    const expected = (10_000 * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
    for (const character of JOIN_CODE_ALPHABET) {
      // About 3,333 each; a fair source stays within 15% with overwhelming probability.
      expect(counts.get(character) ?? 0).toBeGreaterThan(expected * 0.85);
      expect(counts.get(character) ?? 0).toBeLessThan(expected * 1.15);
    }
  });

  it("throws away bytes that would make some characters more likely", () => {
    // 252 and above are rejected; 0 maps to the first character, 18 and 251 wrap around.
    const code = createJoinCode(bytes(255, 252, 0, 18, 251, 1, 17, 253, 2));
    expect(code).toBe([0, 0, 251 % 18, 1, 17, 2].map((index) => JOIN_CODE_ALPHABET[index]).join(""));
  });

  it("gives up on a random source that never returns a usable byte", () => {
    expect(() => createJoinCode(bytes(255))).toThrow(/random source/);
  });
});

describe("normalizeJoinCode", () => {
  it.each([
    ["ACDEFH", "ACDEFH"],
    ["acdefh", "ACDEFH"],
    ["acd efh", "ACDEFH"],
    ["ACD-EFH", "ACDEFH"],
    [" a-c d.e_f h ", "ACDEFH"],
    ["ACD\u00a0EFH", "ACDEFH"],
    ["ACD\u2013EFH", "ACDEFH"],
    ["ＡＣＤＥＦＨ", "ACDEFH"],
    ["x34 79k", "X3479K"],
  ])("reads %j as %s", (input, code) => {
    expect(normalizeJoinCode(input)).toBe(code);
  });

  it.each([
    ["", "nothing"],
    ["ACDEF", "too short"],
    ["ACDEFHJ", "too long"],
    ["ACDEF0", "a zero"],
    ["ACDEFO", "the letter O"],
    ["ACDEF1", "a one"],
    ["ACDEFS", "an S"],
    ["ACDEF!", "a punctuation mark"],
    ["ACDÉFH", "a letter with an accent"],
    [`ACD${" ".repeat(40)}EFH`, "far too much input"],
  ])("refuses %j (%s)", (input) => {
    expect(normalizeJoinCode(input)).toBeUndefined();
  });
});

describe("formatJoinCode", () => {
  it("splits the code into two groups of three for reading aloud", () => {
    expect(formatJoinCode("ACDEFH")).toBe("ACD EFH");
    expect(formatJoinCode("acd-efh")).toBe("ACD EFH");
  });

  it("refuses something that is not a code", () => {
    expect(() => formatJoinCode("HELLO")).toThrow();
  });
});

describe("JoinCode", () => {
  it("turns what a participant typed into the canonical code", () => {
    expect(JoinCode.parse(" acd efh ")).toBe("ACDEFH");
  });

  it("asks for the code when the field is empty", () => {
    const result = JoinCode.safeParse("  ");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("problems.conversations.joinCodeMissing");
  });

  it("says in Dutch that a wrong code is wrong", () => {
    const result = JoinCode.safeParse("ACDEF0");
    expect(result.success).toBe(false);
    expect(translatorFor("nl")(result.error?.issues[0]?.message ?? "")).toBe(
      "Deze code klopt niet. Een code heeft 6 tekens, zoals op het scherm staat.",
    );
  });

  it("refuses something that is not text", () => {
    expect(JoinCode.safeParse(123456).success).toBe(false);
  });
});
