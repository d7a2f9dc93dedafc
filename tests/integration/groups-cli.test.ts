// `vakmanschap groups solve` as an operator runs it: a child process, no database, no configuration.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, runCommandLine } from "./command-line.ts";

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-groups-cli-"));

function vakmanschap(args: string[]) {
  // A configuration the server would refuse: the command must not read it.
  return runCommandLine(args, {
    cwd: temporary,
    env: { DATA_DIR: path.join(temporary, "no-data"), DATABASE_URL: "not a url", PORT: "x" },
  });
}

// Six people, two groups of three; the best split is {0, 2, 4} and {1, 3, 5} with 3 × 9 + 3 × 8 = 51.
function writeInstance(): string {
  const lines = ["6 2 ss 3 3 3 3"];
  for (let i = 0; i < 6; i++) {
    for (let j = i + 1; j < 6; j++) lines.push(`${i} ${j} ${i % 2 === j % 2 ? (i % 2 === 0 ? 9 : 8) : 1}`);
  }
  fs.writeFileSync(path.join(temporary, "zes.txt"), `${lines.join("\n")}\n`);
  return "zes.txt";
}

afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe("composing groups from the command line", { timeout: CLI_TEST_TIMEOUT }, () => {
  it("prints the objective last and writes one line per element", () => {
    const result = vakmanschap([
      "groups",
      "solve",
      "--instance",
      writeInstance(),
      "--time-limit",
      "0.3",
      "--out",
      "indeling.txt",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n").at(-1)).toBe("objective 51");
    expect(result.stderr).toContain("100 %");
    const lines = fs.readFileSync(path.join(temporary, "indeling.txt"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(6);
    const groupOf = lines.map((line) => Number(line.split(" ")[1]));
    expect(lines.map((line) => Number(line.split(" ")[0]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(groupOf[0]).toBe(groupOf[2]);
    expect(groupOf[0]).toBe(groupOf[4]);
    expect(groupOf[1]).toBe(groupOf[3]);
    expect(groupOf[1]).not.toBe(groupOf[0]);
  });

  it("refuses a malformed file and names the line that is wrong", () => {
    fs.writeFileSync(path.join(temporary, "kapot.txt"), "3 1 ss 3 3\n0 1 1\n0 2 twee\n1 2 3\n");
    const broken = vakmanschap(["groups", "solve", "--instance", "kapot.txt"]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('regel 3: "twee" is geen getal');
    expect(broken.stdout).toBe("");
  });

  it("refuses a file it cannot read, and a bad time limit as a usage error", () => {
    const missing = vakmanschap(["groups", "solve", "--instance", "bestaat-niet.txt"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("niet lezen");

    const usage = vakmanschap(["groups", "solve", "--instance", writeInstance(), "--time-limit", "nul"]);
    expect(usage.status).toBe(2);
  });
});
