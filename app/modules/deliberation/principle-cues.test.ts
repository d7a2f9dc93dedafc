// The signal words may not come from the evaluation set they are judged by: a word whose stem occurs in
// a test description must also occur in the guide or the cards, the texts it could honestly come from.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { wordsOf } from "./dutch-words.ts";
import { PRINCIPLE_CUES } from "./principle-cues.ts";
import type { DescribedDilemma } from "./suggestion-quality.ts";

const markdownIn = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((file) => file.endsWith(".md"))
    .map((file) => fs.readFileSync(path.join(folder, file), "utf8"))
    .join("\n");

describe("the suggester's signal words", () => {
  it("take no word from the evaluation set that the guide and the cards do not use", () => {
    const known = new Set(
      wordsOf(`${markdownIn("content/gids")}\n${markdownIn("content/dilemmas")}`).map((word) => word.stem),
    );
    const cases = (
      JSON.parse(fs.readFileSync("tests/fixtures/dilemma-descriptions.json", "utf8")) as DescribedDilemma[]
    ).map((dilemma) => ({
      id: dilemma.id,
      stems: new Set(
        wordsOf(`${dilemma.situation} ${dilemma.dilemma} ${dilemma.involved}`).map((word) => word.stem),
      ),
    }));
    const onlyInTheTestSet = Object.entries(PRINCIPLE_CUES).flatMap(([principle, cues]) =>
      wordsOf(cues)
        .filter((word) => !known.has(word.stem))
        .flatMap((word) =>
          cases
            .filter((test) => test.stems.has(word.stem))
            .map((test) => `${principle}: ${word.surface} (${test.id})`),
        ),
    );
    expect(onlyInTheTestSet).toEqual([]);
  });
});
