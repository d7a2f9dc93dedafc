// A labelled form field with optional description and error, wired up for screen readers.
import type { ReactNode } from "react";

export function FormField(props: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const descriptionId = props.description ? `${props.id}-beschrijving` : undefined;
  const errorId = props.error ? `${props.id}-fout` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`utrecht-form-field${props.error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={props.id}>
          {props.label}
        </label>
      </div>
      {props.description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {props.error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{props.children(describedBy)}</div>
    </div>
  );
}

export function Textbox(props: {
  id: string;
  name: string;
  type?: "text" | "search" | "email" | "url" | "date" | "time";
  defaultValue?: string;
  invalid?: boolean;
  describedBy?: string;
  autoComplete?: string;
  maxLength?: number;
  /** `numeric` for whole numbers: a number keyboard on phones, without the spin buttons of type=number. */
  inputMode?: "numeric";
}) {
  return (
    <input
      id={props.id}
      name={props.name}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      defaultValue={props.defaultValue}
      className={`utrecht-textbox utrecht-textbox--html-input${props.invalid ? " utrecht-textbox--invalid" : ""}`}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      autoComplete={props.autoComplete}
      maxLength={props.maxLength}
    />
  );
}

export function Select(props: {
  id: string;
  name: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  describedBy?: string;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      defaultValue={props.defaultValue}
      className="utrecht-select utrecht-select--html-select"
      aria-describedby={props.describedBy}
    >
      {props.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function Textarea(props: {
  id: string;
  name: string;
  defaultValue?: string;
  invalid?: boolean;
  describedBy?: string;
  maxLength?: number;
  rows?: number;
}) {
  return (
    <textarea
      id={props.id}
      name={props.name}
      defaultValue={props.defaultValue}
      rows={props.rows ?? 4}
      className={`utrecht-textarea utrecht-textarea--html-textarea${props.invalid ? " utrecht-textarea--invalid" : ""}`}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      maxLength={props.maxLength}
    />
  );
}

interface ChoiceGroupProps {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  options: { value: string; label: string }[];
}

/** Several choices under one question: a fieldset with a legend, one checkbox per option. */
export function CheckboxGroup(props: ChoiceGroupProps & { checked: string[] }) {
  return <ChoiceGroup {...props} kind="checkbox" isChecked={(value) => props.checked.includes(value)} />;
}

/** One choice under one question: a fieldset with a legend, one radio button per option. */
export function RadioGroup(props: ChoiceGroupProps & { checked: string | undefined }) {
  return <ChoiceGroup {...props} kind="radio" isChecked={(value) => props.checked === value} />;
}

const CHOICE_CLASSES = {
  checkbox: { input: "utrecht-checkbox utrecht-checkbox--html-input", label: "checkbox" },
  radio: { input: "utrecht-radio-button utrecht-radio-button--html-input", label: "radio" },
} as const;

function ChoiceGroup(
  props: ChoiceGroupProps & { kind: "checkbox" | "radio"; isChecked: (value: string) => boolean },
) {
  const descriptionId = props.description ? `${props.id}-beschrijving` : undefined;
  const errorId = props.error ? `${props.id}-fout` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  const classes = CHOICE_CLASSES[props.kind];
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${props.error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={describedBy}
      aria-invalid={props.error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.description ? (
        <div className="utrecht-form-field-description" id={descriptionId}>
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {props.error}
        </div>
      ) : null}
      {props.options.map((option, index) => {
        // The first one carries the group's id, so the error summary can jump to the group.
        const id = index === 0 ? props.id : `${props.id}-${option.value}`;
        return (
          <div key={option.value} className={`utrecht-form-field utrecht-form-field--${classes.label}`}>
            <input
              type={props.kind}
              className={classes.input}
              id={id}
              name={props.name}
              value={option.value}
              defaultChecked={props.isChecked(option.value)}
            />{" "}
            <label className={`utrecht-form-label utrecht-form-label--${classes.label}`} htmlFor={id}>
              {option.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
