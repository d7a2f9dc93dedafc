// Starts a login at the organisation's OpenID Connect provider: a POST from the login page (so no
// link preview or prefetch starts one), then the browser goes to the provider.
import { data, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { readFormData } from "~/infra/form-data.ts";
import { withRouteErrors } from "~/infra/route-errors.server.ts";
import { ReturnPath } from "~/modules/accounts/accounts.validation.ts";
import { SSO_CALLBACK_PATH, singleSignOnFor, ssoCookie } from "~/modules/accounts/single-sign-on.server.ts";
import type { Route } from "./+types/inloggen-sso";

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  const oidc = services.config.oidc;
  if (!oidc)
    throw data({ code: "not_found", message: "problems.accounts.sso.notConfigured" }, { status: 404 });
  const form = await readFormData(request);
  return withRouteErrors(services.logger, async () => {
    const origin = services.config.publicUrl;
    const { url, secret } = await singleSignOnFor(oidc).start({
      db: services.database.db,
      redirectUri: `${origin}${SSO_CALLBACK_PATH}`,
      returnTo: ReturnPath.parse(form.get("terug") ?? undefined),
    });
    return redirect(url, {
      status: 303,
      headers: { "Set-Cookie": ssoCookie({ secret, secure: isSecureSite(services.config) }) },
    });
  });
}

export function loader() {
  return redirect("/inloggen");
}
