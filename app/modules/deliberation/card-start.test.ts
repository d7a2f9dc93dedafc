import { describe, expect, it } from "vitest";
import { recordStartFromCard } from "./card-start.ts";
import { DeliberationContent, DeliberationPatch } from "./deliberation.validation.ts";

const CARD = {
  case: "  Een burger vraagt om uitstel van betaling. Volgens de regels kan dat niet.\n",
  optionA: "Ik volg de regels",
  riskA: "De burger komt in geldproblemen.",
  optionB: "Ik geef toch uitstel",
  riskB: "Andere burgers krijgen dat niet.",
};

describe("a record started from a dilemma card", () => {
  it("has the card's situation and both choices with their risks in steps 1 and 2", () => {
    expect(recordStartFromCard(CARD)).toEqual({
      situation: "Een burger vraagt om uitstel van betaling. Volgens de regels kan dat niet.",
      optionA: "Ik volg de regels",
      riskA: "De burger komt in geldproblemen.",
      optionB: "Ik geef toch uitstel",
      riskB: "Andere burgers krijgen dat niet.",
    });
  });

  it("leaves the weighing and the choice to the person", () => {
    const content = DeliberationContent.parse(recordStartFromCard(CARD));
    expect(content).toMatchObject({ moment: "", principles: [], values: [], choice: "", because: "" });
  });

  it("fits a record even for the longest card the card's schema allows", () => {
    const longest = {
      case: "a".repeat(1500),
      optionA: "b".repeat(300),
      riskA: "c".repeat(400),
      optionB: "d".repeat(300),
      riskB: "e".repeat(400),
    };
    expect(DeliberationPatch.safeParse(recordStartFromCard(longest)).success).toBe(true);
  });
});
