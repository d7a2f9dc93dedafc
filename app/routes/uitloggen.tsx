// Logout: a button (a GET must never end a session), then the session is deleted. With `overal=ja`
// (the form on /profiel) every session of the person ends, in every browser.
import { data, Form } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import {
  clearedSessionCookie,
  endSession,
  logOutEverywhere,
  readSession,
  sessionSecretFrom,
} from "~/modules/accounts/sessions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/uitloggen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account"] };

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const secure = isSecureSite(services.config);
    const form = await readFormData(request);
    const everywhere = form.get("overal") === "ja";
    const secret = sessionSecretFrom(request.headers.get("Cookie"), { secure });
    if (secret && everywhere) {
      const user = await readSession({ db, secret, config: services.config });
      if (user) await logOutEverywhere({ db, user });
    }
    if (secret) await endSession({ db, secret });
    return data(
      { loggedOut: true, everywhere },
      { headers: { "Set-Cookie": clearedSessionCookie({ secure }) } },
    );
  });
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
          <Paragraph>
            {t(actionData.everywhere ? "account.loggedOutEverywhere" : "account.loggedOut")}
          </Paragraph>
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
