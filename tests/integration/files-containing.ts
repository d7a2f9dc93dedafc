// Scans a folder's files for a byte string: how the privacy tests prove a marker reached no file.
import fs from "node:fs";
import path from "node:path";

export function filesContaining(dir: string, needle: Buffer): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.readFileSync(file).includes(needle));
}
