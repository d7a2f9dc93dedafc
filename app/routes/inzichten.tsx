// The programme's insights: what people read, discuss, propose and take part in, for a period of whole
// months, every figure about at least the minimum group (decision 026). For editors and administrators.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { INSIGHT_SECTIONS, INSIGHT_TABLES, type InsightTableId } from "~/modules/insights/insight-tables.ts";
import { insightYears, readInsights } from "~/modules/insights/insights.server.ts";
import { InsightTableView } from "~/modules/insights/insights-view.tsx";
import { addMonths, defaultPeriod, periodSchema } from "~/modules/insights/periods.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Fieldset, FormField, Select } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/inzichten";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["insights"] };

/** How far back the period's choices go. */
const MONTHS_BACK = 36;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    await requirePermission({ request, services, permission: "insights:read" });
    const now = new Date();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = periodSchema(now).safeParse(query);
    // A period that is not one is said, and the last twelve months are shown instead.
    const period = parsed.success ? parsed.data : defaultPeriod(now);
    const language = languageOf(request);
    const said = parsed.success ? undefined : parsed.error.issues[0]?.message;
    const problem = said ? translatorFor(language)(said) : null;
    const insights = await readInsights({
      db: services.database.db,
      period,
      minGroup: services.config.insights.minGroup,
      language,
    });
    const years = await insightYears({ db: services.database.db, now });
    const lastMonth = defaultPeriod(now).to;
    const months = Array.from({ length: MONTHS_BACK }, (_, index) => addMonths(lastMonth, -index));
    return data(
      { ...insights, problem, months, years, apiAddress: `${services.config.publicUrl}/api/v1/inzichten` },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Insights({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { period, minGroup } = loaderData;
  const monthLabel = (month: string) =>
    formatDate({ iso: `${month}-15T12:00:00Z`, language, format: "month" });
  const options = loaderData.months.map((month) => ({ value: month, label: monthLabel(month) }));
  const query = new URLSearchParams({ van: period.from, tot: period.to }).toString();
  const tablesOf = (section: string) =>
    loaderData.tables.filter((table) => INSIGHT_TABLES[table.id as InsightTableId].section === section);
  return (
    <>
      <title>{`${t("insights.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("insights.title")}</Heading>
      <Paragraph lead>{t("insights.intro")}</Paragraph>
      <Paragraph>{t("insights.privacy", { min: minGroup })}</Paragraph>
      {loaderData.problem ? <Alert type="error">{loaderData.problem}</Alert> : null}
      <form method="get" action="/inzichten" className="vm-insights-period">
        <Fieldset legend={t("insights.periodLegend")}>
          <FormField id="van" label={t("insights.from")}>
            {(describedBy) => (
              <Select
                id="van"
                name="van"
                defaultValue={period.from}
                options={options}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <FormField id="tot" label={t("insights.to")}>
            {(describedBy) => (
              <Select
                id="tot"
                name="tot"
                defaultValue={period.to}
                options={options}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <Button type="submit">{t("insights.show")}</Button>
        </Fieldset>
      </form>
      <Paragraph>{t("insights.periodNote", { min: minGroup })}</Paragraph>
      <Paragraph>
        {loaderData.computedAt
          ? t("insights.computedAt", {
              when: formatDate({ iso: loaderData.computedAt, language, format: "dateTime" }),
            })
          : t("insights.notComputed")}
      </Paragraph>
      <PrintButton label={t("insights.print")} />
      <nav aria-labelledby="inhoudsopgave" className="vm-insights-contents">
        <Heading level={2} id="inhoudsopgave">
          {t("insights.contents")}
        </Heading>
        <LinkList>
          {INSIGHT_SECTIONS.map((section) => (
            <LinkListItem key={section}>
              <Link to={`#${section}`} reloadDocument>
                {t(`insights.sections.${section}`)}
              </Link>
            </LinkListItem>
          ))}
        </LinkList>
      </nav>
      {INSIGHT_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={section} className="vm-insights-section">
          <Heading level={2} id={section}>
            {t(`insights.sections.${section}`)}
          </Heading>
          <Paragraph>{t(`insights.sectionIntros.${section}`, { min: minGroup })}</Paragraph>
          {tablesOf(section).map((table) => (
            <InsightTableView key={table.id} table={table} csvHref={`/inzichten/csv/${table.id}?${query}`} />
          ))}
          {section === "peilingen" ? <ConsultationLinks tables={tablesOf(section)} /> : null}
        </section>
      ))}
      {loaderData.years.length > 0 ? (
        <section aria-labelledby="jaren">
          <Heading level={2} id="jaren">
            {t("insights.year.years")}
          </Heading>
          <LinkList>
            {loaderData.years.map((year) => (
              <LinkListItem key={year}>
                <Link to={`/inzichten/jaar/${year}`}>{t("insights.year.yearLink", { year })}</Link>
              </LinkListItem>
            ))}
          </LinkList>
        </section>
      ) : null}
      <Paragraph>{t("insights.api", { address: loaderData.apiAddress })}</Paragraph>
    </>
  );
}

/** Each closed consultation's own outcome, where its groups and consensus statements are. */
function ConsultationLinks(props: { tables: { rows: Record<string, string | number | null>[] }[] }) {
  const t = useT();
  const rows = props.tables.flatMap((table) => table.rows);
  if (rows.length === 0) return null;
  return (
    <LinkList>
      {rows.map((row) => (
        <LinkListItem key={String(row.consultation)}>
          <Link to={`/peilingen/${row.consultation}/resultaten`}>
            {t("insights.seeOutcome", { title: String(row.title) })}
          </Link>
        </LinkListItem>
      ))}
    </LinkList>
  );
}
