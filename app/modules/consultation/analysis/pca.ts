// The two main directions in which people's votes differ (principal components), and each person's
// place along them. As Pol.is does it: a missing vote counts as the statement's mean vote, so after
// centring it adds nothing, and the matrix stays sparse; the components come from power iteration,
// which can start from the previous run's components and then needs only a few steps.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction
import type { VoteMatrix } from "./vote-matrix.ts";

export interface Components {
  /** The mean vote per statement, over the people who voted on it. */
  means: Float64Array;
  /** Two unit vectors over the statements; the second orthogonal to the first. */
  axes: [Float64Array, Float64Array];
}

const MAX_STEPS = 500;
const TOLERANCE = 1e-12;

/** The mean vote of every statement; 0 for a statement nobody voted on. */
export function statementMeans(matrix: VoteMatrix, rows?: readonly number[]): Float64Array {
  const sums = new Float64Array(matrix.statements.length);
  const counts = new Float64Array(matrix.statements.length);
  for (const row of rows ?? matrix.participants.keys()) {
    for (let cell = matrix.rowStart[row]!; cell < matrix.rowStart[row + 1]!; cell++) {
      sums[matrix.columns[cell]!]! += matrix.votes[cell]!;
      counts[matrix.columns[cell]!]! += 1;
    }
  }
  for (let column = 0; column < sums.length; column++)
    sums[column]! = counts[column]! ? sums[column]! / counts[column]! : 0;
  return sums;
}

/** The centred votes of `rows`, cell by cell as in the matrix (0 for the cells of other rows). */
function centredVotes(matrix: VoteMatrix, rows: readonly number[], means: Float64Array): Float64Array {
  const centred = new Float64Array(matrix.votes.length);
  for (const row of rows) {
    for (let cell = matrix.rowStart[row]!; cell < matrix.rowStart[row + 1]!; cell++) {
      centred[cell]! = matrix.votes[cell]! - means[matrix.columns[cell]!]!;
    }
  }
  return centred;
}

/** Xᵀ(X a) and Xᵀ(X b) for the centred matrix X of `rows`, in one pass over the votes. */
function covarianceTimes(
  matrix: VoteMatrix,
  rows: readonly number[],
  centred: Float64Array,
  [a, b]: readonly [Float64Array, Float64Array],
  [outA, outB]: readonly [Float64Array, Float64Array],
): void {
  outA.fill(0);
  outB.fill(0);
  const { rowStart, columns } = matrix;
  for (const row of rows) {
    const end = rowStart[row + 1]!;
    let alongA = 0;
    let alongB = 0;
    for (let cell = rowStart[row]!; cell < end; cell++) {
      alongA += centred[cell]! * a[columns[cell]!]!;
      alongB += centred[cell]! * b[columns[cell]!]!;
    }
    for (let cell = rowStart[row]!; cell < end; cell++) {
      outA[columns[cell]!]! += centred[cell]! * alongA;
      outB[columns[cell]!]! += centred[cell]! * alongB;
    }
  }
}

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

