// Consultations from the command line: import one held in Pol.is from its export files, so anyone can
// check the analysis on other open conversations.
import path from "node:path";
import { InvalidArgumentError } from "commander";
import {
  analyseConsultation,
  importPolisConversation,
  SLUG,
  slugOf,
} from "../../app/modules/consultation/consultations.server.ts";
import { readPolisFolder } from "../../app/modules/consultation/polis-folder.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

function slug(value: string): string {
  if (!SLUG.test(value)) {
    throw new InvalidArgumentError(
      "alleen kleine letters, cijfers en streepjes (only lower-case letters, digits and dashes)",
    );
  }
  return value;
}

function language(value: string): "nl" | "en" {
  if (value !== "nl" && value !== "en") throw new InvalidArgumentError("nl of en (nl or en)");
  return value;
}

export const registerCommands: RegisterCommands = (program, cli) => {
  const consultation = program
    .command("consultation")
    .alias("peiling")
    .description("peilingen (consultations); ook: vakmanschap peiling …");

  consultation
    .command("import")
    .description(
      "lees een gesprek uit Pol.is in, uit zijn exportbestanden, en analyseer het (import a Pol.is export and analyse it)",
    )
    .requiredOption(
      "-d, --dir <folder>",
      "de map met comments.csv en votes.csv (the folder with Pol.is's export files)",
    )
    .option(
      "--slug <slug>",
      "het adres: /peilingen/<slug> (the address; default: from the folder's name)",
      slug,
    )
    .option("--language <nl|en>", "de taal van de stellingen (the statements' language)", language, "nl")
    .action(async (options: { dir: string; slug?: string; language: "nl" | "en" }) => {
      const dir = cli.resolvePath(options.dir);
      const conversation = readPolisFolder(dir);
      const address = options.slug ?? (slugOf(path.basename(dir)) || "peiling");
      await cli.withDatabase(
        async (database) => {
          const imported = await importPolisConversation({
            db: database.db,
            conversation,
            slug: address,
            source: conversation.url || undefined,
            language: options.language,
          });
          const analysis = await analyseConsultation({
            db: database.db,
            consultationId: imported.id,
            inWorker: false,
          });
          cli.say(
            `Peiling /peilingen/${address} ingelezen: ${imported.statements} stellingen, ` +
              `${imported.participants} deelnemers, ${imported.votes} stemmen. ` +
              `${analysis.placed} deelnemers in ${analysis.groups.length} groepen ` +
              `(${analysis.groups.map((group) => group.size).join(", ")}). ` +
              `(Imported and analysed: ${analysis.groups.length} groups.)`,
          );
        },
        { schema: "migrate" },
      );
    });
};
