// The form fields of a contribution, per kind (`readContributionForm` reads them back). The form works
// as plain HTML: the kind, version, part and paragraph travel as hidden fields.

import { CheckboxField } from "~/ui/form-field.tsx";
import { useT } from "../../infra/i18n/i18n.ts";
import { FormField, Textarea, Textbox } from "../../ui/form-field.tsx";
import type { ContributionKind } from "./cocreation-kinds.ts";
import { BODY_MAX, PROPOSAL_MAX } from "./cocreation-kinds.ts";
import type { ContributionFormValues } from "./read-contribution-form.ts";

export function ContributionFields(props: {
  kind: ContributionKind;
  values: ContributionFormValues;
  errors: Record<string, string>;
}) {
  const t = useT();
  const { kind, values, errors } = props;
  const proposes = kind === "tekstvoorstel" || kind === "nieuwe-alinea" || kind === "nieuw-deel";
  const bodyLabel =
    kind === "reactie"
      ? t("cocreation.form.comment")
      : kind === "algemeen"
        ? t("cocreation.form.feedback")
        : t("cocreation.form.explanation");
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={values.version} />
      {values.part ? <input type="hidden" name="part" value={values.part} /> : null}
      {values.anchor ? <input type="hidden" name="anchor" value={values.anchor} /> : null}
      {kind === "nieuw-deel" ? (
        <FormField id="title" label={t("cocreation.form.partTitle")} error={errors.title}>
          {(describedBy) => (
            <Textbox
              id="title"
              name="title"
              defaultValue={values.title}
              maxLength={120}
              invalid={Boolean(errors.title)}
              describedBy={describedBy}
            />
          )}
        </FormField>
      ) : null}
      {proposes ? (
        <FormField
          id="proposedText"
          label={t(`cocreation.form.proposedLabel.${kind}`)}
          description={t(`cocreation.form.proposedHint.${kind}`)}
          error={errors.proposedText}
        >
          {(describedBy) => (
            <Textarea
              id="proposedText"
              name="proposedText"
              rows={kind === "nieuw-deel" ? 14 : 8}
              maxLength={PROPOSAL_MAX}
              // A proposal is text for the guide, which is Dutch.
              lang="nl"
              defaultValue={values.proposedText}
              invalid={Boolean(errors.proposedText)}
              describedBy={describedBy}
            />
          )}
        </FormField>
      ) : null}
      <FormField id="body" label={bodyLabel} error={errors.body}>
        {(describedBy) => (
          <Textarea
            id="body"
            name="body"
            rows={proposes ? 4 : 6}
            maxLength={BODY_MAX}
            defaultValue={values.body}
            invalid={Boolean(errors.body)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <ShowNameField checked={values.showName} />
    </>
  );
}

/** "Show my name": off unless chosen; editors always see who wrote it. */
export function ShowNameField(props: { checked: boolean; id?: string }) {
  const t = useT();
  const id = props.id ?? "showName";
  return (
    <CheckboxField
      id={id}
      name="showName"
      value="ja"
      defaultChecked={props.checked}
      label={t("cocreation.form.showName")}
      description={t("cocreation.form.showNameHint")}
    />
  );
}
