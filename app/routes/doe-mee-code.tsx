// A participant's phone in a live team conversation: the current question with their own answer, then
// the revealed results. Works as plain forms without JavaScript (a button loads the current question);
// with JavaScript it follows the session's live stream and reloads its data only when the question, its
// state or its results change, announcing that politely without moving the focus.
import { useEffect, useRef, useState } from "react";
import { data, Form, redirect, useRevalidator } from "react-router";
import { z } from "zod";
import { isSecureSite } from "~/infra/cookies.ts";
import { isAppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
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
import {
  answerQuestion,
  conversationByCode,
  participantOf,
} from "~/modules/conversations/participation.server.ts";
import { OPEN_ANSWER_MAX_LENGTH } from "~/modules/conversations/tallies.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/doe-mee-code";

/** What comes back of a typed answer after a refusal, at most. */
const MAX_ECHO = 1000;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const code = normalizeJoinCode(params.code);
    // "acd-efh" from a note or a chat: the one canonical address.
    if (code && code !== params.code) throw redirect(`/doe-mee/${code}`, { headers: PRIVATE_HEADERS });
    // An unknown code and an ended session's code (it is free again) get the very same answer.
    const unknown = () => data({ state: "unknown" as const }, { status: 404, headers: PRIVATE_HEADERS });
    if (!code) return unknown();
    const participant = await participantOf({
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
      // An open session's title helps a newcomer check they are about to join the right one; joining
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
    const form = await request.formData().catch(() => new FormData());
    const intent = form.get("intent");
    const refused = (error: unknown, errors: (message: string) => Record<string, string>, extra = {}) => {
      if (isAppError(error) && error.code !== "unavailable") {
        return data({ errors: errors(error.message), ...extra }, { status: error.status });
      }
      throw error;
    };

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
        return refused(error, (message) => ({ meedoen: message }));
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
        return refused(error, (message) => ({ antwoord: message }), echo);
      }
      const code = normalizeJoinCode(params.code);
      return redirect(code ? `/doe-mee/${code}?opgeslagen=1` : "/doe-mee", { status: 303 });
    }

    return data(
      { errors: { formulier: "Dit formulier kennen we niet. Laad de pagina opnieuw." } },
      { status: 400 },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => {
  const retryAfter = loaderHeaders.get("Retry-After");
  return retryAfter ? { ...PRIVATE_HEADERS, "Retry-After": retryAfter } : PRIVATE_HEADERS;
};

// --- following the session live (JavaScript only) ------------------------------------------------

/** The part of the shared view that changes what a phone shows; a new count of answers does not. */
interface LiveState {
  status: string;
  question: { id: string; state: string; round: number; revealedRound: number } | null;
  approved: readonly string[];
}

const StreamedStand = z.object({
  status: z.string(),
  current: z
    .object({
      question: z.object({ id: z.string(), state: z.string(), round: z.number(), revealedRound: z.number() }),
      results: z.object({ approved: z.array(z.string()).optional() }).nullish(),
    })
    .nullable(),
});

function liveKeyOf(state: LiveState): string {
  const { status, question } = state;
  const approved = [...state.approved].sort();
  return JSON.stringify([
    status,
    question?.id,
    question?.state,
    question?.round,
    question?.revealedRound,
    approved,
  ]);
}

function streamedKeyOf(json: string): string | undefined {
  try {
    const stand = StreamedStand.parse(JSON.parse(json));
    return liveKeyOf({
      status: stand.status,
      question: stand.current?.question ?? null,
      approved: stand.current?.results?.approved ?? [],
    });
  } catch {
    return undefined;
  }
}

// Spread the reloads of a full room over a second, so 2,000 phones do not ask at the same instant.
const SPREAD_MS = 1000;
// Longer timers than this are not worth a browser timeout; the stream or the button catches up.
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;

/**
 * Reloads the page's data when the stream says the question, its state or its results changed, and
 * once more when the question's timer runs out. The stream closes when the page goes.
 */
function useLiveReload(options: { key: string | undefined; closesAt: string | null | undefined }) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const shown = useRef(options.key);
  shown.current = options.key;
  const following = options.key !== undefined;

  useEffect(() => {
    if (!following) return;
    const source = new EventSource("/api/v1/deelname/stroom");
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The server ended the stream on purpose (the session ended, or this phone opened a newer one in
    // another tab): do not reconnect. A reload already asked for still comes.
    source.addEventListener("einde", () => source.close());
    source.addEventListener("stand", (event) => {
      const key = streamedKeyOf((event as MessageEvent<string>).data);
      if (key === undefined || key === shown.current || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void revalidate.current();
      }, Math.random() * SPREAD_MS);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [following]);

  const { closesAt } = options;
  useEffect(() => {
    if (!closesAt) return;
    const wait = Date.parse(closesAt) - Date.now() + 500;
    if (!(wait > 0 && wait < MAX_TIMER_MS)) return;
    const timer = setTimeout(() => void revalidate.current(), wait);
    return () => clearTimeout(timer);
  }, [closesAt]);
}

type Announcement = "question" | "revote" | "closed" | "results" | "answers" | "waiting" | "ended";

interface Shown {
  status: string;
  question: { id: string; open: boolean; round: number; revealedRound: number } | null;
  approved: number;
}

/** What changed between two renders of the joined page, in the words a screen reader should hear. */
function announcementFor(before: Shown, after: Shown): Announcement | undefined {
  if (after.status === "afgelopen") return before.status === "afgelopen" ? undefined : "ended";
  const [was, now] = [before.question, after.question];
  if (!now) return was ? "waiting" : undefined;
  if (!was || was.id !== now.id) return "question";
  if (now.round > was.round) return "revote";
  if (now.revealedRound > was.revealedRound) return "results";
  if (was.open && !now.open) return "closed";
  if (after.approved > before.approved) return "answers";
  return undefined;
}

/** The latest announcement, numbered so that the same words twice in a row are heard twice. */
function useAnnouncement(shown: Shown | undefined): { said: Announcement; count: number } | undefined {
  const [announcement, setAnnouncement] = useState<{ said: Announcement; count: number }>();
  const previous = useRef(shown);
  const key = JSON.stringify(shown ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `shown`, whose identity changes every render
  useEffect(() => {
    const before = previous.current;
    previous.current = shown;
    if (!before || !shown) return;
    const said = announcementFor(before, shown);
    if (said) setAnnouncement((last) => ({ said, count: (last?.count ?? 0) + 1 }));
  }, [key]);
  return announcement;
}

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
        <title>{`${t("doeMee.limitedTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("doeMee.limitedTitle")}</Heading>
        <Paragraph>{t("doeMee.limitedText", { count: loaderData.minutes })}</Paragraph>
      </>
    );
  }

  if (loaderData.state === "unknown") {
    return (
      <>
        <title>{`${t("doeMee.unknownTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("doeMee.unknownTitle")}</Heading>
        <Paragraph>{t("doeMee.unknownText")}</Paragraph>
        <Paragraph>
          <Link to="/doe-mee">{t("doeMee.tryAgain")}</Link>
        </Paragraph>
      </>
    );
  }

  const heading = (
    <>
      <title>{`${loaderData.title ?? t("doeMee.title")} – ${t("doeMee.title")} – Vakmanschap`}</title>
      <Heading level={1}>{loaderData.title ?? t("doeMee.title")}</Heading>
      <Paragraph className="vm-take-part__code">
        {t("doeMee.codeIs", { code: loaderData.spokenCode })}
      </Paragraph>
      <ErrorSummary
        title={t("doeMee.errorSummary")}
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
            <Paragraph>{t("doeMee.locked")}</Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph>{t("doeMee.notJoined")}</Paragraph>
            <Form method="post" id="meedoen" className="vm-form">
              <input type="hidden" name="intent" value="meedoen" />
              <Button>{t("doeMee.join")}</Button>
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
      <div role="status" className="vm-visually-hidden">
        {announcement ? (
          <span key={announcement.count}>{t(`doeMee.announce.${announcement.said}`)}</span>
        ) : null}
      </div>
      {loaderData.status === "afgelopen" ? (
        <Alert type="info">
          <Paragraph>{t("doeMee.thanks")}</Paragraph>
        </Alert>
      ) : !question ? (
        <section aria-labelledby="wachten" className="vm-take-part__section">
          <Heading level={2} id="wachten">
            {t("doeMee.waiting")}
          </Heading>
          <Paragraph>{t("doeMee.waitingText")}</Paragraph>
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
        {loaderData.status === "afgelopen" ? null : <Paragraph>{t("doeMee.loadHint")}</Paragraph>}
        <Button appearance="secondary-action">{t("doeMee.load")}</Button>
      </Form>
    </>
  );
}

function AnswerForm(props: { question: QuestionData; mine: string | null; error?: string; saved: boolean }) {
  const t = useT();
  const { question, error } = props;
  return (
    <section aria-labelledby="vraag" className="vm-take-part__section">
      {question.round > 1 ? <Paragraph>{t("doeMee.revote")}</Paragraph> : null}
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
              label={t("doeMee.openLabel")}
              description={t("doeMee.openHint", { max: OPEN_ANSWER_MAX_LENGTH })}
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
          <Choices question={question} checked={props.mine} error={error} />
        )}
        <div role="status">
          {props.saved ? (
            <Alert type="ok">
              <Paragraph>{t("doeMee.saved")}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <Button>{t("doeMee.send")}</Button>
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
      return t("doeMee.other");
    }
    if (question.kind === "schaal") return `${value} – ${t(`doeMee.scale.${value}`)}`;
    return value;
  };
}

function choicesOf(question: QuestionData): string[] {
  if (question.kind === "schaal") return ["1", "2", "3", "4", "5"];
  return question.allowOther ? ["a", "b", "anders"] : ["a", "b"];
}

/** One radio button per answer, in a fieldset whose legend is the question; big targets for thumbs. */
function Choices(props: { question: QuestionData; checked: string | null; error?: string }) {
  const t = useT();
  const labelOf = useChoiceLabel();
  const { question, error } = props;
  const describedBy = ["antwoord-hint", error ? "antwoord-fout" : ""].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vm-choices${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        <Heading level={2} id="vraag">
          {question.text}
        </Heading>
      </legend>
      <div className="utrecht-form-field-description" id="antwoord-hint">
        {t("doeMee.chooseHint")}
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id="antwoord-fout">
          {error}
        </div>
      ) : null}
      {choicesOf(question).map((value, index) => {
        // The first button carries the group's id, so the error summary can jump to the group.
        const id = index === 0 ? "antwoord" : `antwoord-${value}`;
        return (
          <div key={value} className="utrecht-form-field utrecht-form-field--radio vm-choice">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input"
              id={id}
              name="antwoord"
              value={value}
              defaultChecked={props.checked === value}
            />
            <label
              className="utrecht-form-field__label utrecht-form-label utrecht-form-label--radio vm-choice__label"
              htmlFor={id}
            >
              {labelOf(question, value)}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
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
          <strong>{t("doeMee.closed")}</strong>. {t("doeMee.closedText")}
        </Paragraph>
      </Alert>
      <Paragraph className="vm-preserve-lines">
        {props.mine === null
          ? t("doeMee.noAnswer")
          : t("doeMee.yourAnswer", { answer: labelOf(question, props.mine) })}
      </Paragraph>
      {results ? (
        <>
          <Heading level={3}>{t("doeMee.results")}</Heading>
          <RevealedResult t={t} question={question} results={results} bars />
        </>
      ) : null}
      <PrincipleLinks heading={t("doeMee.principles")} level={3} principles={props.principles} />
    </section>
  );
}
