// A participant's phone in a live team conversation: the current question with their own answer, then
// the revealed results. Works as plain forms without JavaScript (a button loads the current question);
// with JavaScript it follows the conversation's live stream and reloads its data only when the question, its
// state or its results change, announcing that politely without moving the focus.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { isAppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import {
  PrincipleLinks,
  RevealedResult,
  type RevealedResults,
} from "~/modules/conversations/conversation-live.tsx";
import { participantView } from "~/modules/conversations/conversation-views.server.ts";
import { formatJoinCode, normalizeJoinCode } from "~/modules/conversations/join-code.ts";
import {
  joinWithCookie,
  limitParticipation,
  participantTokenFrom,
} from "~/modules/conversations/participant-access.server.ts";
import { liveKeyOf, useAnnouncement, useLiveReload } from "~/modules/conversations/participant-live.ts";
import {
  answerQuestion,
  conversationByCode,
  findParticipant,
} from "~/modules/conversations/participation.server.ts";
import { OPEN_ANSWER_MAX_LENGTH } from "~/modules/conversations/tallies.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, RadioGroup, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/doe-mee-code";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "conversations.options",
    "conversations.results",
    "conversations.summary.noneApproved",
    "conversations.timer",
    "join",
  ],
  hydrate: true,
};

/** What comes back of a typed answer after a refusal, at most. */
const MAX_ECHO = 1000;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const code = normalizeJoinCode(params.code);
    // "acd-efh" from a note or a chat: the one canonical address.
    if (code && code !== params.code) throw redirect(`/doe-mee/${code}`, { headers: PRIVATE_HEADERS });
    // An unknown code and an ended conversation's code (it is free again) get the very same answer.
    const unknown = () => data({ state: "unknown" as const }, { status: 404, headers: PRIVATE_HEADERS });
    if (!code) return unknown();
    const participant = await findParticipant({
      db,
      token: participantTokenFrom(request.headers.get("Cookie"), {
        secure: isSecureSite(context.services.config),
      }),
    });
    const base = { code, spokenCode: formatJoinCode(code) };
    if (participant?.joinCode !== code) {
      // Someone who does not take part looks a code up: counted per address like joining, so codes
      // cannot be tried by the thousand. (A participant's own page reloads at every live change and is
      // not counted.)
      try {
        await limitParticipation({
          participationLimits: context.services.participationLimits,
          config: context.services.config,
          clientIp: context.clientIp,
          purpose: "lookup",
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== "rate_limited") throw error;
        const seconds = error.retryAfterSeconds ?? 60;
        return data(
          { state: "limited" as const, minutes: Math.max(1, Math.ceil(seconds / 60)) },
          { status: 429, headers: { ...PRIVATE_HEADERS, "Retry-After": String(seconds) } },
        );
      }
      const conversation = await conversationByCode({ db, code });
      if (!conversation) return unknown();
      // An open conversation's title helps a newcomer check they are about to join the right one; joining
      // would show it anyway. A locked one takes nobody, so it keeps its title to itself.
      return data(
        {
          state: "outside" as const,
          ...base,
          title: conversation.locked ? null : conversation.title,
          locked: conversation.locked,
        },
        { headers: PRIVATE_HEADERS },
      );
    }
    const view = await participantView({
      db,
      conversationId: participant.conversationId,
      participantId: participant.id,
    });
    const current = view.current;
    const question = current?.question;
    // A timer closes the question without a change of state; the server's clock decides.
    const open =
      question?.state === "open" && !(question.closesAt && Date.parse(question.closesAt) <= Date.now());
    const titles = question && question.principles.length > 0 ? await principleTitles({ db }) : new Map();
    return data(
      {
        state: "joined" as const,
        ...base,
        title: view.title,
        status: view.status,
        question: question
          ? {
              id: question.id,
              position: question.position,
              kind: question.kind,
              text: question.text,
              optionA: question.optionA,
              optionB: question.optionB,
              allowOther: question.allowOther,
              state: question.state,
              round: question.round,
              revealedRound: question.revealedRound,
              closesAt: question.closesAt,
              open,
            }
          : null,
        mine: current?.mine ?? null,
        results: resultsForPage(current?.results),
        principles: (question?.principles ?? []).flatMap((slug) => {
          const title = titles.get(slug);
          return title ? [{ slug, title }] : [];
        }),
        justSaved: open && current?.mine != null && new URL(request.url).searchParams.has("opgeslagen"),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

/** Approved open answers come in no particular order; alphabetical keeps them still between loads. */
function resultsForPage(results: RevealedResults | undefined): RevealedResults | null {
  if (!results) return null;
  if (results.kind !== "open") return results;
  return { ...results, approved: [...results.approved].sort((x, y) => x.localeCompare(y, "nl")) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");

    if (intent === "meedoen") {
      try {
        const joined = await joinWithCookie({
          db,
          liveHub: services.liveHub,
          participationLimits: services.participationLimits,
          config: services.config,
          clientIp: context.clientIp,
          code: params.code,
          secure: isSecureSite(services.config),
        });
        return redirect(`/doe-mee/${joined.code}`, { status: 303, headers: { "Set-Cookie": joined.cookie } });
      } catch (error) {
        return answerRefusedForm(error, { request, field: "meedoen", say: EVERY_REFUSAL });
      }
    }

    if (intent === "antwoord") {
      const questionId = form.get("vraag");
      const answer = form.get("antwoord");
      const typed = typeof answer === "string" ? answer : undefined;
      const echo = {
        questionId: typeof questionId === "string" ? questionId : "",
        typed: typed?.slice(0, MAX_ECHO),
      };
      try {
        await limitParticipation({
          participationLimits: services.participationLimits,
          config: services.config,
          clientIp: context.clientIp,
          purpose: "answer",
        });
        await answerQuestion({
          db,
          liveHub: services.liveHub,
          token: participantTokenFrom(request.headers.get("Cookie"), {
            secure: isSecureSite(services.config),
          }),
          questionId: echo.questionId,
          value: typed,
        });
      } catch (error) {
        return answerRefusedForm(error, { request, field: "antwoord", say: EVERY_REFUSAL, extra: echo });
      }
      const code = normalizeJoinCode(params.code);
      return redirect(code ? `/doe-mee/${code}?opgeslagen=1` : "/doe-mee", { status: 303 });
    }

    const t = translatorFor(languageOf(request));
    return data({ errors: { formulier: t("problems.conversations.unknownForm") } }, { status: 400 });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => {
  const retryAfter = loaderHeaders.get("Retry-After");
  return retryAfter ? { ...PRIVATE_HEADERS, "Retry-After": retryAfter } : PRIVATE_HEADERS;
};

// --- the page --------------------------------------------------------------------------------------

type LoaderData = Route.ComponentProps["loaderData"];
type Joined = Extract<LoaderData, { state: "joined" }>;
type QuestionData = NonNullable<Joined["question"]>;
type ActionData = {
  errors: Record<string, string>;
  questionId?: string;
  typed?: string;
};

export default function TakingPartInConversation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const joined = loaderData.state === "joined" ? loaderData : undefined;
  useLiveReload({
    key: joined
      ? liveKeyOf({
          status: joined.status,
          question: joined.question,
          approved: joined.results?.kind === "open" ? joined.results.approved : [],
        })
      : undefined,
    closesAt: joined?.question?.open ? joined.question.closesAt : undefined,
  });
  const announcement = useAnnouncement(
    joined
      ? {
          status: joined.status,
          question: joined.question,
          approved: joined.results?.kind === "open" ? joined.results.approved.length : 0,
        }
      : undefined,
  );
  const sent = actionData as ActionData | undefined;
  const errors = sent?.errors ?? {};

  if (loaderData.state === "limited") {
    return (
      <>
        <title>{`${t("join.limitedTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("join.limitedTitle")}</Heading>
        <Paragraph>{t("join.limitedText", { count: loaderData.minutes })}</Paragraph>
      </>
    );
  }

  if (loaderData.state === "unknown") {
    return (
      <>
        <title>{`${t("join.unknownTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("join.unknownTitle")}</Heading>
        <Paragraph>{t("join.unknownText")}</Paragraph>
        <Paragraph>
          <Link to="/doe-mee">{t("join.tryAgain")}</Link>
        </Paragraph>
      </>
    );
  }

  const heading = (
    <>
      <title>{`${loaderData.title ?? t("join.title")} – ${t("join.title")} – Vakmanschap`}</title>
      <Heading level={1}>{loaderData.title ?? t("join.title")}</Heading>
      <Paragraph className="vm-take-part__code">
        {t("join.codeIs", { code: loaderData.spokenCode })}
      </Paragraph>
      <ErrorSummary
        title={t("join.errorSummary")}
        errors={errors}
        fieldIds={{ meedoen: "meedoen", formulier: "inhoud" }}
      />
    </>
  );

  if (loaderData.state === "outside") {
    return (
      <>
        {heading}
        {loaderData.locked ? (
          <Alert type="warning">
            <Paragraph>{t("join.locked")}</Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph>{t("join.notJoined")}</Paragraph>
            <Form method="post" id="meedoen" className="vm-form">
              <input type="hidden" name="intent" value="meedoen" />
              <Button>{t("join.join")}</Button>
            </Form>
          </>
        )}
      </>
    );
  }

  const { question } = loaderData;
  const typedHere = question && sent?.questionId === question.id ? sent.typed : undefined;
  return (
    <>
      {heading}
      <VisuallyHidden as="div" role="status">
        {announcement ? (
          <span key={announcement.count}>{t(`join.announce.${announcement.said}`)}</span>
        ) : null}
      </VisuallyHidden>
      {loaderData.status === "afgelopen" ? (
        <Alert type="info">
          <Paragraph>{t("join.thanks")}</Paragraph>
        </Alert>
      ) : !question ? (
        <section aria-labelledby="wachten" className="vm-take-part__section">
          <Heading level={2} id="wachten">
            {t("join.waiting")}
          </Heading>
          <Paragraph>{t("join.waitingText")}</Paragraph>
        </section>
      ) : question.open ? (
        <AnswerForm
          question={question}
          mine={typedHere ?? loaderData.mine}
          error={errors.antwoord}
          saved={loaderData.justSaved && !sent}
        />
      ) : (
        <ClosedQuestion
          question={question}
          mine={loaderData.mine}
          results={loaderData.results}
          principles={loaderData.principles}
        />
      )}
      <Form method="get" action={`/doe-mee/${loaderData.code}`} className="vm-take-part__load">
        {loaderData.status === "afgelopen" ? null : <Paragraph>{t("join.loadHint")}</Paragraph>}
        <Button appearance="secondary-action">{t("join.load")}</Button>
      </Form>
    </>
  );
}

function AnswerForm(props: { question: QuestionData; mine: string | null; error?: string; saved: boolean }) {
  const t = useT();
  const labelOf = useChoiceLabel();
  const { question, error } = props;
  return (
    <section aria-labelledby="vraag" className="vm-take-part__section">
      {question.round > 1 ? <Paragraph>{t("join.revote")}</Paragraph> : null}
      {/* A new question (or round) gets fresh fields; the same one keeps what is being typed. */}
      <Form
        method="post"
        className="vm-form"
        noValidate
        preventScrollReset
        key={`${question.id}-${question.round}`}
      >
        <input type="hidden" name="intent" value="antwoord" />
        <input type="hidden" name="vraag" value={question.id} />
        {question.kind === "open" ? (
          <>
            <Heading level={2} id="vraag">
              {question.text}
            </Heading>
            <FormField
              id="antwoord"
              label={t("join.openLabel")}
              description={t("join.openHint", { max: OPEN_ANSWER_MAX_LENGTH })}
              error={error}
            >
              {(describedBy) => (
                <Textarea
                  id="antwoord"
                  name="antwoord"
                  defaultValue={props.mine ?? ""}
                  invalid={Boolean(error)}
                  describedBy={describedBy}
                  maxLength={OPEN_ANSWER_MAX_LENGTH}
                  rows={4}
                />
              )}
            </FormField>
          </>
        ) : (
          // One radio button per answer, in a fieldset whose legend is the question; big targets for thumbs.
          <RadioGroup
            id="antwoord"
            name="antwoord"
            large
            legend={
              <Heading level={2} id="vraag">
                {question.text}
              </Heading>
            }
            description={t("join.chooseHint")}
            error={error}
            options={choicesOf(question).map((value) => ({ value, label: labelOf(question, value) }))}
            checked={props.mine ?? undefined}
          />
        )}
        <div role="status">
          {props.saved ? (
            <Alert type="ok">
              <Paragraph>{t("join.saved")}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <Button>{t("join.send")}</Button>
      </Form>
    </section>
  );
}

function useChoiceLabel() {
  const t = useT();
  return (question: Pick<QuestionData, "optionA" | "optionB" | "kind">, value: string): string => {
    if (question.kind === "dilemma") {
      if (value === "a") return `A: ${question.optionA}`;
      if (value === "b") return `B: ${question.optionB}`;
      return t("join.other");
    }
    if (question.kind === "schaal") return `${value} – ${t(`join.scale.${value}`)}`;
    return value;
  };
}

function choicesOf(question: QuestionData): string[] {
  if (question.kind === "schaal") return ["1", "2", "3", "4", "5"];
  return question.allowOther ? ["a", "b", "anders"] : ["a", "b"];
}

type Results = Joined["results"];

function ClosedQuestion(props: {
  question: QuestionData;
  mine: string | null;
  results: Results;
  principles: { slug: string; title: string }[];
}) {
  const t = useT();
  const labelOf = useChoiceLabel();
  const { question, results } = props;
  return (
    <section aria-labelledby="vraag" className="vm-take-part__section">
      <Heading level={2} id="vraag">
        {question.text}
      </Heading>
      <Alert type="info">
        <Paragraph>
          <strong>{t("join.closed")}</strong>. {t("join.closedText")}
        </Paragraph>
      </Alert>
      <Paragraph className="vm-preserve-lines">
        {props.mine === null
          ? t("join.noAnswer")
          : t("join.yourAnswer", { answer: labelOf(question, props.mine) })}
      </Paragraph>
      {results ? (
        <>
          <Heading level={3}>{t("join.results")}</Heading>
          <RevealedResult t={t} question={question} results={results} bars />
        </>
      ) : null}
      <PrincipleLinks heading={t("join.principles")} level={3} principles={props.principles} />
    </section>
  );
}
