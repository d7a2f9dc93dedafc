// The page a login link opens: which account the link logs in to (masked), a warning when someone else
// is logged in in this browser, and a button, because only the POST may use the token (mail scanners
// open links before people do). The POST starts a new session and ends the one this browser had.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { AppError } from "~/infra/errors.ts";
import { formValuesOf, readFormData } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import type { Services } from "~/infra/services.server.ts";
import { LoginConfirmation } from "~/modules/accounts/accounts.validation.ts";
import { getCurrentUser } from "~/modules/accounts/current-user.server.ts";
import { consumeLoginLink, findLoginLink } from "~/modules/accounts/login-links.server.ts";
import { maskEmail } from "~/modules/accounts/mask-email.ts";
import { createSession, sessionCookie, sessionSecretFrom } from "~/modules/accounts/sessions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/inloggen-bevestigen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account"] };

/**
 * Who the link logs in as, and who is logged in in this browser when that is someone else: a link
 * someone forwarded would otherwise quietly swap the reader into the sender's account.
 */
async function accountsOf(options: { request: Request; services: Services; token: string }) {
  const link = await findLoginLink({ db: options.services.database.db, token: options.token });
  if (!link) return undefined;
  const current = await getCurrentUser(options);
  return {
    account: maskEmail(link.email),
    otherAccount: current && current.email !== link.email ? maskEmail(current.email) : null,
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const t = translatorFor(languageOf(request));
    const input = LoginConfirmation.safeParse({
      token: new URL(request.url).searchParams.get("token") ?? "",
    });
    // No "no-referrer" here: it would make the browser send `Origin: null` with the form, which the
    // same-origin check rightly refuses.
    if (!input.success) {
      return data(
        {
          token: null,
          problem: t(input.error.issues[0]?.message ?? "problems.accounts.loginLinkInvalid"),
          account: null,
          otherAccount: null,
        },
        { status: 400, headers: PRIVATE_HEADERS },
      );
    }
    const accounts = await accountsOf({ request, services: context.services, token: input.data.token });
    if (!accounts) {
      return data(
        { token: null, problem: t("problems.accounts.loginLinkUsed"), account: null, otherAccount: null },
        { status: 400, headers: PRIVATE_HEADERS },
      );
    }
    return data({ token: input.data.token, problem: null, ...accounts }, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const t = translatorFor(languageOf(request));
    const form = await readFormData(request);
    const input = LoginConfirmation.safeParse(formValuesOf(form));
    if (!input.success) {
      return data(
        { problem: t(input.error.issues[0]?.message ?? "problems.accounts.loginLinkInvalid") },
        { status: 400 },
      );
    }
    // Someone else is logged in here and the button pressed was not the one under that warning (the
    // login began after the page was shown): show the page again, with the warning, and use nothing.
    if (form.get("wisselen") !== "ja") {
      const accounts = await accountsOf({ request, services, token: input.data.token });
      if (accounts?.otherAccount) {
        return data({ problem: null, token: input.data.token, ...accounts }, { status: 409 });
      }
    }
    const secure = isSecureSite(services.config);
    try {
      const { user, returnTo } = await consumeLoginLink({
        db: services.database.db,
        config: services.config,
        token: input.data.token,
      });
      // A fresh session at every login: an old cookie planted beforehand never becomes a logged-in one.
      // The session this browser had until now ends.
      const session = await createSession({
        db: services.database.db,
        userId: user.id,
        config: services.config,
        replaces: sessionSecretFrom(request.headers.get("Cookie"), { secure }),
      });
      return redirect(returnTo, {
        status: 303,
        headers: { "Set-Cookie": sessionCookie({ ...session, secure }) },
      });
    } catch (error) {
      if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden")) {
        return data({ problem: t(error.message) }, { status: error.status });
      }
      throw error;
    }
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ConfirmLogin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  // After the POST the action's answer counts: its address may hold no token for the loader to read.
  const problem = actionData ? actionData.problem : loaderData.problem;
  const view = actionData && "otherAccount" in actionData ? actionData : loaderData;
  if (problem || !view.token) {
    return (
      <>
        <title>{`${t("account.linkProblem")} – Vakmanschap`}</title>
        <Heading level={1}>{t("account.linkProblem")}</Heading>
        <Alert type="error">
          <Paragraph>{problem}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/inloggen">{t("account.requestNew")}</Link>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <title>{`${t("account.confirmTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("account.confirmTitle")}</Heading>
      <Paragraph>{t("account.confirmAccount", { account: view.account })}</Paragraph>
      {view.otherAccount ? (
        <Alert type="warning">
          <Paragraph>
            {t("account.otherSession", { current: view.otherAccount, account: view.account })}
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("account.confirmNotYou")}</Paragraph>
      <Form method="post" reloadDocument>
        <input type="hidden" name="token" value={view.token} />
        {view.otherAccount ? <input type="hidden" name="wisselen" value="ja" /> : null}
        <Button>
          {view.otherAccount
            ? t("account.confirmSwitchButton", { account: view.account })
            : t("account.confirmButton")}
        </Button>
      </Form>
    </>
  );
}
