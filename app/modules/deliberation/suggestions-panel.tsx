// Step 4's suggestions: the principles that fit the person's own words, best first, each with the
// words that led to it. Accepting or dismissing is a submit button, so it works without JavaScript and
// saves the rest of the step at the same time.
import { useT } from "~/infra/i18n/i18n.ts";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";

export interface ShownSuggestion {
  slug: string;
  title: string;
  summary: string;
  because: string[];
}

export function SuggestionsPanel(props: {
  suggestions: ShownSuggestion[];
  principles: string[];
  dismissed: string[];
  titles: { slug: string; title: string }[];
}) {
  const t = useT();
  const open = props.suggestions.filter((suggestion) => !props.dismissed.includes(suggestion.slug));
  return (
    <section className="vm-suggestions" id="voorstellen" aria-labelledby="voorstellen-titel">
      <Heading level={2} id="voorstellen-titel">
        {t("deliberation.suggestions.title")}
      </Heading>
      {props.suggestions.length === 0 ? (
        <Paragraph>{t("deliberation.suggestions.empty")}</Paragraph>
      ) : (
        <Paragraph>{t("deliberation.suggestions.intro")}</Paragraph>
      )}
      {props.suggestions.length > 0 && open.length === 0 ? (
        <Paragraph>{t("deliberation.suggestions.noneLeft")}</Paragraph>
      ) : null}
      <ol className="vm-suggestions__list">
        {open.map((suggestion) => {
          const accepted = props.principles.includes(suggestion.slug);
          return (
            <li key={suggestion.slug} className="vm-suggestion">
              <Heading level={3}>{suggestion.title}</Heading>
              <Paragraph>{suggestion.summary}</Paragraph>
              {suggestion.because.length > 0 ? (
                <Paragraph>
                  {t("deliberation.suggestions.because")}{" "}
                  {suggestion.because.map((word, index) => (
                    <span key={word}>
                      {index > 0 ? ", " : ""}
                      <q>{word}</q>
                    </span>
                  ))}
                </Paragraph>
              ) : null}
              <div className="vm-suggestion__buttons">
                {accepted ? (
                  <Paragraph>
                    <strong>{t("deliberation.suggestions.accepted")}</strong>
                  </Paragraph>
                ) : (
                  <Button
                    appearance="secondary-action"
                    name="suggestie"
                    value={`neem:${suggestion.slug}`}
                    aria-label={t("deliberation.suggestions.acceptLabel", { title: suggestion.title })}
                  >
                    {t("deliberation.suggestions.accept")}
                  </Button>
                )}
                <Button
                  appearance="subtle"
                  name="suggestie"
                  value={`wijs-af:${suggestion.slug}`}
                  aria-label={t("deliberation.suggestions.dismissLabel", { title: suggestion.title })}
                >
                  {t("deliberation.suggestions.dismiss")}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {props.dismissed.length > 0 ? (
        <>
          <Heading level={3}>{t("deliberation.suggestions.dismissedTitle")}</Heading>
          <ul className="vm-plain-list">
            {props.dismissed.map((slug) => (
              <li key={slug}>
                <Button appearance="subtle" name="suggestie" value={`terug:${slug}`}>
                  {t("deliberation.suggestions.restore", {
                    title: props.titles.find((title) => title.slug === slug)?.title ?? slug,
                  })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
