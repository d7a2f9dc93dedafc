// How a browser takes part in a live conversation through the pages: the participant's token lives
// only in an HttpOnly cookie (the API reads the same cookie), and joining and answering count against
// the same per-address limits as the API, so the pages are no way around them.
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { hitRateLimit, rateLimitError } from "../../infra/rate-limit.server.ts";
import { hashSecret } from "../../infra/secrets.server.ts";
import { normalizeJoinCode } from "./join-code.ts";
import { joinConversation } from "./participation.server.ts";

/** The cookie the API also accepts instead of the `Deelnemer-Token` header. */
export const PARTICIPANT_COOKIE = "vm_deelnemer";
/** Longer than any afternoon session; after that the phone simply joins again with the code. */
const PARTICIPANT_COOKIE_SECONDS = 12 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The Set-Cookie value that gives the browser its participant token. */
export function participantCookie(token: string, options: { secure: boolean }): string {
  if (!TOKEN.test(token)) throw new Error("a participant token must be a base64url secret");
  return [
    `${PARTICIPANT_COOKIE}=${token}`,
    "Path=/",
    `Max-Age=${PARTICIPANT_COOKIE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

export function participantTokenFrom(cookieHeader: string | null | undefined): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${PARTICIPANT_COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`).exec(
    cookieHeader ?? "",
  );
  return match?.[1];
}

/**
 * Counts one join or answer from this address, with the key the API uses, and throws a rate_limited
 * AppError past the limit. The address is hashed: the limit table never holds an IP address next to a
 * participant's action.
 */
export async function limitParticipation(options: {
  db: Db;
  config: Config;
  clientIp: string;
  purpose: "join" | "answer";
}): Promise<void> {
  const { config, purpose } = options;
  if (!config.rateLimits.enabled) return;
  const limits = config.conversations.rateLimits;
  const hit = await hitRateLimit({
    db: options.db,
    key: `gesprek:${purpose}:ip:${hashSecret(options.clientIp)}`,
    limit: purpose === "join" ? limits.joinPerIp : limits.answerPerIp,
    windowSeconds: 60,
  });
  if (!hit.allowed) throw rateLimitError(hit.retryAfterSeconds);
}

/**
 * Joins with the code someone typed or scanned: counts against the limit, joins, and gives the canonical
 * code (for the address to go to) and the cookie that carries the new token. Throws the AppErrors of
 * joining (unknown code, locked, ended, full) and of the limit, with Dutch messages.
 */
export async function joinWithCookie(options: {
  db: Db;
  liveHub: LiveHub;
  config: Config;
  clientIp: string;
  code: string;
  secure: boolean;
}): Promise<{ code: string; cookie: string }> {
  await limitParticipation({ ...options, purpose: "join" });
  const joined = await joinConversation(options);
  return {
    // joinConversation found the session by this very normalisation, so it is a code.
    code: normalizeJoinCode(options.code) ?? "",
    cookie: participantCookie(joined.token, { secure: options.secure }),
  };
}
