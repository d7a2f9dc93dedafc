// The bounds of a consultation that pages show as well as the server checks: pure constants, safe to
// use in the browser.

export const QUESTION_MAX = 300;
export const INTRODUCTION_MAX = 4_000;
/** A statement is short: one thought people can agree or disagree with at a glance. */
export const STATEMENT_MAX = 280;
export const STATEMENT_MIN = 5;
export const FEWEST_SEED_STATEMENTS = 10;
export const MOST_SEED_STATEMENTS = 200;
export const MOST_CARDS = 20;
/** How many statements one participant may add per hour, on the server. */
export const STATEMENTS_PER_HOUR = 5;
/** No share of a group or a statement is shown for fewer people than this. */
export const MIN_PEOPLE_SHOWN = 5;
