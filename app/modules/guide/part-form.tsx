// The fields of a part of a draft (title, summary, kind), for adding one and for changing one. What was
// typed comes back with the errors, so nothing is lost.
import { useT } from "~/infra/i18n/i18n.ts";
import { FormField, Select, Textarea, Textbox } from "~/ui/form-field.tsx";
import { PART_KINDS } from "./guide-kinds.ts";

export interface PartFormValues {
  title: string;
  summary: string;
  kind: string;
}

export function PartFields(props: {
  prefix: string;
  values: Partial<PartFormValues>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const { prefix, values, errors } = props;
  return (
    <>
      <FormField id={`${prefix}-title`} label={t("guideEditor.partTitle")} error={errors.title}>
        {(describedBy) => (
          <Textbox
            id={`${prefix}-title`}
            name="title"
            maxLength={160}
            lang="nl"
            defaultValue={values.title ?? ""}
            invalid={Boolean(errors.title)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <FormField
        id={`${prefix}-summary`}
        label={t("guideEditor.partSummary")}
        description={t("guideEditor.partSummaryHint")}
        error={errors.summary}
      >
        {(describedBy) => (
          <Textarea
            id={`${prefix}-summary`}
            name="summary"
            rows={2}
            maxLength={400}
            lang="nl"
            defaultValue={values.summary ?? ""}
            invalid={Boolean(errors.summary)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      <FormField id={`${prefix}-kind`} label={t("guideEditor.partKind")} error={errors.kind}>
        {(describedBy) => (
          <Select
            id={`${prefix}-kind`}
            name="kind"
            defaultValue={values.kind ?? "principe"}
            describedBy={describedBy}
            options={PART_KINDS.map((kind) => ({ value: kind, label: t(`guideEditor.kinds.${kind}`) }))}
          />
        )}
      </FormField>
    </>
  );
}
