// The order in which Vitest starts the test files. Two workers finish soonest when the longest files
// start first, so that no long file is left running alone at the end. Vitest orders by the durations
// of the last run on this machine, and without them (a fresh clone, as in CI) by file size. Size
// says little about a file that starts other processes: the command line, or the built server, takes
// seconds per start whatever the file's length. So, without durations, those files go first, the
// largest of them first, and then the rest by size.
import fs from "node:fs";
import type { TestSpecification } from "vitest/node";
import { BaseSequencer } from "vitest/node";

const STARTS_PROCESSES = /\b(runCommandLine|spawn|spawnSync|fork|startBuiltServer)\(/;

export default class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const measured = sorted.some((file) => this.ctx.cache.getFileTestResults(this.keyOf(file)));
    if (measured) return sorted;
    const startsProcesses = (file: TestSpecification) =>
      STARTS_PROCESSES.test(fs.readFileSync(file.moduleId, "utf8"));
    // A stable sort keeps the size order within each of the two kinds.
    return sorted
      .map((file) => ({ file, first: startsProcesses(file) }))
      .sort((a, b) => Number(b.first) - Number(a.first))
      .map(({ file }) => file);
  }

  private keyOf(file: TestSpecification): string {
    return `${file.project.name}:${file.moduleId.slice(this.ctx.config.root.length + 1)}`;
  }
}
