// `npm start` on a fresh checkout: build once when the server build is missing or older than the sources.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const output = "build/server/index.js";
// Tests beside the sources are not part of the build.
const newestSource = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const file = path.join(dir, entry.name);
    if (/\.test\.tsx?$/.test(entry.name)) return newest;
    const time = entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs;
    return Math.max(newest, time);
  }, 0);

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const sources = Math.max(
  newestSource("app"),
  newestSource("server"),
  fs.statSync("package-lock.json").mtimeMs,
);
if (built < sources) {
  console.log("Bouwen van de applicatie (building the application)…");
  // Always the production build: under a test runner NODE_ENV is "test", and React would be built for
  // development, three times the JavaScript the pages really load.
  execSync("npx react-router build", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
