// Signing up for one kris-kras round, changing the sign-up, or cancelling it (after a question), until
// sign-up closes. A plain form: on a mistake, or when sign-up closed meanwhile, everything typed comes
// back with the message.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { AVAILABILITY } from "~/modules/kriskras/kriskras-kinds.ts";
import {
  ACCESS_NEEDS_MAX,
  AVAILABILITY_FIELD_PREFIX,
  SIGNUP_OPTION_ATTRIBUTES,
  type SignupFormValues,
} from "~/modules/kriskras/signup.validation.ts";
import { readSignupForm } from "~/modules/kriskras/signup-form.ts";
import { cancelSignup, getSignupForm, saveSignup } from "~/modules/kriskras/signups.server.ts";
import { slotLine } from "~/modules/kriskras/slot-times.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import {
  CheckboxField,
  FieldDescription,
  FieldError,
  Fieldset,
  FormField,
  RadioGroup,
  Select,
  Textarea,
} from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/kriskras-aanmelden";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "kriskras.aanmelden"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const form = await getSignupForm({
      db: services.database.db,
      keyring: services.keyring,
      roundId: params.id,
      user,
    });
    const { round } = form;
    return data(
      {
        round: { ...round, signupClosesAt: round.signupClosesAt.toISOString() },
        choices: form.choices,
        signedUp: form.own !== null,
        values: form.values,
        askToCancel:
          form.own !== null && round.open && new URL(request.url).searchParams.get("afmelden") === "1",
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const form = await readFormData(request);
    const db = services.database.db;
    const origin = services.config.publicUrl;
    if (form.get("intent") === "afmelden") {
      try {
        await cancelSignup({ db, roundId: params.id, user, origin });
      } catch (error) {
        return answerRefusedForm(error, { request, say: ["conflict"] });
      }
      return redirect("/kriskras?afgemeld=1", { status: 303 });
    }
    const values = readSignupForm(form);
    try {
      const { created } = await saveSignup({
        db,
        keyring: services.keyring,
        roundId: params.id,
        user,
        values,
        origin,
      });
      return redirect(`/kriskras?${created ? "aangemeld" : "veranderd"}=1`, { status: 303 });
    } catch (error) {
      // Sign-up closed while the person was typing (a conflict): say so, and keep what they typed.
      return answerRefusedForm(error, { request, values, say: ["invalid", "conflict"] });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

type LoaderData = Route.ComponentProps["loaderData"];

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { round } = loaderData;
  const closes = formatDate({ iso: round.signupClosesAt, language, format: "dateTime" });
  const problem = actionData?.problem ?? null;

  if (loaderData.askToCancel && !problem) {
    return (
      <>
        <title>{`${t("kriskras.aanmelden.cancelTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("kriskras.aanmelden.cancelTitle")}</Heading>
        <Paragraph>
          <strong lang="nl">{round.title}</strong>
        </Paragraph>
        <Paragraph>{t("kriskras.aanmelden.cancelQuestion")}</Paragraph>
        <Form method="post" action={`/kriskras/${round.id}/aanmelden`} className="vm-actions">
          <input type="hidden" name="intent" value="afmelden" />
          <Button>{t("kriskras.aanmelden.cancelConfirm")}</Button>
          <Link to="/kriskras">{t("kriskras.aanmelden.cancelBack")}</Link>
        </Form>
      </>
    );
  }

  const title = t(loaderData.signedUp ? "kriskras.aanmelden.changeTitle" : "kriskras.aanmelden.title");
  const typed = actionData?.values ?? null;
  // Once closed, the form stays only to give back what someone typed when it closed.
  const showForm = round.open || typed !== null;
  return (
    <>
      <title>{`${title} – Vakmanschap`}</title>
      <Heading level={1}>
        <span className="vm-heading-pre">{title}: </span>
        <span lang="nl">{round.title}</span>
      </Heading>
      {problem ? (
        <Alert type="error">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {!round.open && !problem ? (
        <Alert type="info">
          <Paragraph>
            {round.published
              ? t("kriskras.aanmelden.closedPublished")
              : t("kriskras.aanmelden.closed", { date: closes })}
          </Paragraph>
          {loaderData.signedUp ? <Paragraph>{t("kriskras.aanmelden.closedSignedUp")}</Paragraph> : null}
        </Alert>
      ) : null}
      {round.description ? <Paragraph lang="nl">{round.description}</Paragraph> : null}
      {round.open ? <Paragraph>{t("kriskras.aanmelden.closes", { date: closes })}</Paragraph> : null}
      {showForm ? (
        <SignupForm
          loaderData={loaderData}
          values={typed ?? loaderData.values}
          errors={actionData?.errors ?? {}}
        />
      ) : null}
      <Paragraph>
        <Link to="/kriskras">{t("kriskras.aanmelden.back")}</Link>
      </Paragraph>
    </>
  );
}

function SignupForm(props: {
  loaderData: LoaderData;
  values: SignupFormValues;
  errors: Record<string, string>;
}) {
  const t = useT();
  const language = useLanguage();
  const { round, choices, signedUp } = props.loaderData;
  const { values, errors } = props;
  const labelOf = (option: { labelNl: string; labelEn: string }) =>
    language === "nl" ? option.labelNl : option.labelEn;
  const choose = { value: "", label: t("kriskras.aanmelden.choose") };
  const firstSlot = round.slots[0];
  const availabilityId = firstSlot ? `${AVAILABILITY_FIELD_PREFIX}${firstSlot.id}` : "beschikbaarheid";
  return (
    <>
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={errors}
        fieldIds={{ availability: availabilityId }}
      />
      <Form method="post" action={`/kriskras/${round.id}/aanmelden`} className="vm-form" noValidate>
        <Fieldset legend={t("kriskras.aanmelden.aboutYou")}>
          <FieldDescription>{t("kriskras.aanmelden.aboutYouHint")}</FieldDescription>
          <FormField
            id="organisationId"
            label={t("kriskras.aanmelden.organisation")}
            error={errors.organisationId}
          >
            {(describedBy) => (
              <Select
                id="organisationId"
                name="organisationId"
                defaultValue={values.organisationId}
                describedBy={describedBy}
                options={[
                  choose,
                  ...choices.organisations.map((organisation) => ({
                    value: organisation.id,
                    label: organisation.name,
                  })),
                ]}
              />
            )}
          </FormField>
          {SIGNUP_OPTION_ATTRIBUTES.map((attribute) => (
            <FormField
              key={attribute}
              id={attribute}
              label={t(`kriskras.aanmelden.attributes.${attribute}`)}
              error={errors[attribute]}
            >
              {(describedBy) => (
                <Select
                  id={attribute}
                  name={attribute}
                  defaultValue={values[attribute]}
                  describedBy={describedBy}
                  options={[
                    choose,
                    ...choices.options[attribute].map((option) => ({
                      value: option.key,
                      label: labelOf(option),
                    })),
                  ]}
                />
              )}
            </FormField>
          ))}
        </Fieldset>

        <Fieldset
          legend={t("kriskras.aanmelden.whenTitle")}
          invalid={Boolean(errors.availability)}
          describedBy={`beschikbaarheid-beschrijving${errors.availability ? " beschikbaarheid-fout" : ""}`}
        >
          <FieldDescription id="beschikbaarheid-beschrijving">
            {t("kriskras.aanmelden.whenHint")}
          </FieldDescription>
          {errors.availability ? (
            <FieldError id="beschikbaarheid-fout">{errors.availability}</FieldError>
          ) : null}
          {round.slots.length === 0 ? <Paragraph>{t("kriskras.aanmelden.noSlots")}</Paragraph> : null}
          {round.slots.map((slot) => (
            <RadioGroup
              key={slot.id}
              id={`${AVAILABILITY_FIELD_PREFIX}${slot.id}`}
              name={`${AVAILABILITY_FIELD_PREFIX}${slot.id}`}
              legend={slotLine(slot, language)}
              checked={values.availability[slot.id] ?? "nee"}
              options={AVAILABILITY.map((answer) => ({
                value: answer,
                label: t(`kriskras.aanmelden.answers.${answer}`),
              }))}
            />
          ))}
        </Fieldset>

        <FormField
          id="accessNeeds"
          label={t("kriskras.aanmelden.accessNeeds")}
          description={t("kriskras.aanmelden.accessNeedsHint", { max: ACCESS_NEEDS_MAX })}
          error={errors.accessNeeds}
        >
          {(describedBy) => (
            <Textarea
              id="accessNeeds"
              name="accessNeeds"
              defaultValue={values.accessNeeds}
              describedBy={describedBy}
              invalid={Boolean(errors.accessNeeds)}
              maxLength={ACCESS_NEEDS_MAX}
              rows={4}
            />
          )}
        </FormField>

        <CheckboxField
          id="consent"
          name="consent"
          value="ja"
          label={t("kriskras.aanmelden.consent")}
          description={t("kriskras.aanmelden.consentHint")}
          error={errors.consent}
          defaultChecked={values.consent}
        />
        <Button>{t(signedUp ? "kriskras.aanmelden.saveChange" : "kriskras.aanmelden.save")}</Button>
      </Form>
      {signedUp && round.open ? (
        <Paragraph>
          <Link to={`/kriskras/${round.id}/aanmelden?afmelden=1`}>{t("kriskras.aanmelden.cancel")}</Link>
        </Paragraph>
      ) : null}
    </>
  );
}
