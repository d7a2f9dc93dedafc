import { describe, expect, it } from "vitest";
import { addressOf, filterOf, isSearchFilter, SEARCH_FILTERS } from "./search-filters.ts";

describe("where a search result leads", () => {
  it("leads to the paragraph in its part, in the version that was searched", () => {
    const paragraph = { kind: "paragraph" as const, slug: "waarden", anchor: "eerlijk-zijn" };
    expect(addressOf(paragraph, "/gids")).toBe("/gids/waarden#eerlijk-zijn");
    expect(addressOf(paragraph, "/gids/versie/3")).toBe("/gids/versie/3/waarden#eerlijk-zijn");
    expect(addressOf({ kind: "part", slug: "waarden", anchor: "" }, "/gids/versie/3")).toBe(
      "/gids/versie/3/waarden",
    );
  });

  it("leads to a card, a template to start from and a contribution", () => {
    expect(addressOf({ kind: "card", slug: "de-kaart", anchor: "" }, "/gids")).toBe("/dilemmas/de-kaart");
    expect(addressOf({ kind: "template", slug: "teamoverleg", anchor: "" }, "/gids")).toBe(
      "/gesprekken/nieuw?sjabloon=teamoverleg",
    );
    expect(addressOf({ kind: "contribution", slug: "abc", anchor: "" }, "/gids")).toBe("/meedenken/abc");
  });

  it("groups every kind under one filter, and knows the filters by their Dutch names", () => {
    expect(filterOf("paragraph")).toBe("gids");
    expect(filterOf("part")).toBe("gids");
    expect(filterOf("card")).toBe("dilemmas");
    expect(filterOf("template")).toBe("gesprekken");
    expect(filterOf("contribution")).toBe("meedenken");
    expect(Object.values(SEARCH_FILTERS).flat().sort()).toEqual([
      "card",
      "contribution",
      "paragraph",
      "part",
      "template",
    ]);
    expect(isSearchFilter("dilemmas")).toBe(true);
    expect(isSearchFilter("fietsen")).toBe(false);
    expect(isSearchFilter("toString")).toBe(false);
  });
});
