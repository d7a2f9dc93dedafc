// Browser tests in Debian's Chromium against the built server on the embedded database, started fresh
// (its own data folder) for each run.
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { SMTP_PORT } from "./tests/e2e/mailbox.ts";
import { APP_PORT, SSO_CLIENT } from "./tests/e2e/sso.ts";

const port = APP_PORT;
// Workers load this file again; the folder is fixed once, in the main process, and inherited by them.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `vakmanschap-e2e-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;
process.env.E2E_MAIL_DIR ??= `${dataDir}-mail`;

export default defineConfig({
  testDir: "tests/e2e",
  // Two workers share the one server: each spec file runs in one worker, in order, and uses people and
  // data of its own or only reads; files whose tests only read (the page walks) run them in parallel.
  // Logging in the same person from two workers at once is serialised in tests/e2e/login.ts.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // All mail the app sends goes over SMTP to this server, which keeps it for the tests to read.
      command: "node --import tsx tests/e2e/smtp-mailbox-server.ts",
      port: SMTP_PORT,
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      command: "node --import tsx tests/e2e/oidc-provider-server.ts",
      url: `${SSO_CLIENT.issuer}/.well-known/openid-configuration`,
      // Compiling and loading the provider can take a while on a busy two-core machine; so can the app's
      // start below, three processes in a row.
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      // The database is made the way an operator does it, with the command line, before the server; the
      // example data (kris-kras rounds, contributions, a login link) is written straight into it, and the
      // people get their roles through the command line's code, all in one process
      // (tests/e2e/example-data.ts).
      command: `rm -rf ${dataDir} && node bin/vakmanschap.mjs migrate && node --import tsx tests/e2e/example-data.ts && node server.js`,
      url: `http://127.0.0.1:${port}/readyz`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        DATABASE_URL: "",
        ALLOWED_EMAIL_DOMAINS: "example.nl",
        // Tests log in many times from one address; the limits themselves are tested in tests/integration.
        RATE_LIMITS: "off",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // Composing kris-kras groups searches 2 seconds instead of 15, so the browser test does not wait.
        KRISKRAS_COMPOSE_SECONDS: "2",
        // Single sign-on beside login links, against the provider above.
        OIDC_ISSUER: SSO_CLIENT.issuer,
        OIDC_CLIENT_ID: SSO_CLIENT.metadata.client_id,
        OIDC_CLIENT_AUTH: SSO_CLIENT.metadata.token_endpoint_auth_method,
        OIDC_CLIENT_SECRET: SSO_CLIENT.metadata.client_secret,
        OIDC_SCOPES: "openid email profile organisatie",
        OIDC_ORGANISATION_CLAIM: "organisatie",
        OIDC_PROVIDER_NAME: "Rijks-SSO",
      },
    },
  ],
});
