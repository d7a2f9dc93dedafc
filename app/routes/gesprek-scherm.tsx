// The big screen of a conversation, for the projector: how to join (the code to read aloud, the QR code),
// the current question in large type with its principles, and only what the facilitator revealed, as
// bars with the numbers written beside them. With JavaScript it follows the live stream; without it,
// a link reloads it.
import { data } from "react-router";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import { useLiveRevalidation } from "~/infra/live-revalidation.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Countdown, RevealedResult } from "~/modules/conversations/conversation-live.tsx";
import { presenterView } from "~/modules/conversations/conversation-views.server.ts";
import { getOwnConversation } from "~/modules/conversations/conversations.server.ts";
import { formatJoinCode } from "~/modules/conversations/join-code.ts";
import { qrCodeSvg } from "~/modules/conversations/qr-code.ts";
import { optionLabel } from "~/modules/conversations/result-labels.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/gesprek-scherm";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "conversations.answered_one",
    "conversations.answered_other",
    "conversations.options",
    "conversations.participants_one",
    "conversations.participants_other",
    "conversations.question",
    "conversations.results",
    "conversations.screen",
    "conversations.summary.noneApproved",
    "conversations.timer",
  ],
  hydrate: true,
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { user } = await requirePermission({ request, services, permission: "conversations:run-own" });
    const { conversation } = await getOwnConversation({ db, id: params.id, ownerId: user.id });
    const [view, titles] = await Promise.all([
      presenterView({ db, id: conversation.id }),
      principleTitles({ db }),
    ]);
    const origin = services.config.publicUrl;
    const address = `${new URL(origin).host}/doe-mee`;
    const t = translatorFor(languageOf(request));
    return data(
      {
        id: conversation.id,
        version: view.version,
        title: view.title,
        status: view.status,
        locked: view.locked,
        participants: view.participants,
        code: formatJoinCode(view.joinCode),
        spelled: view.joinCode.split("").join(" "),
        address,
        // Drawn here, so the QR library stays on the server.
        qr: qrCodeSvg(`${origin}/doe-mee/${view.joinCode}`, {
          label: t("conversations.screen.qrLabel", { address }),
        }),
        current: view.current
          ? {
              question: view.current.question,
              answered: view.current.answered,
              results: view.current.results ?? null,
              principles: view.current.question.principles.map((slug) => titles.get(slug) ?? slug),
            }
          : null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function PresenterScreen({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const screen = loaderData;
  const ended = screen.status === "afgelopen";
  useLiveRevalidation({
    url: `/api/v1/gesprekken/${screen.id}/stroom`,
    version: screen.version,
    enabled: !ended,
  });
  const current = screen.current;
  const time = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const self = `/gesprekken/${screen.id}/scherm`;
  return (
    <div className="vm-screen">
      <title>{`${screen.title} – ${t("conversations.screen.title")} – Vakmanschap`}</title>
      <Heading level={1} className="vm-screen__title">
        {screen.title}
      </Heading>
      <noscript>
        <Paragraph>
          {t("conversations.screen.noscript")}{" "}
          <Link reloadDocument to={self}>
            {t("conversations.screen.refresh")}
          </Link>
        </Paragraph>
      </noscript>

      <div className="vm-screen__layout">
        <section aria-labelledby="meedoen" className="vm-screen__join">
          <Heading level={2} id="meedoen">
            {t("conversations.screen.joinTitle")}
          </Heading>
          {ended ? (
            <Paragraph lead>{t("conversations.screen.ended")}</Paragraph>
          ) : screen.locked ? (
            <Paragraph lead>{t("conversations.screen.locked")}</Paragraph>
          ) : (
            <>
              <Paragraph lead>{t("conversations.screen.joinAt", { address: screen.address })}</Paragraph>
              <Paragraph className="vm-screen__code">
                <VisuallyHidden>
                  {t("conversations.screen.codeSpelled", { letters: screen.spelled })}
                </VisuallyHidden>
                <span aria-hidden="true">{screen.code}</span>
              </Paragraph>
              <SafeHtml html={screen.qr} className="vm-screen__qr" />
            </>
          )}
          <Paragraph>{t("conversations.participants", { count: screen.participants })}</Paragraph>
        </section>

        <section aria-labelledby="vraag-op-scherm" className="vm-screen__question">
          <Heading level={2} id="vraag-op-scherm">
            {current
              ? t("conversations.question", { number: current.question.position + 1 })
              : t("conversations.screen.questionTitle")}
          </Heading>
          {current ? (
            <>
              <Paragraph className="vm-screen__text vm-preserve-lines">{current.question.text}</Paragraph>
              {current.question.kind === "dilemma" ? (
                <UnorderedList className="vm-screen__options">
                  {["a", "b", ...(current.question.allowOther ? ["anders"] : [])].map((value) => (
                    <UnorderedListItem key={value}>
                      {optionLabel(t, current.question, value)}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              ) : null}
              {current.question.kind === "schaal" ? (
                <Paragraph>{t("conversations.screen.scale")}</Paragraph>
              ) : null}
              {current.principles.length > 0 ? (
                <>
                  <Heading level={3}>{t("conversations.screen.principles")}</Heading>
                  <UnorderedList>
                    {current.principles.map((title) => (
                      <UnorderedListItem key={title}>{title}</UnorderedListItem>
                    ))}
                  </UnorderedList>
                </>
              ) : null}
              {current.question.state === "open" && current.question.closesAt ? (
                <Countdown
                  t={t}
                  closesAt={current.question.closesAt}
                  endTime={time.format(new Date(current.question.closesAt))}
                />
              ) : null}
              {current.results ? (
                <>
                  <Heading level={3}>{t("conversations.screen.resultsTitle")}</Heading>
                  <RevealedResult t={t} question={current.question} results={current.results} bars large />
                </>
              ) : (
                <Paragraph lead>
                  {t("conversations.answered", { count: current.answered })}.{" "}
                  {t("conversations.screen.hidden")}
                </Paragraph>
              )}
            </>
          ) : (
            <Paragraph lead>{t("conversations.screen.waiting")}</Paragraph>
          )}
        </section>
      </div>
    </div>
  );
}
