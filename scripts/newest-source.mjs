// When the sources a build is made from last changed: the newest modification time of the files in the
// given folders (tests beside the sources left out, as they are not built) and of the given files. What
// `npm start` (ensure-build.mjs) and the command line's launcher (bin/vakmanschap.mjs) compare their
// build with.
import fs from "node:fs";
import path from "node:path";

function newestIn(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const file = path.join(dir, entry.name);
    if (/\.test\.tsx?$/.test(entry.name)) return newest;
    const time = entry.isDirectory() ? newestIn(file) : fs.statSync(file).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

/** The newest modification time (ms) among the files of `folders` and `files`, relative to the cwd. */
export function newestSource({ folders, files = [] }) {
  return Math.max(...folders.map(newestIn), ...files.map((file) => fs.statSync(file).mtimeMs));
}

/** The modification time (ms) of a built file, 0 when it is not there. */
export function builtAt(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}
