// The operator command line: one program whose command groups live in bin/commands/, one file per group,
// each exporting `registerCommands`. It reads the same configuration as the server and answers with exit
// codes a script can rely on.
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { type Database, openDatabase } from "../app/infra/db.server.ts";
import { type Config, ConfigError, parseConfig } from "../app/infra/env.server.ts";
import { AppError } from "../app/infra/errors.ts";

export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

export interface CliContext {
  /** The configuration, read on first use exactly as the server reads it; a bad variable ends with 78. */
  config(): Config;
  /** A file named on the command line, resolved from the folder the operator ran the command in. */
  resolvePath(file: string): string;
  /**
   * Opens the configured database for one piece of work and closes it afterwards. With the embedded
   * database a running server holds the lock: then it refuses before touching any data. `mustExist`
   * refuses an embedded database that has never been created, instead of creating an empty one.
   */
  withDatabase<T>(work: (database: Database) => Promise<T>, options?: { mustExist?: boolean }): Promise<T>;
  /** A line for the operator on stdout (stderr while stdout carries data, see `quiet`). */
  say(message: string): void;
  /** Sends later `say` lines to stderr, for a command that writes its result on stdout. */
  quiet(): void;
}

/** What each file in bin/commands/ exports: adds its commands (or one command group) to the program. */
export type RegisterCommands = (program: Command, cli: CliContext) => void;

export async function main(options: { argv: string[]; callerDir: string }): Promise<number> {
  const program = new Command("vakmanschap")
    .description("Beheer van Vakmanschap vanaf de opdrachtregel (operator command line).")
    .helpOption("-h, --help", "toon hulp (show help)")
    .helpCommand("help [command]", "toon hulp bij een commando (show help for a command)")
    .showHelpAfterError("(vakmanschap --help toont alle mogelijkheden / shows every option)")
    .exitOverride();
  const cli = createContext(options.callerDir);
  try {
    for (const register of await loadCommandGroups()) register(program, cli);
    await program.parseAsync(options.argv);
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already written its message; help and version end with 0, usage errors with 2.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    return EXIT.config;
  }
  if (error instanceof AppError) {
    console.error(error.message);
    return EXIT.failure;
  }
  console.error(`Mislukt (failed): ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error) console.error(error.stack);
  return EXIT.failure;
}

async function loadCommandGroups(): Promise<RegisterCommands[]> {
  const folder = new URL("./commands/", import.meta.url);
  const files = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
    .sort();
  const groups: RegisterCommands[] = [];
  for (const file of files) {
    const module: { registerCommands?: unknown } = await import(new URL(file, folder).href);
    if (typeof module.registerCommands !== "function") {
      throw new Error(`bin/commands/${file} exports no registerCommands function`);
    }
    groups.push(module.registerCommands as RegisterCommands);
  }
  return groups;
}

function createContext(callerDir: string): CliContext {
  let config: Config | undefined;
  let sayTo: (message: string) => void = (message) => console.log(message);
  const context: CliContext = {
    config() {
      config ??= parseConfig(process.env);
      return config;
    },
    resolvePath: (file) => path.resolve(callerDir, file),
    say: (message) => sayTo(message),
    quiet() {
      sayTo = (message) => console.error(message);
    },
    async withDatabase(work, options = {}) {
      const { databaseUrl, dataDir, databasePoolSize } = context.config();
      if (!databaseUrl && options.mustExist && !fs.existsSync(path.join(dataDir, "pglite"))) {
        throw new AppError(
          "not_found",
          `Er staat geen database in ${dataDir}. Klopt DATA_DIR? (No embedded database in this folder.)`,
        );
      }
      const database = await openDatabase({ databaseUrl, dataDir, poolSize: databasePoolSize }).catch(
        (error: Error) => {
          throw explainOpenFailure(error);
        },
      );
      try {
        await database.ping(5000).catch((error: Error) => {
          const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
          throw new AppError(
            "unavailable",
            `De database is niet bereikbaar${cause}. Klopt DATABASE_URL? (Could not reach the database.)`,
            { cause: error },
          );
        });
        return await work(database);
      } finally {
        await database.close();
      }
    },
  };
  return context;
}

function explainOpenFailure(error: Error): AppError {
  // The lock error of db.server.ts names the process that holds the folder.
  if (error.message.includes("al in gebruik")) {
    return new AppError(
      "conflict",
      `${error.message}\nStop eerst de server die deze map gebruikt en voer het commando daarna opnieuw uit; ` +
        "er is niets aan de gegevens veranderd. (Stop the server first, then run the command again; the data " +
        "was not touched.)",
      { cause: error },
    );
  }
  return new AppError(
    "unavailable",
    `De database kan niet worden geopend: ${error.message} (Could not open the database.)`,
    { cause: error },
  );
}
