// The Dilemma-wijzer's start: one's own records, newest first, and a button to begin a new one.
import { data, Form, redirect } from "react-router";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { createDeliberation, listOwnDeliberations } from "~/modules/deliberation/deliberations.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/afwegen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "deliberation.delete",
    "deliberation.intro",
    "deliberation.mine",
    "deliberation.none",
    "deliberation.start",
    "deliberation.title",
    "deliberation.untitled",
    "deliberation.updated",
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "deliberations:own",
    });
    const records = await listOwnDeliberations({
      db: context.services.database.db,
      keyring: context.services.keyring,
      ownerId: user.id,
    });
    return data(
      {
        deleted: new URL(request.url).searchParams.get("verwijderd") === "1",
        records: records.map((record) => ({ ...record, updatedAt: record.updatedAt.toISOString() })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "deliberations:own",
    });
    const { quotas } = context.services.config;
    try {
      const record = await createDeliberation({
        db: context.services.database.db,
        quotas,
        keyring: context.services.keyring,
        ownerId: user.id,
      });
      return redirect(`/afwegen/${record.id}/stap/1`, { status: 303 });
    } catch (error) {
      return answerRefusedForm(error, { request, quota: { quotas, kind: "deliberation", kept: false } });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Deliberations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  return (
    <>
      <title>{`${t("deliberation.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("deliberation.title")}</Heading>
      {loaderData.deleted ? (
        <Alert type="ok">
          <Paragraph>{t("deliberation.delete.done")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("deliberation.intro")}</Paragraph>
      {actionData?.problem ? (
        <Alert type="error">
          <Paragraph>{actionData.problem}</Paragraph>
        </Alert>
      ) : null}
      <Form method="post">
        <Button>{t("deliberation.start")}</Button>
      </Form>
      <Heading level={2}>{t("deliberation.mine")}</Heading>
      {loaderData.records.length === 0 ? <Paragraph>{t("deliberation.none")}</Paragraph> : null}
      <ul className="vm-plain-list">
        {loaderData.records.map((record) => (
          <li key={record.id} className="vm-card-summary">
            <Heading level={3}>
              <Link to={`/afwegen/${record.id}`}>{record.title || t("deliberation.untitled")}</Link>
            </Heading>
            <Paragraph>
              {t("deliberation.updated", { date: date.format(new Date(record.updatedAt)) })}
            </Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
