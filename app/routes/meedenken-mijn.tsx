// My contributions with their status, the notices about them (a new status, a reply), and the choice
// whether to get those by e-mail too.
import { data, Form } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ContributionCard, StatusLabel, useDate } from "~/modules/cocreation/contribution-view.tsx";
import { listOwnContributions } from "~/modules/cocreation/contributions.server.ts";
import {
  listNotices,
  markNoticesRead,
  setEmailNotifications,
  wantsEmail,
} from "~/modules/cocreation/notifications.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/meedenken-mijn";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["compare", "cocreation"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "cocreation:contribute",
    });
    const { db } = context.services.database;
    const [items, notices, email] = await Promise.all([
      listOwnContributions({ db, userId: user.id }),
      listNotices({ db, userId: user.id }),
      wantsEmail({ db, userId: user.id }),
    ]);
    return data(
      {
        items,
        notices: notices.map((notice) => ({ ...notice, createdAt: notice.createdAt.toISOString() })),
        email,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "cocreation:contribute",
    });
    const { db } = context.services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");
    if (intent === "email") {
      await setEmailNotifications({ db, userId: user.id, on: form.get("email") === "aan" });
      return data({ done: "email" as const });
    }
    if (intent === "gelezen") {
      await markNoticesRead({ db, userId: user.id });
      return data({ done: "gelezen" as const });
    }
    return data({ done: null }, { status: 400 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function MyContributions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const date = useDate();
  const unread = loaderData.notices.filter((notice) => notice.unread);
  return (
    <>
      <title>{`${t("cocreation.mine.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/meedenken">{t("cocreation.list.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("cocreation.mine.title")}</Heading>
      <Paragraph>{t("cocreation.mine.intro")}</Paragraph>
      {actionData?.done === "email" ? (
        <Alert type="ok">
          <Paragraph>{t("cocreation.mine.saved")}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="berichten">
        <Heading level={2} id="berichten">
          {t("cocreation.mine.notices")}
        </Heading>
        {loaderData.notices.length === 0 ? <Paragraph>{t("cocreation.mine.noNotices")}</Paragraph> : null}
        <UnorderedList>
          {loaderData.notices.map((notice) => (
            <UnorderedListItem key={notice.id}>
              {notice.unread ? <strong>{t("cocreation.mine.new")}: </strong> : null}
              {date(notice.createdAt)}:{" "}
              <Link to={`/meedenken/${notice.contributionId}`}>
                {notice.kind === "reactie"
                  ? t("cocreation.mine.noticeReply")
                  : t("cocreation.mine.noticeStatus")}
              </Link>
              {notice.kind === "status" ? (
                <>
                  {" "}
                  <StatusLabel status={notice.status} adoptedInVersion={notice.adoptedInVersion} />
                </>
              ) : null}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        {unread.length > 0 ? (
          <Form method="post" className="vm-inline-form">
            <Button name="intent" value="gelezen" appearance="secondary-action">
              {t("cocreation.mine.markRead")}
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="email-keuze">
        <Heading level={2} id="email-keuze">
          {t("cocreation.mine.email")}
        </Heading>
        <Form method="post" className="vm-form">
          <input type="hidden" name="intent" value="email" />
          <CheckboxField
            id="email"
            name="email"
            value="aan"
            defaultChecked={loaderData.email}
            label={t("cocreation.mine.emailLabel")}
          />
          <Button appearance="secondary-action">{t("cocreation.mine.save")}</Button>
        </Form>
      </section>

      <section aria-labelledby="bijdragen">
        <Heading level={2} id="bijdragen">
          {t("cocreation.mine.contributions")}
        </Heading>
        {loaderData.items.length === 0 ? (
          <Paragraph>
            {t("cocreation.mine.none")} <Link to="/gids">{t("cocreation.mine.start")}</Link>
          </Paragraph>
        ) : null}
        {loaderData.items.map((item) => (
          <ContributionCard key={item.id} item={item} href={`/meedenken/${item.id}`} headingLevel={3} />
        ))}
      </section>
    </>
  );
}
