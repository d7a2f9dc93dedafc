import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import {
  exportVersionFiles,
  formatPartFile,
  formatVersionFile,
  versionAsOneFile,
  yamlValue,
} from "./guide-export.ts";
import { parseGuidePart } from "./guide-markdown.ts";

describe("a version written as the files of content/gids", () => {
  it("writes a part that reads back as the same part", () => {
    const part = {
      slug: "proef",
      kind: "principe" as const,
      title: "Wat doe je: kiezen of wachten?",
      summary: "Een samenvatting met een # teken en 'aanhalingstekens'.",
      related: ["waarden", "fundamenten"],
      blocks: [
        { anchor: "een-kop", kind: "heading" as const, markdown: "## Een kop", text: "Een kop" },
        { anchor: "een-alinea", kind: "paragraph" as const, markdown: "Een *alinea*.", text: "Een alinea." },
        { anchor: "een-lijst", kind: "list" as const, markdown: "- een\n- twee", text: "een twee" },
      ],
    };
    const file = formatPartFile(part, 4);
    expect(file).toBe(
      [
        "---",
        "slug: proef",
        "kind: principe",
        "order: 4",
        'title: "Wat doe je: kiezen of wachten?"',
        "summary: \"Een samenvatting met een # teken en 'aanhalingstekens'.\"",
        "related: [waarden, fundamenten]",
        "---",
        "",
        "## Een kop {#een-kop}",
        "",
        "Een *alinea*.",
        "{#een-alinea}",
        "",
        "- een",
        "- twee",
        "{#een-lijst}",
        "",
      ].join("\n"),
    );
    const { order, ...read } = parseGuidePart({ source: file, file: "proef.md" });
    expect(order).toBe(4);
    expect(read).toEqual(part);
  });

  it("quotes a value only where YAML would read something else", () => {
    for (const value of ["gewoon", "ja: nee", "#kop", "true", "12 regels", "- streep", 'met "quote"', ""]) {
      expect(matter(`---\nx: ${yamlValue(value)}\n---\n`).data.x).toBe(value);
    }
    expect(yamlValue("Hoe gebruik je deze gids?")).toBe("Hoe gebruik je deze gids?");
    expect(yamlValue("ja: nee")).toBe('"ja: nee"');
  });

  it("writes the label, the edition and the changelog in _versie.md", () => {
    const files = exportVersionFiles({
      label: "Weergave 2",
      edition: "derde versie",
      changelog: "- Een alinea erbij.\n",
      parts: [],
    });
    expect(files.get("_versie.md")).toBe(
      '---\nlabel: "Weergave 2"\nedition: derde versie\n---\n\n- Een alinea erbij.\n',
    );
    expect(formatVersionFile({ label: "L", edition: "E", changelog: "" })).toBe(
      '---\nlabel: "L"\nedition: E\n---\n',
    );
  });
});

describe("a version in one Markdown file", () => {
  it("puts every file after a comment with its name", () => {
    const files = new Map([
      ["_versie.md", '---\nlabel: "L"\nedition: E\n---\n'],
      ["een.md", "---\nslug: een\n---\n"],
    ]);
    expect(versionAsOneFile(files)).toBe(
      '<!-- bestand: _versie.md -->\n\n---\nlabel: "L"\nedition: E\n---\n\n<!-- bestand: een.md -->\n\n---\nslug: een\n---\n',
    );
  });
});
