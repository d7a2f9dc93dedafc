// An editor makes a kris-kras round: title, description, sign-up period, group sizes and weights. The
// slots come next, on the round's own page.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { RoundInput } from "~/modules/kriskras/kriskras.validation.ts";
import { readRoundForm } from "~/modules/kriskras/round-editor-form.ts";
import { newRoundFormValues, RoundFields } from "~/modules/kriskras/round-form.tsx";
import { createRound } from "~/modules/kriskras/rounds.server.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-kriskras-nieuw";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "kriskras.beheer"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "kriskras:organise" });
    return data({ values: newRoundFormValues() }, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { actor } = await requirePermission({ request, services, permission: "kriskras:organise" });
    const form = await readFormData(request);
    const values = readRoundForm(form);
    const input = RoundInput.safeParse(values);
    if (!input.success) return answerRefusedForm(input.error, { request, values, headers: PRIVATE_HEADERS });
    const round = await createRound({ db: services.database.db, actor, input: input.data });
    return redirect(`/beheer/kriskras/${round.id}?gedaan=ronde-gemaakt`, { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function NewKriskrasRound({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values = actionData?.values ?? loaderData.values;
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("kriskras.beheer.new.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/kriskras">{t("kriskras.beheer.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("kriskras.beheer.new.title")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t("kriskras.beheer.new.intro")}</Paragraph>
      <Form method="post" className="vm-form" noValidate key={JSON.stringify(values)}>
        <RoundFields values={values} errors={errors} />
        <div className="vm-actions">
          <Button>{t("kriskras.beheer.new.create")}</Button>
        </div>
      </Form>
    </>
  );
}
