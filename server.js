// Starts the built server (`npm run build` makes build/server/index.js from server/main.ts).
// React and Express pick their production code paths from NODE_ENV, so it must be set before they load.
process.env.NODE_ENV ??= "production";
const { start } = await import("./build/server/index.js");
await start();