function normalise(vector: Float64Array): number {
  const length = Math.sqrt(dot(vector, vector));
  if (length > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= length;
  return length;
}

function removeAlong(vector: Float64Array, unit: Float64Array): void {
  const along = dot(vector, unit);
  for (let i = 0; i < vector.length; i++) vector[i]! -= along * unit[i]!;
}

/** A start that is the same every run and not orthogonal to any likely component. */
function firstStart(size: number, which: number): Float64Array {
  const start = new Float64Array(size);
  for (let i = 0; i < size; i++) start[i] = 1 + ((i * (which + 2)) % 7) / 10;
  return start;
}

/** Makes b orthogonal to a and both of length 1 (b gets a fixed start if nothing of it is left). */
function orthonormalise(a: Float64Array, b: Float64Array, which = 0): void {
  if (normalise(a) === 0) {
    a.set(firstStart(a.length, which));
    normalise(a);
  }
  removeAlong(b, a);
  if (normalise(b) === 0) {
    b.set(firstStart(b.length, which + 1));
    removeAlong(b, a);
    normalise(b);
  }
}

/**
 * The two principal components of the votes of `rows`, by subspace iteration: both directions are
 * improved together and kept orthogonal, which converges also when the two largest variances are
 * close (three groups of about equal size), and are then turned within their plane into the two
 * components (a 2 × 2 eigenproblem). `previous` (the last run's axes, over the same statements) is
 * where the iteration starts; each axis is then turned to point the same way as the previous one, or,
 * without one, so that its largest loading is positive, so the map does not flip between runs.
 */
export function principalComponents(
  matrix: VoteMatrix,
  rows: readonly number[],
  previous?: [Float64Array, Float64Array],
): Components {
  const size = matrix.statements.length;
  const means = statementMeans(matrix, rows);
  const centred = centredVotes(matrix, rows, means);
  const warm = previous?.[0]?.length === size && previous[1]?.length === size;
  const a = warm ? Float64Array.from(previous[0]!) : firstStart(size, 0);
  const b = warm ? Float64Array.from(previous[1]!) : firstStart(size, 1);
  orthonormalise(a, b);
  const nextA = new Float64Array(size);
  const nextB = new Float64Array(size);
  for (let step = 0; step < MAX_STEPS; step++) {
    covarianceTimes(matrix, rows, centred, [a, b], [nextA, nextB]);
    orthonormalise(nextA, nextB, 2);
    // How far the new plane lies outside the old one.
    let outside = 0;
    for (const vector of [nextA, nextB]) {
      const inA = dot(vector, a);
      const inB = dot(vector, b);
      outside += Math.max(0, 1 - inA * inA - inB * inB);
    }
    a.set(nextA);
    b.set(nextB);
    if (outside < TOLERANCE) break;
  }
  // Within the plane, the directions of most and second-most variance.
  covarianceTimes(matrix, rows, centred, [a, b], [nextA, nextB]);
  const [aa, ab, bb] = [dot(a, nextA), dot(a, nextB), dot(b, nextB)];
  const angle = 0.5 * Math.atan2(2 * ab, aa - bb);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const first = a.map((value, i) => cos * value + sin * b[i]!);
  const second = a.map((value, i) => -sin * value + cos * b[i]!);
  orient(first, previous?.[0]);
  orient(second, previous?.[1]);
  return { means, axes: [first, second] };
}

function orient(axis: Float64Array, previous?: Float64Array): void {
  let sign = 0;
  if (previous?.length === axis.length) {
    for (let i = 0; i < axis.length; i++) sign += axis[i]! * previous[i]!;
  }
  if (sign === 0) {
    let largest = 0;
    for (const value of axis) if (Math.abs(value) > Math.abs(largest)) largest = value;
    sign = largest;
  }
  if (sign < 0) for (let i = 0; i < axis.length; i++) axis[i]! = -axis[i]!;
}

/**
 * Each row's place on the two axes. A person who voted on few statements lands near the middle only
 * because their missing votes count as the mean; as Pol.is does, the place is stretched by
 * √(statements / their votes) to make up for that, a rejected statement counting as a vote of
 * everyone's (see `VoteMatrix.rejected`).
 */
export function project(matrix: VoteMatrix, rows: readonly number[], components: Components): Float64Array[] {
  const { rowStart, columns, votes } = matrix;
  const { means, axes } = components;
  const size = matrix.statements.length + matrix.rejected;
  return rows.map((row) => {
    let x = 0;
    let y = 0;
    for (let cell = rowStart[row]!; cell < rowStart[row + 1]!; cell++) {
      const centred = votes[cell]! - means[columns[cell]!]!;
      x += centred * axes[0][columns[cell]!]!;
      y += centred * axes[1][columns[cell]!]!;
    }
    const voted = rowStart[row + 1]! - rowStart[row]! + matrix.rejected;
    const stretch = voted > 0 ? Math.sqrt(size / voted) : 0;
    return Float64Array.of(x * stretch, y * stretch);
  });
}
