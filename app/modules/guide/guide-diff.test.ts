import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GuideBlock } from "./guide-block.ts";
import {
  type BlockDiff,
  type DiffPartInput,
  diffVersions,
  diffWordsOf,
  type WordChange,
} from "./guide-diff.ts";

function createBlock(overrides: Partial<GuideBlock> & { anchor: string }): GuideBlock {
  const text = overrides.text ?? `Tekst van ${overrides.anchor}.`;
  return { kind: "paragraph", markdown: text, text, ...overrides };
}

function createPart(overrides: Partial<DiffPartInput> & { slug: string }): DiffPartInput {
  return { title: `Deel ${overrides.slug}`, blocks: [createBlock({ anchor: "a" })], ...overrides };
}

/** Each block as "status:anchor", to check order and status at a glance. */
function outline(blocks: BlockDiff[]): string[] {
  return blocks.map((block) => `${block.status}:${block.anchor}`);
}

function spell(changes: WordChange[], skip: WordChange["kind"]): string {
  return changes
    .filter((change) => change.kind !== skip)
    .map((change) => change.text)
    .join("");
}

/** A copy of the part with one block edited, as an editor would between versions. */
function reviseBlock(options: {
  part: DiffPartInput;
  anchor: string;
  changes: Partial<GuideBlock>;
}): DiffPartInput {
  const blocks = options.part.blocks.map((block) =>
    block.anchor === options.anchor ? { ...block, ...options.changes } : block,
  );
  return { ...options.part, blocks };
}

const introduction = createPart({
  slug: "inleiding",
  title: "Inleiding",
  blocks: [
    createBlock({ anchor: "kop", kind: "heading", text: "Waarom deze gids" }),
    createBlock({ anchor: "doel", text: "De gids helpt ambtenaren bij lastige keuzes." }),
  ],
});
const integrity = createPart({
  slug: "integriteit",
  title: "Integriteit",
  blocks: [
    createBlock({ anchor: "eed", text: "Je legt de ambtseed af." }),
    createBlock({ anchor: "lijst", kind: "list", text: "eerlijk\nbetrouwbaar" }),
  ],
});
const guide = [introduction, integrity];

