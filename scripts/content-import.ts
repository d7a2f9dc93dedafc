// Imports the Markdown under content/ as the draft of the next version of the guide (never changing a
// published version). Refused while a draft exists, unless `--replace` (npm run content:import --
// --replace). Uses the same configuration as the server: DATA_DIR for the embedded database, or
// DATABASE_URL.
import path from "node:path";
import { openDatabase } from "../app/infra/db.server.ts";
import { parseConfig } from "../app/infra/env.server.ts";
import { isAppError } from "../app/infra/errors.ts";
import { translatorFor } from "../app/infra/i18n/texts.server.ts";
import { PAGE_CACHE_CHANNEL } from "../app/infra/services.server.ts";
import { importGuideDraft, seedGuide } from "../app/modules/guide/guide-import.server.ts";

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(78);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  const contentDir = path.resolve("content");
  const seeded = await seedGuide({ db: database.db, contentDir });
  if (seeded.created) {
    console.log("De database was leeg: de gids is geïmporteerd als versie 1 (gepubliceerd).");
  } else {
    const replace = process.argv.includes("--replace");
    const result = await importGuideDraft({ db: database.db, contentDir, replace }).catch((error) => {
      if (!isAppError(error)) throw error;
      // The module's message is a key of the locale files: said in Dutch, as the rest of this script.
      console.error(translatorFor("nl")(error.message));
      process.exitCode = 1;
      return undefined;
    });
    // Running servers list the versions on cached pages; tell them a draft was added.
    if (result?.number) await database.notify(PAGE_CACHE_CHANNEL, "guide");
    if (result) {
      console.log(
        result.number
          ? `Nieuw concept gemaakt: versie ${result.number}. Gepubliceerde versies zijn niet veranderd.`
          : "De inhoud is gelijk aan de nieuwste versie; er is geen concept gemaakt.",
      );
    }
  }
} finally {
  await database.close();
}
