// Under each paragraph of a published version: a short link to react to it and, once there are
// reactions, how many (linked to them). Quiet on purpose: most paragraphs have none, and a line of
// "no reactions yet" under each one drowned the guide. Plain links, so it works without JavaScript;
// each at least 44 px tall to tap.
import { useLanguage, useT } from "../../infra/i18n/i18n.ts";
import { Link } from "../../ui/link.tsx";

export function ParagraphActions(props: { version: number; part: string; anchor: string; count: number }) {
  const t = useT();
  // The paragraphs around are in Dutch; these words are in the reader's interface language.
  const language = useLanguage();
  const place = `versie=${props.version}&deel=${encodeURIComponent(props.part)}&alinea=${encodeURIComponent(props.anchor)}`;
  return (
    <p className="vm-paragraph-actions" lang={language}>
      {/* The name starts with the visible word, so voice control finds it, and says which paragraph. */}
      <Link
        to={`/meedenken/nieuw?${place}&soort=reactie`}
        className="vm-paragraph-actions__link"
        aria-label={t("cocreation.react")}
      >
        {t("waysIn.paragraph.react")}
      </Link>
      {props.count > 0 ? (
        <Link to={`/meedenken?${place}`} className="vm-paragraph-actions__link">
          {t("cocreation.count", { count: props.count })}
        </Link>
      ) : null}
    </p>
  );
}
