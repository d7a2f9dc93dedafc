// Where the organisation's provider sends the browser back: the answer is checked against the login
// this browser started, and a new session begins. A refusal or a broken answer gets a clear page.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { AppError } from "~/infra/errors.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS } from "~/infra/route-errors.server.ts";
import { createSession, sessionCookie, sessionSecretFrom } from "~/modules/accounts/sessions.server.ts";
import { clearSsoCookie, singleSignOnFor, ssoSecretFrom } from "~/modules/accounts/single-sign-on.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/inloggen-sso-terug";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services } = context;
  const oidc = services.config.oidc;
  if (!oidc) throw data({ code: "not_found", message: "problems.site.pageNotFound" }, { status: 404 });
  const secure = isSecureSite(services.config);
  const cookies = request.headers.get("Cookie");
  const t = translatorFor(languageOf(request));
  const problem = (error: AppError) =>
    data(
      { problem: t(error.message) },
      { status: error.status, headers: { "Set-Cookie": clearSsoCookie({ secure }) } },
    );
  try {
    // The request's address is built on the site's own address (PUBLIC_URL), the one the provider was given.
    const callbackUrl = new URL(request.url);
    const { user, returnTo } = await singleSignOnFor(oidc).finish({
      db: services.database.db,
      secret: ssoSecretFrom(cookies, { secure }),
      callbackUrl,
    });
    // A fresh session at every login, as with a login link; the one this browser had before ends.
    const session = await createSession({
      db: services.database.db,
      userId: user.id,
      config: services.config,
      replaces: sessionSecretFrom(cookies, { secure }),
    });
    const headers = new Headers({ "Cache-Control": "no-store" });
    headers.append("Set-Cookie", sessionCookie({ ...session, secure }));
    headers.append("Set-Cookie", clearSsoCookie({ secure }));
    return redirect(returnTo, { status: 303, headers });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "unavailable")
        services.logger.warn({ err: error.cause }, "sso provider unavailable");
      return problem(error);
    }
    services.logger.error({ err: error }, "sso login failed");
    return problem(new AppError("unavailable", "problems.accounts.sso.failed"));
  }
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers(PRIVATE_HEADERS);
  const cookie = loaderHeaders.get("Set-Cookie");
  if (cookie) headers.set("Set-Cookie", cookie);
  return headers;
};

export default function SsoReturn({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("account.ssoProblem")} – Vakmanschap`}</title>
      <Heading level={1}>{t("account.ssoProblem")}</Heading>
      <Alert type="error">
        <Paragraph>{loaderData.problem}</Paragraph>
      </Alert>
      <Form method="post" action="/inloggen/sso" reloadDocument>
        <Button>{t("account.ssoTryAgain")}</Button>
      </Form>
    </>
  );
}
