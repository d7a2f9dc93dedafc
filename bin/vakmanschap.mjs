#!/usr/bin/env node
// Launcher of the operator command line (bin/vakmanschap.ts). Works from any folder inside the checkout:
// it moves to the project root first, because the configuration (DATA_DIR) and the migrations are
// resolved from there, as for the server; file arguments stay relative to where the command was run.
//
// The TypeScript sources are bundled into one file with esbuild, the first time and again whenever a
// source is newer than that file (under a second), so that every later command starts in a fraction
// of the time a just-in-time compiler takes. Packages stay outside the bundle and load from
// node_modules, which the bundle's place under build/ finds.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { builtAt, newestSource } from "../scripts/newest-source.mjs";

const callerDir = process.cwd();
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));

const bundle = path.resolve("build/cli/vakmanschap.mjs");
if (builtAt(bundle) < newestSource({ folders: ["app", "bin"], files: ["package-lock.json"] })) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: ["bin/vakmanschap.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "error",
    outfile: bundle,
  });
  // Written beside and then renamed, so a command started at the same moment never loads half a file.
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const partial = `${bundle}.${process.pid}`;
  fs.writeFileSync(partial, result.outputFiles[0].contents);
  fs.renameSync(partial, bundle);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exit(await main({ argv: process.argv, callerDir }));
