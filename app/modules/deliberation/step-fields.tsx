// The form fields of each step of the Dilemma-wijzer. Plain fields named as `readStepForm` reads
// them, so a step saves the same with and without JavaScript.
import { useT } from "~/infra/i18n/i18n.ts";
import { CheckboxGroup, FieldDescription, Fieldset, FormField, Textarea, Textbox } from "~/ui/form-field.tsx";
import { PERSPECTIVES, VALUES } from "../dilemmas/dilemma-tags.ts";
import type { DeliberationContent } from "./deliberation.validation.ts";
import { othersRows, type StepNumber } from "./deliberation-steps.ts";

export interface StepFieldsProps {
  step: StepNumber;
  values: DeliberationContent;
  errors: Record<string, string>;
  principles: { slug: string; title: string }[];
}

function TextField(props: {
  name: keyof DeliberationContent & string;
  values: DeliberationContent;
  errors: Record<string, string>;
  rows?: number;
  maxLength: number;
}) {
  const t = useT();
  const value = props.values[props.name];
  return (
    <FormField
      id={props.name}
      label={t(`deliberation.fields.${props.name}`)}
      error={props.errors[props.name]}
    >
      {(describedBy) => (
        <Textarea
          id={props.name}
          name={props.name}
          defaultValue={typeof value === "string" ? value : ""}
          invalid={Boolean(props.errors[props.name])}
          describedBy={describedBy}
          rows={props.rows}
          maxLength={props.maxLength}
        />
      )}
    </FormField>
  );
}

function Involved(props: StepFieldsProps) {
  const t = useT();
  const rows = othersRows(props.values.others.length);
  return (
    <>
      <Fieldset legend={t("deliberation.fields.perspectivesTitle")} framed className="vm-fieldset">
        {PERSPECTIVES.map((who) => {
          const id = `perspectief-${who}`;
          return (
            <FormField key={who} id={id} label={t(`dilemmas.perspectives.${who}`)} error={props.errors[id]}>
              {(describedBy) => (
                <Textarea
                  id={id}
                  name={id}
                  defaultValue={props.values.perspectives[who] ?? ""}
                  invalid={Boolean(props.errors[id])}
                  describedBy={describedBy}
                  rows={2}
                  maxLength={1000}
                />
              )}
            </FormField>
          );
        })}
      </Fieldset>
      <Fieldset
        legend={t("deliberation.fields.othersTitle")}
        framed
        className="vm-fieldset"
        describedBy="anderen-beschrijving"
      >
        <FieldDescription id="anderen-beschrijving">{t("deliberation.fields.othersHint")}</FieldDescription>
        {Array.from({ length: rows }, (_, row) => {
          const other = props.values.others[row];
          const who = `ander-${row}-wie`;
          const need = `ander-${row}-nodig`;
          return (
            // Rows have no identity of their own: a row is its position in the list.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div key={row} className="vm-other-row">
              <FormField
                id={who}
                label={t("deliberation.fields.otherWho", { row: row + 1 })}
                error={props.errors[who]}
              >
                {(describedBy) => (
                  <Textbox
                    id={who}
                    name={who}
                    defaultValue={other?.who ?? ""}
                    invalid={Boolean(props.errors[who])}
                    describedBy={describedBy}
                    maxLength={200}
                  />
                )}
              </FormField>
              <FormField
                id={need}
                label={t("deliberation.fields.otherNeed", { row: row + 1 })}
                error={props.errors[need]}
              >
                {(describedBy) => (
                  <Textarea
                    id={need}
                    name={need}
                    defaultValue={other?.need ?? ""}
                    invalid={Boolean(props.errors[need])}
                    describedBy={describedBy}
                    rows={2}
                    maxLength={1000}
                  />
                )}
              </FormField>
            </div>
          );
        })}
      </Fieldset>
    </>
  );
}

function AtStake(props: StepFieldsProps) {
  const t = useT();
  return (
    <>
      {props.values.dismissed.map((slug) => (
        <input key={slug} type="hidden" name="afgewezen" value={slug} />
      ))}
      <CheckboxGroup
        id="principe"
        name="principe"
        legend={t("deliberation.principlesChoice")}
        description={t("deliberation.principlesHint")}
        error={props.errors.principe}
        options={props.principles.map((principle) => ({
          value: principle.slug,
          label: principle.title,
          lang: "nl",
        }))}
        checked={props.values.principles}
      />
      <CheckboxGroup
        id="waarde"
        name="waarde"
        legend={t("deliberation.valuesChoice")}
        description={t("deliberation.valuesHint")}
        error={props.errors.waarde}
        options={VALUES.map((value) => ({ value, label: t(`dilemmas.values.${value}`) }))}
        checked={props.values.values}
      />
    </>
  );
}

export function StepFields(props: StepFieldsProps) {
  const common = { values: props.values, errors: props.errors };
  switch (props.step) {
    case 1:
      return (
        <>
          <TextField name="situation" rows={8} maxLength={4000} {...common} />
          <TextField name="moment" rows={3} maxLength={1000} {...common} />
        </>
      );
    case 2:
      return (
        <>
          <TextField name="optionA" rows={2} maxLength={1000} {...common} />
          <TextField name="riskA" rows={4} maxLength={2000} {...common} />
          <TextField name="optionB" rows={2} maxLength={1000} {...common} />
          <TextField name="riskB" rows={4} maxLength={2000} {...common} />
        </>
      );
    case 3:
      return <Involved {...props} />;
    case 4:
      return <AtStake {...props} />;
    case 5:
      return <TextField name="alternatives" rows={8} maxLength={4000} {...common} />;
    case 6:
      return (
        <>
          <TextField name="choice" rows={2} maxLength={1000} {...common} />
          <TextField name="because" rows={4} maxLength={2000} {...common} />
          <TextField name="evenThough" rows={4} maxLength={2000} {...common} />
          <TextField name="limitDamage" rows={4} maxLength={2000} {...common} />
        </>
      );
    case 7:
      return <TextField name="accountability" rows={8} maxLength={4000} {...common} />;
  }
}
