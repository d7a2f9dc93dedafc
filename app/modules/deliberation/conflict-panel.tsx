// The merge screen: another tab saved this step first. Shows, per field that differs, what was saved
// there; the person's own text stays in the boxes below, so keeping, combining or replacing is theirs.
import { useT } from "~/infra/i18n/i18n.ts";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { DeliberationContent } from "./deliberation.validation.ts";
import { type RecordItem, recordSections } from "./deliberation-record.ts";
import type { StepNumber } from "./deliberation-steps.ts";
import type { Conflict } from "./use-autosave.ts";

const textOf = (item: RecordItem | undefined) =>
  item ? (Array.isArray(item.text) ? item.text.join(", ") : item.text.trim()) : "";

export function ConflictPanel(props: {
  id: string;
  step: StepNumber;
  conflict: Conflict;
  mine: DeliberationContent;
  principles: { slug: string; title: string }[];
}) {
  const t = useT();
  const labels = {
    t: (key: string, options?: Record<string, unknown>) => t(key, options),
    principleTitle: (slug: string) => props.principles.find((p) => p.slug === slug)?.title ?? slug,
  };
  const itemsOf = (content: DeliberationContent) =>
    recordSections(content, labels).find((section) => section.step === props.step)?.items ?? [];
  const mine = itemsOf(props.mine);
  const theirs = itemsOf(props.conflict.theirs);
  const labelsInOrder = [...new Set([...theirs, ...mine].map((item) => item.label))];
  const differing = labelsInOrder.filter(
    (label) =>
      textOf(theirs.find((item) => item.label === label)) !==
      textOf(mine.find((item) => item.label === label)),
  );
  return (
    <Alert type="warning">
      <Heading level={2}>{t("deliberation.conflict.title")}</Heading>
      <Paragraph>{t("deliberation.conflict.intro")}</Paragraph>
      <dl className="vm-conflict">
        {differing.map((label) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <span className="vm-conflict__which">{t("deliberation.conflict.theirs")}:</span>{" "}
              <span className="vm-preserve-lines">
                {textOf(theirs.find((item) => item.label === label)) || t("deliberation.conflict.empty")}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <Paragraph>
        {/* A full page load, so the boxes show the saved version instead of what is typed in them. */}
        <Link reloadDocument to={`/afwegen/${props.id}/stap/${props.step}`}>
          {t("deliberation.conflict.takeTheirs")}
        </Link>
      </Paragraph>
    </Alert>
  );
}
