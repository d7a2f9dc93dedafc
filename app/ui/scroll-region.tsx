// A wide table that may scroll sideways: the scrolling box can take the keyboard focus (so the arrow
// keys scroll it) and is named, as WCAG asks of a scrollable region without focusable content inside.
import type { ReactNode } from "react";

export function ScrollRegion(props: { label: string; children: ReactNode }) {
  return (
    // A named section is a region; its tab stop lets keyboard users scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="utrecht-table-container vm-table-scroll" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}
