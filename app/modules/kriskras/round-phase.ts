// Where a round stands, from its dates alone. Pure, so pages and the sign-up side share one reading.

export const ROUND_PHASES = ["concept", "open", "gesloten", "gepubliceerd"] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/**
 * `concept` before sign-up opens, `open` while it is open, `gesloten` once it has closed, and
 * `gepubliceerd` from the first publication of the groups on (whatever the dates say).
 */
export function roundPhase(
  round: { signupOpensAt: Date; signupClosesAt: Date; publishedAt: Date | null },
  now: Date,
): RoundPhase {
  if (round.publishedAt) return "gepubliceerd";
  if (now.getTime() < round.signupOpensAt.getTime()) return "concept";
  if (now.getTime() < round.signupClosesAt.getTime()) return "open";
  return "gesloten";
}
