// The operator command line: one program whose command groups live in bin/commands/, one file per group,
// each exporting `registerCommands` and listed in COMMAND_GROUPS. It reads the same configuration as the
// server and answers with exit codes a script can rely on.
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { DrizzleQueryError } from "drizzle-orm";
import { getSchemaState } from "../app/infra/backup.server.ts";
import { type Database, openDatabase } from "../app/infra/db.server.ts";
import { type Config, ConfigError, parseConfig } from "../app/infra/env.server.ts";
import { AppError } from "../app/infra/errors.ts";
import { translatorFor } from "../app/infra/i18n/texts.server.ts";
import * as consultation from "./commands/consultation.ts";
import * as database from "./commands/database.ts";
import * as groups from "./commands/groups.ts";
import * as guide from "./commands/guide.ts";
import * as key from "./commands/key.ts";
import * as sso from "./commands/sso.ts";
import * as users from "./commands/users.ts";

export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/**
 * Says a message of the application in Dutch, as the rest of this command line: the modules' messages
 * are keys of the locale files (see `message`); a text that is no key is said as it is.
 */
export const sayMessage = translatorFor("nl");

export interface CliContext {
  /** The configuration, read on first use exactly as the server reads it; a bad variable ends with 78. */
  config(): Config;
  /** A file named on the command line, resolved from the folder the operator ran the command in. */
  resolvePath(file: string): string;
  /**
   * Opens the configured database for one piece of work and closes it afterwards. With the embedded
   * database a running server holds the lock: then it refuses before touching any data. `schema` says
   * what the command needs of the database's tables (see `SchemaNeed`).
   */
  withDatabase<T>(work: (database: Database) => Promise<T>, options: { schema: SchemaNeed }): Promise<T>;
  /** A line for the operator on stdout (stderr while stdout carries data, see `quiet`). */
  say(message: string): void;
  /** Sends later `say` lines to stderr, for a command that writes its result on stdout. */
  quiet(): void;
}

/**
 * What a command needs of the database before its work, so that every command behaves the same on a
 * fresh install: `migrate` brings it up to this version first, making it if there is none, as the
 * server does at start (commands that add or change what the operator asked for); `current` changes
 * nothing and refuses, in one sentence saying what to run, a database that does not exist, is not
 * migrated or is behind (commands that read or rewrite what is there: backup, export, key rotate);
 * `as-is` is for `migrate` itself.
 */
export type SchemaNeed = "migrate" | "current" | "as-is";

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
    for (const group of COMMAND_GROUPS) group.registerCommands(program, cli);
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
    console.error(sayMessage(error.message));
    return EXIT.failure;
  }
  console.error(describeFailure(error));
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error) console.error(error.stack);
  return EXIT.failure;
}

/**
 * The line for an unexpected error. A failed query's message is its SQL text and parameters (which
 * may hold addresses and hashes): the operator gets the database's own reason instead; the rest
 * with LOG_LEVEL=debug.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof DrizzleQueryError) {
    const reason = error.cause instanceof Error ? error.cause.message : "onbekende fout";
    return `Mislukt: de database weigerde een opdracht (${reason}). (A database query failed.)`;
  }
  return `Mislukt (failed): ${error instanceof Error ? sayMessage(error.message) : String(error)}`;
}

/** The command groups, in the order `--help` lists them. */
export const COMMAND_GROUPS: readonly { registerCommands: RegisterCommands }[] = [
  consultation,
  database,
  groups,
  guide,
  key,
  sso,
  users,
];

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
    async withDatabase(work, options) {
      const { databaseUrl, dataDir, databasePoolSize } = context.config();
      if (!databaseUrl && options.schema === "current" && !fs.existsSync(path.join(dataDir, "pglite"))) {
        throw new AppError(
          "not_found",
          `Er staat geen database in ${dataDir}. Klopt DATA_DIR? Een nieuwe maak je met 'npx vakmanschap migrate'. ` +
            "(No embedded database in this folder.)",
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
        await prepareSchema(database, options.schema, context.say);
        return await work(database);
      } finally {
        await database.close();
      }
    },
  };
  return context;
}

async function prepareSchema(database: Database, need: SchemaNeed, say: (message: string) => void) {
  if (need === "as-is") return;
  const state = await getSchemaState({ db: database.db });
  if (state.unknown > 0) {
    throw new AppError(
      "conflict",
      "De database is bijgewerkt door een nieuwere versie van Vakmanschap dan deze; gebruik die versie. " +
        "(The database was migrated by a newer version.)",
    );
  }
  if (state.pending.length === 0) return;
  if (need === "current") {
    throw new AppError(
      "conflict",
      state.applied.length === 0
        ? "Deze database heeft nog geen tabellen van Vakmanschap; voer eerst 'npx vakmanschap migrate' uit. " +
            "(The database has not been migrated.)"
        : "Deze database loopt achter op deze versie van Vakmanschap; voer eerst 'npx vakmanschap migrate' uit. " +
            "(The database has pending migrations.)",
    );
  }
  await database.migrate();
  say(
    state.applied.length === 0
      ? `Nieuwe database klaargezet (${state.pending.length} migraties). (Database created.)`
      : `Database eerst bijgewerkt: ${state.pending.length} migratie(s). (Pending migrations applied.)`,
  );
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
    `De database kan niet worden geopend: ${sayMessage(error.message)} (Could not open the database.)`,
    { cause: error },
  );
}
