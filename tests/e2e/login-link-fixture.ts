// A login link the browser tests can open without a mail (the confirmation page in the accessibility
// walk and the page check), written into the test server's embedded database before it starts
// (playwright.config.ts runs this after the migrations). Valid for a day, so it outlasts any run; no
// test presses its button.
import { openDatabase } from "../../app/infra/db.server.ts";
import { hashSecret } from "../../app/infra/secrets.server.ts";
import { loginTokens } from "../../app/modules/accounts/accounts.schema.ts";
import { LOGIN_LINK_EXAMPLE } from "./example-urls.ts";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must name the test server's data folder");

const database = await openDatabase({ dataDir });
try {
  await database.db.insert(loginTokens).values({
    tokenHash: hashSecret(LOGIN_LINK_EXAMPLE.token),
    email: LOGIN_LINK_EXAMPLE.email,
    expiresAt: new Date(Date.now() + 24 * 3_600_000),
    returnTo: "/",
  });
} finally {
  await database.close();
}
