// Send in a dilemma card (anyone logged in). On a mistake everything typed comes back with the errors.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { CardFields } from "~/modules/dilemmas/card-form.tsx";
import { submitCard } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { DilemmaCardInput } from "~/modules/dilemmas/dilemmas.validation.ts";
import { type CardFormValues, readCardForm } from "~/modules/dilemmas/read-card-form.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/dilemmas-nieuw";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "cardForm", "dilemmas", "submit"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "dilemmas:submit" });
    const titles = await principleTitles({ db: context.services.database.db });
    return data(
      { principles: [...titles].map(([slug, title]) => ({ slug, title })) },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { actor } = await requirePermission({
      request,
      services: context.services,
      permission: "dilemmas:submit",
    });
    const form = await readFormData(request);
    const typed = readCardForm(form);
    const anonymous = form.get("anoniem") === "ja";
    const input = DilemmaCardInput.safeParse(typed);
    if (!input.success)
      return answerRefusedForm(input.error, { request, values: typed, extra: { anonymous } });
    const { quotas } = context.services.config;
    try {
      await submitCard({ db: context.services.database.db, quotas, actor, card: input.data, anonymous });
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        values: typed,
        quota: { quotas, kind: "dilemmaCard", field: "title" },
        extra: { anonymous },
      });
    }
    return redirect("/dilemmas/mijn?ingestuurd=1", { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function SubmitCard({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: CardFormValues = actionData?.values ?? {};
  return (
    <>
      <title>{`${t("submit.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("submit.title")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t("submit.intro")}</Paragraph>
      <Form method="post" className="vm-form" noValidate>
        <CardFields values={values} errors={errors} principles={loaderData.principles} />
        <CheckboxField
          id="anoniem"
          name="anoniem"
          value="ja"
          defaultChecked={actionData ? actionData.anonymous : true}
          label={t("submit.anonymous")}
          description={t("submit.anonymousHint")}
        />
        <Button>{t("submit.send")}</Button>
      </Form>
    </>
  );
}
