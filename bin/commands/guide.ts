// The guide as Markdown files: export a version in the format of content/gids/ to review it, and
// import such a folder as the draft of the next version.
import { InvalidArgumentError } from "commander";
import { PAGE_CACHE_CHANNEL } from "../../app/infra/services.server.ts";
import { VersionNumber } from "../../app/modules/guide/guide.validation.ts";
import { exportGuideVersion } from "../../app/modules/guide/guide-export.server.ts";
import { importGuideFolder } from "../../app/modules/guide/guide-import.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

function versionNumber(value: string): number {
  const parsed = VersionNumber.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError("verwacht een versienummer (expected a version number)");
  return parsed.data;
}

export const registerCommands: RegisterCommands = (program, cli) => {
  const guide = program.command("guide").description("de gids als Markdown-bestanden (the guide as files)");

  guide
    .command("export")
    .description(
      "schrijf een versie als Markdown-bestanden, zoals in content/gids/ (write a version as Markdown files)",
    )
    .requiredOption("-v, --version <number>", "het versienummer (the version number)", versionNumber)
    .requiredOption("-d, --dir <folder>", "een lege map; wordt gemaakt als die er niet is (an empty folder)")
    .action(async (options: { version: number; dir: string }) => {
      const dir = cli.resolvePath(options.dir);
      await cli.withDatabase(
        async (database) => {
          const { files } = await exportGuideVersion({ db: database.db, number: options.version, dir });
          cli.say(
            `Versie ${options.version} geschreven naar ${dir}: ${files.length} bestanden. ` +
              `(Version ${options.version} written: ${files.length} files.)`,
          );
        },
        { schema: "current" },
      );
    });

  guide
    .command("import")
    .description(
      "lees een map zoals content/gids/ in als concept van de volgende versie (import a folder as the next draft)",
    )
    .requiredOption("-d, --dir <folder>", "de map met de bestanden (the folder with the files)")
    .option("--replace", "gooi een bestaand concept eerst weg (discard an existing draft first)")
    .action(async (options: { dir: string; replace?: boolean }) => {
      const dir = cli.resolvePath(options.dir);
      await cli.withDatabase(
        async (database) => {
          const { number } = await importGuideFolder({ db: database.db, dir, replace: options.replace });
          // Running servers list the versions on cached pages; tell them a draft was added.
          await database.notify(PAGE_CACHE_CHANNEL, "guide");
          cli.say(
            `Concept gemaakt: versie ${number}. Gepubliceerde versies zijn niet veranderd. ` +
              `(Draft created: version ${number}.)`,
          );
        },
        { schema: "migrate" },
      );
    });
};
