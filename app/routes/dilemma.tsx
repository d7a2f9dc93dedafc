// One dilemma card: the situation, what clashes, who is involved, the principles and values at stake
// (linked to the guide), and questions for a team. Below it, two ways to use the card: talk it through
// with a team (for a facilitator, a live conversation with the card as its question) or think it
// through oneself (a new, private Dilemma-wijzer record that starts from the card). The page is the
// same for everyone, so it stays cacheable: the pages behind the two ways check who may.
import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import {
  cacheableHeaders,
  PRIVATE_HEADERS,
  viewHeaders,
  withRouteErrors,
} from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { CARD_QUERY } from "~/modules/conversations/conversation-form.ts";
import { createDeliberationFromCard } from "~/modules/deliberation/deliberations.server.ts";
import { CardDetail } from "~/modules/dilemmas/dilemma-card.tsx";
import { cardViewOf, getPublishedCard, principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Slug } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Alert } from "~/ui/alert.tsx";
import { BreadcrumbNav } from "~/ui/breadcrumb-nav.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/dilemma";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas", "guide", "waysIn"] };

const NOT_FOUND = "problems.dilemmas.notFound";

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const slug = Slug.safeParse(params.slug);
    if (!slug.success) throw new AppError("not_found", NOT_FOUND);
    const [card, titles] = await Promise.all([
      getPublishedCard({ db, slug: slug.data }),
      principleTitles({ db }),
    ]);
    return data(
      { card: cardViewOf(card, titles) },
      {
        headers: { ...cacheableHeaders("dilemmas"), ...viewHeaders([`kaart/${card.slug}`]) },
      },
    );
  });
}

/**
 * "Denk het zelf door": a new record of the Dilemma-wijzer with the card's case and choices in it, then
 * its first step. Someone not logged in logs in first and comes back to this card.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const slug = Slug.safeParse(params.slug);
    if (!slug.success) throw new AppError("not_found", NOT_FOUND);
    const { user } = await requirePermission({ request, services, permission: "deliberations:own" });
    const { quotas } = services.config;
    try {
      const record = await createDeliberationFromCard({
        db: services.database.db,
        quotas,
        keyring: services.keyring,
        ownerId: user.id,
        cardSlug: slug.data,
      });
      return redirect(`/afwegen/${record.id}/stap/1`, { status: 303 });
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        quota: { quotas, kind: "deliberation", kept: false },
        headers: PRIVATE_HEADERS,
      });
    }
  });
}

// After a refused post the page carries a message for this person: it must not be kept.
export const headers: Route.HeadersFunction = ({ loaderHeaders, actionHeaders }) =>
  actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders;

export default function Dilemma({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { card } = loaderData;
  return (
    <article className="vm-dilemma">
      <title>{`${card.title} – ${t("dilemmas.title")} – Vakmanschap`}</title>
      <BreadcrumbNav label={t("guide.breadcrumb")} links={[{ to: "/dilemmas", label: t("dilemmas.back") }]} />
      <Heading level={1} lang="nl">
        {card.title}
      </Heading>
      <CardDetail card={card} level={2} linkPrinciples />
      <section aria-labelledby="gebruik" className="vm-card-use">
        <Heading level={2} id="gebruik">
          {t("waysIn.card.title")}
        </Heading>
        <div className="vm-card-use__way">
          <Heading level={3}>{t("waysIn.card.teamTitle")}</Heading>
          <Paragraph>{t("waysIn.card.teamText")}</Paragraph>
          <Paragraph>
            <Link to={`/gesprekken/nieuw?${CARD_QUERY}=${encodeURIComponent(card.slug)}`}>
              {t("waysIn.card.teamLink")}
            </Link>
          </Paragraph>
        </div>
        <div className="vm-card-use__way">
          <Heading level={3}>{t("waysIn.card.selfTitle")}</Heading>
          <Paragraph>{t("waysIn.card.selfText")}</Paragraph>
          {actionData?.problem ? (
            <Alert type="error">
              <Paragraph>{actionData.problem}</Paragraph>
            </Alert>
          ) : null}
          <Form method="post">
            <Button appearance="secondary-action">{t("waysIn.card.selfButton")}</Button>
          </Form>
        </div>
      </section>
    </article>
  );
}
