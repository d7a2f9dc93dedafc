// The shipped dilemma cards are dilemmas, not tests with a right answer: neither option (nor its risk)
// is told at much greater length than the other, and the longer option does not sit in the same place
// on most cards, so a team cannot guess "the right one" from the card's shape.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";

const DIR = path.resolve("content/dilemmas");
const cards = fs
  .readdirSync(DIR)
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .map((file) => ({ file, data: matter(fs.readFileSync(path.join(DIR, file), "utf8")).data }));

const words = (text: unknown) =>
  String(text ?? "")
    .split(/\s+/)
    .filter(Boolean).length;
const MAX_RATIO = 1.5;
const MAX_SAME_PLACE = 0.65;

describe("the shipped dilemma cards", () => {
  it("are at least 30", () => {
    expect(cards.length).toBeGreaterThanOrEqual(30);
  });

  it("tell both options, and both risks, at about the same length (at most 1.5 times in words)", () => {
    const lopsided: string[] = [];
    for (const { file, data } of cards) {
      for (const [a, b, what] of [
        [data.optionA, data.optionB, "options"],
        [data.riskA, data.riskB, "risks"],
      ] as const) {
        const [shorter, longer] = [words(a), words(b)].sort((x, y) => x - y) as [number, number];
        if (longer > MAX_RATIO * shorter)
          lopsided.push(`${file}: ${what} ${words(a)} against ${words(b)} words`);
      }
    }
    expect(lopsided).toEqual([]);
  });

  it("do not put the longer option in the same place on more than 65 % of the cards", () => {
    const aLonger = cards.filter(({ data }) => words(data.optionA) > words(data.optionB)).length;
    const bLonger = cards.filter(({ data }) => words(data.optionB) > words(data.optionA)).length;
    expect(aLonger / cards.length).toBeLessThanOrEqual(MAX_SAME_PLACE);
    expect(bLonger / cards.length).toBeLessThanOrEqual(MAX_SAME_PLACE);
  });
});
