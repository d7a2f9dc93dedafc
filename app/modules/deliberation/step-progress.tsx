// Where the person is in the seven steps: every step is a link, the current one is marked, and each
// says whether something is filled in. The links can be held back to save first (with JavaScript).
import type { MouseEvent } from "react";
import { useT } from "~/infra/i18n/i18n.ts";
import { Link } from "~/ui/link.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import { STEPS, type StepNumber } from "./deliberation-steps.ts";

export function StepProgress(props: {
  id: string;
  current: StepNumber;
  filled: StepNumber[];
  onLeave?: (event: MouseEvent<HTMLAnchorElement>, to: string) => void;
}) {
  const t = useT();
  return (
    <nav aria-label={t("deliberation.progressLabel")} className="vm-steps">
      <ol className="vm-steps__list">
        {STEPS.map((step) => {
          const to = `/afwegen/${props.id}/stap/${step.number}`;
          const done = props.filled.includes(step.number);
          const current = step.number === props.current;
          const className = `vm-steps__item${current ? " vm-steps__item--current" : ""}${done ? " vm-steps__item--done" : ""}`;
          return (
            <li key={step.number} className={className}>
              <Link
                to={to}
                className="vm-steps__link"
                aria-current={current ? "step" : undefined}
                onClick={(event) => props.onLeave?.(event, to)}
              >
                <span className="vm-steps__number" aria-hidden="true">
                  {step.number}
                </span>{" "}
                {t(`deliberation.steps.${step.number}`)}
                <VisuallyHidden>{` (${done ? t("deliberation.stepDone") : t("deliberation.stepTodo")})`}</VisuallyHidden>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
