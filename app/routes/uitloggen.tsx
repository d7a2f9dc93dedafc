// Logout: a button (a GET must never end a session), then the session is deleted.
import { data, Form } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS } from "~/infra/route-errors.server.ts";
import { isSecureRequest } from "~/modules/accounts/current-user.server.ts";
import { clearedSessionCookie, endSession, sessionSecretFrom } from "~/modules/accounts/sessions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/uitloggen";

export async function action({ request, context }: Route.ActionArgs) {
  const secret = sessionSecretFrom(request.headers.get("Cookie"));
  if (secret) await endSession({ db: context.services.database.db, secret });
  return data(
    { loggedOut: true },
    {
      headers: {
        "Set-Cookie": clearedSessionCookie({
          secure: isSecureRequest({ request, services: context.services }),
        }),
      },
    },
  );
}

export const headers: Route.HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers(PRIVATE_HEADERS);
  const cookie = actionHeaders.get("Set-Cookie");
  if (cookie) headers.set("Set-Cookie", cookie);
  return headers;
};

export default function Logout({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("account.logoutTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("account.logoutTitle")}</Heading>
      {actionData?.loggedOut ? (
        <Alert type="ok">
          <Paragraph>{t("account.loggedOut")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t("account.logoutIntro")}</Paragraph>
          <Form method="post">
            <Button>{t("account.logoutButton")}</Button>
          </Form>
        </>
      )}
    </>
  );
}
