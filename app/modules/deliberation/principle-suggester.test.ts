import { describe, expect, it } from "vitest";
import { stem, wordsOf } from "./dutch-words.ts";
import { buildSuggester } from "./principle-suggester.ts";

describe("words from Dutch text", () => {
  it("brings inflected forms together and leaves function words out", () => {
    expect(stem("klachten")).toBe(stem("klacht"));
    expect(stem("burgers")).toBe(stem("burger"));
    expect(stem("controles")).toBe(stem("controle"));
    expect(stem("beslissen")).toBe(stem("beslissing"));
    expect(wordsOf("Ik moet kiezen tussen de minister en de Burgers!").map((word) => word.surface)).toEqual([
      "minister",
      "burgers",
    ]);
    expect(wordsOf("Één café, één idée").map((word) => word.surface)).toEqual(["cafe", "idee"]);
  });
});

describe("suggesting principles", () => {
  const suggester = buildSuggester([
    {
      slug: "a",
      title: "Over fietsen",
      summary: "",
      texts: [{ text: "fiets fietsen zadel trappers band", weight: 1 }],
    },
    {
      slug: "b",
      title: "Over koken",
      summary: "",
      texts: [{ text: "pan koken recept oven keuken", weight: 1 }],
    },
    { slug: "c", title: "Over beide", summary: "", texts: [{ text: "fiets pan", weight: 1 }] },
  ]);

  it("ranks the principle whose own words the person uses first, with those words as the reason", () => {
    const [first, second] = suggester.suggest("De band van mijn fiets is lek en het zadel is los.");
    expect(first).toMatchObject({ slug: "a", because: expect.arrayContaining(["band", "zadel"]) });
    expect(second?.slug).toBe("c");
  });

  it("weighs words shared by several principles less than words of one", () => {
    const ranked = suggester.suggest("Een fiets en een recept uit de keuken");
    expect(ranked[0]?.slug).toBe("b");
  });

  it("gives every principle a place, without reasons where nothing matched, and is deterministic", () => {
    const ranked = suggester.suggest("Niets dat hier op lijkt");
    expect(ranked.map((suggestion) => suggestion.slug)).toEqual(["a", "b", "c"]);
    expect(ranked.every((suggestion) => suggestion.score === 0 && suggestion.because.length === 0)).toBe(
      true,
    );
    expect(suggester.suggest("fiets", { limit: 1 })).toHaveLength(1);
  });
});
