// How the browser tests' app and OpenID Connect provider know each other (see playwright.config.ts).
import type { ClientMetadata } from "oidc-provider";

export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);

export const SSO_CLIENT = {
  port: Number(process.env.E2E_OIDC_PORT ?? 3211),
  get issuer() {
    return `http://127.0.0.1:${this.port}`;
  },
  metadata: {
    client_id: "vakmanschap-e2e",
    // Only ever used between two processes on this machine during a test run.
    client_secret: "e2e-geheim-dat-alleen-in-tests-bestaat-0123456789",
    token_endpoint_auth_method: "client_secret_post",
    redirect_uris: [`http://127.0.0.1:${APP_PORT}/inloggen/sso/terug`],
    response_types: ["code" as const],
    grant_types: ["authorization_code"],
  } satisfies ClientMetadata,
};

export const SSO_PERSON = {
  subject: "e2e-sanne",
  claims: {
    email: "sanne.sso@example.nl",
    email_verified: true,
    name: "Sanne Smit",
    organisatie: "Ministerie van Binnenlandse Zaken",
  },
};
