// Configuration, parsed once at start-up from environment variables. A bad value stops the start with
// a message that names the variable, so an operator never runs with a half-understood setting.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const OIDC_CLIENT_AUTH_METHODS = [
  "private_key_jwt",
  "client_secret_basic",
  "client_secret_post",
] as const;
export const OIDC_SIGNING_ALGS = ["RS256", "PS256", "ES256"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const ConfigInput = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "moet beginnen met postgres:// of postgresql://")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  TRUST_PROXY: optionalText,
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "moet minstens 16 tekens lang zijn").optional()),
  METRICS_ALLOW: z.string().default("127.0.0.1/32,::1/128"),
  OFFICIAL_GUIDE_URL: z
    .url({ protocol: /^https?$/ })
    .default("https://www.rijksoverheid.nl/onderwerpen/ambtenaren-rijksoverheid"),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "moet beginnen met smtp:// of smtps://")
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default("Vakmanschap <noreply@vakmanschap.invalid>"),
  ALLOWED_EMAIL_DOMAINS: z.string().default(""),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOGIN_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_LOGIN_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_API_PER_TOKEN: z.coerce.number().int().min(1).default(600),
  LOGIN_LINKS: z.enum(["on", "off"]).default("on"),
  CONVERSATION_MAX_PARTICIPANTS: z.coerce.number().int().min(2).max(100_000).default(5000),
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  CONVERSATION_MIN_ANSWERS: z.coerce.number().int().min(1).max(50).default(3),
  CONVERSATION_JOINS_PER_IP: z.coerce.number().int().min(1).default(1000),
  CONVERSATION_ANSWERS_PER_IP: z.coerce.number().int().min(1).default(6000),
  KRISKRAS_SIGNUP_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(183),
  KRISKRAS_MEETINGS_RETENTION_DAYS: z.coerce.number().int().min(0).max(7300).default(1095),
  KRISKRAS_COMPOSE_SECONDS: z.coerce.number().int().min(1).max(600).default(8),
  COCREATION_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(3),
  ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .regex(
        /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/,
        "moet 32 bytes zijn, als base64 of hex (maak er een met: npx vakmanschap key new)",
      )
      .optional(),
  ),
  ENCRYPTION_KEYS_OLD: z.string().default(""),
  OIDC_ISSUER: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_AUTH: optionalText.pipe(z.enum(OIDC_CLIENT_AUTH_METHODS).optional()),
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_PRIVATE_KEY: optionalText,
  OIDC_PRIVATE_KEY_FILE: optionalText,
  OIDC_SIGNING_ALG: z.enum(OIDC_SIGNING_ALGS).default("RS256"),
  OIDC_SCOPES: z.string().trim().default("openid email profile"),
  OIDC_EMAIL_CLAIM: z.string().trim().min(1).default("email"),
  OIDC_NAME_CLAIM: z.string().trim().default("name"),
  OIDC_ORGANISATION_CLAIM: z.string().trim().default(""),
  OIDC_REQUIRE_VERIFIED_EMAIL: z.enum(["true", "false"]).default("true"),
  OIDC_PROVIDER_NAME: z.string().trim().max(60).default(""),
});

