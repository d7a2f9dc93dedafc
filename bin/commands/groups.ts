// Group composition from the command line: runs the kris-kras optimiser on a file in the MDGPLIB format,
// to check it on benchmark instances or to split a list of people by hand. Needs no database and no
// configuration.
import fs from "node:fs";
import { InvalidArgumentError } from "commander";
import { AppError } from "../../app/infra/errors.ts";
import { parseMdgpInstance } from "../../app/modules/kriskras/grouping/mdgp-instance.ts";
import { solveGroups } from "../../app/modules/kriskras/grouping/solve-groups.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

const PROGRESS_EVERY_MS = 1_000;

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError("verwacht een getal groter dan 0 (expected a number above 0)");
  }
  return number;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) {
    throw new InvalidArgumentError("verwacht een geheel getal vanaf 0 (expected a whole number from 0)");
  }
  return number;
}

export const registerCommands: RegisterCommands = (program, cli) => {
  const groups = program
    .command("groups")
    .description("groepen samenstellen voor kris-kras-gesprekken (compose conversation groups)");

  groups
    .command("solve")
    .description(
      "deel de elementen uit een MDGPLIB-bestand zo gemengd mogelijk in groepen in; voortgang op stderr, " +
        "als laatste regel op stdout `objective <waarde>` (maximally diverse grouping of an MDGPLIB file)",
    )
    .requiredOption("-i, --instance <file>", "het probleem in MDGPLIB-formaat (the instance file)")
    .option("-t, --time-limit <seconds>", "rekentijd in seconden (time limit)", positiveNumber, 10)
    .option(
      "-s, --seed <n>",
      "startgetal; dezelfde waarde geeft dezelfde zoektocht (random seed)",
      wholeNumber,
      1,
    )
    .option(
      "-o, --out <file>",
      "schrijf de indeling: per element een regel `element groep`, beide vanaf 0 (write the assignment)",
    )
    .action((options: { instance: string; timeLimit: number; seed: number; out?: string }) => {
      const file = cli.resolvePath(options.instance);
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (error) {
        throw new AppError("not_found", `Kan ${file} niet lezen (cannot read the instance file).`, {
          cause: error,
        });
      }
      const instance = parseMdgpInstance(text);
      cli.quiet();
      cli.say(
        `${instance.n} elementen in ${instance.m} groepen, ${options.timeLimit} s, startgetal ${options.seed}. ` +
          `(${instance.n} elements, ${instance.m} groups.)`,
      );
      let lastPrinted = 0;
      const result = solveGroups({
        instance,
        seed: options.seed,
        timeLimitMs: options.timeLimit * 1000,
        onProgress: (progress) => {
          if (progress.fraction < 1 && progress.elapsedMs - lastPrinted < PROGRESS_EVERY_MS) return;
          lastPrinted = progress.elapsedMs;
          cli.say(
            `${Math.round(100 * progress.fraction)} % van de tijd, beste tot nu ${progress.bestObjective.toFixed(3)} ` +
              `(of the time, best so far)`,
          );
        },
      });
      if (options.out) {
        const lines = Array.from(result.assignment, (group, element) => `${element} ${group}\n`).join("");
        fs.writeFileSync(cli.resolvePath(options.out), lines);
        cli.say(`Indeling geschreven naar ${cli.resolvePath(options.out)}. (Assignment written.)`);
      }
      process.stdout.write(`iterations ${result.iterations}\n`);
      process.stdout.write(`objective ${Number(result.objective.toFixed(6))}\n`);
    });
};
