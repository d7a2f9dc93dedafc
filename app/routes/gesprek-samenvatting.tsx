// What a conversation came to, for its facilitator: per question the distribution of each round and how it
// moved, the open answers that were let through, and the guide's principles it touched; downloads as
// Markdown and CSV. Only aggregates: nothing here points to a participant.
import { data } from "react-router";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { PrincipleLinks, ResultTable, ShiftTable } from "~/modules/conversations/conversation-live.tsx";
import { getConversationSummary } from "~/modules/conversations/conversation-views.server.ts";
import { getOwnConversation } from "~/modules/conversations/conversations.server.ts";
import { shiftOf } from "~/modules/conversations/summary-files.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/gesprek-samenvatting";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas", "conversations", "deliberation"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { user } = await requirePermission({ request, services, permission: "conversations:run-own" });
    const { conversation } = await getOwnConversation({ db, id: params.id, ownerId: user.id });
    const [summary, titles] = await Promise.all([
      getConversationSummary({ db, id: conversation.id }),
      principleTitles({ db }),
    ]);
    return data(
      {
        id: conversation.id,
        summary,
        principles: summary.principles.map((slug) => ({ slug, title: titles.get(slug) ?? slug })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ConversationSummary({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { summary } = loaderData;
  const base = `/gesprekken/${loaderData.id}`;
  return (
    <>
      <title>{`${t("conversations.summary.title", { title: summary.title })} – Vakmanschap`}</title>
      <Paragraph>
        <Link to={`${base}/leiden`}>{t("conversations.summary.back")}</Link>
      </Paragraph>
      <Heading level={1}>
        <span className="vm-heading-pre">{t("conversations.summary.heading")}: </span>
        {summary.title}
      </Heading>
      <Paragraph>
        {summary.endedAt
          ? t("conversations.summary.ended", {
              date: formatDate({ iso: summary.endedAt, language, format: "dateTime" }),
            })
          : t("conversations.summary.notEnded")}
        . {t("conversations.participants", { count: summary.participants })}.
      </Paragraph>
      <Paragraph>{t("conversations.summary.privacy")}</Paragraph>
      {summary.questions.some((question) => shiftOf(question)) ? (
        <Paragraph>{t("conversations.summary.secondRound")}</Paragraph>
      ) : null}

      <Heading level={2}>{t("conversations.summary.downloads")}</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <Link to={`${base}/samenvatting/download?formaat=markdown`} download>
            {t("conversations.summary.markdown")}
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link to={`${base}/samenvatting/download?formaat=csv`} download>
            {t("conversations.summary.csv")}
          </Link>
        </UnorderedListItem>
      </UnorderedList>

      <PrincipleLinks
        heading={t("conversations.summary.principles")}
        level={2}
        principles={loaderData.principles}
      />

      {summary.questions.map((question) => {
        const number = question.position + 1;
        const shift = shiftOf(question);
        return (
          <section
            key={question.id}
            aria-labelledby={`vraag-${question.position}`}
            className="vm-summary-question"
          >
            <Heading level={2} id={`vraag-${question.position}`}>
              {t("conversations.question", { number })}
            </Heading>
            <Paragraph lead className="vm-preserve-lines">
              {question.text}
            </Paragraph>
            <Paragraph>
              {t(`conversations.kinds.${question.kind}`)} ·{" "}
              {t("conversations.answered", { count: question.answered })}
            </Paragraph>
            {question.kind === "open" ? (
              question.approved.length > 0 ? (
                <>
                  <Heading level={3}>{t("conversations.summary.approved")}</Heading>
                  <UnorderedList className="vm-open-answers">
                    {question.approved.map((answer, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: answers carry no id and keep their order
                      <UnorderedListItem key={index} className="vm-preserve-lines">
                        {answer}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                </>
              ) : (
                <Paragraph>{t("conversations.summary.noneApproved")}</Paragraph>
              )
            ) : shift && question.round1 && question.round2 ? (
              <ShiftTable
                t={t}
                question={question}
                shift={shift}
                round1={question.round1}
                round2={question.round2}
                caption={t("conversations.results.captionShift", { number })}
              />
            ) : question.round1 ? (
              <>
                <ResultTable
                  t={t}
                  question={question}
                  tally={question.round1}
                  caption={t("conversations.results.caption", { number })}
                />
                {question.round >= 2 ? (
                  <Paragraph>{t("conversations.summary.round2TooFew")}</Paragraph>
                ) : null}
              </>
            ) : (
              <Paragraph>{t("conversations.summary.tooFew")}</Paragraph>
            )}
          </section>
        );
      })}
    </>
  );
}
