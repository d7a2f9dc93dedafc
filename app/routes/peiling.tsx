// Taking part in a consultation on a phone: one statement at a time, agree, disagree or skip, with the
// progress; a statement of one's own; one's earlier votes to look at and change. Plain forms, so it all
// works without JavaScript; with it, the next statement comes without reloading the page. An anonymous
// participant is a random token in a cookie of this consultation only.
import { data, Form, redirect } from "react-router";
import { isSecureSite, secretCookie, secretFromCookies } from "~/infra/cookies.ts";
import { AppError } from "~/infra/errors.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import type { Services } from "~/infra/services.server.ts";
import { getCurrentUser } from "~/modules/accounts/current-user.server.ts";
import type { Vote } from "~/modules/consultation/analysis/vote-matrix.ts";
import { StatementText } from "~/modules/consultation/consultation.validation.ts";
import { STATEMENT_MAX, STATEMENTS_PER_HOUR } from "~/modules/consultation/consultation-limits.ts";
import { consultationWithParticipant } from "~/modules/consultation/consultations.server.ts";
import {
  addStatement,
  type Consultation,
  findParticipant,
  isOpenForVotes,
  joinConsultation,
  nextStatement,
  type Participant,
} from "~/modules/consultation/participation.server.ts";
import { castVote, castVoteWithToken, votesOf } from "~/modules/consultation/votes.server.ts";
import { limitParticipation } from "~/modules/conversations/participant-access.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/peiling";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["consultation.take", "consultation.votes"], hydrate: true };

/** A cookie per consultation, so one browser can take part in several. */
const cookieNameOf = (slug: string) => `vm_peiling_${slug}`;
/** Long enough to come back to a consultation that runs for weeks. */
const COOKIE_SECONDS = 120 * 24 * 60 * 60;
const VOTES: Record<string, Vote> = { eens: 1, oneens: -1, overslaan: 0 };

/**
 * The person taking part: by the token in this consultation's cookie, or, where it needs a login, by
 * the account. `found` is the consultation with the token's participant, read in one query.
 */
async function participantFor<C extends Consultation>(
  request: Request,
  services: Services,
  found: { consultation: C; participant?: Participant },
) {
  if (found.consultation.access === "anoniem") return { ...found, user: undefined };
  const user = await getCurrentUser({ request, services });
  const participant = user
    ? await findParticipant({ db: services.database.db, consultation: found.consultation, userId: user.id })
    : undefined;
  return { consultation: found.consultation, participant, user };
}

