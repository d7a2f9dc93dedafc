// The editors' queue of dilemma cards sent in, waiting ones first.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listSubmissions } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-dilemmas";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["review", "submit"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "dilemmas:review" });
    const cards = await listSubmissions({ db: context.services.database.db });
    return data(
      {
        cards: cards.map((card) => ({
          id: card.id,
          title: card.title,
          status: card.status,
          submitter: card.submitter,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("review.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("review.title")}</Heading>
      <Paragraph>{t("review.intro")}</Paragraph>
      {loaderData.cards.length === 0 ? <Paragraph>{t("review.none")}</Paragraph> : null}
      <ul className="vm-plain-list">
        {loaderData.cards.map((card) => (
          <li key={card.id} className="vm-card-summary">
            <Heading level={2} lang="nl">
              <Link to={`/beheer/dilemmas/${card.id}`}>{card.title}</Link>
            </Heading>
            <Paragraph>
              <strong>{t(`submit.statuses.${card.status}`)}</strong> ·{" "}
              {card.submitter ? t("review.from", { email: card.submitter }) : t("review.fromGone")}
            </Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
