// How a dilemma card looks: a summary in the library, the whole card on its page and when printed.
// The card's text is Dutch content; the labels follow the interface language.
import type { ReactNode } from "react";
import { useT } from "~/infra/i18n/i18n.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import { PERSPECTIVES } from "./dilemma-tags.ts";

export interface CardView {
  slug: string;
  title: string;
  case: string;
  optionA: string;
  riskA: string;
  optionB: string;
  riskB: string;
  perspectives: Record<string, string>;
  principles: { slug: string; title: string }[];
  values: string[];
  workKinds: string[];
  themes: string[];
  questions: string[];
}

export function CardTags(props: { workKinds: string[]; themes: string[] }) {
  const t = useT();
  return (
    <ul className="vm-tags" aria-label={t("dilemmas.tagsTitle")}>
      {props.workKinds.map((kind) => (
        <li key={kind} className="vm-tag">
          {t(`dilemmas.workKinds.${kind}`)}
        </li>
      ))}
      {props.themes.map((theme) => (
        <li key={theme} className="vm-tag vm-tag--theme">
          {t(`dilemmas.themes.${theme}`)}
        </li>
      ))}
    </ul>
  );
}

/** One card in the library's list. */
/** What a list of cards shows of each: its title, its case and its tags. */
export type CardSummaryView = Pick<CardView, "slug" | "title" | "case" | "workKinds" | "themes">;

export function CardSummary(props: { card: CardSummaryView; level: 2 | 3 }) {
  const { card } = props;
  return (
    <article className="vm-card-summary" aria-labelledby={`kaart-${card.slug}`}>
      <Heading level={props.level} id={`kaart-${card.slug}`} lang="nl">
        <Link to={`/dilemmas/${card.slug}`}>{card.title}</Link>
      </Heading>
      <Paragraph lang="nl">{card.case}</Paragraph>
      <CardTags workKinds={card.workKinds} themes={card.themes} />
    </article>
  );
}

function Section(props: { title: string; level: 2 | 3; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={props.id} className="vm-card__section">
      <Heading level={props.level} id={props.id}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}

/**
 * The whole card. `level` is the heading level of its sections (2 on its own page, 3 on the print
 * sheet, where each card has a level-2 title); `linkPrinciples` off for paper.
 */
export function CardDetail(props: { card: CardView; level: 2 | 3; linkPrinciples: boolean }) {
  const t = useT();
  const { card, level } = props;
  const id = (part: string) => `${card.slug}-${part}`;
  return (
    <div className="vm-card">
      <Section title={t("dilemmas.case")} level={level} id={id("situatie")}>
        <Paragraph lang="nl">{card.case}</Paragraph>
      </Section>
      <Section title={t("dilemmas.tension")} level={level} id={id("spanning")}>
        <dl className="vm-card__options" lang="nl">
          {(
            [
              [t("dilemmas.optionA"), card.optionA, card.riskA],
              [t("dilemmas.optionB"), card.optionB, card.riskB],
            ] as const
          ).map(([label, option, risk]) => (
            <div key={label} className="vm-card__option">
              <dt>{label}</dt>
              <dd>
                <Paragraph>{option}</Paragraph>
                <Paragraph>
                  <strong>{t("dilemmas.risk")}</strong> {risk}
                </Paragraph>
              </dd>
            </div>
          ))}
        </dl>
      </Section>
      {Object.keys(card.perspectives).length > 0 ? (
        <Section title={t("dilemmas.perspectivesTitle")} level={level} id={id("perspectieven")}>
          <dl className="vm-card__perspectives">
            {PERSPECTIVES.filter((key) => card.perspectives[key]).map((key) => (
              <div key={key}>
                <dt>{t(`dilemmas.perspectives.${key}`)}</dt>
                <dd lang="nl">{card.perspectives[key]}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
      <Section title={t("dilemmas.atStake")} level={level} id={id("op-het-spel")}>
        <Paragraph>
          <strong>{t("dilemmas.principlesTitle")}:</strong>{" "}
          {card.principles.map((principle, index) => (
            <span key={principle.slug} lang="nl">
              {index > 0 ? ", " : ""}
              {props.linkPrinciples ? (
                <Link to={`/gids/${principle.slug}`}>{principle.title}</Link>
              ) : (
                principle.title
              )}
            </span>
          ))}
        </Paragraph>
        {card.values.length > 0 ? (
          <Paragraph>
            <strong>{t("dilemmas.valuesTitle")}:</strong>{" "}
            {card.values.map((value, index) => (
              <span key={value}>
                {index > 0 ? ", " : ""}
                {props.linkPrinciples ? (
                  <Link to={`/gids/waarden#${value}`}>{t(`dilemmas.values.${value}`)}</Link>
                ) : (
                  t(`dilemmas.values.${value}`)
                )}
              </span>
            ))}
          </Paragraph>
        ) : null}
      </Section>
      {card.questions.length > 0 ? (
        <Section title={t("dilemmas.questionsTitle")} level={level} id={id("vragen")}>
          <UnorderedList lang="nl">
            {card.questions.map((question) => (
              <UnorderedListItem key={question}>{question}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Section>
      ) : null}
      <CardTags workKinds={card.workKinds} themes={card.themes} />
    </div>
  );
}
