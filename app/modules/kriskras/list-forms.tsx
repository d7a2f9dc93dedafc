// The forms of the lists people choose from: an organisation (name, kind, can be chosen) and an answer
// option (attribute, code, labels in Dutch and English, order, can be chosen). Two of each can be on
// one page (add and change), so every id carries a prefix.
import { useT } from "~/infra/i18n/i18n.ts";
import { CheckboxField, FormField, Select, Textbox } from "~/ui/form-field.tsx";
import { OPTION_ATTRIBUTES } from "./kriskras-options.ts";
import type { OptionFormValues, OrganisationFormValues } from "./lists-editor-form.ts";

/** Where the error summary jumps to for each field of the form with this prefix. */
export function fieldIdsOf(prefix: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `${prefix}-${name}`]));
}

function ActiveBox(props: { prefix: string; checked: boolean }) {
  const t = useT();
  const id = `${props.prefix}-active`;
  return (
    <CheckboxField
      id={id}
      name="active"
      value="ja"
      defaultChecked={props.checked}
      label={t("kriskras.beheer.lists.activeLabel")}
    />
  );
}

export function OrganisationFields(props: {
  prefix: string;
  values: OrganisationFormValues;
  errors: Record<string, string>;
  kinds: { value: string; label: string }[];
}) {
  const t = useT();
  const { prefix, values, errors } = props;
  return (
    <>
      <FormField id={`${prefix}-name`} label={t("kriskras.beheer.lists.name")} error={errors.name}>
        {(describedBy) => (
          <Textbox
            id={`${prefix}-name`}
            name="name"
            maxLength={160}
            defaultValue={values.name}
            invalid={Boolean(errors.name)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <FormField id={`${prefix}-kind`} label={t("kriskras.beheer.lists.kind")} error={errors.kind}>
        {(describedBy) => (
          <Select
            id={`${prefix}-kind`}
            name="kind"
            defaultValue={values.kind}
            describedBy={describedBy}
            options={props.kinds}
          />
        )}
      </FormField>
      <ActiveBox prefix={prefix} checked={values.active === "ja"} />
    </>
  );
}

export function OptionFields(props: {
  prefix: string;
  values: OptionFormValues;
  errors: Record<string, string>;
  /** Changing an option keeps its attribute and code: they are shown, not asked. */
  existing: boolean;
}) {
  const t = useT();
  const { prefix, values, errors } = props;
  const text = (
    name: "key" | "labelNl" | "labelEn" | "position",
    maxLength: number,
    description?: string,
  ) => (
    <FormField
      id={`${prefix}-${name}`}
      label={t(`kriskras.beheer.lists.${name}`)}
      description={description}
      error={errors[name]}
    >
      {(describedBy) => (
        <Textbox
          id={`${prefix}-${name}`}
          name={name}
          maxLength={maxLength}
          inputMode={name === "position" ? "numeric" : undefined}
          defaultValue={values[name]}
          invalid={Boolean(errors[name])}
          describedBy={describedBy}
        />
      )}
    </FormField>
  );
  return (
    <>
      {props.existing ? (
        <>
          <input type="hidden" name="attribute" value={values.attribute} />
          <input type="hidden" name="key" value={values.key} />
        </>
      ) : (
        <>
          <FormField
            id={`${prefix}-attribute`}
            label={t("kriskras.beheer.lists.attribute")}
            error={errors.attribute}
          >
            {(describedBy) => (
              <Select
                id={`${prefix}-attribute`}
                name="attribute"
                defaultValue={values.attribute}
                describedBy={describedBy}
                options={OPTION_ATTRIBUTES.map((attribute) => ({
                  value: attribute,
                  label: t(`kriskras.beheer.attributes.${attribute}`),
                }))}
              />
            )}
          </FormField>
          {text("key", 40, t("kriskras.beheer.lists.keyHint"))}
        </>
      )}
      {text("labelNl", 120)}
      {text("labelEn", 120)}
      {text("position", 3, t("kriskras.beheer.lists.positionHint"))}
      <ActiveBox prefix={prefix} checked={values.active === "ja"} />
    </>
  );
}
