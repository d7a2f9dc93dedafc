// Single sign-on with an organisation's OpenID Connect provider (authorization code flow with PKCE, as
// the NL GOV Assurance profile asks), beside or instead of login links. The browser carries a random
// secret in a short-lived cookie; the database keeps its hash with the state, nonce and PKCE verifier
// the provider's answer must match, so a login started in one browser cannot be finished in another.
// Accounts are keyed by issuer and subject; a first login makes or links an account only for an e-mail
// address the provider (or the operator, OIDC_REQUIRE_VERIFIED_EMAIL=false) vouches for.
import crypto from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import * as oidc from "openid-client";
import { clearedCookie, secretCookie, secretFromCookies } from "../../infra/cookies.ts";
import type { Db } from "../../infra/db.server.ts";
import type { Config, OIDC_SIGNING_ALGS, OidcConfig } from "../../infra/env.server.ts";
import { AppError } from "../../infra/errors.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { User } from "./accounts.schema.ts";
import { ssoLogins, userIdentities, users } from "./accounts.schema.ts";
import { findUserByEmail, normaliseEmail } from "./accounts.server.ts";
import { recordAudit } from "./audit.server.ts";

/** The cookie of a login under way; over HTTPS it goes by `__Host-vm_sso` (app/infra/cookies.ts). */
export const SSO_COOKIE = "vm_sso";
export const SSO_CALLBACK_PATH = "/inloggen/sso/terug";
const LOGIN_MINUTES = 10;

const SIGNING: Record<(typeof OIDC_SIGNING_ALGS)[number], RsaHashedImportParams | EcKeyImportParams> = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  PS256: { name: "RSA-PSS", hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
};

/** The operator's private key (PEM or JWK) as a JWK, with a key id (its RFC 7638 thumbprint when unnamed). */
function privateJwkOf(key: string): crypto.JsonWebKey & { kid: string } {
  const text = key.trim();
  const keyObject = text.startsWith("{")
    ? crypto.createPrivateKey({ key: JSON.parse(text) as crypto.JsonWebKey, format: "jwk" })
    : crypto.createPrivateKey(text.replace(/\\n/g, "\n"));
  const jwk = keyObject.export({ format: "jwk" });
  const named = text.startsWith("{") ? (JSON.parse(text) as { kid?: string }).kid : undefined;
  return { ...jwk, kid: named ?? thumbprintOf(jwk) };
}

function thumbprintOf(jwk: crypto.JsonWebKey): string {
  const required =
    jwk.kty === "EC"
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return crypto.createHash("sha256").update(JSON.stringify(required)).digest("base64url");
}

/** The public half of the client's key, as the JWK Set to register at the provider. */
export function publicJwksOf(config: OidcConfig): { keys: crypto.JsonWebKey[] } {
  if (config.clientAuth.method !== "private_key_jwt") return { keys: [] };
  const { kid, ...privateJwk } = privateJwkOf(config.clientAuth.privateKey);
  const publicJwk = crypto
    .createPublicKey(crypto.createPrivateKey({ key: privateJwk, format: "jwk" }))
    .export({ format: "jwk" });
  return { keys: [{ ...publicJwk, kid, alg: config.clientAuth.signingAlg, use: "sig" }] };
}

async function clientAuthOf(config: OidcConfig): Promise<oidc.ClientAuth> {
  const auth = config.clientAuth;
  if (auth.method !== "private_key_jwt") {
    return auth.method === "client_secret_basic"
      ? oidc.ClientSecretBasic(auth.secret)
      : oidc.ClientSecretPost(auth.secret);
  }
  const { kid, ...jwk } = privateJwkOf(auth.privateKey);
  const key = await crypto.webcrypto.subtle.importKey("jwk", jwk, SIGNING[auth.signingAlg], false, ["sign"]);
  return oidc.PrivateKeyJwt({ key, kid });
}

/** Plain HTTP is accepted only for a provider on this machine (tests, a local trial). */
function isLoopback(issuer: string): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(issuer).hostname);
}

export interface SingleSignOn {
  config: OidcConfig;
  /** Starts a login: where to send the browser, and the secret for its cookie. */
  start(options: { db: Db; redirectUri: string; returnTo: string }): Promise<{ url: string; secret: string }>;
  /** Finishes a login from the provider's answer; gives the person and where they were going. */
  finish(options: { db: Db; secret: string; callbackUrl: URL }): Promise<{ user: User; returnTo: string }>;
}

const instances = new WeakMap<OidcConfig, SingleSignOn>();

/** One client per configuration, so the provider's metadata is fetched once per process. */
export function singleSignOnFor(config: OidcConfig): SingleSignOn {
  let instance = instances.get(config);
  if (!instance) {
    instance = createSingleSignOn(config);
    instances.set(config, instance);
  }
  return instance;
}

/**
 * The provider's metadata is fetched on first use and kept; when the provider cannot be reached the
 * login answers "unavailable" and the next attempt asks again.
 */
