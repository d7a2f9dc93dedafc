// A grouping problem as the optimiser sees it (elements, pairwise diversity, size bounds per group), read
// from the MDGPLIB text format of the published benchmark so our results compare with the literature.
// An instance built in code is refused with messages of the locale files (a composition shows them); a
// benchmark file is read for an operator in a terminal, so its messages are in Dutch and English at once.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads with indices that are in range by construction

import { AppError } from "../../../infra/errors.ts";
import { type MessageValues, message } from "../../../infra/i18n/translate.ts";

export type GroupingInstance = {
  /** Number of elements (people). */
  n: number;
  /** Number of groups. */
  m: number;
  /** Row-major n×n, symmetric, zero diagonal: how much it is worth to have i and j in the same group. */
  distances: Float64Array;
  minSize: Int32Array;
  maxSize: Int32Array;
};

export type FeasibilityReport = { feasible: boolean; problems: string[] };

/** Checks the shape of an instance built in code; throws `invalid` with what is wrong. */
export function createGroupingInstance(input: GroupingInstance): GroupingInstance {
  const { n, m, distances, minSize, maxSize } = input;
  const fail = (problem: string, values?: MessageValues) => {
    throw new AppError("invalid", message(`problems.kriskras.grouping.${problem}`, values));
  };
  if (!Number.isInteger(n) || n < 1) fail("n", { n });
  if (!Number.isInteger(m) || m < 1) fail("m", { m });
  if (distances.length !== n * n) fail("matrix", { count: distances.length });
  if (minSize.length !== m || maxSize.length !== m) fail("boundsCount");
  let low = 0;
  let high = 0;
  for (let g = 0; g < m; g++) {
    if (minSize[g]! < 0 || minSize[g]! > maxSize[g]!)
      fail("groupBounds", { group: g, min: minSize[g]!, max: maxSize[g]! });
    low += minSize[g]!;
    high += maxSize[g]!;
  }
  if (low > n || high < n) fail("wontFit", { n, low, high });
  for (let i = 0; i < n; i++) {
    if (distances[i * n + i] !== 0) fail("diagonal", { element: i });
    for (let j = i + 1; j < n; j++) {
      const d = distances[i * n + j]!;
      if (!Number.isFinite(d) || d !== distances[j * n + i]) fail("symmetric", { i, j });
    }
  }
  return input;
}

