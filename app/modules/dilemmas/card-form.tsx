// The form for a dilemma card, for a civil servant submitting one and for an editor reviewing it. The
// same fields as the API's body; what was typed comes back with the errors, so nothing is lost.
import { useT } from "~/infra/i18n/i18n.ts";
import { CheckboxGroup, Fieldset, FormField, Textarea, Textbox } from "~/ui/form-field.tsx";
import { PERSPECTIVES, THEMES, VALUES, WORK_KINDS } from "./dilemma-tags.ts";
import type { CardFormValues } from "./read-card-form.ts";

export function CardFields(props: {
  values: CardFormValues;
  errors: Record<string, string>;
  principles: { slug: string; title: string }[];
}) {
  const t = useT();
  const { values, errors } = props;
  const text = (name: keyof CardFormValues, label: string, maxLength: number, rows?: number) => (
    <FormField id={name} label={label} error={errors[name]}>
      {(describedBy) =>
        rows ? (
          <Textarea
            id={name}
            name={name}
            rows={rows}
            maxLength={maxLength}
            defaultValue={(values[name] as string | undefined) ?? ""}
            invalid={Boolean(errors[name])}
            describedBy={describedBy}
          />
        ) : (
          <Textbox
            id={name}
            name={name}
            maxLength={maxLength}
            defaultValue={(values[name] as string | undefined) ?? ""}
            invalid={Boolean(errors[name])}
            describedBy={describedBy}
          />
        )
      }
    </FormField>
  );
  return (
    <>
      {text("title", t("cardForm.title"), 120)}
      {text("case", t("cardForm.case"), 1500, 5)}
      {text("optionA", t("cardForm.optionA"), 300, 2)}
      {text("riskA", t("cardForm.riskA"), 400, 2)}
      {text("optionB", t("cardForm.optionB"), 300, 2)}
      {text("riskB", t("cardForm.riskB"), 400, 2)}
      <Fieldset legend={t("dilemmas.perspectivesTitle")} framed>
        {PERSPECTIVES.map((key) => (
          <FormField key={key} id={`perspectief-${key}`} label={t(`dilemmas.perspectives.${key}`)}>
            {(describedBy) => (
              <Textbox
                id={`perspectief-${key}`}
                name={`perspectief-${key}`}
                maxLength={400}
                defaultValue={values.perspectives?.[key] ?? ""}
                describedBy={describedBy}
              />
            )}
          </FormField>
        ))}
      </Fieldset>
      <CheckboxGroup
        id="principles"
        name="principles"
        legend={t("cardForm.principles")}
        description={t("cardForm.principlesHint")}
        error={errors.principles}
        options={props.principles.map((p) => ({ value: p.slug, label: p.title, lang: "nl" }))}
        checked={values.principles ?? []}
      />
      <CheckboxGroup
        id="values"
        name="values"
        legend={t("dilemmas.valuesTitle")}
        error={errors.values}
        options={VALUES.map((value) => ({ value, label: t(`dilemmas.values.${value}`) }))}
        checked={values.values ?? []}
      />
      <CheckboxGroup
        id="workKinds"
        name="workKinds"
        legend={t("dilemmas.workKind")}
        error={errors.workKinds}
        options={WORK_KINDS.map((kind) => ({ value: kind, label: t(`dilemmas.workKinds.${kind}`) }))}
        checked={values.workKinds ?? []}
      />
      <CheckboxGroup
        id="themes"
        name="themes"
        legend={t("dilemmas.theme")}
        error={errors.themes}
        options={THEMES.map((theme) => ({ value: theme, label: t(`dilemmas.themes.${theme}`) }))}
        checked={values.themes ?? []}
      />
      <FormField
        id="questions"
        label={t("dilemmas.questionsTitle")}
        description={t("cardForm.questionsHint")}
        error={errors.questions}
      >
        {(describedBy) => (
          <Textarea
            id="questions"
            name="questions"
            rows={4}
            maxLength={2000}
            defaultValue={(values.questions ?? []).join("\n")}
            invalid={Boolean(errors.questions)}
            describedBy={describedBy}
          />
        )}
      </FormField>
    </>
  );
}
