// The form of a kris-kras round, for making one and for changing it. The same fields as `RoundInput`;
// what was typed comes back with the errors, so nothing is lost.

import { utcToAmsterdam } from "~/infra/amsterdam-time.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { Fieldset, FormField, Textarea, Textbox } from "~/ui/form-field.tsx";
import { Paragraph } from "~/ui/heading.tsx";
import { ATTRIBUTES, WEIGHT_FIELDS, type Weights } from "./kriskras-kinds.ts";
import { DEFAULT_GROUP_SIZE, DEFAULT_WEIGHTS, MAX_WEIGHT } from "./kriskras-options.ts";
import type { ROUND_FIELDS, RoundFormValues } from "./round-editor-form.ts";

const weightValues = (weights: Weights) =>
  Object.fromEntries(ATTRIBUTES.map((attribute) => [WEIGHT_FIELDS[attribute], String(weights[attribute])]));

/** A new round: the default sizes and weights, the dates still to fill in. */
export function newRoundFormValues(): RoundFormValues {
  return {
    title: "",
    description: "",
    opensDate: "",
    opensTime: "09:00",
    closesDate: "",
    closesTime: "17:00",
    groupMin: String(DEFAULT_GROUP_SIZE.min),
    groupTarget: String(DEFAULT_GROUP_SIZE.target),
    groupMax: String(DEFAULT_GROUP_SIZE.max),
    ...weightValues(DEFAULT_WEIGHTS),
  } as RoundFormValues;
}

/** A stored round as the form shows it, its times in Amsterdam time. */
export function roundFormValuesOf(round: {
  title: string;
  description: string;
  signupOpensAt: Date;
  signupClosesAt: Date;
  groupMin: number;
  groupTarget: number;
  groupMax: number;
  weights: Weights;
}): RoundFormValues {
  const opens = utcToAmsterdam(round.signupOpensAt);
  const closes = utcToAmsterdam(round.signupClosesAt);
  return {
    title: round.title,
    description: round.description,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    groupMin: String(round.groupMin),
    groupTarget: String(round.groupTarget),
    groupMax: String(round.groupMax),
    // A round stored before an attribute existed counts it as 0.
    ...weightValues({
      ...DEFAULT_WEIGHTS,
      ...Object.fromEntries(ATTRIBUTES.map((a) => [a, round.weights[a] ?? 0])),
    }),
  } as RoundFormValues;
}

export function RoundFields(props: { values: RoundFormValues; errors: Record<string, string> }) {
  const t = useT();
  const { values, errors } = props;
  const field = (
    name: (typeof ROUND_FIELDS)[number],
    options: { type?: "date" | "time"; numeric?: boolean; description?: string; maxLength?: number } = {},
  ) => (
    <FormField
      key={name}
      id={name}
      label={t(`kriskras.beheer.form.${name}`)}
      description={options.description}
      error={errors[name]}
    >
      {(describedBy) => (
        <Textbox
          id={name}
          name={name}
          type={options.type}
          inputMode={options.numeric ? "numeric" : undefined}
          maxLength={options.maxLength ?? (options.numeric ? 3 : undefined)}
          defaultValue={values[name]}
          invalid={Boolean(errors[name])}
          describedBy={describedBy}
        />
      )}
    </FormField>
  );
  return (
    <>
      {field("title", { maxLength: 120 })}
      <FormField
        id="description"
        label={t("kriskras.beheer.form.description")}
        description={t("kriskras.beheer.form.descriptionHint")}
        error={errors.description}
      >
        {(describedBy) => (
          <Textarea
            id="description"
            name="description"
            rows={4}
            maxLength={2000}
            defaultValue={values.description}
            invalid={Boolean(errors.description)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <Fieldset legend={t("kriskras.beheer.form.period")} framed>
        <Paragraph>{t("kriskras.beheer.form.periodHint")}</Paragraph>
        {field("opensDate", { type: "date", description: t("kriskras.beheer.form.dateHint") })}
        {field("opensTime", { type: "time", description: t("kriskras.beheer.form.timeHint") })}
        {field("closesDate", { type: "date", description: t("kriskras.beheer.form.dateHint") })}
        {field("closesTime", { type: "time", description: t("kriskras.beheer.form.timeHint") })}
      </Fieldset>
      <Fieldset legend={t("kriskras.beheer.form.sizes")} framed>
        <Paragraph>{t("kriskras.beheer.form.sizesHint")}</Paragraph>
        {field("groupMin", { numeric: true })}
        {field("groupTarget", { numeric: true })}
        {field("groupMax", { numeric: true })}
      </Fieldset>
      <Fieldset legend={t("kriskras.beheer.form.weights")} framed>
        <Paragraph>{t("kriskras.beheer.form.weightsHint")}</Paragraph>
        <Paragraph>{t("kriskras.beheer.form.weightsScale", { max: MAX_WEIGHT })}</Paragraph>
        {ATTRIBUTES.map((attribute) => field(WEIGHT_FIELDS[attribute], { numeric: true, maxLength: 2 }))}
      </Fieldset>
    </>
  );
}
