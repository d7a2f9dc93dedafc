#!/usr/bin/env node
// Launcher of the operator command line (bin/vakmanschap.ts). Works from any folder inside the checkout:
// it moves to the project root first, because the configuration (DATA_DIR) and the migrations are
// resolved from there, as for the server; file arguments stay relative to where the command was run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const callerDir = process.cwd();
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
register();
const { main } = await import("./vakmanschap.ts");
process.exit(await main({ argv: process.argv, callerDir }));