/** Reads `n m ss|ds a_1 b_1 … a_m b_m` followed by lines `i j d_ij`; errors name the line and the problem. */
export function parseMdgpInstance(text: string): GroupingInstance {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, dutch: string, english: string): never => {
    throw new AppError(
      "invalid",
      `MDGP-bestand, regel ${line}: ${dutch} (MDGP file, line ${line}: ${english})`,
    );
  };
  let at = 0;
  while (at < lines.length && lines[at]!.trim() === "") at++;
  if (at === lines.length) fail(1, "het bestand is leeg", "the file is empty");
  const headerLine = at + 1;
  const header = lines[at]!.trim().split(/\s+/);
  const n = Number(header[0]);
  const m = Number(header[1]);
  if (!Number.isInteger(n) || n < 1)
    fail(
      headerLine,
      `n moet een positief geheel getal zijn, niet "${header[0]}"`,
      `n must be a positive whole number, not "${header[0]}"`,
    );
  if (!Number.isInteger(m) || m < 1)
    fail(
      headerLine,
      `m moet een positief geheel getal zijn, niet "${header[1]}"`,
      `m must be a positive whole number, not "${header[1]}"`,
    );
  if (header[2] !== "ss" && header[2] !== "ds") {
    fail(
      headerLine,
      `verwacht "ss" of "ds" als derde waarde, niet "${header[2] ?? ""}"`,
      `expected "ss" or "ds" as the third value, not "${header[2] ?? ""}"`,
    );
  }
  if (header.length !== 3 + 2 * m) {
    fail(
      headerLine,
      `verwacht ${3 + 2 * m} waarden (n, m, ss|ds en ${m} paren grenzen), niet ${header.length}`,
      `expected ${3 + 2 * m} values (n, m, ss|ds and ${m} pairs of bounds), not ${header.length}`,
    );
  }
  const minSize = new Int32Array(m);
  const maxSize = new Int32Array(m);
  let low = 0;
  let high = 0;
  for (let g = 0; g < m; g++) {
    const a = Number(header[3 + 2 * g]);
    const b = Number(header[4 + 2 * g]);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || a > b) {
      const bounds = `"${header[3 + 2 * g]} ${header[4 + 2 * g]}"`;
      fail(
        headerLine,
        `groep ${g + 1} heeft ongeldige grenzen ${bounds}`,
        `group ${g + 1} has invalid bounds ${bounds}`,
      );
    }
    minSize[g] = a;
    maxSize[g] = b;
    low += a;
    high += b;
  }
  if (low > n || high < n) {
    fail(
      headerLine,
      `${n} elementen passen niet in groepen van samen minstens ${low} en hoogstens ${high}`,
      `${n} elements do not fit in groups of at least ${low} and at most ${high} together`,
    );
  }
  const distances = new Float64Array(n * n);
  const seen = new Uint8Array(n * n);
  let pairs = 0;
  for (at++; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (line === "") continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 3)
      fail(
        at + 1,
        `verwacht "i j d", niet ${parts.length} waarden`,
        `expected "i j d", not ${parts.length} values`,
      );
    const i = Number(parts[0]);
    const j = Number(parts[1]);
    const d = Number(parts[2]);
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n) {
      fail(
        at + 1,
        `elementen "${parts[0]} ${parts[1]}" liggen niet in 0..${n - 1}`,
        `elements "${parts[0]} ${parts[1]}" are not in 0..${n - 1}`,
      );
    }
    if (i === j) fail(at + 1, `een element met zichzelf (${i})`, `an element with itself (${i})`);
    if (!Number.isFinite(d) || parts[2] === "")
      fail(at + 1, `"${parts[2]}" is geen getal`, `"${parts[2]}" is not a number`);
    if (seen[i * n + j])
      fail(at + 1, `het paar ${i} ${j} staat er twee keer in`, `the pair ${i} ${j} is there twice`);
    seen[i * n + j] = 1;
    seen[j * n + i] = 1;
    distances[i * n + j] = d;
    distances[j * n + i] = d;
    pairs++;
  }
  const expected = (n * (n - 1)) / 2;
  if (pairs !== expected) {
    fail(
      lines.length,
      `${pairs} paren gevonden, ${expected} verwacht voor n = ${n}`,
      `found ${pairs} pairs, expected ${expected} for n = ${n}`,
    );
  }
  return { n, m, distances, minSize, maxSize };
}

/** The sum of the diversities inside the groups (plus the extra scores, when given). */
export function objectiveOf(
  instance: GroupingInstance,
  assignment: Int32Array,
  extraScore?: Float64Array,
): number {
  const { n, m, distances } = instance;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gi = assignment[i]!;
    const row = i * n;
    for (let j = i + 1; j < n; j++) if (assignment[j] === gi) total += distances[row + j]!;
    if (extraScore) total += extraScore[i * m + gi]!;
  }
  return total;
}

/** Whether every element is in a group within the bounds, an allowed group and its locked group. */
export function checkFeasible(
  instance: GroupingInstance,
  assignment: Int32Array,
  options: { allowed?: Uint8Array; locked?: Int32Array } = {},
): FeasibilityReport {
  const { n, m, minSize, maxSize } = instance;
  const problems: string[] = [];
  if (assignment.length !== n) problems.push(`${assignment.length} elementen ingedeeld, ${n} verwacht`);
  const size = new Int32Array(m);
  for (let i = 0; i < Math.min(n, assignment.length); i++) {
    const g = assignment[i]!;
    if (!Number.isInteger(g) || g < 0 || g >= m) {
      problems.push(`element ${i} zit in groep ${g}, die niet bestaat`);
      continue;
    }
    size[g]!++;
    if (options.allowed && options.allowed[i * m + g] === 0)
      problems.push(`element ${i} mag niet in groep ${g}`);
    const lockedTo = options.locked?.[i] ?? -1;
    if (lockedTo >= 0 && lockedTo !== g) problems.push(`element ${i} hoort vast in groep ${lockedTo}`);
  }
  for (let g = 0; g < m; g++) {
    if (size[g]! < minSize[g]! || size[g]! > maxSize[g]!) {
      problems.push(`groep ${g} heeft ${size[g]} elementen, grenzen ${minSize[g]}..${maxSize[g]}`);
    }
  }
  return { feasible: problems.length === 0, problems };
}
