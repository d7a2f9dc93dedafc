// A record as a clean page: the seven steps with what the person wrote, for the owner (with links to
// change each step) and for whoever holds a share link (read-only). Text is shown as text, never as
// markup.
import { useT } from "~/infra/i18n/i18n.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { DeliberationContent } from "./deliberation.validation.ts";
import { recordSections } from "./deliberation-record.ts";

export function RecordView(props: {
  content: DeliberationContent;
  principles: { slug: string; title: string }[];
  /** The record's id when the owner looks, for links back to each step. */
  editableId?: string;
}) {
  const t = useT();
  const sections = recordSections(props.content, {
    t: (key, options) => t(key, options),
    principleTitle: (slug) => props.principles.find((principle) => principle.slug === slug)?.title ?? slug,
  });
  return (
    <div className="vm-record">
      {sections.map((section) => (
        <section key={section.step} className="vm-record__step" aria-labelledby={`stap-${section.step}`}>
          <Heading level={2} id={`stap-${section.step}`}>
            {section.heading}
          </Heading>
          {section.items.length === 0 ? (
            <Paragraph className="vm-record__empty">{t("deliberation.record.empty")}</Paragraph>
          ) : (
            <dl className="vm-record__items">
              {section.items.map((item, index) => (
                // Labels can repeat (two others with the same name), so the position is part of the key.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <div key={`${item.label}-${index}`} className="vm-record__item">
                  <dt>{item.label}</dt>
                  <dd>
                    {Array.isArray(item.text) ? (
                      <UnorderedList>
                        {item.text.map((entry) => (
                          <UnorderedListItem key={entry}>{entry}</UnorderedListItem>
                        ))}
                      </UnorderedList>
                    ) : (
                      <span className="vm-preserve-lines">{item.text.trim()}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {props.editableId ? (
            <Paragraph className="vm-no-print">
              <Link to={`/afwegen/${props.editableId}/stap/${section.step}`}>
                {t("deliberation.record.edit", { step: section.step })}
              </Link>
            </Paragraph>
          ) : null}
        </section>
      ))}
    </div>
  );
}
