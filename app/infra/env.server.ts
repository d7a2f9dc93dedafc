// Configuration, parsed once at start-up from environment variables. A bad value stops the start with
// a message that names the variable, so an operator never runs with a half-understood setting.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { translatorFor } from "./i18n/texts.server.ts";
import { message } from "./i18n/translate.ts";

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

export const ConfigInput = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "problems.config.postgresUrl")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/ })
      .refine((value) => {
        const url = new URL(value);
        return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
      }, "problems.config.publicUrlBare")
      .optional(),
  ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  TRUST_PROXY: optionalText,
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "problems.config.metricsTokenShort").optional()),
  METRICS_ALLOW: z.string().default("127.0.0.1/32,::1/128"),
  OFFICIAL_GUIDE_URL: z
    .url({ protocol: /^https?$/ })
    .default("https://www.rijksoverheid.nl/onderwerpen/ambtenaren-rijksoverheid"),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000),
  FORM_BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10_240).default(256),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "problems.config.smtpUrl")
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default("Vakmanschap <noreply@vakmanschap.invalid>"),
  API_CONTACT_EMAIL: z.email("problems.config.apiContactEmail").default("api@vakmanschap.invalid"),
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
  CONVERSATION_MIN_ANSWERS: z.coerce.number().int().min(3, "problems.config.minAnswers").max(50).default(3),
  CONVERSATION_JOINS_PER_IP: z.coerce.number().int().min(1).default(1000),
  CONVERSATION_JOINS_PER_IP_PER_CONVERSATION: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The older name of CONVERSATION_JOINS_PER_IP_PER_CONVERSATION, read when that is not set. */
  CONVERSATION_JOINS_PER_IP_PER_SESSION: z.coerce.number().int().min(1).max(100_000).optional(),
  CONVERSATION_STREAMS_TOTAL: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  CONVERSATION_STREAMS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  CONVERSATION_STREAMS_PER_LOGIN: z.coerce.number().int().min(1).max(1000).default(10),
  CONVERSATION_ANSWERS_PER_IP: z.coerce.number().int().min(1).default(6000),
  KRISKRAS_SIGNUP_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(183),
  KRISKRAS_MEETINGS_RETENTION_DAYS: z.coerce.number().int().min(0).max(7300).default(1095),
  KRISKRAS_COMPOSE_SECONDS: z.coerce.number().int().min(1).max(600).default(8),
  COCREATION_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(3),
  INSIGHTS_MIN_GROUP: z.coerce.number().int().min(5).max(1000).default(10),
  INSIGHTS_SEARCH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  QUOTA_CONTRIBUTIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  QUOTA_REPLIES_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  QUOTA_REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  QUOTA_DILEMMA_CARDS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  QUOTA_DELIBERATIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  QUOTA_API_TOKENS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  QUOTA_CONVERSATIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(50),
  NOTICE_MAILS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "problems.config.encryptionKey")
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
  /**
   * The site's address, the origin of every link in a mail, calendar file or share link and of every
   * request handed to the pages: `PUBLIC_URL`, or else the address the server listens on. Never taken
   * from a request header. With `PORT=0` it is fixed once the port is known (`setListenPort`).
   */
  publicUrl: string;
  /** Whether `publicUrl` came from `PUBLIC_URL` (else it is the listen address, on a loopback host). */
  publicUrlConfigured: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Express `trust proxy` value: false, a hop count or a list of addresses/subnets. */
  trustProxy: boolean | number | string;
  metricsToken?: string;
  metricsAllow: string[];
  officialGuideUrl: string;
  pageCacheEntries: number;
  /** Largest body of a form post (everything outside /api/v1) in bytes; larger ones get 413. */
  formBodyLimitBytes: number;
  /** Mail goes through SMTP when set; otherwise into DATA_DIR/outbox as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  /** Who answers questions about the API: the contact in the OpenAPI document. */
  apiContactEmail: string;
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
    /** Participants per conversation at most. */
    maxParticipants: number;
    /** Days after a conversation ends before its individual answers are deleted (the summary stays). */
    retentionDays: number;
    /** The default minimum of answers before results can be revealed. */
    minAnswers: number;
    /** Per client address per minute: enough for a room of 500 behind one office NAT, not for a flood. */
    rateLimits: { joinPerIp: number; answerPerIp: number };
    /**
     * Joins of one conversation from one client address (in a day): far below its size, so a
     * flood from a few addresses cannot fill it.
     */
    joinsPerIpPerConversation: number;
    /** Live streams open at once in this process: in all, per client address and per login. */
    streams: { total: number; perIp: number; perLogin: number };
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
  insights: {
    /** The smallest group any figure of the insights stands for; below it the figure is not shown. */
    minGroup: number;
    /** Days the texts of searches that found nothing are kept (their monthly counts go with them). */
    searchRetentionDays: number;
  };
  /**
   * What one logged-in person may make per hour, and how many notice e-mails one person gets per hour
   * (app/infra/quotas.server.ts). Off with RATE_LIMITS=off, like every rate limit.
   */
  quotas: {
    enabled: boolean;
    perHour: {
      contribution: number;
      reply: number;
      report: number;
      dilemmaCard: number;
      deliberation: number;
      apiToken: number;
      /** Live conversations made, by a gespreksleider or the host of a kris-kras group. */
      conversation: number;
    };
    /** Notice e-mails per recipient per hour that other people's actions cause; beyond it, one bundle mail. */
    noticeMailsPerHour: number;
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

/** Whether `host` is only reachable from this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** `http://HOST:PORT` for a loopback listen address (IPv6 in brackets, `localhost` as it is). */
export function listenOrigin(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "");
  return `http://${bare.includes(":") ? `[${bare}]` : bare}:${port}`;
}

