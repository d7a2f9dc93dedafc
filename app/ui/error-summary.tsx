// A list of what went wrong in a form, at its top, linking to each field (NL Design System pattern).
import { Alert } from "./alert.tsx";

export function ErrorSummary(props: {
  title: string;
  errors: Record<string, string>;
  fieldIds?: Record<string, string>;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <Alert type="error">
      <p className="nl-paragraph">
        <strong>{props.title}</strong>
      </p>
      <ul className="utrecht-unordered-list">
        {entries.map(([name, message]) => (
          <li key={name} className="utrecht-unordered-list__item">
            <a className="nl-link" href={`#${props.fieldIds?.[name] ?? name}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
