// A button that opens the browser's print dialog. It needs JavaScript, and its pages load no React
// (decision 022), so a few lines in the page show it and make it print; without JavaScript it stays
// hidden and the browser's own print command works.
import { Button } from "./button.tsx";
import { InlineScript } from "./inline-script.tsx";

const SHOW_AND_PRINT =
  'document.querySelectorAll("[data-print]").forEach((b)=>{b.hidden=false;b.onclick=()=>window.print()})';

export function PrintButton(props: { label: string }) {
  return (
    <div className="vm-print-button" data-print hidden>
      <Button type="button" appearance="secondary-action">
        {props.label}
      </Button>
      <InlineScript code={SHOW_AND_PRINT} />
    </div>
  );
}
