// The consultations people can take part in now, and the past ones with their outcome.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { type ConsultationSummary, listConsultations } from "~/modules/consultation/consultations.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import type { Route } from "./+types/peilingen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["consultation.list"] };

export async function loader({ context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const all = await listConsultations(context.services.database.db);
    return data(
      {
        // A consultation yet to open is not listed: its page says when it starts.
        running: all.filter((consultation) => consultation.phase === "running"),
        past: all.filter((consultation) => consultation.phase === "past"),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Consultations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("consultation.list.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("consultation.list.title")}</Heading>
      <Paragraph lead>{t("consultation.list.intro")}</Paragraph>
      <section aria-labelledby="lopend">
        <Heading level={2} id="lopend">
          {t("consultation.list.open")}
        </Heading>
        <ConsultationLinks consultations={loaderData.running} to="" none={t("consultation.list.none")} />
      </section>
      <section aria-labelledby="afgelopen">
        <Heading level={2} id="afgelopen">
          {t("consultation.list.closed")}
        </Heading>
        <ConsultationLinks
          consultations={loaderData.past}
          to="/resultaten"
          none={t("consultation.list.noneClosed")}
        />
      </section>
    </>
  );
}

function ConsultationLinks(props: { consultations: ConsultationSummary[]; to: string; none: string }) {
  const t = useT();
  const language = useLanguage();
  if (props.consultations.length === 0) return <Paragraph>{props.none}</Paragraph>;
  const day = (iso: string) => formatDate({ iso, language, format: "date" });
  return (
    <LinkList>
      {props.consultations.map((consultation) => (
        <LinkListItem key={consultation.slug}>
          <Link to={`/peilingen/${consultation.slug}${props.to}`} lang={consultation.lang}>
            {consultation.question}
          </Link>{" "}
          <span>
            (
            {t("consultation.list.period", {
              opens: day(consultation.opensAt),
              // The last day it is open: the moment it closes is midnight after it.
              closes: day(new Date(Date.parse(consultation.closesAt) - 1).toISOString()),
            })}
            )
          </span>
        </LinkListItem>
      ))}
    </LinkList>
  );
}
