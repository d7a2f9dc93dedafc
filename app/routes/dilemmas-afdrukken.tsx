// The chosen dilemma cards on sheets to print and cut: several cards per A4, each kept whole.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, viewHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { CardDetail } from "~/modules/dilemmas/dilemma-card.tsx";
import { cardViewOf, listPublishedCards, principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { CardFilter } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/dilemmas-afdrukken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas", "guide"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const filter = CardFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
    const [cards, titles] = await Promise.all([listPublishedCards({ db, filter }), principleTitles({ db })]);
    return data(
      { cards: cards.map((card) => cardViewOf(card, titles)) },
      {
        headers: {
          ...cacheableHeaders("dilemmas"),
          ...viewHeaders(cards.map((card) => `kaart-afdruk/${card.slug}`)),
        },
      },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function PrintCards({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("dilemmas.printTitle")} – Vakmanschap`}</title>
      <div className="vm-print-intro">
        <Heading level={1}>{t("dilemmas.printTitle")}</Heading>
        <Paragraph>{t("dilemmas.printIntro")}</Paragraph>
        <PrintButton label={t("guide.print")} />
        <Paragraph>
          <Link to="/dilemmas">{t("dilemmas.back")}</Link>
        </Paragraph>
      </div>
      <div className="vm-print-cards">
        {loaderData.cards.map((card) => (
          <article key={card.slug} className="vm-print-card" aria-labelledby={`kaart-${card.slug}`}>
            <Heading level={2} id={`kaart-${card.slug}`} lang="nl">
              {card.title}
            </Heading>
            <CardDetail card={card} level={3} linkPrinciples={false} />
          </article>
        ))}
      </div>
    </>
  );
}
