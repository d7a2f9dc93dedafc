// The form of a time slot, for adding one and for changing one; the same fields as `SlotInput`. Two of
// them can be on one page, so every id carries a prefix.
import { useT } from "~/infra/i18n/i18n.ts";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";
import { SLOT_FIELDS, type SlotFormValues } from "./round-editor-form.ts";

export function newSlotFormValues(): SlotFormValues {
  return { date: "", startTime: "14:00", endTime: "16:00", place: "", onlineUrl: "", capacity: "" };
}

/** A stored slot as the form shows it, in Amsterdam time (a slot stays within one day). */
export function slotFormValuesOf(slot: {
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  capacity: number;
}): SlotFormValues {
  const starts = utcToAmsterdam(slot.startsAt);
  return {
    date: starts.date,
    startTime: starts.time,
    endTime: utcToAmsterdam(slot.endsAt).time,
    place: slot.place,
    onlineUrl: slot.onlineUrl,
    capacity: String(slot.capacity),
  };
}

/** Where the error summary jumps to for each field of the form with this prefix. */
export function slotFieldIds(prefix: string): Record<string, string> {
  return Object.fromEntries(SLOT_FIELDS.map((name) => [name, `${prefix}-${name}`]));
}

export function SlotFields(props: {
  prefix: string;
  values: SlotFormValues;
  errors: Record<string, string>;
  groupMin: number;
}) {
  const t = useT();
  const { values, errors, prefix } = props;
  const field = (
    name: (typeof SLOT_FIELDS)[number],
    options: { type?: "date" | "time" | "url"; numeric?: boolean; maxLength?: number; description?: string },
  ) => {
    const id = `${prefix}-${name}`;
    return (
      <FormField
        id={id}
        label={t(`kriskras.beheer.slots.${name}`)}
        description={options.description}
        error={errors[name]}
      >
        {(describedBy) => (
          <Textbox
            id={id}
            name={name}
            type={options.type}
            inputMode={options.numeric ? "numeric" : undefined}
            maxLength={options.maxLength}
            defaultValue={values[name]}
            invalid={Boolean(errors[name])}
            describedBy={describedBy}
          />
        )}
      </FormField>
    );
  };
  return (
    <>
      {field("date", { type: "date", description: t("kriskras.beheer.form.dateHint") })}
      {field("startTime", { type: "time", description: t("kriskras.beheer.form.timeHint") })}
      {field("endTime", { type: "time", description: t("kriskras.beheer.form.timeHint") })}
      {field("place", { maxLength: 200, description: t("kriskras.beheer.slots.placeHint") })}
      {field("onlineUrl", {
        type: "url",
        maxLength: 500,
        description: t("kriskras.beheer.slots.onlineUrlHint"),
      })}
      {field("capacity", {
        numeric: true,
        maxLength: 4,
        description: t("kriskras.beheer.slots.capacityHint", { min: props.groupMin }),
      })}
    </>
  );
}
