// The facilitator's control of a running conversation, on a laptop or tablet: the code, who is in, each
// question with its buttons (open, close, reveal, re-vote), how many answered the current question (never
// what, before a reveal), the revealed result, open answers to let through, the timer, lock and end.
// Every button is a form; with JavaScript the page follows the live stream.
import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { useLiveRevalidation } from "~/infra/live-revalidation.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { can } from "~/modules/accounts/authorization.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Countdown, RevealedResult } from "~/modules/conversations/conversation-live.tsx";
import { facilitatorView } from "~/modules/conversations/conversation-views.server.ts";
import {
  answerCount,
  facilitate,
  getOwnConversation,
  moderateAnswer,
} from "~/modules/conversations/conversations.server.ts";
import { ActionInput, ModerationInput } from "~/modules/conversations/conversations.validation.ts";
import { formatJoinCode } from "~/modules/conversations/join-code.ts";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/gesprek-leiden";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "conversations.actions",
    "conversations.answered_one",
    "conversations.answered_other",
    "conversations.back",
    "conversations.kinds",
    "conversations.lead",
    "conversations.links",
    "conversations.minutes_one",
    "conversations.minutes_other",
    "conversations.options",
    "conversations.question",
    "conversations.results",
    "conversations.states",
    "conversations.status",
    "conversations.summary.noneApproved",
    "conversations.timer",
    "kriskras.evaluatie.back",
  ],
  hydrate: true,
};

const INTENT = "intent";
const MODERATION = "moderatie";
const CONFIRM_END = "zeker";

