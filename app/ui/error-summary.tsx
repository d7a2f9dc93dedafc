// A list of what went wrong in a form, at its top, linking to each field (NL Design System pattern).
import { Alert } from "./alert.tsx";
import { Paragraph } from "./heading.tsx";
import { Link } from "./link.tsx";
import { UnorderedList, UnorderedListItem } from "./list.tsx";

export function ErrorSummary(props: {
  title: string;
  errors: Record<string, string>;
  fieldIds?: Record<string, string>;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <Alert type="error">
      <Paragraph>
        <strong>{props.title}</strong>
      </Paragraph>
      <UnorderedList>
        {entries.map(([name, message]) => (
          <UnorderedListItem key={name}>
            <Link reloadDocument to={`#${props.fieldIds?.[name] ?? name}`}>
              {message}
            </Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
