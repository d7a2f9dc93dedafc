// The editors' kris-kras rounds: where each stands, its sign-up period, slots and sign-ups.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { roundPhase } from "~/modules/kriskras/round-phase.ts";
import { listRounds } from "~/modules/kriskras/rounds.server.ts";
import { StatusBadge } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import type { Route } from "./+types/beheer-kriskras";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["kriskras.beheer"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "kriskras:organise" });
    const rounds = await listRounds({ db: context.services.database.db });
    const now = new Date();
    return data(
      {
        rounds: rounds.map((round) => ({
          id: round.id,
          title: round.title,
          phase: roundPhase(round, now),
          opensAt: round.signupOpensAt.toISOString(),
          closesAt: round.signupClosesAt.toISOString(),
          slots: round.slots,
          signups: round.signups,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function KriskrasRounds({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const when = (iso: string) => formatDate({ iso, language, format: "dateTime" });
  return (
    <>
      <title>{`${t("kriskras.beheer.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("kriskras.beheer.title")}</Heading>
      <Paragraph lead>{t("kriskras.beheer.intro")}</Paragraph>
      <LinkList>
        <LinkListItem>
          <Link to="/beheer/kriskras/nieuw">{t("kriskras.beheer.newLink")}</Link>
        </LinkListItem>
        <LinkListItem>
          <Link to="/beheer/kriskras/organisaties">{t("kriskras.beheer.listsLink")}</Link>
        </LinkListItem>
      </LinkList>
      {loaderData.rounds.length === 0 ? (
        <Paragraph>{t("kriskras.beheer.none")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("kriskras.beheer.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("kriskras.beheer.columns.round")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("kriskras.beheer.columns.phase")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("kriskras.beheer.columns.period")}</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("kriskras.beheer.columns.slots")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("kriskras.beheer.columns.signups")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaderData.rounds.map((round) => (
              <TableRow key={round.id}>
                <TableHeaderCell scope="row">
                  <Link to={`/beheer/kriskras/${round.id}`}>{round.title}</Link>
                </TableHeaderCell>
                <TableCell>
                  <StatusBadge>{t(`kriskras.beheer.phases.${round.phase}`)}</StatusBadge>
                </TableCell>
                <TableCell>
                  {t("kriskras.beheer.period", { from: when(round.opensAt), to: when(round.closesAt) })}
                </TableCell>
                <TableCell numeric>{round.slots}</TableCell>
                <TableCell numeric>{round.signups}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
