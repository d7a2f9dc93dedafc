// My data: download everything the platform holds about me, or delete my account.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { AppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { clearedSessionCookie } from "~/modules/accounts/sessions.server.ts";
import { deleteMyAccount } from "~/personal-data.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/mijn-gegevens";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["myData"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    // After deletion the person is logged out and lands here once more, to read that it is done.
    if (new URL(request.url).searchParams.get("verwijderd") === "1") {
      return data({ deleted: true }, { headers: PRIVATE_HEADERS });
    }
    await requirePermission({ request, services: context.services, permission: "my-data:manage" });
    return data({ deleted: false }, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  const form = await readFormData(request);
  const { user } = await withRouteErrors(services.logger, () =>
    requirePermission({ request, services, permission: "my-data:manage" }),
  );
  if (form.get("bevestigen") !== "ja") return data({ error: true, problem: null }, { status: 400 });
  const problem = await withRouteErrors(services.logger, () =>
    deleteMyAccount({
      db: services.database.db,
      keyring: services.keyring,
      userId: user.id,
      email: user.email,
    }).then(
      () => null,
      (error: unknown) => {
        // The last operator: say why on this page, next to the button.
        if (error instanceof AppError && error.code === "conflict") {
          return translatorFor(languageOf(request))(error.message);
        }
        throw error;
      },
    ),
  );
  if (problem) return data({ error: false, problem }, { status: 409 });
  return redirect("/mijn-gegevens?verwijderd=1", {
    status: 303,
    headers: { "Set-Cookie": clearedSessionCookie({ secure: isSecureSite(services.config) }) },
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function MyData({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  if (loaderData.deleted) {
    return (
      <>
        <title>{`${t("myData.title")} – Vakmanschap`}</title>
        <Heading level={1}>{t("myData.title")}</Heading>
        <Alert type="ok">
          <Paragraph>{t("myData.deleted")}</Paragraph>
        </Alert>
      </>
    );
  }
  return (
    <>
      <title>{`${t("myData.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("myData.title")}</Heading>
      <Paragraph>{t("myData.intro")}</Paragraph>
      <section aria-labelledby="downloaden">
        <Heading level={2} id="downloaden">
          {t("myData.downloadTitle")}
        </Heading>
        <Paragraph>{t("myData.downloadText")}</Paragraph>
        <Paragraph>
          <Link to="/mijn-gegevens/download" download>
            {t("myData.download")}
          </Link>
        </Paragraph>
      </section>
      <section aria-labelledby="verwijderen">
        <Heading level={2} id="verwijderen">
          {t("myData.deleteTitle")}
        </Heading>
        <Paragraph>{t("myData.deleteText")}</Paragraph>
        {actionData?.error ? (
          <Alert type="error">
            <Paragraph>{t("myData.confirmRequired")}</Paragraph>
          </Alert>
        ) : null}
        {actionData?.problem ? (
          <Alert type="error">
            <Paragraph>{actionData.problem}</Paragraph>
          </Alert>
        ) : null}
        <Form method="post">
          <CheckboxField
            id="bevestigen"
            name="bevestigen"
            value="ja"
            invalid={Boolean(actionData?.error)}
            label={t("myData.confirm")}
          />
          <Button appearance="secondary-action">{t("myData.delete")}</Button>
        </Form>
      </section>
    </>
  );
}
