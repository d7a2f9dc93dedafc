// One dilemma card: the situation, what clashes, who is involved, the principles and values at stake
// (linked to the guide), and questions for a team.
import { data } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { CardDetail } from "~/modules/dilemmas/dilemma-card.tsx";
import { cardViewOf, getPublishedCard, principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Slug } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Heading } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/dilemma";

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const slug = Slug.safeParse(params.slug);
    if (!slug.success) throw new AppError("not_found", "Dit dilemma bestaat niet (meer).");
    const [card, titles] = await Promise.all([
      getPublishedCard({ db, slug: slug.data }),
      principleTitles({ db }),
    ]);
    return data({ card: cardViewOf(card, titles) }, { headers: cacheableHeaders("dilemmas") });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Dilemma({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { card } = loaderData;
  return (
    <article className="vm-dilemma">
      <title>{`${card.title} – ${t("dilemmas.title")} – Vakmanschap`}</title>
      <nav aria-label={t("guide.breadcrumb")} className="utrecht-breadcrumb-nav vm-breadcrumb">
        <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
          <li className="utrecht-breadcrumb-nav__item">
            <Link to="/dilemmas" className="utrecht-breadcrumb-nav__link">
              {t("dilemmas.back")}
            </Link>
          </li>
        </ol>
      </nav>
      <Heading level={1} lang="nl">
        {card.title}
      </Heading>
      <CardDetail card={card} level={2} linkPrinciples />
    </article>
  );
}
