// Starts the built server (`npm run build` makes build/server/index.js from server/main.ts).
const { start } = await import("./build/server/index.js");
await start();
