// Kris-kras-gesprekken for a civil servant: what they are, and the rounds open for sign-up, each with
// its time slots and either a way to sign up or the person's own answers with change and cancel.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listPublishedGroups } from "~/modules/kriskras/my-group.server.ts";
import { listOpenRounds } from "~/modules/kriskras/signups.server.ts";
import { slotLine } from "~/modules/kriskras/slot-times.ts";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/kriskras";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["kriskras.aanmelden", "kriskras.mijn"] };

const NOTICES = ["aangemeld", "veranderd", "afgemeld"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "kriskras:signup",
    });
    const { db } = context.services.database;
    const [rounds, groups] = await Promise.all([
      listOpenRounds({ db, userId: user.id }),
      listPublishedGroups({ db, userId: user.id }),
    ]);
    const query = new URL(request.url).searchParams;
    return data(
      {
        notice: NOTICES.find((notice) => query.get(notice) === "1") ?? null,
        groups,
        rounds: rounds.map((round) => ({
          id: round.id,
          title: round.title,
          description: round.description,
          signupClosesAt: round.signupClosesAt.toISOString(),
          slots: round.slots,
          signup: round.signup,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Kriskras({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <title>{`${t("kriskras.mijn.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("kriskras.mijn.title")}</Heading>
      {loaderData.notice ? (
        <Alert type="ok">
          <Paragraph>{t(`kriskras.mijn.notices.${loaderData.notice}`)}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph lead>{t("kriskras.mijn.intro")}</Paragraph>
      <Paragraph>{t("kriskras.mijn.how")}</Paragraph>
      {loaderData.groups.length > 0 ? (
        <section aria-labelledby="mijn-groepen">
          <Heading level={2} id="mijn-groepen">
            {t("kriskras.mijn.groupsTitle")}
          </Heading>
          <LinkList>
            {loaderData.groups.map((group) => (
              <LinkListItem key={group.roundId}>
                <Link
                  to={`/kriskras/${group.roundId}/mijn-groep`}
                  aria-label={t("kriskras.mijn.myGroupLabel", { title: group.title })}
                >
                  {t("kriskras.mijn.myGroup")}
                </Link>{" "}
                <span lang="nl">({group.title})</span>
              </LinkListItem>
            ))}
          </LinkList>
        </section>
      ) : null}
      <Heading level={2}>{t("kriskras.mijn.roundsTitle")}</Heading>
      {loaderData.rounds.length === 0 ? <Paragraph>{t("kriskras.mijn.none")}</Paragraph> : null}
      {loaderData.rounds.map((round) => {
        const headingId = `ronde-${round.id}`;
        return (
          <section key={round.id} aria-labelledby={headingId} className="vm-related">
            <Heading level={3} id={headingId} lang="nl">
              {round.title}
            </Heading>
            {round.description ? <Paragraph lang="nl">{round.description}</Paragraph> : null}
            <Paragraph>
              {t("kriskras.mijn.closes", {
                date: formatDate({ iso: round.signupClosesAt, language, format: "dateTime" }),
              })}
            </Paragraph>
            {round.signup ? (
              <Paragraph>
                <StatusBadge>{t("kriskras.mijn.signedUp")}</StatusBadge>
              </Paragraph>
            ) : null}
            <Paragraph>{t(round.signup ? "kriskras.mijn.yourSlots" : "kriskras.mijn.slots")}</Paragraph>
            <UnorderedList>
              {round.slots.map((slot) => {
                const answer = round.signup?.availability[slot.id];
                return (
                  <UnorderedListItem key={slot.id}>
                    {slotLine(slot, language)}
                    {answer ? ` — ${t(`kriskras.aanmelden.answers.${answer}`)}` : null}
                  </UnorderedListItem>
                );
              })}
            </UnorderedList>
            {round.signup ? (
              <LinkList>
                <LinkListItem>
                  <Link
                    to={`/kriskras/${round.id}/aanmelden`}
                    aria-label={t("kriskras.mijn.changeLabel", { title: round.title })}
                  >
                    {t("kriskras.mijn.change")}
                  </Link>
                </LinkListItem>
                <LinkListItem>
                  <Link
                    to={`/kriskras/${round.id}/aanmelden?afmelden=1`}
                    aria-label={t("kriskras.mijn.cancelLabel", { title: round.title })}
                  >
                    {t("kriskras.mijn.cancel")}
                  </Link>
                </LinkListItem>
              </LinkList>
            ) : (
              <Paragraph>
                <Link
                  to={`/kriskras/${round.id}/aanmelden`}
                  aria-label={t("kriskras.mijn.signUpLabel", { title: round.title })}
                >
                  {t("kriskras.mijn.signUp")}
                </Link>
              </Paragraph>
            )}
          </section>
        );
      })}
      <Paragraph>
        <Link to="/privacy">{t("kriskras.mijn.privacy")}</Link>
      </Paragraph>
    </>
  );
}