/**
 * Once the server listens: without `PUBLIC_URL` the site's address is the listen address, so with
 * `PORT=0` it is known only now. Called once, before the first request.
 */
export function setListenPort(config: Config, port: number): void {
  config.port = port;
  if (!config.publicUrlConfigured) config.publicUrl = listenOrigin(config.host, port);
}

/**
 * Settings that are valid but weaken a protection, for the start-up log. `TRUST_PROXY=true` takes the
 * left-most `X-Forwarded-For`, which the client writes itself, so every per-address limit can be
 * dodged; a hop count or the proxy's own address takes the address the proxy saw.
 */
export function configWarnings(config: Pick<Config, "trustProxy">): string[] {
  return config.trustProxy === true
    ? [
        "TRUST_PROXY=true: every client can choose the address its per-address limits count against (X-Forwarded-For). Set the number of proxies (TRUST_PROXY=1) or their addresses instead.",
      ]
    : [];
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * A message for the operator, who may read either language: Dutch, then English in brackets. A text
 * that is no key of the locale files (zod's own English) is said as it is.
 */
function forOperator(said: string): string {
  const dutch = translatorFor("nl")(said);
  const english = translatorFor("en")(said);
  return dutch === english ? dutch : `${dutch} (${english})`;
}

function invalidConfiguration(lines: { variable: string; message: string }[]): ConfigError {
  return new ConfigError(
    `Ongeldige configuratie (invalid configuration):\n${lines
      .map((line) => `- ${line.variable}: ${forOperator(line.message)}`)
      .join("\n")}`,
  );
}

// The variables' own checks say their messages as keys; the rest keeps zod's English, which names the
// bound that was crossed, rather than the interface's general "this is not right".
const zodEnglish = z.locales.en().localeError;

/** Reads the configuration from `source` (normally process.env); throws ConfigError naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = ConfigInput.safeParse(source, { error: (issue) => zodEnglish(issue) });
  if (!result.success) {
    throw invalidConfiguration(
      result.error.issues.map((issue) => ({ variable: issue.path.join("."), message: issue.message })),
    );
  }
  const input = result.data;
  if (!input.PUBLIC_URL && !isLoopbackHost(input.HOST)) {
    throw invalidConfiguration([
      { variable: "PUBLIC_URL", message: message("problems.config.publicUrlNeeded", { host: input.HOST }) },
    ]);
  }
  return {
    env: input.NODE_ENV,
    port: input.PORT,
    host: input.HOST,
    dataDir: path.resolve(input.DATA_DIR),
    databaseUrl: input.DATABASE_URL,
    databasePoolSize: input.DATABASE_POOL_SIZE,
    publicUrl: input.PUBLIC_URL ? new URL(input.PUBLIC_URL).origin : listenOrigin(input.HOST, input.PORT),
    publicUrlConfigured: input.PUBLIC_URL !== undefined,
    logLevel: input.LOG_LEVEL,
    trustProxy: parseTrustProxy(input.TRUST_PROXY),
    metricsToken: input.METRICS_TOKEN,
    metricsAllow: input.METRICS_ALLOW.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    officialGuideUrl: input.OFFICIAL_GUIDE_URL,
    pageCacheEntries: input.PAGE_CACHE_ENTRIES,
    formBodyLimitBytes: input.FORM_BODY_LIMIT_KB * 1024,
    smtpUrl: input.SMTP_URL,
    mailFrom: input.MAIL_FROM,
    apiContactEmail: input.API_CONTACT_EMAIL,
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
      joinsPerIpPerConversation:
        input.CONVERSATION_JOINS_PER_IP_PER_CONVERSATION ??
        input.CONVERSATION_JOINS_PER_IP_PER_SESSION ??
        500,
      streams: {
        total: input.CONVERSATION_STREAMS_TOTAL,
        perIp: input.CONVERSATION_STREAMS_PER_IP,
        perLogin: input.CONVERSATION_STREAMS_PER_LOGIN,
      },
    },
    kriskras: {
      signupRetentionDays: input.KRISKRAS_SIGNUP_RETENTION_DAYS,
      meetingsRetentionDays: input.KRISKRAS_MEETINGS_RETENTION_DAYS,
      composeSeconds: input.KRISKRAS_COMPOSE_SECONDS,
    },
    cocreation: { reportThreshold: input.COCREATION_REPORT_THRESHOLD },
    insights: {
      minGroup: input.INSIGHTS_MIN_GROUP,
      searchRetentionDays: input.INSIGHTS_SEARCH_RETENTION_DAYS,
    },
    quotas: {
      enabled: input.RATE_LIMITS === "on",
      perHour: {
        contribution: input.QUOTA_CONTRIBUTIONS_PER_HOUR,
        reply: input.QUOTA_REPLIES_PER_HOUR,
        report: input.QUOTA_REPORTS_PER_HOUR,
        dilemmaCard: input.QUOTA_DILEMMA_CARDS_PER_HOUR,
        deliberation: input.QUOTA_DELIBERATIONS_PER_HOUR,
        apiToken: input.QUOTA_API_TOKENS_PER_HOUR,
        conversation: input.QUOTA_CONVERSATIONS_PER_HOUR,
      },
      noticeMailsPerHour: input.NOTICE_MAILS_PER_HOUR,
    },
    encryptionKey: input.ENCRYPTION_KEY,
    encryptionKeysOld: input.ENCRYPTION_KEYS_OLD.split(",")
      .map((key) => key.trim())
      .filter(Boolean),
    oidc: oidcConfigOf(input),
  };
}

function oidcConfigOf(input: z.infer<typeof ConfigInput>): OidcConfig | undefined {
  if (!input.OIDC_ISSUER) return undefined;
  const bad = (variable: string, said: string) => invalidConfiguration([{ variable, message: said }]);
  if (!input.OIDC_CLIENT_ID) throw bad("OIDC_CLIENT_ID", "problems.config.clientIdNeeded");
  const method =
    input.OIDC_CLIENT_AUTH ?? (input.OIDC_CLIENT_SECRET ? "client_secret_basic" : "private_key_jwt");
  let clientAuth: OidcConfig["clientAuth"];
  if (method === "private_key_jwt") {
    let privateKey = input.OIDC_PRIVATE_KEY;
    if (!privateKey && input.OIDC_PRIVATE_KEY_FILE) {
      try {
        privateKey = fs.readFileSync(input.OIDC_PRIVATE_KEY_FILE, "utf8");
      } catch (error) {
        throw bad(
          "OIDC_PRIVATE_KEY_FILE",
          message("problems.config.privateKeyUnreadable", { reason: (error as Error).message }),
        );
      }
    }
    if (!privateKey) {
      throw bad("OIDC_PRIVATE_KEY", "problems.config.privateKeyNeeded");
    }
    clientAuth = { method, privateKey, signingAlg: input.OIDC_SIGNING_ALG };
  } else {
    if (!input.OIDC_CLIENT_SECRET)
      throw bad("OIDC_CLIENT_SECRET", message("problems.config.clientSecretNeeded", { method }));
    clientAuth = { method, secret: input.OIDC_CLIENT_SECRET };
  }
  const scopes = input.OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (!scopes.includes("openid")) throw bad("OIDC_SCOPES", "problems.config.scopesOpenid");
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
