// Design-system markup has one path: only app/ui writes NL Design System class names (utrecht-, rhc-,
// nl-). Routes, modules and the server use the wrappers, so a change of theme or markup happens once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scanned = ["app/routes", "app/modules", "server"];

// A class name starts a word: `--rhc-space-50` (a token) and `nl-NL` (a locale) are not class names.
const CLASS_NAME = /(?<![\w-])(?:utrecht|rhc|nl)-[a-z][a-z0-9_-]*/g;

/** Every design-system class name in the source files under `folder`, as "file:line: name". */
function designSystemClassNames(folder: string): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      for (const match of line.matchAll(CLASS_NAME)) {
        found.push(`${path.relative(root, file)}:${index + 1}: ${match[0]}`);
      }
    });
  }
  return found;
}

describe("page parts have one path", () => {
  it.each(scanned)("%s writes no design-system class name; it uses the wrappers in app/ui", (folder) => {
    const found = designSystemClassNames(folder);
    expect(
      found,
      `${found.length} design-system class names outside app/ui; use (or add) a wrapper in app/ui:\n${found.join("\n")}`,
    ).toEqual([]);
  });

  it("the scan finds the class names app/ui itself writes", () => {
    // Guards the scan: if the pattern stopped matching, the checks above would pass on anything.
    const inUi = designSystemClassNames("app/ui");
    expect(inUi.some((hit) => /^app\/ui\/table\.tsx:\d+: utrecht-table__caption$/.test(hit))).toBe(true);
  });
});
