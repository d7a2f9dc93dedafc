// The encryption key for what people write in private (see docs/operations: keys).
import { generateKey, loadKeyring } from "../../app/infra/encryption.server.ts";
import { recordAudit } from "../../app/modules/accounts/audit.server.ts";
import { reencryptDeliberations } from "../../app/modules/deliberation/deliberations.server.ts";
import { reencryptPendingDrafts } from "../../app/modules/deliberation/pending-drafts.server.ts";
import { reencryptAccessNeeds } from "../../app/modules/kriskras/signups.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

export const registerCommands: RegisterCommands = (program, cli) => {
  const key = program
    .command("key")
    .description("de sleutel voor versleutelde gegevens (the encryption key)");

  key
    .command("new")
    .description("druk een nieuwe willekeurige sleutel af, voor ENCRYPTION_KEY (print a new random key)")
    .action(() => {
      cli.quiet();
      process.stdout.write(`${generateKey()}\n`);
      cli.say("Bewaar deze sleutel buiten de database en buiten de back-up. (Keep it apart from the data.)");
    });

  key
    .command("rotate")
    .description(
      "schrijf alle versleutelde gegevens opnieuw met ENCRYPTION_KEY en in het huidige formaat; oude sleutels in ENCRYPTION_KEYS_OLD (re-encrypt with the current key and format)",
    )
    .action(async () => {
      const config = cli.config();
      const keyring = loadKeyring({
        key: config.encryptionKey,
        oldKeys: config.encryptionKeysOld,
        dataDir: config.dataDir,
      });
      await cli.withDatabase(
        async (database) => {
          const rewritten = await reencryptDeliberations({ db: database.db, keyring });
          const drafts = await reencryptPendingDrafts({ db: database.db, keyring });
          const needs = await reencryptAccessNeeds({ db: database.db, keyring });
          await recordAudit({
            db: database.db,
            actor: null,
            action: "key.rotate",
            target: keyring.currentId,
            details: { via: "cli", deliberations: rewritten, drafts, accessNeeds: needs },
          });
          cli.say(
            `${rewritten} afweging(en), ${drafts} bewaarde concept(en) en ${needs} kris-kras-aanmelding(en) opnieuw versleuteld met sleutel ${keyring.currentId}. ` +
              "Haal de oude sleutel daarna uit ENCRYPTION_KEYS_OLD. (Re-encrypted; remove the old key afterwards.)",
          );
        },
        { schema: "current" },
      );
    });
};
