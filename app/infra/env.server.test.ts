import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env.server.ts";

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

  it.each([
    [{ PORT: "tachtig" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ PUBLIC_URL: "ftp://x" }, "PUBLIC_URL"],
    [{ METRICS_TOKEN: "kort" }, "METRICS_TOKEN"],
  ])("refuses a bad value and names the variable (%o)", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`- ${variable}:`));
  });
});
