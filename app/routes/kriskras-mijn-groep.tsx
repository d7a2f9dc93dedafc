// A person's own kris-kras group once the round is published: when and where, the first names and
// organisations of the others (nothing more), who hosts, the conversation's programme, the calendar
// file again; and for the host one button that starts the live session.
import { data, Form, redirect } from "react-router";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getMyGroup, startGroupConversation } from "~/modules/kriskras/my-group.server.ts";
import { slotLine } from "~/modules/kriskras/slot-times.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { OrderedList, OrderedListItem, UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/kriskras-mijn-groep";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["kriskras.mijn", "kriskras.mijnGroep"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const mine = await getMyGroup({ db: services.database.db, roundId: params.id, userId: user.id });
    const { invitation } = mine;
    let start = 0;
    return data(
      {
        round: { id: mine.round.id, title: mine.round.title },
        times: mine.times,
        place: invitation.slot.place,
        onlineUrl: invitation.slot.onlineUrl,
        others: invitation.others,
        host: invitation.host,
        upToDate: mine.upToDate,
        // After the conversation began, the evaluation is open (evaluations.server.ts decides again).
        evaluate: invitation.slot.startsAt.getTime() <= Date.now(),
        minutes: mine.template.minutes,
        programme: mine.template.rounds.map((round) => {
          const from = start;
          start += round.minutes;
          // The guidance is for whoever leads the conversation; the others see the rounds and times.
          return {
            title: round.title,
            from,
            minutes: round.minutes,
            guidance: invitation.host.isYou ? round.guidance : "",
          };
        }),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const { quotas } = services.config;
    try {
      const id = await startGroupConversation({
        db: services.database.db,
        quotas,
        roundId: params.id,
        userId: user.id,
        maxParticipants: services.config.conversations.maxParticipants,
        defaultMinAnswers: services.config.conversations.minAnswers,
      });
      return redirect(`/gesprekken/${id}/leiden`, { status: 303 });
    } catch (error) {
      return answerRefusedForm(error, { request, quota: { quotas, kind: "conversation", kept: false } });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

export default function MyGroup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { round, host } = loaderData;
  return (
    <>
      <title>{`${t("kriskras.mijnGroep.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/kriskras">{t("kriskras.mijnGroep.back")}</Link>
      </Paragraph>
      <Heading level={1}>
        <span className="vm-heading-pre">{t("kriskras.mijnGroep.title")}: </span>
        <span lang="nl">{round.title}</span>
      </Heading>
      {loaderData.upToDate ? null : <Alert type="warning">{t("kriskras.mijnGroep.changing")}</Alert>}
      {actionData?.problem ? (
        <Alert type="error">
          <Paragraph>{actionData.problem}</Paragraph>
        </Alert>
      ) : null}

      <Heading level={2}>{t("kriskras.mijnGroep.whenTitle")}</Heading>
      <dl className="vm-facts">
        <dt>{t("kriskras.mijnGroep.when")}</dt>
        <dd>{slotLine({ ...loaderData.times, place: "", onlineUrl: "" }, language)}</dd>
        {loaderData.place ? (
          <>
            <dt>{t("kriskras.mijnGroep.where")}</dt>
            <dd lang="nl">{loaderData.place}</dd>
          </>
        ) : null}
        {loaderData.onlineUrl ? (
          <>
            <dt>{t("kriskras.mijnGroep.online")}</dt>
            <dd>
              <Link to={loaderData.onlineUrl} external>
                {loaderData.onlineUrl}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <Paragraph>
        <Link to={`/kriskras/${round.id}/mijn-groep/agenda.ics`} download>
          {t("kriskras.mijnGroep.calendar")}
        </Link>
      </Paragraph>

      {loaderData.evaluate ? (
        <Alert type="info">
          <Link to={`/kriskras/${round.id}/evaluatie`}>{t("kriskras.mijnGroep.evaluate")}</Link>
        </Alert>
      ) : null}

      <Heading level={2}>{t("kriskras.mijnGroep.groupTitle")}</Heading>
      <Paragraph>{t("kriskras.mijnGroep.groupText", { count: loaderData.others.length })}</Paragraph>
      <UnorderedList>
        {loaderData.others.map((member, index) => (
          // Two people may share a first name and an organisation; their place in the list tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for this render
          <UnorderedListItem key={index} lang="nl">
            {t("kriskras.mijnGroep.member", member)}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {host.isYou ? (
        <section aria-labelledby="gastheer">
          <Heading level={2} id="gastheer">
            {t("kriskras.mijnGroep.hostTitle")}
          </Heading>
          <Paragraph>{t("kriskras.mijnGroep.youHost")}</Paragraph>
          <Form method="post">
            <Button name="intent" value="start">
              {t("kriskras.mijnGroep.start")}
            </Button>
          </Form>
        </section>
      ) : (
        <Paragraph>{t("kriskras.mijnGroep.host", host)}</Paragraph>
      )}

      <Heading level={2}>{t("kriskras.mijnGroep.programmeTitle")}</Heading>
      <Paragraph>{t("kriskras.mijnGroep.programmeText", { minutes: loaderData.minutes })}</Paragraph>
      <OrderedList>
        {loaderData.programme.map((part) => (
          <OrderedListItem key={part.title}>
            <strong lang="nl">{part.title}</strong>{" "}
            {t("kriskras.mijnGroep.time", {
              from: clock(part.from),
              to: clock(part.from + part.minutes),
              minutes: part.minutes,
            })}
            {part.guidance ? <Paragraph lang="nl">{part.guidance}</Paragraph> : null}
          </OrderedListItem>
        ))}
      </OrderedList>
      <Paragraph>
        <Link to="/privacy">{t("kriskras.mijn.privacy")}</Link>
      </Paragraph>
    </>
  );
}
