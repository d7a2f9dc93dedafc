// The audit log for operators: who did what, when, on what.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { listAudit } from "~/modules/accounts/audit.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { ScrollRegion } from "~/ui/scroll-region.tsx";
import type { Route } from "./+types/beheer-audit";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "audit:read" });
    const entries = await listAudit({ db: context.services.database.db });
    return data(
      {
        entries: entries.map((entry) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          who: entry.actorEmail ?? "",
          action: entry.action,
          target: entry.target,
          details: JSON.stringify(entry.details),
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Audit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <title>{`${t("admin.auditTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("admin.auditTitle")}</Heading>
      <Paragraph>{t("admin.auditIntro")}</Paragraph>
      {loaderData.entries.length === 0 ? (
        <Paragraph>{t("admin.empty")}</Paragraph>
      ) : (
        <ScrollRegion label={t("admin.auditTitle")}>
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">{t("admin.auditTitle")}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {["when", "who", "what", "onWhat", "details"].map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {t(`admin.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.entries.map((entry) => (
                <tr key={entry.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    {formatDate({ iso: entry.at, language, format: "dateTimeSeconds" })}
                  </td>
                  <td className="utrecht-table__cell">{entry.who}</td>
                  <td className="utrecht-table__cell">{entry.action}</td>
                  <td className="utrecht-table__cell">{entry.target}</td>
                  <td className="utrecht-table__cell">
                    <code>{entry.details}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