export type Config = {
  env: "production" | "development" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  publicUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Express `trust proxy` value: false, a hop count or a list of addresses/subnets. */
  trustProxy: boolean | number | string;
  metricsToken?: string;
  metricsAllow: string[];
  officialGuideUrl: string;
  pageCacheEntries: number;
  /** Mail goes through SMTP when set; otherwise into DATA_DIR/outbox as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  /** Domains whose addresses get an account on first login; empty = nobody new by login link. */
  allowedEmailDomains: string[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginLinkMinutes: number;
  rateLimits: {
    enabled: boolean;
    /** Login-link requests per address per hour. */
    loginPerEmail: number;
    /** Login-link requests and login attempts per client address per hour. */
    loginPerIp: number;
    /** API calls per token per minute. */
    apiPerToken: number;
  };
  /** Whether people may ask for a login link by e-mail (beside single sign-on, or instead of it). */
  loginLinks: boolean;
  conversations: {
    /** Participants per session at most. */
    maxParticipants: number;
    /** Days after a session ends before its individual answers are deleted (the summary stays). */
    retentionDays: number;
    /** The default minimum of answers before results can be revealed. */
    minAnswers: number;
    /** Per client address per minute: enough for a room of 500 behind one office NAT, not for a flood. */
    rateLimits: { joinPerIp: number; answerPerIp: number };
  };
  kriskras: {
    /** Days after a round's last slot before its sign-ups are deleted (aggregates and who met whom stay). */
    signupRetentionDays: number;
    /** Days who met whom is kept, to keep people apart in later rounds. */
    meetingsRetentionDays: number;
    /** How long one composition of a round's groups may search. */
    composeSeconds: number;
  };
  cocreation: {
    /** Reports by different people after which a contribution or reply is hidden until an editor looks. */
    reportThreshold: number;
  };
  /** The key for what people write in private; without it, a key file in DATA_DIR. */
  encryptionKey?: string;
  /** Earlier keys, still read during a rotation. */
  encryptionKeysOld: string[];
  /** OpenID Connect single sign-on; absent when no provider is configured. */
  oidc?: OidcConfig;
};

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientAuth:
    | { method: "private_key_jwt"; privateKey: string; signingAlg: (typeof OIDC_SIGNING_ALGS)[number] }
    | { method: "client_secret_basic" | "client_secret_post"; secret: string };
  scopes: string;
  claims: { email: string; name: string; organisation: string };
  /** Link to an existing account by e-mail only when the provider says the address is verified. */
  requireVerifiedEmail: boolean;
  /** Shown on the login button: "Inloggen via …"; empty for "your organisation". */
  providerName: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Reads the configuration from `source` (normally process.env); throws ConfigError naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = ConfigInput.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie (invalid configuration):\n${lines.join("\n")}`);
  }
  const input = result.data;
  return {
    env: input.NODE_ENV,
    port: input.PORT,
    host: input.HOST,
    dataDir: path.resolve(input.DATA_DIR),
    databaseUrl: input.DATABASE_URL,
    databasePoolSize: input.DATABASE_POOL_SIZE,
    publicUrl: input.PUBLIC_URL?.replace(/\/$/, ""),
    logLevel: input.LOG_LEVEL,
    trustProxy: parseTrustProxy(input.TRUST_PROXY),
    metricsToken: input.METRICS_TOKEN,
    metricsAllow: input.METRICS_ALLOW.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    officialGuideUrl: input.OFFICIAL_GUIDE_URL,
    pageCacheEntries: input.PAGE_CACHE_ENTRIES,
    smtpUrl: input.SMTP_URL,
    mailFrom: input.MAIL_FROM,
    allowedEmailDomains: input.ALLOWED_EMAIL_DOMAINS.split(",")
      .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
    sessionIdleMinutes: input.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: input.SESSION_ABSOLUTE_HOURS,
    loginLinkMinutes: input.LOGIN_LINK_MINUTES,
    rateLimits: {
      enabled: input.RATE_LIMITS === "on",
      loginPerEmail: input.RATE_LIMIT_LOGIN_PER_EMAIL,
      loginPerIp: input.RATE_LIMIT_LOGIN_PER_IP,
      apiPerToken: input.RATE_LIMIT_API_PER_TOKEN,
    },
    loginLinks: input.LOGIN_LINKS === "on",
    conversations: {
      maxParticipants: input.CONVERSATION_MAX_PARTICIPANTS,
      retentionDays: input.CONVERSATION_RETENTION_DAYS,
      minAnswers: input.CONVERSATION_MIN_ANSWERS,
      rateLimits: {
        joinPerIp: input.CONVERSATION_JOINS_PER_IP,
        answerPerIp: input.CONVERSATION_ANSWERS_PER_IP,
      },
    },
    kriskras: {
      signupRetentionDays: input.KRISKRAS_SIGNUP_RETENTION_DAYS,
      meetingsRetentionDays: input.KRISKRAS_MEETINGS_RETENTION_DAYS,
      composeSeconds: input.KRISKRAS_COMPOSE_SECONDS,
    },
    cocreation: { reportThreshold: input.COCREATION_REPORT_THRESHOLD },
    encryptionKey: input.ENCRYPTION_KEY,
    encryptionKeysOld: input.ENCRYPTION_KEYS_OLD.split(",")
      .map((key) => key.trim())
      .filter(Boolean),
    oidc: oidcConfigOf(input),
  };
}

function oidcConfigOf(input: z.infer<typeof ConfigInput>): OidcConfig | undefined {
  if (!input.OIDC_ISSUER) return undefined;
  const bad = (variable: string, message: string) =>
    new ConfigError(`Ongeldige configuratie (invalid configuration):\n- ${variable}: ${message}`);
  if (!input.OIDC_CLIENT_ID) throw bad("OIDC_CLIENT_ID", "is nodig als OIDC_ISSUER is gezet");
  const method =
    input.OIDC_CLIENT_AUTH ?? (input.OIDC_CLIENT_SECRET ? "client_secret_basic" : "private_key_jwt");
  let clientAuth: OidcConfig["clientAuth"];
  if (method === "private_key_jwt") {
    let privateKey = input.OIDC_PRIVATE_KEY;
    if (!privateKey && input.OIDC_PRIVATE_KEY_FILE) {
      try {
        privateKey = fs.readFileSync(input.OIDC_PRIVATE_KEY_FILE, "utf8");
      } catch (error) {
        throw bad("OIDC_PRIVATE_KEY_FILE", `kan niet gelezen worden (${(error as Error).message})`);
      }
    }
    if (!privateKey) {
      throw bad("OIDC_PRIVATE_KEY", "is nodig voor private_key_jwt (of zet OIDC_PRIVATE_KEY_FILE)");
    }
    clientAuth = { method, privateKey, signingAlg: input.OIDC_SIGNING_ALG };
  } else {
    if (!input.OIDC_CLIENT_SECRET) throw bad("OIDC_CLIENT_SECRET", `is nodig voor ${method}`);
    clientAuth = { method, secret: input.OIDC_CLIENT_SECRET };
  }
  const scopes = input.OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (!scopes.includes("openid")) throw bad("OIDC_SCOPES", "moet 'openid' bevatten");
  return {
    issuer: input.OIDC_ISSUER,
    clientId: input.OIDC_CLIENT_ID,
    clientAuth,
    scopes: scopes.join(" "),
    claims: {
      email: input.OIDC_EMAIL_CLAIM,
      name: input.OIDC_NAME_CLAIM,
      organisation: input.OIDC_ORGANISATION_CLAIM,
    },
    requireVerifiedEmail: input.OIDC_REQUIRE_VERIFIED_EMAIL === "true",
    providerName: input.OIDC_PROVIDER_NAME,
  };
}
