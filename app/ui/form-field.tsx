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
  type?: "text" | "search" | "email";
  defaultValue?: string;
  invalid?: boolean;
  describedBy?: string;
  autoComplete?: string;
  maxLength?: number;
}) {
  return (
    <input
      id={props.id}
      name={props.name}
      type={props.type ?? "text"}
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
