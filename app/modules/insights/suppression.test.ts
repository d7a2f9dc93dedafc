// The rule that nobody can be singled out, tried as an attacker would: every figure shown stands for at
// least the minimum group, and no two figures (two periods, or a table and its total) differ by a group
// smaller than that. Written before suppression.ts, from its contract only.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../infra/seeded-random.ts";
import { type Atom, combineAtoms, shownAtoms, TOTAL_KEY } from "./suppression.ts";

const K = 10;
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

function randomAtoms(seed: number): Atom[] {
  const source = createRandom(seed);
  const random = () => source.next();
  const atoms: Atom[] = [];
  for (const period of MONTHS) {
    let total = 0;
    for (const key of ["a", "b", "c", "d", "e"]) {
      // Small groups are common on purpose: most of the work is hiding them.
      const size = Math.floor(random() * random() * 40);
      if (size === 0) continue;
      total += size;
      atoms.push({ period, key, size, values: { size, half: Math.floor(size / 2) } });
    }
    if (total > 0) atoms.push({ period, key: TOTAL_KEY, size: total, values: { size: total, half: 0 } });
  }
  return atoms;
}

function ranges(): [string, string][] {
  const all: [string, string][] = [];
  for (let from = 0; from < MONTHS.length; from++)
    for (let to = from; to < MONTHS.length; to++) all.push([MONTHS[from] as string, MONTHS[to] as string]);
  return all;
}

const within = (atoms: Atom[], [from, to]: [string, string]) =>
  atoms.filter((atom) => atom.period >= from && atom.period <= to);

describe("suppression", () => {
  it("shows no atom of fewer than the minimum, and hides the rest of a table when what is hidden would be small", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const atoms = randomAtoms(seed);
      const shown = shownAtoms(atoms, K);
      for (const atom of shown) expect(atom.size).toBeGreaterThanOrEqual(K);
      for (const period of MONTHS) {
        const total = atoms.find((atom) => atom.period === period && atom.key === TOTAL_KEY);
        const shownTotal = shown.find((atom) => atom.period === period && atom.key === TOTAL_KEY);
        if (!total || !shownTotal) continue;
        const shownRows = shown
          .filter((atom) => atom.period === period && atom.key !== TOTAL_KEY)
          .reduce((sum, atom) => sum + atom.size, 0);
        const hidden = shownTotal.size - shownRows;
        // The total minus the rows one can see: nothing, or a group of at least K.
        expect(hidden === 0 || hidden >= K, `seed ${seed}, ${period}: ${hidden} hidden`).toBe(true);
      }
    }
  });

  it("keeps every atom that is large enough when nothing small has to be covered", () => {
    const atoms: Atom[] = [
      { period: "2026-01", key: "a", size: 12, values: { size: 12 } },
      { period: "2026-01", key: "b", size: 30, values: { size: 30 } },
      { period: "2026-01", key: TOTAL_KEY, size: 42, values: { size: 42 } },
    ];
    expect(shownAtoms(atoms, K).map((atom) => atom.key)).toEqual(["a", "b", TOTAL_KEY]);
  });

  it("covers a single small row by hiding the smallest row that is shown as well", () => {
    const atoms: Atom[] = [
      { period: "2026-01", key: "a", size: 12, values: { size: 12 } },
      { period: "2026-01", key: "b", size: 30, values: { size: 30 } },
      { period: "2026-01", key: "c", size: 2, values: { size: 2 } },
      { period: "2026-01", key: TOTAL_KEY, size: 44, values: { size: 44 } },
    ];
    const keys = shownAtoms(atoms, K).map((atom) => atom.key);
    expect(keys).not.toContain("c");
    expect(keys).not.toContain("a");
    expect(keys).toContain("b");
  });

  it("no period differs from a period within it by a small group, whichever two an attacker picks", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const atoms = randomAtoms(seed);
      const tables = ranges().map((range) => ({ range, rows: combineAtoms(within(atoms, range), K) }));
      for (const { range, rows } of tables) {
        for (const row of rows) expect(row.size, range.join("..")).toBeGreaterThanOrEqual(K);
      }
      // A period inside another: what the larger one adds are people of the months around it.
      for (const { range: outer, rows: rowsB } of tables) {
        for (const { range: inner, rows: rowsA } of tables) {
          if (inner[0] < outer[0] || inner[1] > outer[1]) continue;
          const [nameA, nameB] = [inner.join(".."), outer.join("..")];
          for (const rowA of rowsA) {
            const rowB = rowsB.find((row) => row.key === rowA.key);
            const difference = Math.abs(rowA.size - (rowB?.size ?? 0));
            expect(difference === 0 || difference >= K, `${rowA.key}: ${nameA} against ${nameB}`).toBe(true);
          }
        }
      }
    }
  });

  it("sums the values of the atoms it shows, and leaves out a row with nothing large enough", () => {
    const atoms: Atom[] = [
      { period: "2026-01", key: "a", size: 12, values: { size: 12, yes: 5 } },
      { period: "2026-02", key: "a", size: 3, values: { size: 3, yes: 3 } },
      { period: "2026-03", key: "a", size: 20, values: { size: 20, yes: 1 } },
      { period: "2026-02", key: "b", size: 4, values: { size: 4, yes: 4 } },
    ];
    const rows = combineAtoms(atoms, K);
    expect(rows).toEqual([{ key: "a", size: 32, values: { size: 32, yes: 6 } }]);
    // Not even a sign that b had someone: an empty row would say that a group of 1 to 9 exists.
    expect(JSON.stringify(rows)).not.toContain('"b"');
  });

  it("lowers to no figure at all when the minimum is larger than everything", () => {
    const atoms = randomAtoms(7);
    expect(combineAtoms(atoms, 1_000_000)).toEqual([]);
  });
});
