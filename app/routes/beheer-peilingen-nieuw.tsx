// A facilitator or editor makes a consultation: the question, an introduction, who may take part, what
// happens to participants' statements, the dates, the first statements (one per line), and what in the
// guide it may feed. On a mistake everything typed comes back with the messages.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ConsultationInput } from "~/modules/consultation/consultation.validation.ts";
import {
  type ConsultationFormValues,
  formFieldOf,
  inputOfForm,
  readConsultationForm,
} from "~/modules/consultation/consultation-form.ts";
import {
  FEWEST_SEED_STATEMENTS,
  INTRODUCTION_MAX,
  MOST_SEED_STATEMENTS,
  QUESTION_MAX,
  STATEMENT_MAX,
} from "~/modules/consultation/consultation-limits.ts";
import { createConsultation, linkChoices } from "~/modules/consultation/running.server.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { CheckboxGroup, FormField, RadioGroup, Select, Textarea, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-peilingen-nieuw";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "consultation.beheer"] };

const EMPTY: ConsultationFormValues = {
  vraag: "",
  inleiding: "",
  adres: "",
  toegang: "anoniem",
  deelnemers: "na-beoordeling",
  begint: "",
  eindigt: "",
  stellingen: "",
  deel: "",
  kaarten: [],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "consultations:run" });
    return data(
      { values: EMPTY, choices: await linkChoices(context.services.database.db) },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "consultations:run" });
    const values = readConsultationForm(await readFormData(request));
    const options = { request, values, headers: PRIVATE_HEADERS, fieldNames: { nameOf: formFieldOf } };
    try {
      const input = ConsultationInput.parse(inputOfForm(values));
      const created = await createConsultation({ db: services.database.db, input, createdBy: user.id });
      return redirect(`/beheer/peilingen/${created.slug}?gedaan=gemaakt`, { status: 303 });
    } catch (error) {
      return answerRefusedForm(error, { ...options, say: ["conflict"], field: "adres" });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function NewConsultation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values = (actionData?.values as ConsultationFormValues | null | undefined) ?? loaderData.values;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const field = (name: keyof ConsultationFormValues) => ({ id: name, error: errors[name] });
  return (
    <>
      <title>{`${t("consultation.beheer.newTitle")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/peilingen">{t("consultation.beheer.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("consultation.beheer.newTitle")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t("consultation.beheer.newIntro")}</Paragraph>
      <Form method="post" className="vm-form" noValidate key={JSON.stringify(values)}>
        <FormField {...field("vraag")} label={t("consultation.beheer.fields.question")}>
          {(describedBy) => (
            <Textbox
              id="vraag"
              name="vraag"
              defaultValue={values.vraag}
              invalid={Boolean(errors.vraag)}
              describedBy={describedBy}
              maxLength={QUESTION_MAX}
            />
          )}
        </FormField>
        <FormField
          {...field("inleiding")}
          label={t("consultation.beheer.fields.introduction")}
          description={t("consultation.beheer.fields.introductionHint")}
        >
          {(describedBy) => (
            <Textarea
              id="inleiding"
              name="inleiding"
              defaultValue={values.inleiding}
              invalid={Boolean(errors.inleiding)}
              describedBy={describedBy}
              maxLength={INTRODUCTION_MAX}
              rows={4}
            />
          )}
        </FormField>
        <FormField
          {...field("adres")}
          label={t("consultation.beheer.fields.slug")}
          description={t("consultation.beheer.fields.slugHint")}
        >
          {(describedBy) => (
            <Textbox
              id="adres"
              name="adres"
              defaultValue={values.adres}
              invalid={Boolean(errors.adres)}
              describedBy={describedBy}
              maxLength={60}
            />
          )}
        </FormField>
        <RadioGroup
          id="toegang"
          name="toegang"
          legend={t("consultation.beheer.fields.access")}
          error={errors.toegang}
          checked={values.toegang}
          options={[
            { value: "anoniem", label: t("consultation.beheer.fields.accessAnoniem") },
            { value: "inloggen", label: t("consultation.beheer.fields.accessInloggen") },
          ]}
        />
        <RadioGroup
          id="deelnemers"
          name="deelnemers"
          legend={t("consultation.beheer.fields.participantStatements")}
          error={errors.deelnemers}
          checked={values.deelnemers}
          options={[
            { value: "na-beoordeling", label: t("consultation.beheer.fields.statementsReviewed") },
            { value: "direct", label: t("consultation.beheer.fields.statementsDirect") },
            { value: "niet", label: t("consultation.beheer.fields.statementsNone") },
          ]}
        />
        {(["begint", "eindigt"] as const).map((name) => (
          <FormField
            key={name}
            {...field(name)}
            label={t(`consultation.beheer.fields.${name === "begint" ? "opensOn" : "closesOn"}`)}
            description={t("consultation.beheer.fields.dateHint")}
          >
            {(describedBy) => (
              <Textbox
                id={name}
                name={name}
                type="date"
                defaultValue={values[name]}
                invalid={Boolean(errors[name])}
                describedBy={describedBy}
              />
            )}
          </FormField>
        ))}
        <FormField
          {...field("stellingen")}
          label={t("consultation.beheer.fields.statements")}
          description={t("consultation.beheer.fields.statementsHint", {
            max: STATEMENT_MAX,
            min: FEWEST_SEED_STATEMENTS,
            most: MOST_SEED_STATEMENTS,
          })}
        >
          {(describedBy) => (
            <Textarea
              id="stellingen"
              name="stellingen"
              defaultValue={values.stellingen}
              invalid={Boolean(errors.stellingen)}
              describedBy={describedBy}
              maxLength={MOST_SEED_STATEMENTS * (STATEMENT_MAX + 2)}
              rows={14}
            />
          )}
        </FormField>
        <FormField {...field("deel")} label={t("consultation.beheer.fields.guidePart")}>
          {(describedBy) => (
            <Select
              id="deel"
              name="deel"
              defaultValue={values.deel}
              describedBy={describedBy}
              options={[
                { value: "", label: t("consultation.beheer.fields.noPart") },
                ...loaderData.choices.parts.map((part) => ({
                  value: part.slug,
                  label: part.title,
                  lang: "nl",
                })),
              ]}
            />
          )}
        </FormField>
        <CheckboxGroup
          id="kaarten"
          name="kaarten"
          legend={t("consultation.beheer.fields.cards")}
          error={errors.kaarten}
          checked={values.kaarten}
          options={loaderData.choices.cards.map((card) => ({
            value: card.slug,
            label: card.title,
            lang: "nl",
          }))}
        />
        <div className="vm-actions">
          <Button>{t("consultation.beheer.fields.create")}</Button>
        </div>
      </Form>
    </>
  );
}
