// An editor reviews one card sent in: edits it, then publishes it or declines it with a reason.

import { data, Form } from "react-router";
import { z } from "zod";
import { AppError } from "~/infra/errors.ts";
import { Id } from "~/infra/fields.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { CardFields } from "~/modules/dilemmas/card-form.tsx";
import { getSubmission, reviewSubmission } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { DilemmaCardInput } from "~/modules/dilemmas/dilemmas.validation.ts";
import { type CardFormValues, readCardForm } from "~/modules/dilemmas/read-card-form.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-dilemma";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "cardForm", "dilemmas", "review", "submit"] };

/** The card as the editor leaves it, and what they decided (the form's `besluit`). */
const Review = DilemmaCardInput.extend({
  besluit: z.enum(["publiceren", "afwijzen"], { error: "problems.dilemmas.decision" }),
});

async function load(request: Request, context: Route.LoaderArgs["context"], id: string | undefined) {
  const { actor } = await requirePermission({
    request,
    services: context.services,
    permission: "dilemmas:review",
  });
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "problems.dilemmas.submissionNotFound");
  return { actor, id: parsed.data };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { id } = await load(request, context, params.id);
    const db = context.services.database.db;
    const [{ card, submitter }, titles] = await Promise.all([
      getSubmission({ db, id }),
      principleTitles({ db }),
    ]);
    return data(
      {
        card: {
          title: card.title,
          case: card.case,
          optionA: card.optionA,
          riskA: card.riskA,
          optionB: card.optionB,
          riskB: card.riskB,
          perspectives: card.perspectives,
          principles: card.principles,
          values: card.values,
          workKinds: card.workKinds,
          themes: card.themes,
          questions: card.questions,
        } satisfies CardFormValues,
        status: card.status,
        slug: card.slug,
        reviewNote: card.reviewNote,
        anonymous: card.anonymous,
        submitter,
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor, id } = await load(request, context, params.id);
    const form = await readFormData(request);
    const typed = readCardForm(form);
    const note = textOf(form, "reden");
    try {
      const { besluit: decision, ...card } = Review.parse({ ...typed, besluit: form.get("besluit") });
      const reviewed = await reviewSubmission({
        db: services.database.db,
        pageCache: services.pageCache,
        actor,
        id,
        card,
        decision,
        note,
      });
      return data({ errors: {}, values: typed, note, done: reviewed.status });
    } catch (error) {
      return answerRefusedForm(error, { request, values: typed, extra: { note, done: null } });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ReviewCard({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: CardFormValues = actionData?.values ?? loaderData.card;
  return (
    <>
      <title>{`${t("review.itemTitle")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/dilemmas">{t("review.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("review.itemTitle")}</Heading>
      {actionData?.done ? (
        <Alert type="ok">
          <Paragraph>
            {actionData.done === "gepubliceerd" ? t("review.published") : t("review.declined")}{" "}
            {actionData.done === "gepubliceerd" ? (
              <Link to={`/dilemmas/${loaderData.slug}`}>{loaderData.card.title}</Link>
            ) : null}
          </Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>
        <strong>{t(`submit.statuses.${loaderData.status}`)}</strong> ·{" "}
        {loaderData.submitter ? t("review.from", { email: loaderData.submitter }) : t("review.fromGone")} ·{" "}
        {loaderData.anonymous ? t("review.anonymousYes") : t("review.anonymousNo")}
      </Paragraph>
      <Form method="post" className="vm-form" noValidate>
        <CardFields values={values} errors={errors} principles={loaderData.principles} />
        <FormField
          id="reden"
          label={t("review.reason")}
          description={t("review.reasonHint")}
          error={errors.reden}
        >
          {(describedBy) => (
            <Textarea
              id="reden"
              name="reden"
              rows={3}
              maxLength={1000}
              defaultValue={actionData?.note ?? loaderData.reviewNote}
              invalid={Boolean(errors.reden)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <div className="vm-actions" id="besluit">
          <Button name="besluit" value="publiceren">
            {t("review.publish")}
          </Button>
          <Button name="besluit" value="afwijzen" appearance="secondary-action">
            {t("review.decline")}
          </Button>
        </div>
      </Form>
    </>
  );
}
