// The documents that others sign or rely on say what the code does: the privacy register has a section
// for every source of personal data and lists every action the audit log records, and every decision
// record says whether it still holds.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { AUDIT_ACTIONS } from "../../app/modules/accounts/audit.server.ts";
import { personalDataSources } from "../../app/personal-data.server.ts";

const privacy = fs.readFileSync("docs/privacy.md", "utf8");

/** The text from `heading` to the next heading of the same level or higher. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`no "${heading}"`);
  const level = heading.match(/^#+/)?.[0].length ?? 2;
  const rest = text.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The backticked words in the first cell of each row of the first table in `text`. */
function firstColumn(text: string): string[] {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  if (first < 0) return [];
  const cells: string[] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    const cell = line.split("|")[1] ?? "";
    cells.push(...[...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ""));
  }
  return cells;
}

const sourceNames = personalDataSources(
  createKeyring({ current: randomBytes(32), source: "ENCRYPTION_KEY" }),
).map((source) => source.name);

describe("the privacy register", () => {
  const register = sectionOf(privacy, "## The register");

  it("has a section for every source of personal data, naming its key in the download", () => {
    const sections = register.split(/\n(?=### )/);
    const missing = sourceNames.filter(
      (name) => !sections.some((section) => section.includes(`**In the download:** key \`${name}\``)),
    );
    expect(missing).toEqual([]);
  });

  it("lists the sources in the order the account's deletion erases them, and no other", () => {
    const table = sectionOf(privacy, "## Download and deletion: the register in the code");
    const keys = firstColumn(table);
    expect(keys).toEqual(sourceNames);
  });

  it("lists every action the audit log records, and no other", () => {
    const auditSection = sectionOf(register, "### Audit log (`audit_log`)");
    const listed = firstColumn(auditSection);
    expect([...listed].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});

describe("the audit actions", () => {
  const files = ["app", "server", "bin"]
    .flatMap((folder) =>
      fs.readdirSync(folder, { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)),
    )
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
  const auditFile = path.join("app", "modules", "accounts", "audit.server.ts");

  it("are each recorded somewhere in the code", () => {
    const code = files
      .filter((file) => file !== auditFile)
      .map((file) => fs.readFileSync(file, "utf8"))
      .join("\n");
    expect(AUDIT_ACTIONS.filter((action) => !code.includes(`"${action}"`))).toEqual([]);
  });

  it("reach the log only through recordAudit, which takes nothing outside the list", () => {
    const writers = files.filter(
      (file) => file !== auditFile && /\.insert\(\s*auditLog\s*\)/.test(fs.readFileSync(file, "utf8")),
    );
    expect(writers).toEqual([]);
  });
});

describe("the decision records", () => {
  const folder = "docs/decisions";
  const records = fs.readdirSync(folder).filter((file) => /^\d{3}-.+\.md$/.test(file));

  it("each say whether they hold: accepted, or superseded by a record that exists", () => {
    const wrong: string[] = [];
    for (const file of records) {
      const text = fs.readFileSync(path.join(folder, file), "utf8");
      const status = text.match(/\n## Status\n\n(.+)/)?.[1] ?? "";
      const superseded = status.match(/^Superseded by \[(\d{3})\]\((\d{3}-[^)]+\.md)\)/);
      if (superseded) {
        if (!records.includes(superseded[2] ?? "")) wrong.push(`${file}: ${status}`);
      } else if (!status.startsWith("Accepted")) {
        wrong.push(`${file}: ${status || "no ## Status"}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
