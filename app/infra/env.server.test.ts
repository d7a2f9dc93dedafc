import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configWarnings, parseConfig, setListenPort } from "./env.server.ts";

describe("an operator configures the server", () => {
  it("runs on the embedded database with defaults", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      logLevel: "info",
      trustProxy: false,
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it("reads every setting", () => {
    const config = parseConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://app@db:5432/vakmanschap",
      PUBLIC_URL: "https://vakmanschap.example.nl/",
      TRUST_PROXY: "1",
      METRICS_ALLOW: "10.0.0.0/8, 127.0.0.1/32",
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe("postgres://app@db:5432/vakmanschap");
    expect(config.publicUrl).toBe("https://vakmanschap.example.nl");
    expect(config.trustProxy).toBe(1);
    expect(config.metricsAllow).toEqual(["10.0.0.0/8", "127.0.0.1/32"]);
  });

  it("reads the joins per address of one conversation by its name, or by its older name", () => {
    expect(parseConfig({}).conversations.joinsPerIpPerConversation).toBe(500);
    const older = { CONVERSATION_JOINS_PER_IP_PER_SESSION: "40" };
    expect(parseConfig(older).conversations.joinsPerIpPerConversation).toBe(40);
    const both = { ...older, CONVERSATION_JOINS_PER_IP_PER_CONVERSATION: "30" };
    expect(parseConfig(both).conversations.joinsPerIpPerConversation).toBe(30);
  });

  it("builds links from the listen address on this machine, and from PUBLIC_URL otherwise", () => {
    expect(parseConfig({}).publicUrl).toBe("http://127.0.0.1:3000");
    expect(parseConfig({ HOST: "localhost", PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(parseConfig({ HOST: "::1" }).publicUrl).toBe("http://[::1]:3000");
    expect(parseConfig({ HOST: "127.0.0.2" }).publicUrl).toBe("http://127.0.0.2:3000");
    const container = parseConfig({ HOST: "0.0.0.0", PUBLIC_URL: "https://vakmanschap.example.nl:8443/" });
    expect(container.publicUrl).toBe("https://vakmanschap.example.nl:8443");
    expect(container.publicUrlConfigured).toBe(true);
  });

  it("learns the port of PORT=0 once the server listens, unless PUBLIC_URL says where the site is", () => {
    const local = parseConfig({ PORT: "0" });
    setListenPort(local, 41234);
    expect(local.publicUrl).toBe("http://127.0.0.1:41234");
    const configured = parseConfig({ PORT: "0", PUBLIC_URL: "https://vakmanschap.example.nl" });
    setListenPort(configured, 41234);
    expect(configured.publicUrl).toBe("https://vakmanschap.example.nl");
  });

  it("the container image's settings start a server, and each compose service names its public address", () => {
    const dockerfile = fs.readFileSync("Dockerfile", "utf8");
    const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(dockerfile)?.[1] ?? "";
    const env = Object.fromEntries(
      [...block.matchAll(/([A-Z_]+)=(\S+)/g)].map((match) => [match[1] ?? "", match[2] ?? ""]),
    );
    expect(env.HOST).toBe("0.0.0.0");
    expect(parseConfig(env).publicUrl).toBe(env.PUBLIC_URL);
    const compose = fs.readFileSync("compose.yaml", "utf8");
    expect(compose.match(/^ {6}PUBLIC_URL: /gm)).toHaveLength(2);
  });

  it("warns about TRUST_PROXY=true, which lets clients choose their own address, and not about a hop count", () => {
    expect(configWarnings(parseConfig({ TRUST_PROXY: "true" }))).toEqual([
      expect.stringContaining("TRUST_PROXY"),
    ]);
    expect(configWarnings(parseConfig({ TRUST_PROXY: "1" }))).toEqual([]);
    expect(configWarnings(parseConfig({}))).toEqual([]);
  });

  it("bounds form bodies at 256 kB unless told otherwise", () => {
    expect(parseConfig({}).formBodyLimitBytes).toBe(256 * 1024);
    expect(parseConfig({ FORM_BODY_LIMIT_KB: "1024" }).formBodyLimitBytes).toBe(1024 * 1024);
  });

  it.each([
    [{ PORT: "tachtig" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ PUBLIC_URL: "ftp://x" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "https://vakmanschap.example.nl/gids" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "https://iemand@vakmanschap.example.nl" }, "PUBLIC_URL"],
    [{ HOST: "0.0.0.0" }, "PUBLIC_URL"],
    [{ HOST: "192.0.2.10", PORT: "80" }, "PUBLIC_URL"],
    [{ HOST: "::" }, "PUBLIC_URL"],
    [{ FORM_BODY_LIMIT_KB: "1" }, "FORM_BODY_LIMIT_KB"],
    [{ METRICS_TOKEN: "kort" }, "METRICS_TOKEN"],
  ])("refuses a bad value and names the variable (%o)", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`- ${variable}:`));
  });

  it("keeps kris-kras sign-ups six months and who met whom three years unless told otherwise", () => {
    expect(parseConfig({}).kriskras).toEqual({
      signupRetentionDays: 183,
      meetingsRetentionDays: 1095,
      composeSeconds: 8,
    });
    expect(
      parseConfig({
        KRISKRAS_SIGNUP_RETENTION_DAYS: "30",
        KRISKRAS_MEETINGS_RETENTION_DAYS: "365",
        KRISKRAS_COMPOSE_SECONDS: "60",
      }).kriskras,
    ).toEqual({ signupRetentionDays: 30, meetingsRetentionDays: 365, composeSeconds: 60 });
    expect(() => parseConfig({ KRISKRAS_SIGNUP_RETENTION_DAYS: "-1" })).toThrow(
      /- KRISKRAS_SIGNUP_RETENTION_DAYS:/,
    );
  });

  it("hides a contribution after three reports unless told otherwise", () => {
    expect(parseConfig({}).cocreation).toEqual({ reportThreshold: 3 });
    expect(parseConfig({ COCREATION_REPORT_THRESHOLD: "5" }).cocreation.reportThreshold).toBe(5);
    expect(() => parseConfig({ COCREATION_REPORT_THRESHOLD: "0" })).toThrow(/- COCREATION_REPORT_THRESHOLD:/);
  });

  it("has no single sign-on and allows login links unless told otherwise", () => {
    const config = parseConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.loginLinks).toBe(true);
    expect(parseConfig({ LOGIN_LINKS: "off" }).loginLinks).toBe(false);
  });

  it("reads single sign-on with a client secret, and picks the method from what is given", () => {
    const config = parseConfig({
      OIDC_ISSUER: "https://sso.example.nl/realms/rijk",
      OIDC_CLIENT_ID: "vakmanschap",
      OIDC_CLIENT_SECRET: "geheim",
      OIDC_SCOPES: "openid  email organisatie",
      OIDC_ORGANISATION_CLAIM: "organisatie",
      OIDC_REQUIRE_VERIFIED_EMAIL: "false",
    });
    expect(config.oidc).toMatchObject({
      issuer: "https://sso.example.nl/realms/rijk",
      clientId: "vakmanschap",
      clientAuth: { method: "client_secret_basic", secret: "geheim" },
      scopes: "openid email organisatie",
      claims: { email: "email", name: "name", organisation: "organisatie" },
      requireVerifiedEmail: false,
    });
    expect(
      parseConfig({
        OIDC_ISSUER: "https://sso.example.nl",
        OIDC_CLIENT_ID: "x",
        OIDC_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----",
      }).oidc?.clientAuth,
    ).toMatchObject({ method: "private_key_jwt", signingAlg: "RS256" });
  });

  it.each([
    [{ OIDC_ISSUER: "https://sso.example.nl" }, "OIDC_CLIENT_ID"],
    [{ OIDC_ISSUER: "https://sso.example.nl", OIDC_CLIENT_ID: "x" }, "OIDC_PRIVATE_KEY"],
    [
      { OIDC_ISSUER: "https://sso.example.nl", OIDC_CLIENT_ID: "x", OIDC_CLIENT_AUTH: "client_secret_post" },
      "OIDC_CLIENT_SECRET",
    ],
    [
      {
        OIDC_ISSUER: "https://sso.example.nl",
        OIDC_CLIENT_ID: "x",
        OIDC_PRIVATE_KEY_FILE: "/bestaat/niet.pem",
      },
      "OIDC_PRIVATE_KEY_FILE",
    ],
    [
      {
        OIDC_ISSUER: "https://sso.example.nl",
        OIDC_CLIENT_ID: "x",
        OIDC_CLIENT_SECRET: "y",
        OIDC_SCOPES: "email",
      },
      "OIDC_SCOPES",
    ],
    [{ OIDC_ISSUER: "sso.example.nl" }, "OIDC_ISSUER"],
    [{ OIDC_CLIENT_AUTH: "none" }, "OIDC_CLIENT_AUTH"],
    [{ LOGIN_LINKS: "misschien" }, "LOGIN_LINKS"],
  ])("refuses incomplete single sign-on settings and names the variable (%o)", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`- ${variable}:`));
  });
});
