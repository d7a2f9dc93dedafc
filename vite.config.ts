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
                {
                  name: "react",
                  test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
                  priority: 3,
                },
                // The charts and d3 apart, first: only the insights draw charts, and those pages load no
                // scripts, so no other page should carry them in the shared parts.
                {
                  name: "charts",
                  test: /[\\/]app[\\/]ui[\\/]chart\.tsx|node_modules[\\/](d3-[a-z-]+|internmap)[\\/]/,
                  priority: 2,
                },
                { name: "parts", test: /[\\/]app[\\/](ui|infra)[\\/]/, priority: 1 },
              ],
            },
          },
        },
      },
  plugins: [reactRouter(), precompressAssets()],
}));