async function ownerOf(request: Request, services: Route.LoaderArgs["context"]["services"], id: string) {
  const { user, actor } = await requirePermission({ request, services, permission: "conversations:run-own" });
  const own = await getOwnConversation({ db: services.database.db, id, ownerId: user.id });
  return { user, leads: can(actor, "conversations:lead"), ...own };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { conversation, questions, leads } = await ownerOf(request, services, params.id);
    const [view, counts] = await Promise.all([
      facilitatorView({ db, id: conversation.id }),
      Promise.all(
        questions.map((question) => answerCount({ db, questionId: question.id, round: question.round })),
      ),
    ]);
    return data(
      {
        ...view,
        code: formatJoinCode(view.joinCode),
        leads,
        answered: questions.map((question, index) => ({ id: question.id, count: counts[index] ?? 0 })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

const firstMessage = (error: { issues: { message: string }[] }) =>
  error.issues[0]?.message ?? "problems.conversations.badRequest";

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { liveHub } = services;
    const { user, conversation, questions } = await ownerOf(request, services, params.id);
    const form = await readFormData(request);
    const back = `/gesprekken/${conversation.id}/leiden`;
    const intent = String(form.get(INTENT) ?? "");
    const owner = { db, liveHub, id: conversation.id, ownerId: user.id };
    try {
      if (intent === MODERATION) {
        const input = ModerationInput.safeParse({
          questionId: form.get("vraag"),
          answerId: form.get("antwoord"),
          decision: form.get("besluit"),
        });
        if (!input.success) {
          throw new AppError("invalid", "problems.conversations.cannotModerate");
        }
        await moderateAnswer({ ...owner, ...input.data });
        return redirect(`${back}#${MODERATION}`, { status: 303 });
      }
      const input = ActionInput.safeParse({ action: intent, questionId: form.get("vraag") || undefined });
      if (!input.success) throw new AppError("invalid", firstMessage(input.error));
      if (input.data.action === "beeindig" && form.get(CONFIRM_END) !== "ja") {
        throw new AppError("invalid", "problems.conversations.confirmEnd");
      }
      await facilitate({ ...owner, ...input.data });
      const position = questions.find((question) => question.id === input.data.questionId)?.position;
      return redirect(position === undefined ? back : `${back}#vraag-${position}`, { status: 303 });
    } catch (error) {
      // What does not fit the moment (too few answers, a question already closed) is said on the page.
      return answerRefusedForm(error, { request, say: EVERY_REFUSAL, headers: PRIVATE_HEADERS });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

type LoaderData = Route.ComponentProps["loaderData"];
type QuestionRow = LoaderData["questions"][number];

function QuestionControls(props: {
  question: QuestionRow;
  answered: number;
  minimum: number;
  ended: boolean;
}) {
  const t = useT();
  const { question, answered, minimum } = props;
  const number = question.position + 1;
  const which = <VisuallyHidden> {t("conversations.lead.ofQuestion", { number })}</VisuallyHidden>;
  const revealedNow = question.revealedRound >= question.round;
  const tooFew = answered < minimum;
  const reasonId = `vraag-${question.position}-te-weinig`;
  const canOpen = question.state !== "open" && !revealedNow;
  const canReveal = question.state !== "wacht" && !revealedNow;
  const canRevote = question.kind !== "open" && question.revealedRound >= 1 && question.round < 2;
  if (props.ended || !(canOpen || canReveal || canRevote || question.state === "open")) return null;
  return (
    <Form method="post" className="vm-actions vm-question-actions">
      <input type="hidden" name="vraag" value={question.id} />
      {canOpen ? (
        <Button name={INTENT} value="open">
          {t("conversations.actions.open")}
          {which}
        </Button>
      ) : null}
      {question.state === "open" ? (
        <Button appearance="secondary-action" name={INTENT} value="sluit">
          {t("conversations.actions.sluit")}
          {which}
        </Button>
      ) : null}
      {canReveal && !tooFew ? (
        <Button
          appearance={question.state === "open" ? "secondary-action" : "primary-action"}
          name={INTENT}
          value="onthul"
        >
          {t("conversations.actions.onthul")}
          {which}
        </Button>
      ) : null}
      {canReveal && tooFew ? (
        <>
          <Button
            appearance="secondary-action"
            name={INTENT}
            value="onthul"
            unavailable
            describedBy={reasonId}
          >
            {t("conversations.actions.onthul")}
            {which}
          </Button>
          <span id={reasonId} className="vm-reason">
            {t("conversations.lead.tooFew", { answered, minimum })}
          </span>
        </>
      ) : null}
      {canRevote ? (
        <Button appearance="secondary-action" name={INTENT} value="herstemming">
          {t("conversations.actions.herstemming")}
          {which}
        </Button>
      ) : null}
    </Form>
  );
}

function Moderation(props: { current: NonNullable<LoaderData["current"]> }) {
  const t = useT();
  const waiting = props.current.toModerate;
  return (
    <section aria-labelledby={`${MODERATION}-kop`} id={MODERATION} className="vm-moderation">
      <Heading level={3} id={`${MODERATION}-kop`}>
        {t("conversations.lead.moderationTitle")}
      </Heading>
      <Paragraph>{t("conversations.lead.moderationIntro")}</Paragraph>
      {waiting.length === 0 ? <Paragraph>{t("conversations.lead.moderationNone")}</Paragraph> : null}
      <ul className="vm-plain-list">
        {waiting.map((answer, index) => {
          const which = (
            <VisuallyHidden> {t("conversations.lead.answerNumber", { number: index + 1 })}</VisuallyHidden>
          );
          return (
            <li key={answer.answerId} className="vm-moderation__item">
              <Paragraph className="vm-preserve-lines">{answer.text}</Paragraph>
              <Form method="post" className="vm-actions">
                <input type="hidden" name={INTENT} value={MODERATION} />
                <input type="hidden" name="vraag" value={props.current.question.id} />
                <input type="hidden" name="antwoord" value={answer.answerId} />
                <Button name="besluit" value="goed">
                  {t("conversations.lead.approve")}
                  {which}
                </Button>
                <Button appearance="secondary-action" name="besluit" value="afgewezen">
                  {t("conversations.lead.reject")}
                  {which}
                </Button>
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default function LeadConversation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const conversation = loaderData;
  const ended = conversation.status === "afgelopen";
  useLiveRevalidation({
    url: `/api/v1/gesprekken/${conversation.id}/stroom`,
    version: conversation.version,
    enabled: !ended,
  });
  const base = `/gesprekken/${conversation.id}`;
  const current = conversation.current;
  const time = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const answeredFor = (id: string) => conversation.answered.find((entry) => entry.id === id)?.count ?? 0;
  const error = actionData?.problem ?? undefined;
  return (
    <>
      <title>{`${t("conversations.lead.title")}: ${conversation.title} – Vakmanschap`}</title>
      <Paragraph>
        {/* A kris-kras host leads their one conversation without the facilitator role: back to kris-kras. */}
        {loaderData.leads ? (
          <Link to="/gesprekken">{t("conversations.back")}</Link>
        ) : (
          <Link to="/kriskras">{t("kriskras.evaluatie.back")}</Link>
        )}
      </Paragraph>
      <Heading level={1}>
        <span className="vm-heading-pre">{t("conversations.lead.title")}: </span>
        {conversation.title}
      </Heading>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {ended ? (
        <Alert type="info">
          <Paragraph>
            {t("conversations.lead.ended")}{" "}
            <Link to={`${base}/samenvatting`}>{t("conversations.links.summary")}</Link>
          </Paragraph>
        </Alert>
      ) : null}

      <dl className="vm-facts">
        <div>
          <dt>{t("conversations.lead.code")}</dt>
          <dd className="vm-facts__code">{conversation.code}</dd>
        </div>
        <div>
          <dt>{t("conversations.lead.participantsLabel")}</dt>
          <dd>{conversation.participants}</dd>
        </div>
        <div>
          <dt>{t("conversations.lead.statusLabel")}</dt>
          <dd>{t(`conversations.status.${conversation.status}`)}</dd>
        </div>
        <div>
          <dt>{t("conversations.lead.accessLabel")}</dt>
          <dd>{conversation.locked ? t("conversations.lead.locked") : t("conversations.lead.unlocked")}</dd>
        </div>
      </dl>
      <ul className="vm-inline-links">
        <li>
          <Link to={`${base}/scherm`}>{t("conversations.lead.screenLink")}</Link>
        </li>
        <li>
          <Link to={`${base}/samenvatting`}>{t("conversations.links.summary")}</Link>
        </li>
      </ul>

      <section aria-labelledby="nu" className="vm-current-question">
        <Heading level={2} id="nu">
          {t("conversations.lead.currentTitle")}
        </Heading>
        {current ? (
          <>
            <Paragraph>
              {t("conversations.question", { number: current.question.position + 1 })} ·{" "}
              {t(`conversations.kinds.${current.question.kind}`)} ·{" "}
              <StatusBadge>{t(`conversations.states.${current.question.state}`)}</StatusBadge>
              {current.question.round === 2 ? ` · ${t("conversations.lead.round2")}` : null}
            </Paragraph>
            <Paragraph lead className="vm-preserve-lines">
              {current.question.text}
            </Paragraph>
            <Paragraph className="vm-answer-count">
              {t("conversations.lead.answeredNow", {
                answered: current.answered,
                participants: conversation.participants,
              })}{" "}
              {t("conversations.lead.minimum", { minimum: conversation.minAnswers })}
            </Paragraph>
            {current.question.state === "open" && current.question.closesAt ? (
              <Countdown
                t={t}
                closesAt={current.question.closesAt}
                endTime={time.format(new Date(current.question.closesAt))}
              />
            ) : null}
            {current.results ? (
              <>
                <Heading level={3}>{t("conversations.lead.resultsTitle")}</Heading>
                <RevealedResult t={t} question={current.question} results={current.results} />
              </>
            ) : (
              <Paragraph>{t("conversations.lead.hidden")}</Paragraph>
            )}
            {current.question.kind === "open" ? <Moderation current={current} /> : null}
          </>
        ) : (
          <Paragraph>{t("conversations.lead.noCurrent")}</Paragraph>
        )}
      </section>

      <section aria-labelledby="vragen">
        <Heading level={2} id="vragen">
          {t("conversations.lead.questionsTitle")}
        </Heading>
        <Paragraph>{t("conversations.lead.revoteHint")}</Paragraph>
        <ol className="vm-plain-list vm-question-rows">
          {conversation.questions.map((question) => {
            const answered = answeredFor(question.id);
            const isCurrent = current?.question.id === question.id;
            return (
              <li
                key={question.id}
                id={`vraag-${question.position}`}
                className={`vm-question-row${isCurrent ? " vm-question-row--current" : ""}`}
              >
                <Heading level={3}>
                  {t("conversations.question", { number: question.position + 1 })}
                  {isCurrent ? ` (${t("conversations.lead.isCurrent")})` : ""}
                </Heading>
                <Paragraph className="vm-preserve-lines">{question.text}</Paragraph>
                <Paragraph>
                  {t(`conversations.kinds.${question.kind}`)} ·{" "}
                  <StatusBadge>{t(`conversations.states.${question.state}`)}</StatusBadge>
                  {question.round === 2 ? ` · ${t("conversations.lead.round2")}` : ""}
                  {question.revealedRound >= 1
                    ? ` · ${t(question.revealedRound === 2 ? "conversations.lead.revealed2" : "conversations.lead.revealed")}`
                    : ""}
                  {question.state !== "wacht" ? ` · ${t("conversations.answered", { count: answered })}` : ""}
                  {question.minutes ? ` · ${t("conversations.minutes", { count: question.minutes })}` : ""}
                </Paragraph>
                <QuestionControls
                  question={question}
                  answered={answered}
                  minimum={conversation.minAnswers}
                  ended={ended}
                />
              </li>
            );
          })}
        </ol>
      </section>

      {ended ? null : (
        <section aria-labelledby="gesprek" className="vm-conversation-controls">
          <Heading level={2} id="gesprek">
            {t("conversations.lead.sessionTitle")}
          </Heading>
          <Paragraph>{t("conversations.lead.lockHint")}</Paragraph>
          <Form method="post" className="vm-actions">
            {conversation.locked ? (
              <Button appearance="secondary-action" name={INTENT} value="ontgrendel">
                {t("conversations.actions.ontgrendel")}
              </Button>
            ) : (
              <Button appearance="secondary-action" name={INTENT} value="vergrendel">
                {t("conversations.actions.vergrendel")}
              </Button>
            )}
          </Form>
          <Heading level={3}>{t("conversations.lead.endTitle")}</Heading>
          <Paragraph>{t("conversations.lead.endHint")}</Paragraph>
          <Form method="post" noValidate>
            <CheckboxField
              id={CONFIRM_END}
              name={CONFIRM_END}
              value="ja"
              label={t("conversations.lead.endConfirm")}
            />
            <div className="vm-actions">
              <Button name={INTENT} value="beeindig">
                {t("conversations.actions.beeindig")}
              </Button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
