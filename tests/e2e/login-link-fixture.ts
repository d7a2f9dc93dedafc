// A login link the browser tests can open without a mail (the confirmation page in the accessibility
// walk), written into the test server's embedded database before it starts (by
// tests/e2e/example-data.ts). Valid for a day, so it outlasts any run; no test presses its button.
import type { Db } from "../../app/infra/db.server.ts";
import { hashSecret } from "../../app/infra/secrets.server.ts";
import { loginTokens } from "../../app/modules/accounts/accounts.schema.ts";
import { LOGIN_LINK_EXAMPLE } from "./example-urls.ts";

export async function writeLoginLink(db: Db): Promise<void> {
  await db.insert(loginTokens).values({
    tokenHash: hashSecret(LOGIN_LINK_EXAMPLE.token),
    email: LOGIN_LINK_EXAMPLE.email,
    expiresAt: new Date(Date.now() + 24 * 3_600_000),
    returnTo: "/",
  });
}
