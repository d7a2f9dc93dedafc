// The page a login link opens: a button, because only the POST may use the token (mail scanners open
// links before people do). The POST starts a new session.
import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS } from "~/infra/route-errors.server.ts";
import { LoginConfirmation } from "~/modules/accounts/accounts.validation.ts";
import { isSecureRequest } from "~/modules/accounts/current-user.server.ts";
import { consumeLoginLink } from "~/modules/accounts/login-links.server.ts";
import { createSession, sessionCookie } from "~/modules/accounts/sessions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/inloggen-bevestigen";

export function loader({ request }: Route.LoaderArgs) {
  const input = LoginConfirmation.safeParse({ token: new URL(request.url).searchParams.get("token") ?? "" });
  return data(
    input.success
      ? { token: input.data.token, problem: null }
      : { token: null, problem: input.error.issues[0]?.message ?? "" },
    // No "no-referrer" here: it would make the browser send `Origin: null` with the form, which the
    // same-origin check rightly refuses.
    { status: input.success ? 200 : 400, headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  const form = await request.formData().catch(() => new FormData());
  const input = LoginConfirmation.safeParse(Object.fromEntries(form));
  if (!input.success) return data({ problem: input.error.issues[0]?.message ?? "" }, { status: 400 });
  try {
    const { user, returnTo } = await consumeLoginLink({
      db: services.database.db,
      config: services.config,
      token: input.data.token,
    });
    // A fresh session at every login: an old cookie planted beforehand never becomes a logged-in one.
    const session = await createSession({
      db: services.database.db,
      userId: user.id,
      config: services.config,
    });
    return redirect(returnTo, {
      status: 303,
      headers: {
        "Set-Cookie": sessionCookie({ ...session, secure: isSecureRequest({ request, services }) }),
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden")) {
      return data({ problem: error.message }, { status: error.status });
    }
    throw error;
  }
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ConfirmLogin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const problem = actionData?.problem ?? loaderData.problem;
  if (problem || !loaderData.token) {
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
      <Paragraph>{t("account.confirmIntro")}</Paragraph>
      <Form method="post" reloadDocument>
        <input type="hidden" name="token" value={loaderData.token} />
        <Button>{t("account.confirmButton")}</Button>
      </Form>
    </>
  );
}
