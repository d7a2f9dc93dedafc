// What each group thinks of each statement, and which statements say most about a group
// (representative), which nearly everyone agrees on across the groups (consensus), and which many
// people pass on (uncertain). The statistics follow Pol.is's: shares with one extra vote for and one
// against (so 3 of 3 is not yet 100 %), a z-test of a share against a half, and a two-proportion
// z-test of a group against everyone outside it.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction
import type { VoteMatrix } from "./vote-matrix.ts";

export interface Tally {
  agree: number;
  disagree: number;
  pass: number;
}

/** A statement's tallies: everyone's, and each group's (by group id). */
export interface StatementTallies {
  statement: string;
  all: Tally;
  byGroup: Map<number, Tally>;
}

export type Stance = "agree" | "disagree";

export interface Representative {
  statement: string;
  stance: Stance;
  /** The group's share with that stance, with the extra votes. */
  share: number;
  /** How many times likelier the group takes that stance than everyone outside it. */
  ratio: number;
  /** z of the share against a half, and of the group against the rest. */
  shareZ: number;
  ratioZ: number;
}

/** z for 90 % one-sided. */
const Z90 = 1.2816;
/** At most this many representative statements per group, and consensus statements per stance. */
export const MOST_SHOWN = 5;

const seen = (tally: Tally) => tally.agree + tally.disagree + tally.pass;

/** A share with one extra vote for and one against. */
export const shareOf = (count: number, votes: number) => (count + 1) / (votes + 2);

/** z of a share against a half, with the same extra votes. */
export function shareTest(count: number, votes: number): number {
  return 2 * Math.sqrt(votes + 1) * ((count + 1) / (votes + 1) - 0.5);
}

/** z of the difference between two shares. */
export function twoShareTest(count1: number, votes1: number, count2: number, votes2: number): number {
  const [s1, n1, s2, n2] = [count1 + 1, votes1 + 1, count2 + 1, votes2 + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return spread > 0 ? (s1 / n1 - s2 / n2) / spread : 0;
}

/** Every statement's tallies, from the votes of all rows and per group of the placed rows. */
export function tallyStatements(
  matrix: VoteMatrix,
  groupOfRow: ReadonlyMap<number, number>,
  groupIds: readonly number[],
): StatementTallies[] {
  const tallies: StatementTallies[] = matrix.statements.map((statement) => ({
    statement,
    all: { agree: 0, disagree: 0, pass: 0 },
    byGroup: new Map(groupIds.map((id) => [id, { agree: 0, disagree: 0, pass: 0 }])),
  }));
  for (let row = 0; row < matrix.participants.length; row++) {
    const group = groupOfRow.get(row);
    for (let cell = matrix.rowStart[row]!; cell < matrix.rowStart[row + 1]!; cell++) {
      const tally = tallies[matrix.columns[cell]!]!;
      const key = matrix.votes[cell]! === 1 ? "agree" : matrix.votes[cell]! === -1 ? "disagree" : "pass";
      tally.all[key] += 1;
      if (group !== undefined) {
        const own = tally.byGroup.get(group);
        if (own) own[key] += 1;
      }
    }
  }
  return tallies;
}

/** The group's tally against the sum of every other group's. */
function withRest(tallies: StatementTallies, group: number): { own: Tally; rest: Tally } {
  const own = tallies.byGroup.get(group) ?? { agree: 0, disagree: 0, pass: 0 };
  const rest = { agree: 0, disagree: 0, pass: 0 };
  for (const [id, tally] of tallies.byGroup) {
    if (id === group) continue;
    rest.agree += tally.agree;
    rest.disagree += tally.disagree;
    rest.pass += tally.pass;
  }
  return { own, rest };
}

function representativeFor(tallies: StatementTallies, group: number): Representative {
  const { own, rest } = withRest(tallies, group);
  const stanceOf = (stance: Stance) => {
    const count = own[stance];
    const restCount = rest[stance];
    const share = shareOf(count, seen(own));
    return {
      statement: tallies.statement,
      stance,
      share,
      ratio: share / shareOf(restCount, seen(rest)),
      shareZ: shareTest(count, seen(own)),
      ratioZ: twoShareTest(count, seen(own), restCount, seen(rest)),
    };
  };
  const agree = stanceOf("agree");
  const disagree = stanceOf("disagree");
  return agree.ratioZ >= disagree.ratioZ ? agree : disagree;
}

const strength = (candidate: Representative) =>
  candidate.ratio * candidate.ratioZ * candidate.share * candidate.shareZ;

/**
 * A group's representative statements: those where the group both leans one way (share z) and
 * differs from the rest (ratio z), each at 90 %, strongest first (ratio × its z × share × its z), at
 * most `MOST_SHOWN`, agreements before disagreements. When none passes both tests, the one where the
 * group agrees most distinctly, if the group agrees at all.
 */
export function representativeStatements(
  tallies: readonly StatementTallies[],
  group: number,
): Representative[] {
  const candidates = tallies
    .filter((tally) => seen(tally.byGroup.get(group) ?? { agree: 0, disagree: 0, pass: 0 }) > 0)
    .map((tally) => representativeFor(tally, group));
  const passing = candidates.filter((candidate) => candidate.shareZ > Z90 && candidate.ratioZ > Z90);
  if (passing.length === 0) {
    const agreeing = candidates
      .filter((candidate) => candidate.stance === "agree" && candidate.share > 0.5)
      .sort((a, b) => b.ratioZ - a.ratioZ);
    return agreeing.slice(0, 1);
  }
  return passing
    .sort((a, b) => strength(b) - strength(a))
    .slice(0, MOST_SHOWN)
    .sort((a, b) => Number(a.stance === "disagree") - Number(b.stance === "disagree"));
}

export interface Consensus {
  statement: string;
  stance: Stance;
  /** The product over the groups of each group's share with that stance. */
  together: number;
}

/**
 * Statements the groups share a view on, Pol.is's group-informed consensus: the product of every
 * group's share (with the extra votes), so one group that thinks otherwise pulls it down. Listed when
 * a majority in every group takes the stance; the highest first, at most `MOST_SHOWN` per stance.
 */
export function consensusStatements(tallies: readonly StatementTallies[]): Consensus[] {
  const found: Consensus[] = [];
  for (const stance of ["agree", "disagree"] as const) {
    const scored = tallies
      .map((tally) => {
        const shares = [...tally.byGroup.values()].map((group) => shareOf(group[stance], seen(group)));
        return { statement: tally.statement, stance, shares, together: shares.reduce((a, b) => a * b, 1) };
      })
      .filter((entry) => entry.shares.length > 0 && entry.shares.every((share) => share > 0.5));
    found.push(
      ...scored
        .sort((a, b) => b.together - a.together)
        .slice(0, MOST_SHOWN)
        .map(({ statement, together }) => ({ statement, stance, together })),
    );
  }
  return found;
}

/** Share of passes at or above which a statement counts as one people are unsure about. */
export const UNSURE_SHARE = 0.3;

/** Statements many people pass on (a pass share of `UNSURE_SHARE` or more), most passes first. */
export function uncertainStatements(
  tallies: readonly StatementTallies[],
): { statement: string; passShare: number }[] {
  return tallies
    .filter((tally) => seen(tally.all) > 0)
    .map((tally) => ({ statement: tally.statement, passShare: tally.all.pass / seen(tally.all) }))
    .filter((entry) => entry.passShare >= UNSURE_SHARE)
    .sort((a, b) => b.passShare - a.passShare || a.statement.localeCompare(b.statement));
}
