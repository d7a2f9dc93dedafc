// The audit log for operators: who did what, when, on what.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { listAudit } from "~/modules/accounts/audit.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { ScrollRegion } from "~/ui/scroll-region.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import type { Route } from "./+types/beheer-audit";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["admin"] };

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
          <Table container={false}>
            <TableCaption>{t("admin.auditTitle")}</TableCaption>
            <TableHeader>
              <TableRow>
                {["when", "who", "what", "onWhat", "details"].map((column) => (
                  <TableHeaderCell key={column} scope="col">
                    {t(`admin.${column}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaderData.entries.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{formatDate({ iso: entry.at, language, format: "dateTimeSeconds" })}</TableCell>
                  <TableCell>{entry.who}</TableCell>
                  <TableCell>{entry.action}</TableCell>
                  <TableCell>{entry.target}</TableCell>
                  <TableCell>
                    <code>{entry.details}</code>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}
