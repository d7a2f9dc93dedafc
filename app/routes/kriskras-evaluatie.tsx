// After a kris-kras conversation the person answers five statements from 1 to 5, once. Nothing else is
// asked, and the answers are stored without a link to the person (evaluations.server.ts).
import { data, Form, redirect } from "react-router";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { EVALUATION_QUESTIONS } from "~/modules/kriskras/evaluation.ts";
import { getEvaluationState, submitEvaluation } from "~/modules/kriskras/evaluations.server.ts";
import { EvaluationInput } from "~/modules/kriskras/kriskras.validation.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { RadioGroup } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/kriskras-evaluatie";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["kriskras.evaluatie"] };

const SCORES = ["1", "2", "3", "4", "5"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const { title, state } = await getEvaluationState({
      db: services.database.db,
      roundId: params.id,
      userId: user.id,
    });
    const thanks = new URL(request.url).searchParams.get("bedankt") === "1";
    return data({ title, state, thanks }, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const form = await readFormData(request);
    const typed = Object.fromEntries(
      EVALUATION_QUESTIONS.map((question) => [question, textOf(form, question).slice(0, 2)]),
    );
    const input = EvaluationInput.safeParse(typed);
    if (!input.success) return answerRefusedForm(input.error, { request, extra: { typed } });
    try {
      await submitEvaluation({
        db: services.database.db,
        roundId: params.id,
        userId: user.id,
        answers: input.data,
      });
    } catch (error) {
      return answerRefusedForm(error, { request, field: "form", say: ["conflict"], extra: { typed } });
    }
    return redirect(`/kriskras/${params.id}/evaluatie?bedankt=1`, { status: 303 });
  });
}

export default function EvaluateConversation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { title, state, thanks } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed: Record<string, string> = actionData?.typed ?? {};
  return (
    <>
      <title>{`${t("kriskras.evaluatie.pageTitle")} — Vakmanschap`}</title>
      <Heading level={1}>{t("kriskras.evaluatie.title", { title })}</Heading>
      {thanks || state === "done" ? (
        <Alert type="ok">{t("kriskras.evaluatie.thanks")}</Alert>
      ) : state === "too-early" ? (
        <Alert type="info">{t("kriskras.evaluatie.notYet")}</Alert>
      ) : (
        <>
          <Paragraph>{t("kriskras.evaluatie.intro")}</Paragraph>
          <ErrorSummary
            title={t("kriskras.evaluatie.errorTitle")}
            errors={errors}
            fieldIds={{ form: "evaluatie" }}
          />
          <Form method="post" id="evaluatie" noValidate>
            {EVALUATION_QUESTIONS.map((question) => (
              <RadioGroup
                key={question}
                id={question}
                name={question}
                legend={t(`kriskras.evaluatie.questions.${question}`)}
                error={errors[question]}
                options={SCORES.map((score) => ({
                  value: score,
                  label: t(`kriskras.evaluatie.scale.${score}`),
                }))}
                checked={typed[question]}
              />
            ))}
            <Button>{t("kriskras.evaluatie.send")}</Button>
          </Form>
        </>
      )}
      <Paragraph>
        <Link to="/kriskras">{t("kriskras.evaluatie.back")}</Link>
      </Paragraph>
    </>
  );
}
