// Commands that look after the database as a whole: migrations, backup and restore (both audited).
import {
  getSchemaState,
  readBackupHeader,
  restoreBackup,
  writeBackup,
} from "../../app/infra/backup.server.ts";
import { PAGE_CACHE_CHANNEL } from "../../app/infra/services.server.ts";
import { recordAudit } from "../../app/modules/accounts/audit.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

export const registerCommands: RegisterCommands = (program, cli) => {
  program
    .command("migrate")
    .description("werk de database bij naar deze versie (apply pending migrations)")
    .action(async () => {
      await cli.withDatabase(
        async (database) => {
          const before = await getSchemaState({ db: database.db });
          await database.migrate();
          const after = await getSchemaState({ db: database.db });
          const applied = after.applied.length - before.applied.length;
          cli.say(
            applied > 0
              ? `Database bijgewerkt: ${applied} migratie(s) uitgevoerd, nu op ${after.applied.at(-1)}. ` +
                  `(${applied} migration(s) applied.)`
              : `De database was al bij, op ${after.applied.at(-1)}. (Already up to date.)`,
          );
        },
        { schema: "as-is" },
      );
    });

  program
    .command("backup")
    .description("schrijf alle gegevens naar een back-upbestand (write a logical backup)")
    .requiredOption("-o, --out <file>", "het bestand (JSON Lines); - voor stdout (the file; - for stdout)")
    .option("--overwrite", "vervang een bestaand bestand (replace an existing file)")
    .action(async (options: { out: string; overwrite?: boolean }) => {
      const file = options.out === "-" ? undefined : cli.resolvePath(options.out);
      if (!file) cli.quiet();
      await cli.withDatabase(
        async (database) => {
          const summary = await writeBackup({
            db: database.db,
            out: file ?? process.stdout,
            overwrite: options.overwrite,
          });
          await recordAudit({
            db: database.db,
            actor: null,
            action: "database.backup",
            target: file ?? "stdout",
            details: { via: "cli", rows: summary.rows },
          });
          cli.say(
            `Back-up geschreven${file ? ` naar ${file}` : ""}: ${summary.rows} rijen uit ` +
              `${summary.tables.length} tabellen. (Backup written: ${summary.rows} rows.)`,
          );
          cli.say(
            "Let op: de sleutel voor versleutelde gegevens zit niet in de back-up. Bewaar ENCRYPTION_KEY " +
              "(of DATA_DIR/encryption.key) apart en veilig; zonder sleutel zijn de afwegingen niet te lezen. " +
              "(The encryption key is not in the backup: keep it separately.)",
          );
        },
        { schema: "current" },
      );
    });

  program
    .command("restore")
    .description("zet een back-up terug in een lege database (restore a backup into an empty database)")
    .requiredOption("-i, --in <file>", "het back-upbestand; - voor stdin (the backup file; - for stdin)")
    .option("--replace", "wis eerst alle gegevens in de database (empty every table first)")
    .action(async (options: { in: string; replace?: boolean }) => {
      const input = options.in === "-" ? process.stdin : cli.resolvePath(options.in);
      // A wrong file is refused before the database is opened, let alone migrated.
      if (typeof input === "string") await readBackupHeader({ in: input });
      await cli.withDatabase(
        async (database) => {
          const summary = await restoreBackup({ db: database.db, in: input, replace: options.replace });
          // After the restored rows: with --replace the log itself came back from the backup, and this
          // entry says so.
          await recordAudit({
            db: database.db,
            actor: null,
            action: "database.restore",
            target: typeof input === "string" ? input : "stdin",
            details: { via: "cli", rows: summary.rows, replace: options.replace ?? false },
          });
          // Running app processes on the same server would otherwise keep serving the old guide pages.
          await database.notify(PAGE_CACHE_CHANNEL, "guide");
          cli.say(
            `Back-up teruggezet: ${summary.rows} rijen in ${summary.tables.length} tabellen. ` +
              `(Backup restored: ${summary.rows} rows.)`,
          );
        },
        { schema: "migrate" },
      );
    });
};
