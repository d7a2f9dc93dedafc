import { describe, expect, it } from "vitest";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import {
  anchorForNewBlock,
  blockFromMarkdown,
  blockMarkdownProblem,
  moveItem,
  nextVersionLabel,
  slugForPart,
} from "./draft-rules.ts";
import { parseGuidePart } from "./guide-markdown.ts";

const slugs = new Set(["luister-naar-burgers", "waarden"]);

describe("an editor changes a paragraph of the draft", () => {
  it("gets the same kind and plain text as the import would make of it", () => {
    const markdown = "Wie **luistert**, hoort [meer](gids:waarden).\r\n";
    const block = blockFromMarkdown({ anchor: "wie-luistert", markdown });
    const imported = parseGuidePart({
      source: `---\nslug: proef\nkind: principe\norder: 1\ntitle: Proef\nsummary: Een proef.\n---\n\n${markdown.trimEnd()}\n{#wie-luistert}\n`,
      file: "proef.md",
    }).blocks[0];
    expect(block).toEqual(imported);
    expect(block).toEqual({
      anchor: "wie-luistert",
      kind: "paragraph",
      markdown: "Wie **luistert**, hoort [meer](gids:waarden).",
      text: "Wie luistert, hoort meer.",
    });
    expect(blockFromMarkdown({ anchor: "kop", markdown: "## Een kop" }).kind).toBe("heading");
    expect(blockFromMarkdown({ anchor: "lijst", markdown: "- een\n- twee" }).kind).toBe("list");
  });

  it("is told in Dutch what is wrong with the text, and nothing when it is fine", () => {
    const t = translatorFor("nl");
    const problem = (markdown: string) => {
      const said = blockMarkdownProblem({ markdown, partSlugs: slugs });
      return said === undefined ? undefined : t(said);
    };
    expect(problem("Een gewone alinea met een [link](gids:waarden).")).toBeUndefined();
    expect(problem("   \n ")).toMatch(/Schrijf de tekst/);
    expect(problem("Eerste alinea.\n\nTweede alinea.")).toMatch(/lege regel/);
    expect(problem("Tekst\n{#eigen-anker}")).toMatch(/anker/);
    expect(problem("Zie [dit](gids:bestaat-niet).")).toMatch(/bestaat-niet/);
    expect(problem("x".repeat(10_001))).toMatch(/10\.000/);
    expect(problem("Met \u0000 erin")).toMatch(/teken/);
  });
});

describe("new paragraphs and parts get names that stay", () => {
  it("makes an anchor from the first words, unique among the anchors the part ever had", () => {
    const taken = new Set(["luister-ook-naar-wie-niet"]);
    expect(anchorForNewBlock({ markdown: "Luister ook naar wie niet vanzelf komt.", taken })).toBe(
      "luister-ook-naar-wie-niet-2",
    );
    expect(anchorForNewBlock({ markdown: "**Bij een gemeente.** Een ambtenaar…", taken })).toBe(
      "bij-een-gemeente-een-ambtenaar",
    );
    expect(anchorForNewBlock({ markdown: "!!!", taken: new Set() })).toBe("alinea");
  });

  it("makes a part's slug from its title, unique in the draft", () => {
    expect(slugForPart({ title: "Wees zuinig op elkaar", taken: new Set() })).toBe("wees-zuinig-op-elkaar");
    expect(slugForPart({ title: "Waarden", taken: slugs })).toBe("waarden-2");
    expect(slugForPart({ title: "???", taken: new Set() })).toBe("deel");
  });

  it("numbers the next version's label", () => {
    expect(nextVersionLabel({ label: "Vakmanschap-weergave 1 — naar de derde versie", from: 1, to: 2 })).toBe(
      "Vakmanschap-weergave 2 — naar de derde versie",
    );
    expect(nextVersionLabel({ label: "Weergave 11", from: 1, to: 2 })).toBe("Weergave 11 (versie 2)");
    expect(nextVersionLabel({ label: "Eerste uitgave", from: 3, to: 4 })).toBe("Eerste uitgave (versie 4)");
  });

  it("moves an item one place, and not past either end", () => {
    expect(moveItem(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, "up")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, "down")).toEqual(["a", "b", "c"]);
  });
});
