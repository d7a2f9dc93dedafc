// The form fields of a contribution, per kind, and the reader of the posted form. The form works as
// plain HTML: the kind, version, part and paragraph travel as hidden fields.
import { useT } from "../../infra/i18n/i18n.ts";
import { FormField, Textarea, Textbox } from "../../ui/form-field.tsx";
import { BODY_MAX, PROPOSAL_MAX } from "./cocreation.validation.ts";
import type { ContributionKind } from "./cocreation-kinds.ts";

export interface ContributionFormValues {
  kind: string;
  version: string;
  part?: string;
  anchor?: string;
  body: string;
  proposedText: string;
  title: string;
  showName: boolean;
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The posted form as typed (for the schema, and to show it again after a mistake). */
export function contributionFormInput(form: FormData): ContributionFormValues {
  return {
    kind: field(form, "kind"),
    version: field(form, "version"),
    part: field(form, "part") || undefined,
    anchor: field(form, "anchor") || undefined,
    body: field(form, "body"),
    proposedText: field(form, "proposedText"),
    title: field(form, "title"),
    showName: form.get("showName") === "ja",
  };
}

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
      ? t("meedenken.form.comment")
      : kind === "algemeen"
        ? t("meedenken.form.feedback")
        : t("meedenken.form.explanation");
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={values.version} />
      {values.part ? <input type="hidden" name="part" value={values.part} /> : null}
      {values.anchor ? <input type="hidden" name="anchor" value={values.anchor} /> : null}
      {kind === "nieuw-deel" ? (
        <FormField id="title" label={t("meedenken.form.partTitle")} error={errors.title}>
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
          label={t(`meedenken.form.proposedLabel.${kind}`)}
          description={t(`meedenken.form.proposedHint.${kind}`)}
          error={errors.proposedText}
        >
          {(describedBy) => (
            <Textarea
              id="proposedText"
              name="proposedText"
              rows={kind === "nieuw-deel" ? 14 : 8}
              maxLength={PROPOSAL_MAX}
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
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <input
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        id={id}
        name="showName"
        value="ja"
        defaultChecked={props.checked}
        aria-describedby={`${id}-beschrijving`}
      />{" "}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {t("meedenken.form.showName")}
      </label>
      <div className="utrecht-form-field-description" id={`${id}-beschrijving`}>
        {t("meedenken.form.showNameHint")}
      </div>
    </div>
  );
}
