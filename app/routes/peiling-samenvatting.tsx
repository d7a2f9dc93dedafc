// A consultation's outcome on paper: the question, how many took part, the groups with the map and what
// sets them apart, what nearly everyone shares and where people are unsure. Every statement's shares
// stay on the outcome page and in the CSV files. No scripts: the browser prints it as it is.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { consultationReport } from "~/modules/consultation/report.server.ts";
import { AnalysedAt, Consensus, Groups, Uncertain, usePercent } from "~/modules/consultation/report-view.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/peiling-samenvatting";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["consultation.results"] };

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const report = await consultationReport(context.services.database.db, params.slug);
    return data(report, { headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ConsultationSummary({ loaderData: report }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const percent = usePercent();
  const day = (iso: string) => formatDate({ iso, language, format: "date" });
  return (
    <>
      <title>{`${report.question} – ${t("consultation.results.printTitle")} – Vakmanschap`}</title>
      <Heading level={1}>
        {t("consultation.results.printTitle")}: <span lang={report.lang}>{report.question}</span>
      </Heading>
      <div className="vm-print-intro">
        <PrintButton label={t("consultation.results.print")} />
        <Paragraph>
          <Link to={`/peilingen/${report.slug}/resultaten`}>{t("consultation.results.toOutcome")}</Link>
        </Paragraph>
      </div>
      <Paragraph>
        {t("consultation.results.period", {
          opens: day(report.opensAt),
          closes: day(new Date(Date.parse(report.closesAt) - 1).toISOString()),
        })}{" "}
        {t("consultation.results.summary", {
          participants: report.counts.participants,
          votes: report.counts.votes,
          statements: report.counts.statements,
        })}
      </Paragraph>
      {report.state === "open" ? <Paragraph>{t("consultation.results.running")}</Paragraph> : null}
      {report.source ? (
        <Paragraph>{t("consultation.results.source", { source: report.source })}</Paragraph>
      ) : null}
      <AnalysedAt report={report} />
      {report.groups.length > 0 ? <Groups report={report} percent={percent} /> : null}
      <Consensus report={report} percent={percent} />
      <Uncertain report={report} percent={percent} />
      <Paragraph>{t("consultation.results.printRest")}</Paragraph>
    </>
  );
}