describe("a reader compares two versions of the guide", () => {
  it("sees no changes between identical versions", () => {
    const diff = diffVersions({ from: guide, to: structuredClone(guide) });

    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diff.parts.map((part) => part.status)).toEqual(["unchanged", "unchanged"]);
    expect(diff.parts[0]?.titleWords).toBeUndefined();
    expect(diff.parts[0]?.blocks).toEqual([
      { status: "unchanged", anchor: "kop", kind: "heading", text: "Waarom deze gids" },
      {
        status: "unchanged",
        anchor: "doel",
        kind: "paragraph",
        text: "De gids helpt ambtenaren bij lastige keuzes.",
      },
    ]);
  });

  it("sees which word of a paragraph was replaced", () => {
    const to = [
      reviseBlock({
        part: introduction,
        anchor: "doel",
        changes: { text: "De gids helpt ambtenaren bij moeilijke keuzes." },
      }),
      integrity,
    ];

    const diff = diffVersions({ from: guide, to });

    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(diff.parts.map((part) => part.status)).toEqual(["changed", "unchanged"]);
    const block = diff.parts[0]?.blocks[1];
    expect(block?.status).toBe("changed");
    if (block?.status !== "changed") return;
    expect(block.words.filter((word) => word.kind === "removed").map((word) => word.text.trim())).toEqual([
      "lastige",
    ]);
    expect(block.words.filter((word) => word.kind === "added").map((word) => word.text.trim())).toEqual([
      "moeilijke",
    ]);
    expect(spell(block.words, "removed")).toBe("De gids helpt ambtenaren bij moeilijke keuzes.");
    expect(spell(block.words, "added")).toBe("De gids helpt ambtenaren bij lastige keuzes.");
  });

  it("does not see a change when only the markdown around the same text changed", () => {
    const to = [
      introduction,
      reviseBlock({ part: integrity, anchor: "eed", changes: { markdown: "Je legt de **ambtseed** af." } }),
    ];

    const diff = diffVersions({ from: guide, to });

    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diff.parts[1]?.status).toBe("unchanged");
  });

  it("sees a new block where it was inserted and a removed block where it used to be", () => {
    const from = [
      createPart({
        slug: "deel",
        blocks: ["a", "b", "c", "d"].map((anchor) => createBlock({ anchor })),
      }),
    ];
    const to = [
      createPart({
        slug: "deel",
        blocks: ["a", "nieuw", "c", "extra"].map((anchor) => createBlock({ anchor })),
      }),
    ];

    const diff = diffVersions({ from, to });

    expect(outline(diff.parts[0]?.blocks ?? [])).toEqual([
      "unchanged:a",
      "removed:b",
      "added:nieuw",
      "unchanged:c",
      "removed:d",
      "added:extra",
    ]);
    expect(diff.counts).toEqual({ added: 2, removed: 2, changed: 0 });
    expect(diff.parts[0]?.status).toBe("changed");
  });

  it("sees removed opening blocks first, in their old order", () => {
    const from = [
      createPart({ slug: "deel", blocks: ["x", "y", "a"].map((anchor) => createBlock({ anchor })) }),
    ];
    const to = [createPart({ slug: "deel", blocks: ["n", "a"].map((anchor) => createBlock({ anchor })) })];

    const diff = diffVersions({ from, to });

    expect(outline(diff.parts[0]?.blocks ?? [])).toEqual([
      "removed:x",
      "removed:y",
      "added:n",
      "unchanged:a",
    ]);
  });

  it("sees a removed block keep the text and kind it had", () => {
    const from = [
      createPart({
        slug: "deel",
        blocks: [createBlock({ anchor: "citaat", kind: "quote", text: "Oud citaat" })],
      }),
    ];
    const to = [createPart({ slug: "deel", blocks: [] })];

    const diff = diffVersions({ from, to });

    expect(diff.parts[0]?.blocks).toEqual([
      { status: "removed", anchor: "citaat", kind: "quote", text: "Oud citaat" },
    ]);
  });

  it("sees blocks in their new order when they were moved within a part", () => {
    const from = [
      createPart({ slug: "deel", blocks: ["a", "b", "c"].map((anchor) => createBlock({ anchor })) }),
    ];
    const to = [
      createPart({ slug: "deel", blocks: ["c", "a", "b"].map((anchor) => createBlock({ anchor })) }),
    ];

    const diff = diffVersions({ from, to });

    expect(outline(diff.parts[0]?.blocks ?? [])).toEqual(["unchanged:c", "unchanged:a", "unchanged:b"]);
    expect(diff.parts[0]?.status).toBe("unchanged");
  });

  it("sees a new part with all its blocks added", () => {
    const nieuw = createPart({
      slug: "nieuw",
      title: "Nieuw deel",
      blocks: [createBlock({ anchor: "a" }), createBlock({ anchor: "b" })],
    });
    const to = [introduction, nieuw, integrity];

    const diff = diffVersions({ from: guide, to });

    expect(diff.parts.map((part) => `${part.status}:${part.slug}`)).toEqual([
      "unchanged:inleiding",
      "added:nieuw",
      "unchanged:integriteit",
    ]);
    expect(diff.parts[1]?.title).toBe("Nieuw deel");
    expect(outline(diff.parts[1]?.blocks ?? [])).toEqual(["added:a", "added:b"]);
    expect(diff.counts).toEqual({ added: 2, removed: 0, changed: 0 });
  });

  it("sees a removed part after the part it used to follow, with its old title", () => {
    const from = ["een", "twee", "drie", "vier"].map((slug) => createPart({ slug }));
    const to = [createPart({ slug: "een" }), createPart({ slug: "vier" }), createPart({ slug: "vijf" })];

    const diff = diffVersions({ from, to });

    expect(diff.parts.map((part) => `${part.status}:${part.slug}`)).toEqual([
      "unchanged:een",
      "removed:twee",
      "removed:drie",
      "unchanged:vier",
      "added:vijf",
    ]);
    expect(diff.parts[1]?.title).toBe("Deel twee");
    expect(outline(diff.parts[1]?.blocks ?? [])).toEqual(["removed:a"]);
    expect(diff.counts).toEqual({ added: 1, removed: 2, changed: 0 });
  });

  it("sees a removed first part at the start", () => {
    const from = [createPart({ slug: "oud" }), createPart({ slug: "blijft" })];
    const to = [createPart({ slug: "blijft" })];

    const diff = diffVersions({ from, to });

    expect(diff.parts.map((part) => `${part.status}:${part.slug}`)).toEqual([
      "removed:oud",
      "unchanged:blijft",
    ]);
  });

  it("sees a retitled part as changed, with the title's words and the new title", () => {
    const to = [introduction, { ...integrity, title: "Integriteit in de praktijk" }];

    const diff = diffVersions({ from: guide, to });

    const part = diff.parts[1];
    expect(part?.status).toBe("changed");
    expect(part?.title).toBe("Integriteit in de praktijk");
    expect(part?.titleWords).toEqual([
      { kind: "same", text: "Integriteit" },
      { kind: "added", text: " in de praktijk" },
    ]);
    expect(outline(part?.blocks ?? [])).toEqual(["unchanged:eed", "unchanged:lijst"]);
    // Counts are about blocks; a new title is not a changed block.
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it("sees a block that moved to another part as removed there and added here", () => {
    const from = [
      createPart({ slug: "een", blocks: [createBlock({ anchor: "a" }), createBlock({ anchor: "reis" })] }),
      createPart({ slug: "twee", blocks: [createBlock({ anchor: "b" })] }),
    ];
    const to = [
      createPart({ slug: "een", blocks: [createBlock({ anchor: "a" })] }),
      createPart({ slug: "twee", blocks: [createBlock({ anchor: "b" }), createBlock({ anchor: "reis" })] }),
    ];

    const diff = diffVersions({ from, to });

    expect(outline(diff.parts[0]?.blocks ?? [])).toEqual(["unchanged:a", "removed:reis"]);
    expect(outline(diff.parts[1]?.blocks ?? [])).toEqual(["unchanged:b", "added:reis"]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 0 });
  });

  it("sees the same anchor in two parts compared only within its own part", () => {
    const from = [
      createPart({ slug: "een", blocks: [createBlock({ anchor: "intro", text: "Een" })] }),
      createPart({ slug: "twee", blocks: [createBlock({ anchor: "intro", text: "Twee" })] }),
    ];
    const to = [
      createPart({ slug: "een", blocks: [createBlock({ anchor: "intro", text: "Een" })] }),
      createPart({ slug: "twee", blocks: [createBlock({ anchor: "intro", text: "Twee, herzien" })] }),
    ];

    const diff = diffVersions({ from, to });

    expect(diff.parts.map((part) => part.status)).toEqual(["unchanged", "changed"]);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it("sees every block of a comparison with an empty version as added", () => {
    const diff = diffVersions({ from: [], to: guide });

    expect(diff.parts.map((part) => part.status)).toEqual(["added", "added"]);
    expect(diff.counts).toEqual({ added: 4, removed: 0, changed: 0 });
  });

  it("keeps every block when an anchor is accidentally repeated", () => {
    const first = createBlock({ anchor: "dubbel", text: "eerste" });
    const second = createBlock({ anchor: "dubbel", text: "tweede" });
    const diff = diffVersions({
      from: [createPart({ slug: "deel", blocks: [first, second] })],
      to: [createPart({ slug: "deel", blocks: [first] })],
    });

    expect(diff.parts[0]?.blocks).toEqual([
      { status: "unchanged", anchor: "dubbel", kind: "paragraph", text: "eerste" },
      { status: "removed", anchor: "dubbel", kind: "paragraph", text: "tweede" },
    ]);
  });
});

describe("a reader sees which words changed", () => {
  it("sees nothing changed in identical texts", () => {
    expect(diffWordsOf({ before: "Zelfde tekst", after: "Zelfde tekst" })).toEqual([
      { kind: "same", text: "Zelfde tekst" },
    ]);
    expect(diffWordsOf({ before: "", after: "" })).toEqual([]);
  });

  it("sees a replaced word as removed then added", () => {
    const words = diffWordsOf({ before: "Dit is één zin.", after: "Dit is geen zin!" });

    expect(words).toEqual([
      { kind: "same", text: "Dit is " },
      { kind: "removed", text: "één" },
      { kind: "added", text: "geen" },
      { kind: "same", text: " zin" },
      { kind: "removed", text: "." },
      { kind: "added", text: "!" },
    ]);
  });

  it("sees a whole new text as added and a cleared text as removed", () => {
    expect(diffWordsOf({ before: "", after: "Nieuwe zin" })).toEqual([{ kind: "added", text: "Nieuwe zin" }]);
    expect(diffWordsOf({ before: "Oude zin", after: "" })).toEqual([{ kind: "removed", text: "Oude zin" }]);
  });

  it("never sees two neighbouring pieces of the same kind", () => {
    const words = diffWordsOf({
      before: "de burger kiest een open en eerlijke overheid",
      after: "de inwoner kiest voor een transparante en eerlijke overheid vandaag",
    });

    for (const [index, word] of words.entries()) {
      expect(word.text).not.toBe("");
      if (index > 0) expect(word.kind).not.toBe(words[index - 1]?.kind);
    }
  });

  it("keeps whitespace exactly, also where only whitespace changed", () => {
    const cases: [string, string][] = [
      ["\n.", "."],
      ["%", "% "],
      ["de burger  kiest", "de inwoner kiest"],
      ["een  twee", "een twee"],
      ["  voor", "voor  "],
    ];
    for (const [before, after] of cases) {
      const words = diffWordsOf({ before, after });
      expect(spell(words, "removed")).toBe(after);
      expect(spell(words, "added")).toBe(before);
    }
  });

  it("can always rebuild both texts from the pieces", () => {
    const piece = fc.oneof(
      fc.constantFrom("burger", "inwoner", "de", "één", "kiest", ".", ",", "!", "(", ")", "😀", "\u00a0"),
      fc.constantFrom(" ", "  ", "\n", "\t", "\n\n"),
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 3,
      }),
    );
    const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(""));

    fc.assert(
      fc.property(text, text, (before, after) => {
        const words = diffWordsOf({ before, after });
        expect(spell(words, "removed")).toBe(after);
        expect(spell(words, "added")).toBe(before);
        expect(words.every((word) => word.text !== "")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