export function createSingleSignOn(config: OidcConfig): SingleSignOn {
  let discovered: Promise<oidc.Configuration> | undefined;
  const provider = () => {
    discovered ??= clientAuthOf(config)
      .then((auth) =>
        oidc.discovery(new URL(config.issuer), config.clientId, undefined, auth, {
          execute: isLoopback(config.issuer) ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        }),
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw unavailable(error);
      });
    return discovered;
  };

  return {
    config,
    async start({ db, redirectUri, returnTo }) {
      const server = await provider();
      const secret = createSecret();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await db.insert(ssoLogins).values({
        idHash: hashSecret(secret),
        state,
        nonce,
        codeVerifier,
        returnTo,
        expiresAt: new Date(Date.now() + LOGIN_MINUTES * 60_000),
      });
      const url = oidc.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
      return { url: url.href, secret };
    },

    async finish({ db, secret, callbackUrl }) {
      // Used once, whatever happens next.
      const [login] = await db
        .delete(ssoLogins)
        .where(eq(ssoLogins.idHash, hashSecret(secret)))
        .returning();
      if (!login || login.expiresAt.getTime() < Date.now()) {
        throw new AppError("invalid", "problems.accounts.sso.attemptUsed");
      }
      const refused = callbackUrl.searchParams.get("error");
      if (refused) {
        throw new AppError(
          "invalid",
          refused === "access_denied" ? "problems.accounts.sso.cancelled" : "problems.accounts.sso.refused",
        );
      }
      const server = await provider();
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
        if (claims[config.claims.email] === undefined) {
          const info = await oidc.fetchUserInfo(server, tokens.access_token, String(claims.sub));
          claims = { ...info, ...claims };
        }
      } catch (error) {
        if (error instanceof oidc.ClientError || error instanceof oidc.AuthorizationResponseError) {
          throw new AppError("invalid", "problems.accounts.sso.badAnswer", { cause: error });
        }
        throw unavailable(error);
      }
      const user = await accountForIdentity({ db, config, claims });
      return { user, returnTo: login.returnTo };
    },
  };
}

function unavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("unavailable", "problems.accounts.sso.unreachable", { cause: error });
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * The account behind a provider's identity: the one linked before, or else, for a verified e-mail
 * address only, the account with that address (linked now) or a new one. An address the provider does
 * not vouch for is refused before it is looked up, with the same answer whether an account has it or
 * not: making an account for it would let whoever typed the address in at the provider into the
 * account of its real owner later (pre-account hijacking).
 */
export async function accountForIdentity(options: {
  db: Db;
  config: Pick<OidcConfig, "issuer" | "claims" | "requireVerifiedEmail">;
  claims: Record<string, unknown>;
}): Promise<User> {
  const { config, claims } = options;
  const subject = text(claims.sub);
  if (!subject) throw new AppError("invalid", "problems.accounts.sso.noSubject");
  const organisation = config.claims.organisation
    ? text(claims[config.claims.organisation]).slice(0, 200)
    : "";
  const name = config.claims.name ? text(claims[config.claims.name]).slice(0, 200) : "";

  return options.db.transaction(async (tx) => {
    const [known] = await tx
      .select({ user: users })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.issuer, config.issuer), eq(userIdentities.subject, subject)));
    let user = known?.user;
    if (!user) {
      const email = normaliseEmail(text(claims[config.claims.email]));
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
        throw new AppError("invalid", "problems.accounts.sso.noEmail");
      }
      if (config.requireVerifiedEmail && claims.email_verified !== true) {
        throw new AppError("forbidden", "problems.accounts.sso.unverified");
      }
      user = await findUserByEmail({ db: tx, email });
      if (!user) {
        [user] = await tx.insert(users).values({ email, name, organisation }).returning();
        if (!user) throw new Error("insert of user returned nothing");
      }
      await tx.insert(userIdentities).values({ userId: user.id, issuer: config.issuer, subject });
      await recordAudit({
        db: tx,
        actor: { id: user.id, email: user.email },
        action: "account.sso-linked",
        target: user.email,
        details: { issuer: config.issuer },
      });
    }
    // The provider knows the organisation best; a name is taken only where the person left it empty.
    const [updated] = await tx
      .update(users)
      .set({
        lastLoginAt: new Date(),
        ...(organisation ? { organisation } : {}),
        ...(name && !user.name ? { name } : {}),
      })
      .where(eq(users.id, user.id))
      .returning();
    return updated ?? user;
  });
}

// Path=/ rather than the callback's path alone: the `__Host-` prefix requires it.
export function ssoCookie(options: { secret: string; secure: boolean }): string {
  return secretCookie({
    name: SSO_COOKIE,
    secret: options.secret,
    maxAgeSeconds: LOGIN_MINUTES * 60,
    secure: options.secure,
  });
}

export function clearSsoCookie(options: { secure: boolean }): string {
  return clearedCookie({ name: SSO_COOKIE, secure: options.secure });
}

export function ssoSecretFrom(cookieHeader: string | null, options: { secure: boolean }): string {
  return secretFromCookies(cookieHeader, { name: SSO_COOKIE, secure: options.secure }) ?? "";
}

/**
 * What the operator should hear at start-up about the single sign-on settings: trusting every address
 * the provider sends lets anyone who can set their own address there log in to that address's account.
 */
export function singleSignOnWarnings(config: Pick<Config, "oidc">): string[] {
  if (!config.oidc || config.oidc.requireVerifiedEmail) return [];
  return [
    "OIDC_REQUIRE_VERIFIED_EMAIL=false: every e-mail address the provider sends is trusted as verified, to make or link an account. Keep it only for a provider where people cannot choose their own address.",
  ];
}

/** Deletes logins that were started and never finished (run by the maintenance timer). */
export async function pruneSsoLogins(options: { db: Db }): Promise<void> {
  await options.db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, new Date()));
}
