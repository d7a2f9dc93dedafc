// The form that picks two versions to compare; a plain GET form, so it works without JavaScript.
import { Form } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, Select } from "~/ui/form-field.tsx";

export function CompareForm(props: { versions: number[]; from: string; to: string }) {
  const t = useT();
  const options = props.versions.map((number) => ({
    value: String(number),
    label: t("guide.version", { number }),
  }));
  const field = (name: "van" | "naar", label: string, value: string) => (
    <FormField id={name} label={label}>
      {(describedBy) => (
        <Select id={name} name={name} defaultValue={value} options={options} describedBy={describedBy} />
      )}
    </FormField>
  );
  return (
    <Form method="get" action="/gids/vergelijk" className="vm-compare-form">
      {field("van", t("versions.compareFrom"), props.from)}
      {field("naar", t("versions.compareTo"), props.to)}
      <Button>{t("versions.compareButton")}</Button>
    </Form>
  );
}
