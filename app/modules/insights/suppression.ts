// How no one is singled out in the insights (decision 026). Figures are kept per atom: one key (a part,
// a card, an organisation) in one period (a month, a week, a round). An atom is shown only when its
// group has at least the minimum; where a table also shows its total, rows are hidden until what the
// total leaves unexplained is nothing or a group of at least the minimum as well. A figure over a longer
// period is the sum of the atoms shown in it, never a count over the whole period, so two periods, one
// inside the other, differ by whole shown atoms only. Pure.

/** The key of an atom that holds the total of its period's table. */
export const TOTAL_KEY = "*";

export interface Atom {
  period: string;
  key: string;
  /** The size of the group the atom is about: people, conversations, contributions or views. */
  size: number;
  /** Its figures, summed over periods; `size` among them where it is shown. */
  values: Record<string, number>;
}

export interface CombinedRow {
  key: string;
  size: number;
  values: Record<string, number>;
}

/** The atoms that may be shown, in their original order. */
export function shownAtoms(atoms: readonly Atom[], minGroup: number): Atom[] {
  const hidden = new Set<Atom>();
  const byPeriod = new Map<string, Atom[]>();
  for (const atom of atoms) {
    const list = byPeriod.get(atom.period);
    if (list) list.push(atom);
    else byPeriod.set(atom.period, [atom]);
  }
  for (const period of byPeriod.values()) {
    const total = period.find((atom) => atom.key === TOTAL_KEY);
    const rows = period.filter((atom) => atom.key !== TOTAL_KEY);
    for (const row of rows) if (row.size < minGroup) hidden.add(row);
    if (!total) continue;
    if (total.size < minGroup) {
      for (const atom of period) hidden.add(atom);
      continue;
    }
    // The smallest shown rows go too until the hidden part is nothing or large enough itself.
    const shown = rows.filter((row) => !hidden.has(row)).sort((a, b) => a.size - b.size);
    let unexplained = total.size - shown.reduce((sum, row) => sum + row.size, 0);
    for (const row of shown) {
      if (unexplained === 0 || unexplained >= minGroup) break;
      hidden.add(row);
      unexplained += row.size;
    }
  }
  return atoms.filter((atom) => !hidden.has(atom));
}

/**
 * One row per key over all the periods of `atoms`: the sums of its shown atoms. A key without any shown
 * atom has no row at all, so a table does not even say that a small group exists.
 */
export function combineAtoms(atoms: readonly Atom[], minGroup: number): CombinedRow[] {
  const rows = new Map<string, CombinedRow>();
  for (const atom of shownAtoms(atoms, minGroup)) {
    let row = rows.get(atom.key);
    if (!row) {
      row = { key: atom.key, size: 0, values: {} };
      rows.set(atom.key, row);
    }
    row.size += atom.size;
    for (const [name, value] of Object.entries(atom.values))
      row.values[name] = (row.values[name] ?? 0) + value;
  }
  return [...rows.values()];
}
