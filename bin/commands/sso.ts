// Single sign-on for the operator: what to hand to the organisation's OpenID Connect provider when
// registering Vakmanschap as a client with private_key_jwt.
import { publicJwksOf, SSO_CALLBACK_PATH } from "../../app/modules/accounts/single-sign-on.server.ts";
import type { RegisterCommands } from "../vakmanschap.ts";

export const registerCommands: RegisterCommands = (program, cli) => {
  const sso = program.command("sso").description("inloggen via een organisatie (single sign-on)");

  sso
    .command("jwks")
    .description(
      "druk de publieke sleutel af als JWK Set, om bij de OpenID Connect-provider te registreren (print the public JWK Set)",
    )
    .action(() => {
      const oidc = cli.config().oidc;
      if (!oidc) throw new Error("OIDC_ISSUER is niet gezet. (Single sign-on is not configured.)");
      if (oidc.clientAuth.method !== "private_key_jwt") {
        throw new Error(
          `De client gebruikt ${oidc.clientAuth.method}, geen sleutel. (No key: the client authenticates with a secret.)`,
        );
      }
      cli.quiet();
      process.stdout.write(`${JSON.stringify(publicJwksOf(oidc), null, 2)}\n`);
      const origin = cli.config().publicUrl;
      cli.say(`Terugkeeradres (redirect URI) om te registreren: ${origin}${SSO_CALLBACK_PATH}`);
    });
};
