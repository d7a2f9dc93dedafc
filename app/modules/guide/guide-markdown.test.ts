import { describe, expect, it } from "vitest";
import {
  createAnchor,
  parseGuidePart,
  plainTextOf,
  renderBlock,
  splitBlocks,
  stampAnchors,
} from "./guide-markdown.ts";

const part = (body: string) => `---
slug: proef
kind: principe
order: 1
title: Een proefdeel
summary: Alleen voor de tests.
related: []
---

${body}
`;

describe("an editor writes a part of the guide in Markdown", () => {
  it("gets an anchor on every paragraph, heading and list", () => {
    const stamped = stampAnchors(part("## Wat houdt dit in?\n\nWe luisteren naar burgers.\n\n- een\n- twee"));
    const parsed = parseGuidePart({ source: stamped, file: "proef.md" });
    expect(parsed.blocks.map((block) => [block.kind, block.anchor])).toEqual([
      ["heading", "wat-houdt-dit-in"],
      ["paragraph", "we-luisteren-naar-burgers"],
      ["list", "een-twee"],
    ]);
    expect(stampAnchors(stamped)).toBe(stamped);
  });

  it("keeps the anchors of other paragraphs when one is edited or added", () => {
    const stamped = stampAnchors(part("Eerste alinea over vertrouwen.\n\nTweede alinea over luisteren."));
    const edited = stamped
      .replace("Eerste alinea over vertrouwen.", "Heel andere tekst.")
      .replace("Tweede alinea", "Nieuwe alinea ertussen.\n\nTweede alinea");
    const parsed = parseGuidePart({ source: stampAnchors(edited), file: "proef.md" });
    expect(parsed.blocks.map((block) => block.anchor)).toEqual([
      "eerste-alinea-over-vertrouwen",
      "nieuwe-alinea-ertussen",
      "tweede-alinea-over-luisteren",
    ]);
  });

  it("makes anchors unique within a part", () => {
    expect(createAnchor({ text: "Zo willen we werken", taken: new Set(["zo-willen-we-werken"]) })).toBe(
      "zo-willen-we-werken-2",
    );
    expect(createAnchor({ text: "!!!", taken: new Set() })).toBe("alinea");
  });

  it("refuses a part without anchors, with a duplicate anchor or with bad front matter", () => {
    expect(() => parseGuidePart({ source: part("Geen anker."), file: "proef.md" })).toThrow(/geen anker/);
    expect(() => parseGuidePart({ source: part("Een\n{#a}\n\nTwee\n{#a}"), file: "proef.md" })).toThrow(
      /dubbel/,
    );
    expect(() => parseGuidePart({ source: "---\nslug: X Y\n---\nTekst\n{#a}", file: "x.md" })).toThrow(
      /x\.md/,
    );
  });

  it("splits blocks at blank lines and reads the anchor off the last line", () => {
    expect(splitBlocks("## Kop {#kop}\n\nTekst\nmet twee regels\n{#tekst}\n\n\n- a\n- b")).toEqual([
      { source: "## Kop", anchor: "kop" },
      { source: "Tekst\nmet twee regels", anchor: "tekst" },
      { source: "- a\n- b" },
    ]);
  });

  it("gives the plain text of a block without markup", () => {
    expect(plainTextOf("We **luisteren** naar [burgers](gids:luister-naar-burgers).")).toBe(
      "We luisteren naar burgers.",
    );
    expect(plainTextOf("- een\n- twee")).toBe("een twee");
  });
});

describe("a block is shown safely with the design system's classes", () => {
  it("links parts within the version being read", () => {
    const html = renderBlock({
      markdown: "Zie [luisteren](gids:luister-naar-burgers).",
      partHref: (slug) => `/gids/versie/2/${slug}`,
    });
    expect(html).toBe(
      '<p class="nl-paragraph">Zie <a href="/gids/versie/2/luister-naar-burgers" class="nl-link">luisteren</a>.</p>',
    );
  });

  it("never lets markup or scripts through", () => {
    const html = renderBlock({
      markdown: "Tekst <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))",
      partHref: () => "/",
    });
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("shifts headings down where a part's title is itself a heading", () => {
    expect(renderBlock({ markdown: "## Uitleg", partHref: () => "/", headingShift: 1 })).toBe(
      '<h3 class="nl-heading nl-heading--level-3">Uitleg</h3>',
    );
  });
});
