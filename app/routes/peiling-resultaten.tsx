// A consultation's outcome: the opinion map with a table that says the same, the groups and what sets
// them apart, what nearly everyone shares, where people are unsure, and every statement's shares. What
// may be shown is decided in the module (report.server.ts): nothing of fewer than five people.
import { useRef } from "react";
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { useLiveRevalidation } from "~/infra/live-revalidation.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { consultationReport, type Report } from "~/modules/consultation/report.server.ts";
import {
  AllStatements,
  AnalysedAt,
  Consensus,
  Groups,
  Uncertain,
  usePercent,
} from "~/modules/consultation/report-view.tsx";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/peiling-resultaten";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
// It hydrates while the consultation runs, to follow it: a new outcome reloads the page's data by itself.
// A closed one's outcome does not change, and its page loads no scripts.
export const handle: PageHandle = {
  texts: ["consultation.results"],
  hydrate: (report) => (report as Pick<Report, "state"> | undefined)?.state === "open",
};

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const report = await consultationReport(context.services.database.db, params.slug);
    return data(report, { headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ConsultationOutcome({ loaderData: report }: Route.ComponentProps) {
  const t = useT();
  const percent = usePercent();
  const analysed = report.analysedAt ? Date.parse(report.analysedAt) : 0;
  useLiveRevalidation({
    url: `/api/v1/peilingen/${report.slug}/resultaten/stroom`,
    version: analysed,
    enabled: report.state === "open",
  });
  // What the page first showed: a later outcome is announced once, politely.
  const firstShown = useRef(analysed);
  return (
    <>
      <title>{`${report.question} – ${t("consultation.results.pageTitle")} – Vakmanschap`}</title>
      <Heading level={1}>
        {t("consultation.results.titleBefore")} <span lang={report.lang}>{report.question}</span>
      </Heading>
      <Paragraph>
        {t("consultation.results.summary", {
          participants: report.counts.participants,
          votes: report.counts.votes,
          statements: report.counts.statements,
        })}
      </Paragraph>
      {report.source ? (
        <Paragraph>{t("consultation.results.source", { source: report.source })}</Paragraph>
      ) : null}
      {report.state === "open" ? (
        <Alert type="info">
          <Paragraph>{t("consultation.results.running")}</Paragraph>
          <Paragraph>
            <Link to={`/peilingen/${report.slug}/resultaten`} reloadDocument>
              {t("consultation.results.reload")}
            </Link>{" "}
            · <Link to={`/peilingen/${report.slug}`}>{t("consultation.results.back")}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        <Link to={`/peilingen/${report.slug}/samenvatting`}>{t("consultation.results.printLink")}</Link>
      </Paragraph>
      <Paragraph role="status">
        {analysed > firstShown.current ? t("consultation.results.updated") : null}
      </Paragraph>
      <AnalysedAt report={report} />
      {report.groups.length > 0 ? <Groups report={report} percent={percent} /> : null}
      <Consensus report={report} percent={percent} />
      <Uncertain report={report} percent={percent} />
      <AllStatements report={report} percent={percent} />
    </>
  );
}