const tokenOf = (request: Request, services: Services, slug: string) =>
  secretFromCookies(request.headers.get("Cookie"), {
    name: cookieNameOf(slug),
    secure: isSecureSite(services.config),
  });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const token = tokenOf(request, services, params.slug);
    const { consultation, user, participant } = await participantFor(
      request,
      services,
      await consultationWithParticipant(db, params.slug, token),
    );
    const now = new Date();
    const base = {
      slug: consultation.slug,
      question: consultation.question,
      introduction: consultation.introduction,
      lang: consultation.contentLanguage,
      access: consultation.access,
      participantStatements: consultation.participantStatements,
      opensAt: consultation.opensAt.toISOString(),
      closesAt: consultation.closesAt.toISOString(),
      notYet: consultation.state === "open" && now < consultation.opensAt,
      takingVotes: isOpenForVotes(consultation, now),
      loggedIn: Boolean(user),
      added: new URL(request.url).searchParams.get("toegevoegd"),
    };
    if (!participant || !base.takingVotes) {
      return data({ ...base, joined: false as const }, { headers: PRIVATE_HEADERS });
    }
    const [next, mine] = await Promise.all([
      nextStatement({ db, consultation, participantId: participant.id }),
      votesOf({ db, consultationId: consultation.id, participantId: participant.id }),
    ]);
    return data(
      { ...base, joined: true as const, next: next.statement, progress: next.progress, mine },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const form = await readFormData(request);
    const intent = textOf(form, "intent");
    const token = tokenOf(request, services, params.slug);
    const limits = {
      participationLimits: services.participationLimits,
      config: services.config,
      clientIp: context.clientIp,
    };
    // The busiest request of a consultation: a vote with the cookie's token is stored without reading
    // the consultation first. Only a vote that was not stored goes on to the reads below, which say why.
    const vote = VOTES[textOf(form, "stem")];
    let voteCounted = false;
    if (intent === "stem" && token && vote !== undefined) {
      try {
        await limitParticipation({ ...limits, purpose: "answer" });
        voteCounted = true;
        const stored = await castVoteWithToken({
          db,
          slug: params.slug,
          token,
          statementNumber: Number(textOf(form, "stelling")),
          vote,
        });
        if (stored !== null) {
          services.consultationAnalysis.request(stored);
          return redirect(`/peilingen/${params.slug}#stelling`, { status: 303 });
        }
      } catch (error) {
        return answerRefusedForm(error, { request, field: "stem", say: EVERY_REFUSAL });
      }
    }
    // The rest reads only what taking part needs of the consultation, with the participant.
    const { consultation, user, participant } = await participantFor(
      request,
      services,
      await consultationWithParticipant(db, params.slug, token, "voting"),
    );
    const here = `/peilingen/${consultation.slug}`;

    if (intent === "meedoen") {
      if (consultation.access === "inloggen" && !user) {
        throw redirect(`/inloggen?terug=${encodeURIComponent(here)}`, { status: 303 });
      }
      try {
        if (participant) return redirect(here, { status: 303 });
        await limitParticipation({ ...limits, purpose: "join" });
        const joined = await joinConsultation({ db, consultation, userId: user?.id });
        const headers = joined.token
          ? {
              "Set-Cookie": secretCookie({
                name: cookieNameOf(consultation.slug),
                secret: joined.token,
                maxAgeSeconds: COOKIE_SECONDS,
                secure: isSecureSite(services.config),
              }),
            }
          : undefined;
        return redirect(here, { status: 303, headers });
      } catch (error) {
        return answerRefusedForm(error, { request, field: "meedoen", say: EVERY_REFUSAL });
      }
    }

    // Someone who has not joined (or whose cookie is gone) is sent back to the page to join first.
    if ((intent === "stem" || intent === "toevoegen") && !participant) return redirect(here, { status: 303 });

    if (intent === "stem" && participant) {
      const number = Number(textOf(form, "stelling"));
      try {
        if (vote === undefined) throw new AppError("invalid", "problems.consultation.vote");
        if (!voteCounted) await limitParticipation({ ...limits, purpose: "answer" });
        await castVote({
          db,
          consultation,
          participantId: participant.id,
          statementNumber: Number.isInteger(number) ? number : -1,
          vote,
        });
        services.consultationAnalysis.request(consultation.id);
        return redirect(`${here}#stelling`, { status: 303 });
      } catch (error) {
        return answerRefusedForm(error, { request, field: "stem", say: EVERY_REFUSAL });
      }
    }

    if (intent === "toevoegen" && participant) {
      const typed = textOf(form, "stelling").slice(0, STATEMENT_MAX * 4);
      try {
        const text = StatementText.parse(typed);
        const added = await addStatement({ db, consultation, participantId: participant.id, text });
        if (added.shown) services.consultationAnalysis.request(consultation.id);
        return redirect(`${here}?toegevoegd=${added.shown ? "getoond" : "beoordeling"}#toevoegen`, {
          status: 303,
        });
      } catch (error) {
        return answerRefusedForm(error, {
          request,
          field: "stelling",
          say: EVERY_REFUSAL,
          values: { stelling: typed },
          fieldNames: { nameOf: () => "stelling" },
        });
      }
    }

    const t = translatorFor(languageOf(request));
    return data(
      { errors: { formulier: t("problems.consultation.unknownForm") }, problem: null, values: null },
      { status: 400 },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

type ActionData = { errors?: Record<string, string>; values?: { stelling?: string } | null };

export default function TakingPart({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const sent = actionData as ActionData | undefined;
  const errors = sent?.errors ?? {};
  const day = (iso: string) => formatDate({ iso, language, format: "date" });
  const lastDay = day(new Date(Date.parse(loaderData.closesAt) - 1).toISOString());
  return (
    <>
      <title>{`${loaderData.question} – Vakmanschap`}</title>
      <Heading level={1} lang={loaderData.lang}>
        {loaderData.question}
      </Heading>
      {loaderData.introduction ? (
        <Paragraph className="vm-preserve-lines" lang={loaderData.lang}>
          {loaderData.introduction}
        </Paragraph>
      ) : null}
      <Paragraph>
        {t("consultation.take.period", { opens: day(loaderData.opensAt), closes: lastDay })}
      </Paragraph>
      <ErrorSummary
        title={t("consultation.take.errorSummary")}
        errors={errors}
        fieldIds={{ meedoen: "meedoen", stem: "stelling", formulier: "inhoud" }}
      />
      {loaderData.notYet ? (
        <Alert type="info">
          <Paragraph>{t("consultation.take.notOpenYet", { date: day(loaderData.opensAt) })}</Paragraph>
        </Alert>
      ) : !loaderData.takingVotes ? (
        <Alert type="info">
          <Paragraph>{t("consultation.take.closed")}</Paragraph>
          <Paragraph>
            <Link to={`/peilingen/${loaderData.slug}/resultaten`}>{t("consultation.take.results")}</Link>
          </Paragraph>
        </Alert>
      ) : !loaderData.joined ? (
        <Form method="post" id="meedoen" className="vm-form">
          <input type="hidden" name="intent" value="meedoen" />
          <Paragraph>
            {loaderData.access === "inloggen"
              ? t("consultation.take.loginNeeded")
              : t("consultation.take.anonymous")}
          </Paragraph>
          <Button>
            {loaderData.access === "inloggen" && !loaderData.loggedIn
              ? t("consultation.take.logIn")
              : t("consultation.take.join")}
          </Button>
        </Form>
      ) : (
        <Voting
          lang={loaderData.lang}
          slug={loaderData.slug}
          next={loaderData.next}
          progress={loaderData.progress}
          mine={loaderData.mine}
          error={errors.stem}
        />
      )}
      {loaderData.joined && loaderData.takingVotes && loaderData.participantStatements !== "niet" ? (
        <AddStatement
          reviewed={loaderData.participantStatements === "na-beoordeling"}
          added={loaderData.added}
          error={errors.stelling}
          typed={sent?.values?.stelling}
        />
      ) : null}
    </>
  );
}

type Joined = Extract<Route.ComponentProps["loaderData"], { joined: true }>;

function Voting(props: {
  lang: string;
  slug: string;
  next: Joined["next"];
  progress: Joined["progress"];
  mine: Joined["mine"];
  error?: string;
}) {
  const t = useT();
  const { next, progress } = props;
  return (
    <>
      <Paragraph>
        <strong>{t("consultation.take.progress", { voted: progress.voted, total: progress.total })}</strong>
      </Paragraph>
      {next ? (
        <section aria-labelledby="stelling" className="vm-consultation__statement">
          <Paragraph>{t("consultation.take.statement")}</Paragraph>
          <Heading level={2} id="stelling" lang={props.lang}>
            {next.text}
          </Heading>
          <Paragraph id="stem-kiezen">{t("consultation.take.choose")}</Paragraph>
          <VoteButtons number={next.number} labelledBy="stelling stem-kiezen" />
          {props.error ? (
            <Alert type="error">
              <Paragraph>{props.error}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>{t("consultation.take.passHint")}</Paragraph>
        </section>
      ) : (
        <Alert type="ok">
          <Paragraph>
            <strong>{t("consultation.take.done")}</strong> {t("consultation.take.doneText")}
          </Paragraph>
        </Alert>
      )}
      <details className="vm-consultation__mine">
        <summary>{t("consultation.take.mine")}</summary>
        {props.mine.length === 0 ? (
          <Paragraph>{t("consultation.take.mineNone")}</Paragraph>
        ) : (
          <UnorderedList>
            {props.mine.map((vote) => (
              <UnorderedListItem key={vote.number}>
                <Paragraph lang={props.lang} id={`mijn-${vote.number}`}>
                  {vote.text}
                </Paragraph>
                <Paragraph>
                  {t("consultation.take.yourVote", { vote: t(`consultation.votes.${vote.vote}`) })}
                </Paragraph>
                <VoteButtons number={vote.number} labelledBy={`mijn-${vote.number}`} />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </details>
    </>
  );
}

/** Agree, disagree and skip as three buttons of one form, named by the statement it is about. */
function VoteButtons(props: { number: number; labelledBy: string }) {
  const t = useT();
  return (
    <Form
      method="post"
      className="vm-consultation__vote"
      aria-labelledby={props.labelledBy}
      preventScrollReset
    >
      <input type="hidden" name="intent" value="stem" />
      <input type="hidden" name="stelling" value={props.number} />
      <Button name="stem" value="eens">
        {t("consultation.take.agree")}
      </Button>
      <Button name="stem" value="oneens">
        {t("consultation.take.disagree")}
      </Button>
      <Button name="stem" value="overslaan" appearance="secondary-action">
        {t("consultation.take.pass")}
      </Button>
    </Form>
  );
}

function AddStatement(props: { reviewed: boolean; added: string | null; error?: string; typed?: string }) {
  const t = useT();
  return (
    <section aria-labelledby="toevoegen-kop">
      <Heading level={2} id="toevoegen-kop">
        {t("consultation.take.addTitle")}
      </Heading>
      <Paragraph>
        {props.reviewed ? t("consultation.take.addReviewed") : t("consultation.take.addDirect")}
      </Paragraph>
      <div role="status">
        {props.added ? (
          <Alert type="ok">
            <Paragraph>
              {props.added === "getoond"
                ? t("consultation.take.addedShown")
                : t("consultation.take.addedReviewed")}
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      <Form method="post" id="toevoegen" className="vm-form" noValidate>
        <input type="hidden" name="intent" value="toevoegen" />
        <FormField
          id="stelling-tekst"
          label={t("consultation.take.addLabel")}
          description={t("consultation.take.addHint", { max: STATEMENT_MAX, perHour: STATEMENTS_PER_HOUR })}
          error={props.error}
        >
          {(describedBy) => (
            <Textarea
              id="stelling-tekst"
              name="stelling"
              defaultValue={props.typed ?? ""}
              invalid={Boolean(props.error)}
              describedBy={describedBy}
              maxLength={STATEMENT_MAX}
              rows={3}
            />
          )}
        </FormField>
        <Button>{t("consultation.take.add")}</Button>
      </Form>
    </section>
  );
}
