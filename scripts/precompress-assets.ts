// A build step: every script and style sheet the browser loads is compressed once, at build time, as
// well as the compressors allow, so the server sends it without compressing it again per request.
// Beside `x.js` come `x.js.gz` (zopfli: gzip that any browser reads, a few per cent smaller than zlib's
// best) and `x.js.br` (brotli at its highest quality). server/app.ts serves them.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { gzipAsync } from "@gfx/zopfli";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|css|svg|json|txt|map)$/;

export async function precompressFolder(folder: string): Promise<number> {
  const files = fs.readdirSync(folder).filter((file) => COMPRESSIBLE.test(file));
  await Promise.all(
    files.map(async (file) => {
      const full = path.join(folder, file);
      const bytes = fs.readFileSync(full);
      const [gzip, br] = await Promise.all([
        gzipAsync(bytes, { numiterations: 1 }),
        brotli(bytes, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      ]);
      fs.writeFileSync(`${full}.gz`, gzip);
      fs.writeFileSync(`${full}.br`, br);
    }),
  );
  return files.length;
}

/** Compresses the client build's assets after Vite writes them. */
export function precompressAssets(): Plugin {
  return {
    name: "vakmanschap:precompress-assets",
    apply: "build",
    async writeBundle(options) {
      if (this.environment.name !== "client" || !options.dir) return;
      await precompressFolder(path.join(options.dir, "assets"));
    },
  };
}
