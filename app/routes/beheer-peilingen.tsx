// The consultations for facilitators and editors: every one with its state, participants, votes and
// statements waiting for review, each linking to where it is managed.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listConsultationsForEditors } from "~/modules/consultation/running.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import type { Route } from "./+types/beheer-peilingen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["consultation.beheer", "consultation.states"] };

const DONE = ["verwijderd"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "consultations:run" });
    const done = new URL(request.url).searchParams.get("gedaan");
    return data(
      {
        consultations: await listConsultationsForEditors(context.services.database.db),
        done: DONE.find((said) => said === done) ?? null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ManageConsultations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("consultation.beheer.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("consultation.beheer.title")}</Heading>
      <Paragraph lead>{t("consultation.beheer.intro")}</Paragraph>
      <div role="status">
        {loaderData.done ? (
          <Alert type="ok">
            <Paragraph>{t(`consultation.beheer.done.${loaderData.done}`)}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph>
        <Link to="/beheer/peilingen/nieuw">{t("consultation.beheer.new")}</Link>
      </Paragraph>
      {loaderData.consultations.length === 0 ? (
        <Paragraph>{t("consultation.beheer.none")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("consultation.beheer.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("consultation.beheer.question")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("consultation.beheer.state")}</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("consultation.beheer.participants")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("consultation.beheer.votes")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("consultation.beheer.waiting")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaderData.consultations.map((consultation) => (
              <TableRow key={consultation.id}>
                <TableHeaderCell scope="row">
                  <Link to={`/beheer/peilingen/${consultation.slug}`} lang={consultation.lang}>
                    {consultation.question}
                  </Link>
                </TableHeaderCell>
                <TableCell>{t(`consultation.states.${consultation.state}`)}</TableCell>
                <TableCell numeric>{consultation.participants}</TableCell>
                <TableCell numeric>{consultation.votes}</TableCell>
                <TableCell numeric>{consultation.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
