// Writes a stable anchor into every block of the guide's Markdown files that has none yet.
// Run after adding paragraphs: `npm run content:anchors`. Existing anchors are never changed.
import fs from "node:fs/promises";
import path from "node:path";
import { stampAnchors } from "../app/modules/guide/guide-markdown.ts";

const dir = path.resolve(process.argv[2] ?? "content/gids");
for (const name of (await fs.readdir(dir)).filter((file) => file.endsWith(".md") && !file.startsWith("_"))) {
  const file = path.join(dir, name);
  const source = await fs.readFile(file, "utf8");
  const stamped = stampAnchors(source);
  if (stamped !== source) {
    await fs.writeFile(file, stamped);
    console.log(`ankers toegevoegd: ${name}`);
  }
}
