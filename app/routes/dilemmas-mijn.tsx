// My dilemmas sent in: each with its status, and the editor's reason when one was declined.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listOwnSubmissions } from "~/modules/dilemmas/dilemma-submissions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/dilemmas-mijn";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["submit"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "dilemmas:submit",
    });
    const cards = await listOwnSubmissions({ db: context.services.database.db, userId: user.id });
    return data(
      {
        justSent: new URL(request.url).searchParams.get("ingestuurd") === "1",
        cards: cards.map((card) => ({
          id: card.id,
          slug: card.slug,
          title: card.title,
          status: card.status,
          reviewNote: card.reviewNote,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function MySubmissions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("submit.mineTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("submit.mineTitle")}</Heading>
      {loaderData.justSent ? (
        <Alert type="ok">
          <Paragraph>{t("submit.sent")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("submit.mineIntro")}</Paragraph>
      {loaderData.cards.length === 0 ? <Paragraph>{t("submit.none")}</Paragraph> : null}
      <ul className="vm-plain-list">
        {loaderData.cards.map((card) => (
          <li key={card.id} className="vm-card-summary">
            <Heading level={2} lang="nl">
              {card.status === "gepubliceerd" ? (
                <Link to={`/dilemmas/${card.slug}`}>{card.title}</Link>
              ) : (
                card.title
              )}
            </Heading>
            <Paragraph>
              <strong>{t(`submit.statuses.${card.status}`)}</strong>
            </Paragraph>
            {card.status === "afgewezen" && card.reviewNote ? (
              <Paragraph>
                {t("submit.reason")} <span lang="nl">{card.reviewNote}</span>
              </Paragraph>
            ) : null}
          </li>
        ))}
      </ul>
      <Paragraph>
        <Link to="/dilemmas/nieuw">{t("submit.link")}</Link>
      </Paragraph>
    </>
  );
}
