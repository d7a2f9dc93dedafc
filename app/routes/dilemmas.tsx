// The dilemma library: every published card, filtered by principle, kind of work and theme (a plain
// GET form, so it works without JavaScript), with a link to print the chosen cards.
import { data, Form } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { CardSummary } from "~/modules/dilemmas/dilemma-card.tsx";
import { THEMES, WORK_KINDS } from "~/modules/dilemmas/dilemma-tags.ts";
import { listPublishedCards, principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { CardFilter } from "~/modules/dilemmas/dilemmas.validation.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, Select } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/dilemmas";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const query = new URL(request.url).searchParams;
    const filter = CardFilter.parse(Object.fromEntries(query));
    const [cards, titles] = await Promise.all([listPublishedCards({ db, filter }), principleTitles({ db })]);
    const chosen = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) chosen.set(key, value);
    return data(
      {
        filter,
        printHref: `/dilemmas/afdrukken${chosen.size > 0 ? `?${chosen}` : ""}`,
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
        // Only what the list shows of each card; the card's page loads the rest.
        cards: cards.map(({ slug, title, case: situation, workKinds, themes }) => ({
          slug,
          title,
          case: situation,
          workKinds,
          themes,
        })),
      },
      { headers: cacheableHeaders("dilemmas") },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Dilemmas({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filter, cards } = loaderData;
  const filtered = Boolean(filter.principe || filter.werk || filter.thema);
  const filterField = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <FormField id={name} label={label}>
      {(describedBy) => (
        <Select
          id={name}
          name={name}
          defaultValue={value ?? ""}
          describedBy={describedBy}
          options={[{ value: "", label: t("dilemmas.all") }, ...options]}
        />
      )}
    </FormField>
  );
  return (
    <>
      <title>{`${t("dilemmas.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("dilemmas.title")}</Heading>
      <Paragraph lead>{t("dilemmas.intro")}</Paragraph>
      <section aria-labelledby="kiezen" className="vm-filter">
        <Heading level={2} id="kiezen">
          {t("dilemmas.filterTitle")}
        </Heading>
        <Form method="get" className="vm-filter__form">
          {filterField(
            "principe",
            t("dilemmas.principle"),
            filter.principe,
            loaderData.principles.map((p) => ({ value: p.slug, label: p.title, lang: "nl" })),
          )}
          {filterField(
            "werk",
            t("dilemmas.workKind"),
            filter.werk,
            WORK_KINDS.map((kind) => ({ value: kind, label: t(`dilemmas.workKinds.${kind}`) })),
          )}
          {filterField(
            "thema",
            t("dilemmas.theme"),
            filter.thema,
            THEMES.map((theme) => ({ value: theme, label: t(`dilemmas.themes.${theme}`) })),
          )}
          <Button>{t("dilemmas.filter")}</Button>
        </Form>
      </section>
      <section aria-labelledby="gevonden">
        <Heading level={2} id="gevonden">
          <span role="status">{t("dilemmas.count", { count: cards.length })}</span>
        </Heading>
        <Paragraph className="vm-filter__links">
          {filtered ? <Link to="/dilemmas">{t("dilemmas.clearFilters")}</Link> : null}
          {cards.length > 0 ? <Link to={loaderData.printHref}>{t("dilemmas.print")}</Link> : null}
        </Paragraph>
        {cards.length === 0 ? <Paragraph>{t("dilemmas.none")}</Paragraph> : null}
        <div className="vm-card-list">
          {cards.map((card) => (
            <CardSummary key={card.slug} card={card} level={3} />
          ))}
        </div>
      </section>
    </>
  );
}
