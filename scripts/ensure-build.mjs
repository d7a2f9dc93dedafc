// `npm start` on a fresh checkout: build once when the server build is missing or older than the sources.
import { execSync } from "node:child_process";
import { builtAt, newestSource } from "./newest-source.mjs";

const sources = newestSource({ folders: ["app", "server"], files: ["package-lock.json"] });
if (builtAt("build/server/index.js") < sources) {
  console.log("Bouwen van de applicatie (building the application)…");
  // Always the production build: under a test runner NODE_ENV is "test", and React would be built for
  // development, three times the JavaScript the pages really load.
  execSync("npx react-router build", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
