// A button that opens the browser's print dialog. It needs JavaScript, so it appears only once the page
// runs it; without JavaScript the browser's own print command still works.
import { useEffect, useState } from "react";
import { Button } from "./button.tsx";

export function PrintButton(props: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <div className="vm-print-button">
      <Button type="button" appearance="secondary-action" onClick={() => window.print()}>
        {props.label}
      </Button>
    </div>
  );
}
