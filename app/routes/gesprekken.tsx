// A facilitator's own live conversations, newest first, with the way to lead, show and sum up each one,
// and the way to make a new one.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { listOwnConversations } from "~/modules/conversations/conversations.server.ts";
import { formatJoinCode } from "~/modules/conversations/join-code.ts";
import { StatusBadge } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/gesprekken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["conversations"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "conversations:lead",
    });
    const own = await listOwnConversations({ db: context.services.database.db, ownerId: user.id });
    return data(
      {
        conversations: own.map((conversation) => ({
          id: conversation.id,
          title: conversation.title,
          code: formatJoinCode(conversation.joinCode),
          status: conversation.status,
          questions: conversation.questions,
          createdAt: conversation.createdAt.toISOString(),
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Conversations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <title>{`${t("conversations.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("conversations.title")}</Heading>
      <Paragraph lead>{t("conversations.intro")}</Paragraph>
      <Paragraph>
        <Link to="/gesprekken/nieuw">{t("conversations.newLink")}</Link>
      </Paragraph>
      <Heading level={2}>{t("conversations.mine")}</Heading>
      {loaderData.conversations.length === 0 ? <Paragraph>{t("conversations.none")}</Paragraph> : null}
      <ul className="vm-plain-list">
        {loaderData.conversations.map((conversation) => {
          const base = `/gesprekken/${conversation.id}`;
          // The same three links on every item: the title makes each one's name unique.
          const about = <VisuallyHidden>: {conversation.title}</VisuallyHidden>;
          return (
            <li key={conversation.id} className="vm-card-summary">
              <Heading level={3}>{conversation.title}</Heading>
              <Paragraph>
                <StatusBadge>{t(`conversations.status.${conversation.status}`)}</StatusBadge>{" "}
                {t("conversations.codeIs", { code: conversation.code })} ·{" "}
                {t("conversations.questionCount", { count: conversation.questions })} ·{" "}
                {t("conversations.created", {
                  date: formatDate({ iso: conversation.createdAt, language, format: "dateTime" }),
                })}
              </Paragraph>
              <ul className="vm-inline-links">
                <li>
                  <Link to={`${base}/leiden`}>
                    {t("conversations.links.lead")}
                    {about}
                  </Link>
                </li>
                <li>
                  <Link to={`${base}/scherm`}>
                    {t("conversations.links.screen")}
                    {about}
                  </Link>
                </li>
                <li>
                  <Link to={`${base}/samenvatting`}>
                    {t("conversations.links.summary")}
                    {about}
                  </Link>
                </li>
              </ul>
            </li>
          );
        })}
      </ul>
    </>
  );
}
