import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { precompressAssets } from "./scripts/precompress-assets.ts";

export default defineConfig(({ isSsrBuild }) => ({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  // The server build starts from server/main.ts so that the Express app, the API and the routes share
  // one copy of every module.
  build: isSsrBuild
    ? { rollupOptions: { input: "./server/main.ts" } }
    : {
        assetsInlineLimit: 0,
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
                { name: "parts", test: /[\\/]app[\\/](ui|infra)[\\/]/ },
              ],
            },
          },
        },
      },
  plugins: [reactRouter(), precompressAssets()],
}));
