// The editors' kris-kras rounds: where each stands, its sign-up period, slots and sign-ups.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { roundPhase } from "~/modules/kriskras/round-phase.ts";
import { listRounds } from "~/modules/kriskras/rounds.server.ts";
import { StatusBadge } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-kriskras";

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
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        <li className="utrecht-link-list__item">
          <Link to="/beheer/kriskras/nieuw">{t("kriskras.beheer.newLink")}</Link>
        </li>
        <li className="utrecht-link-list__item">
          <Link to="/beheer/kriskras/organisaties">{t("kriskras.beheer.listsLink")}</Link>
        </li>
      </ul>
      {loaderData.rounds.length === 0 ? (
        <Paragraph>{t("kriskras.beheer.none")}</Paragraph>
      ) : (
        <div className="utrecht-table-container vm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">{t("kriskras.beheer.caption")}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("kriskras.beheer.columns.round")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("kriskras.beheer.columns.phase")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("kriskras.beheer.columns.period")}
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  {t("kriskras.beheer.columns.slots")}
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  {t("kriskras.beheer.columns.signups")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaderData.rounds.map((round) => (
                <tr key={round.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link to={`/beheer/kriskras/${round.id}`}>{round.title}</Link>
                  </th>
                  <td className="utrecht-table__cell">
                    <StatusBadge>{t(`kriskras.beheer.phases.${round.phase}`)}</StatusBadge>
                  </td>
                  <td className="utrecht-table__cell">
                    {t("kriskras.beheer.period", { from: when(round.opensAt), to: when(round.closesAt) })}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{round.slots}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{round.signups}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
