// The short code with which a participant joins a live conversation from a phone. Pure: creating,
// normalising and grouping codes; the server decides which codes are in use.
import { z } from "zod";
import { message } from "../../infra/i18n/translate.ts";

/**
 * 14 letters and 4 digits. Left out: every character that looks like another one (0/O/Q, 1/I/L, 2/Z,
 * 5/S, 6/G, 8/B, U/V), N (said aloud in Dutch, "en" is easily heard as "em") and Y (in Dutch it is
 * said as "ij" or "griekse y"). Because both halves of each look-alike pair are out, a typed O or 1
 * cannot be mapped to a code character with any certainty: normalising never guesses, it refuses.
 * 18^6 is about 34 million codes, plenty for conversations that last an afternoon.
 */
export const JOIN_CODE_ALPHABET = "ACDEFHJKMPRTWX3479";
export const JOIN_CODE_LENGTH = 6;

const ALPHABET_SIZE = JOIN_CODE_ALPHABET.length;
// Bytes at or above this bound are thrown away, so every character is exactly as likely (256 is not a
// multiple of 18; taking `byte % 18` would favour the first four characters).
const ACCEPT_BELOW = 256 - (256 % ALPHABET_SIZE);
const BATCH = 16;
const MAX_BATCHES = 64;

const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
// Separators people type or paste: white space (also the no-break space), dashes of every width, dots
// and underscores.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212._]/gu;
// Longer input is not a mistyped code; it is refused before any further work.
const MAX_INPUT_LENGTH = 32;

const cryptoRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** A new code, uniformly random over the alphabet. `random(n)` returns n random bytes (for tests). */
export function createJoinCode(random: (n: number) => Uint8Array = cryptoRandom): string {
  let code = "";
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    for (const byte of random(BATCH)) {
      if (byte >= ACCEPT_BELOW) continue;
      code += JOIN_CODE_ALPHABET[byte % ALPHABET_SIZE];
      if (code.length === JOIN_CODE_LENGTH) return code;
    }
  }
  // Only a broken source of randomness gets here (with a sound one, the chance is below 10^-300).
  throw new Error("createJoinCode: the random source keeps returning unusable bytes");
}

/**
 * The canonical code in what someone typed: lower case becomes upper case, and spaces, dashes, dots and
 * underscores go. Undefined when the rest is not a code.
 */
export function normalizeJoinCode(input: string): string | undefined {
  if (input.length > MAX_INPUT_LENGTH) return undefined;
  // NFKC turns the full-width letters some phone keyboards produce into ordinary ones.
  const code = input.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** "ACD EFH": two groups of three, easier to read from a screen and to say aloud. */
export function formatJoinCode(code: string): string {
  const canonical = normalizeJoinCode(code);
  if (!canonical) throw new Error(`formatJoinCode: not a join code: ${JSON.stringify(code)}`);
  return `${canonical.slice(0, 3)} ${canonical.slice(3)}`;
}

const INVALID_MESSAGE = message("problems.conversations.joinCodeInvalid", { length: JOIN_CODE_LENGTH });

/** The join form's field: accepts what people type and yields the canonical code. */
export const JoinCode = z
  .string({ error: "problems.conversations.joinCodeMissing" })
  .transform((input, context) => {
    const code = normalizeJoinCode(input);
    if (code === undefined) {
      context.addIssue({
        code: "custom",
        message: input.trim() === "" ? "problems.conversations.joinCodeMissing" : INVALID_MESSAGE,
      });
      return z.NEVER;
    }
    return code;
  });

export type JoinCode = z.output<typeof JoinCode>;
