// Send in a dilemma card (anyone logged in). On a mistake everything typed comes back with the errors.
import { data, Form, redirect } from "react-router";
import { fieldErrorsOf } from "~/infra/form-errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { quotaRefusalOf } from "~/infra/quotas.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { CardFields, type CardFormValues, cardFormInput } from "~/modules/dilemmas/card-form.tsx";
import { submitCard } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { DilemmaCardInput } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/dilemmas-nieuw";

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
    const form = await request.formData().catch(() => new FormData());
    const typed = cardFormInput(form);
    const anonymous = form.get("anoniem") === "ja";
    const input = DilemmaCardInput.safeParse(typed);
    if (!input.success) {
      return data({ errors: fieldErrorsOf(input.error), values: typed, anonymous }, { status: 400 });
    }
    const { quotas } = context.services.config;
    try {
      await submitCard({ db: context.services.database.db, quotas, actor, card: input.data, anonymous });
    } catch (error) {
      const refused = quotaRefusalOf({ request, quotas, kind: "dilemmaCard", error });
      if (refused) return data({ errors: { title: refused }, values: typed, anonymous }, { status: 429 });
      throw error;
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
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            id="anoniem"
            name="anoniem"
            value="ja"
            defaultChecked={actionData ? actionData.anonymous : true}
            aria-describedby="anoniem-beschrijving"
          />{" "}
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="anoniem">
            {t("submit.anonymous")}
          </label>
          <div className="utrecht-form-field-description" id="anoniem-beschrijving">
            {t("submit.anonymousHint")}
          </div>
        </div>
        <Button>{t("submit.send")}</Button>
      </Form>
    </>
  );
}
