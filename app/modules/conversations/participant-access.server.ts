// How a client proves it takes part in a live conversation, and how often it may: the participant's
// token travels in an HttpOnly cookie (pages) or the `Deelnemer-Token` header (API), and joining and
// answering count against the same per-address limits through both, so neither is a way around them.
import { secretCookie, secretFromCookies } from "../../infra/cookies.ts";
import type { Db } from "../../infra/db.server.ts";
import type { Config } from "../../infra/env.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import type { RateLimiter } from "../../infra/participation-limits.server.ts";
import { rateLimitError } from "../../infra/rate-limit.server.ts";
import { hashSecret } from "../../infra/secrets.server.ts";
import { normalizeJoinCode } from "./join-code.ts";
import { joinConversation } from "./participation.server.ts";

/**
 * The cookie the pages set; the API accepts it too, instead of the `Deelnemer-Token` header. Over HTTPS
 * it goes by `__Host-vm_deelnemer` (app/infra/cookies.ts).
 */
export const PARTICIPANT_COOKIE = "vm_deelnemer";
/** The request header an API client sends its participant token in. */
export const PARTICIPANT_HEADER = "deelnemer-token";
/** Longer than any afternoon conversation; after that the phone simply joins again with the code. */
const PARTICIPANT_COOKIE_SECONDS = 12 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The Set-Cookie value that gives the browser its participant token. */
export function participantCookie(token: string, options: { secure: boolean }): string {
  if (!TOKEN.test(token)) throw new Error("a participant token must be a base64url secret");
  return secretCookie({
    name: PARTICIPANT_COOKIE,
    secret: token,
    maxAgeSeconds: PARTICIPANT_COOKIE_SECONDS,
    secure: options.secure,
  });
}

export function participantTokenFrom(
  cookieHeader: string | null | undefined,
  options: { secure: boolean },
): string | undefined {
  return secretFromCookies(cookieHeader, { name: PARTICIPANT_COOKIE, secure: options.secure });
}

/** The token from an API request's header, or else from the cookie. */
export function participantToken(headers: {
  header?: string;
  cookie?: string | null;
  secure: boolean;
}): string | undefined {
  return headers.header || participantTokenFrom(headers.cookie, { secure: headers.secure });
}

/**
 * Counts one join, answer or look-up of a code (the join page of someone who does not take part) from
 * this address and throws a rate_limited AppError past the limit. A look-up has the joins' limit
 * (`CONVERSATION_JOINS_PER_IP`), counted apart, so a room that scans the QR code (a look-up, then a
 * join each) fits as well as one that types the code. The count is kept under a hash of the address, so
 * no count holds an IP address next to a participant's action; where it is kept depends on the
 * database (participation-limits.server.ts).
 */
export async function limitParticipation(options: {
  participationLimits: RateLimiter;
  config: Config;
  clientIp: string;
  purpose: "join" | "answer" | "lookup";
}): Promise<void> {
  const { config, purpose } = options;
  if (!config.rateLimits.enabled) return;
  const limits = config.conversations.rateLimits;
  const hit = await options.participationLimits.hit({
    key: `gesprek:${purpose}:ip:${hashSecret(options.clientIp)}`,
    limit: purpose === "answer" ? limits.answerPerIp : limits.joinPerIp,
    windowSeconds: 60,
  });
  if (!hit.allowed) throw rateLimitError(hit.retryAfterSeconds);
}

/** A day: longer than any conversation lasts, and the longest window the limits keep. */
const JOIN_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * Counts one join of this conversation from this address and refuses past
 * `CONVERSATION_JOINS_PER_IP_PER_CONVERSATION`: far below the conversation's size, so a flood from a handful of
 * addresses (or one IPv6 network) cannot fill it and keep the real participants out.
 */
async function limitJoinsToConversation(options: {
  participationLimits: RateLimiter;
  config: Config;
  clientIp: string;
  conversationId: string;
}): Promise<void> {
  const { config } = options;
  if (!config.rateLimits.enabled) return;
  const limit = config.conversations.joinsPerIpPerConversation;
  const hit = await options.participationLimits.hit({
    key: `gesprek:join:${options.conversationId}:ip:${hashSecret(options.clientIp)}`,
    limit,
    windowSeconds: JOIN_WINDOW_SECONDS,
  });
  if (!hit.allowed) {
    throw new AppError("rate_limited", message("problems.conversations.tooManyFromNetwork", { limit }), {
      retryAfterSeconds: hit.retryAfterSeconds,
    });
  }
}

/**
 * Joins with a code under the per-address limits that the pages and the API share: joins a minute,
 * and joins of one conversation. Throws the AppErrors of joining and of the limits.
 */
export async function joinWithLimits(options: {
  db: Db;
  liveHub: LiveHub;
  participationLimits: RateLimiter;
  config: Config;
  clientIp: string;
  code: string;
}): Promise<{ token: string; conversationId: string; participantId: string }> {
  await limitParticipation({ ...options, purpose: "join" });
  return joinConversation({
    ...options,
    admit: (conversationId) => limitJoinsToConversation({ ...options, conversationId }),
  });
}

/**
 * Joins with the code someone typed or scanned: counts against the limit, joins, and gives the canonical
 * code (for the address to go to) and the cookie that carries the new token. Throws the AppErrors of
 * joining (unknown or ended code, locked, full) and of the limits.
 */
export async function joinWithCookie(options: {
  db: Db;
  liveHub: LiveHub;
  participationLimits: RateLimiter;
  config: Config;
  clientIp: string;
  code: string;
  secure: boolean;
}): Promise<{ code: string; cookie: string }> {
  const joined = await joinWithLimits(options);
  return {
    // joinConversation found the conversation by this very normalisation, so it is a code.
    code: normalizeJoinCode(options.code) ?? "",
    cookie: participantCookie(joined.token, { secure: options.secure }),
  };
}
