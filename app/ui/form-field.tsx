// A labelled form field with optional description and error, wired up for screen readers.
import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

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
  inputMode?: "numeric" | "text";
  /** For a code typed from a screen: no suggestions, no corrections, capitals on the keyboard. */
  code?: boolean;
  className?: string;
  /** The language of the text in it when it is not the page's (a Dutch template on an English page). */
  lang?: string;
}) {
  return (
    <input
      lang={props.lang}
      id={props.id}
      name={props.name}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      defaultValue={props.defaultValue}
      className={classNames(
        "utrecht-textbox utrecht-textbox--html-input",
        props.className,
        props.invalid && "utrecht-textbox--invalid",
      )}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      autoComplete={props.autoComplete}
      autoCapitalize={props.code ? "characters" : undefined}
      autoCorrect={props.code ? "off" : undefined}
      spellCheck={props.code ? false : undefined}
      maxLength={props.maxLength}
    />
  );
}

/** A choice in a list; `lang` marks a label that is content in another language (a Dutch title). */
export type ChoiceOption = { value: string; label: string; lang?: string };

export function Select(props: {
  id: string;
  name: string;
  defaultValue?: string;
  options: ChoiceOption[];
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
        <option key={option.value} value={option.value} lang={option.lang}>
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
  /** The language of the text in it when it is not the page's (the guide's Dutch on an English page). */
  lang?: string;
}) {
  return (
    <textarea
      lang={props.lang}
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

/** A label on its own, for a control that is not a text field (a progress bar, say). */
export function FormLabel(props: { htmlFor: string; children: ReactNode }) {
  return (
    <label className="utrecht-form-label" htmlFor={props.htmlFor}>
      {props.children}
    </label>
  );
}

/** A hint under a question; point the control's `aria-describedby` at its id. */
export function FieldDescription(props: { id?: string; children: ReactNode }) {
  return (
    <div className="utrecht-form-field-description" id={props.id}>
      {props.children}
    </div>
  );
}

/** What is wrong with an answer; point the control's `aria-describedby` at its id. */
export function FieldError(props: { id?: string; children: ReactNode; as?: "div" | "p" }) {
  const Tag = props.as ?? "div";
  return (
    <Tag className="utrecht-form-field-error-message" id={props.id}>
      {props.children}
    </Tag>
  );
}

/**
 * Fields that belong to one question or topic, under a legend. `framed` keeps the browser's frame
 * around the group, for a form made of several sections.
 */
export function Fieldset(props: {
  legend: ReactNode;
  children: ReactNode;
  id?: string;
  className?: string;
  framed?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <fieldset
      id={props.id}
      className={classNames(
        "utrecht-form-fieldset",
        !props.framed && "utrecht-form-fieldset--html-fieldset",
        props.className,
        props.invalid && "utrecht-form-fieldset--invalid",
      )}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}

/** A bare checkbox, for a list whose label is more than a line (a person in a table, say). */
export function Checkbox(props: {
  id: string;
  name: string;
  value: string;
  defaultChecked?: boolean;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <input
      type="checkbox"
      className="utrecht-checkbox utrecht-checkbox--html-input"
      id={props.id}
      name={props.name}
      value={props.value}
      defaultChecked={props.defaultChecked}
      required={props.required}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
    />
  );
}

/** One yes-or-no question: a checkbox with its label, and optionally a hint and an error. */
export function CheckboxField(props: {
  id: string;
  name: string;
  value: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  defaultChecked?: boolean;
  required?: boolean;
  /** Marks the box as wrong when the message about it is elsewhere on the page. */
  invalid?: boolean;
}) {
  const descriptionId = props.description ? `${props.id}-beschrijving` : undefined;
  const errorId = props.error ? `${props.id}-fout` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--checkbox${props.error ? " utrecht-form-field--invalid" : ""}`}
    >
      {props.description ? <FieldDescription id={descriptionId}>{props.description}</FieldDescription> : null}
      {props.error ? (
        // The element class puts the message in the field's grid, beside the box, not in its column.
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {props.error}
        </div>
      ) : null}
      <Checkbox
        id={props.id}
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        required={props.required}
        invalid={props.invalid || Boolean(props.error)}
        describedBy={describedBy}
      />{" "}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

interface ChoiceGroupProps {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  options: ChoiceOption[];
}

/** Several choices under one question: a fieldset with a legend, one checkbox per option. */
export function CheckboxGroup(props: ChoiceGroupProps & { checked: string[] }) {
  return <ChoiceGroup {...props} kind="checkbox" isChecked={(value) => props.checked.includes(value)} />;
}

/**
 * One choice under one question: a fieldset with a legend, one radio button per option. `large` draws
 * each option as a row of at least 44 px that answers to a tap anywhere on it, for phones.
 */
export function RadioGroup(props: ChoiceGroupProps & { checked: string | undefined; large?: boolean }) {
  return <ChoiceGroup {...props} kind="radio" isChecked={(value) => props.checked === value} />;
}

const CHOICE_CLASSES = {
  checkbox: { input: "utrecht-checkbox utrecht-checkbox--html-input", label: "checkbox" },
  radio: { input: "utrecht-radio-button utrecht-radio-button--html-input", label: "radio" },
} as const;

function ChoiceGroup(
  props: ChoiceGroupProps & {
    kind: "checkbox" | "radio";
    isChecked: (value: string) => boolean;
    large?: boolean;
  },
) {
  const descriptionId = props.description ? `${props.id}-beschrijving` : undefined;
  const errorId = props.error ? `${props.id}-fout` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  const classes = CHOICE_CLASSES[props.kind];
  // A large option places its parts in the field's grid by name, so the whole row can take the tap.
  const large = props.large === true;
  return (
    <Fieldset
      legend={props.legend}
      className={large ? "vm-choices" : undefined}
      invalid={Boolean(props.error)}
      describedBy={describedBy}
    >
      {props.description ? <FieldDescription id={descriptionId}>{props.description}</FieldDescription> : null}
      {props.error ? <FieldError id={errorId}>{props.error}</FieldError> : null}
      {props.options.map((option, index) => {
        // The first one carries the group's id, so the error summary can jump to the group.
        const id = index === 0 ? props.id : `${props.id}-${option.value}`;
        return (
          <div
            key={option.value}
            className={classNames(
              `utrecht-form-field utrecht-form-field--${classes.label}`,
              large && "vm-choice",
            )}
          >
            <input
              type={props.kind}
              className={classNames(classes.input, large && "utrecht-form-field__input")}
              id={id}
              name={props.name}
              value={option.value}
              defaultChecked={props.isChecked(option.value)}
            />{" "}
            <label
              className={classNames(
                large && "utrecht-form-field__label",
                `utrecht-form-label utrecht-form-label--${classes.label}`,
                large && "vm-choice__label",
              )}
              htmlFor={id}
              lang={option.lang}
            >
              {option.label}
            </label>
          </div>
        );
      })}
    </Fieldset>
  );
}
