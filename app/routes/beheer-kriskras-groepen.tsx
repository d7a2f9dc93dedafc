// An editor composes a round's groups and reviews them: start the optimiser (it runs in the background,
// with a progress bar), then per slot the groups with their score and mix, and by hand move or swap
// people, choose a host and lock people in place. Plain forms: it all works without JavaScript; with it
// the page follows a running composition by itself.

import { useEffect } from "react";
import { data, Form, redirect, useRevalidator } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { Id } from "~/infra/fields.ts";
import { readFormData, textsOf } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getCompositionRun, startComposition } from "~/modules/kriskras/composition.server.ts";
import { CHOSEN, GroupReview, UnplacedPeople } from "~/modules/kriskras/group-review.tsx";
import { publishRound } from "~/modules/kriskras/publication.server.ts";
import {
  getGroupReview,
  movePeople,
  setHost,
  setPeopleLocked,
  swapPeople,
} from "~/modules/kriskras/review.server.ts";
import { accessNeedsForOrganiser, signupChoiceLists } from "~/modules/kriskras/signups.server.ts";
import { slotLine, slotTimes } from "~/modules/kriskras/slot-times.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Fieldset, FormField, FormLabel, Select } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-kriskras-groepen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["kriskras.groepen"], hydrate: true };

const NO_GROUP = "geen";
/** The counts of a publication, carried to the page in the address after the redirect. */
const PUBLISHED_COUNTS = {
  sent: "nieuw",
  updated: "bijgewerkt",
  cancelled: "afgezegd",
  unchanged: "ongewijzigd",
} as const;

function publishedCountsOf(url: URL) {
  if (url.searchParams.get("gepubliceerd") !== "1") return null;
  const count = (name: string) => Math.max(0, Math.trunc(Number(url.searchParams.get(name)) || 0));
  return {
    sent: count(PUBLISHED_COUNTS.sent),
    updated: count(PUBLISHED_COUNTS.updated),
    cancelled: count(PUBLISHED_COUNTS.cancelled),
    unchanged: count(PUBLISHED_COUNTS.unchanged),
  };
}

async function editorAndRound(
  request: Request,
  context: Route.LoaderArgs["context"],
  id: string | undefined,
) {
  const { actor } = await requirePermission({
    request,
    services: context.services,
    permission: "kriskras:organise",
  });
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "problems.kriskras.roundNotFound");
  return { roundId: parsed.data, actor, userId: actor.id };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { roundId, userId } = await editorAndRound(request, context, params.id);
    const { db } = context.services.database;
    const [review, choices, needs] = await Promise.all([
      getGroupReview({ db, roundId }),
      signupChoiceLists({ db }),
      // Health data: only for the round's own organisers, not for every editor.
      accessNeedsForOrganiser({ db, keyring: context.services.keyring, roundId, userId }),
    ]);
    const withNeed = <T extends { signupId: string }>(person: T) => ({
      ...person,
      need: needs?.get(person.signupId) ?? "",
    });
    const run = await getCompositionRun({
      db,
      roundId,
      timeLimitMs: context.services.config.kriskras.composeSeconds * 1000,
    });
    const labels: Record<string, string> = {};
    for (const organisation of choices.organisations)
      labels[`organisation:${organisation.id}`] = organisation.name;
    for (const [attribute, options] of Object.entries(choices.options)) {
      for (const option of options) labels[`${attribute}:${option.key}`] = option.labelNl;
    }
    const url = new URL(request.url);
    return data(
      {
        round: {
          id: review.round.id,
          title: review.round.title,
          bounds: { min: review.round.groupMin, max: review.round.groupMax },
          publishedAt: review.round.publishedAt?.toISOString() ?? null,
        },
        published: publishedCountsOf(url),
        slots: review.slots.map(({ slot, groups }) => ({
          id: slot.id,
          line: slotLine({ ...slotTimes(slot), place: slot.place, onlineUrl: slot.onlineUrl }, "nl"),
          capacity: slot.capacity,
          groups: groups.map((group) => ({ ...group, members: group.members.map(withNeed) })),
        })),
        unplaced: review.unplaced.map(withNeed),
        labels,
        showsNeeds: needs !== undefined,
        run: run
          ? {
              state: run.state,
              percent: Math.round(run.fraction * 100),
              // Stored as a message of the locale files: said here in the reader's language.
              message: translatorFor(languageOf(request))(run.message),
              result: run.result,
            }
          : null,
        changed: url.searchParams.get("gewijzigd") === "1",
        composeSeconds: context.services.config.kriskras.composeSeconds,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { roundId, actor } = await editorAndRound(request, context, params.id);
    const { db } = context.services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");
    const chosen = textsOf(form, CHOSEN);
    const one = () => {
      if (chosen.length !== 1) throw new AppError("invalid", "problems.kriskras.chooseOne");
      return chosen[0] as string;
    };
    try {
      switch (intent) {
        case "samenstellen":
          await startComposition({
            db,
            roundId,
            timeLimitMs: context.services.config.kriskras.composeSeconds * 1000,
          });
          return redirect(`/beheer/kriskras/${roundId}/groepen`, { status: 303 });
        case "publiceren": {
          const origin = context.services.config.publicUrl;
          const counts = await publishRound({ db, roundId, origin, config: context.services.config, actor });
          const query = new URLSearchParams({ gepubliceerd: "1" });
          for (const [key, name] of Object.entries(PUBLISHED_COUNTS)) {
            query.set(name, String(counts[key as keyof typeof PUBLISHED_COUNTS]));
          }
          return redirect(`/beheer/kriskras/${roundId}/groepen?${query}`, { status: 303 });
        }
        case "verplaats": {
          if (chosen.length === 0) throw new AppError("invalid", "problems.kriskras.chooseToMove");
          const target = form.get("naar");
          const groupId = target === NO_GROUP ? null : Id.safeParse(target).data;
          if (groupId === undefined) throw new AppError("invalid", "problems.kriskras.chooseGroup");
          await movePeople({ db, roundId, signupIds: chosen, groupId });
          break;
        }
        case "ruil":
          if (chosen.length !== 2) throw new AppError("invalid", "problems.kriskras.chooseTwo");
          await swapPeople({ db, roundId, signupA: chosen[0] as string, signupB: chosen[1] as string });
          break;
        case "gastheer":
          await setHost({ db, roundId, signupId: one() });
          break;
        case "vastzetten":
        case "losmaken":
          await setPeopleLocked({ db, roundId, signupIds: chosen, locked: intent === "vastzetten" });
          break;
        default:
          throw new AppError("invalid", "problems.kriskras.chooseAction");
      }
    } catch (error) {
      // A bad choice is said on the page; an outage is for the error page.
      return answerRefusedForm(error, { request, field: "keuzes", say: EVERY_REFUSAL, extra: { chosen } });
    }
    return redirect(`/beheer/kriskras/${roundId}/groepen?gewijzigd=1`, { status: 303 });
  });
}

type LoaderData = Route.ComponentProps["loaderData"];

/** While a composition runs, the page reloads its data every second (with JavaScript). */
function useFollowRun(running: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}

export default function ComposeGroups({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { round, slots, unplaced, run } = loaderData;
  useFollowRun(run?.state === "bezig");
  const groups = slots.flatMap((slot) => slot.groups.map((group) => ({ slot, group })));
  const groupOptions = [
    { value: NO_GROUP, label: t("kriskras.groepen.noGroup") },
    ...groups.map(({ slot, group }) => ({
      value: group.id,
      label: t("kriskras.groepen.groupOption", { number: group.number, slot: slot.line }),
    })),
  ];
  const chosen = new Set(actionData?.chosen ?? []);
  return (
    <>
      <title>{`${t("kriskras.groepen.pageTitle")} — Vakmanschap`}</title>
      <Paragraph>
        <Link to={`/beheer/kriskras/${round.id}`}>{t("kriskras.groepen.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("kriskras.groepen.title", { title: round.title })}</Heading>
      {actionData && Object.keys(actionData.errors).length > 0 ? (
        <ErrorSummary title={t("kriskras.groepen.errorTitle")} errors={actionData.errors} />
      ) : null}
      {loaderData.changed ? <Alert type="ok">{t("kriskras.groepen.changed")}</Alert> : null}

      <Paragraph>
        {t(loaderData.showsNeeds ? "kriskras.groepen.needsShown" : "kriskras.groepen.needsHidden")}
      </Paragraph>

      <section aria-labelledby="samenstellen">
        <Heading level={2} id="samenstellen">
          {t("kriskras.groepen.composeTitle")}
        </Heading>
        <Paragraph>{t("kriskras.groepen.composeText", { seconds: loaderData.composeSeconds })}</Paragraph>
        <RunStatus run={run} />
        <Form method="post">
          <Button name="intent" value="samenstellen">
            {groups.length > 0 ? t("kriskras.groepen.composeAgain") : t("kriskras.groepen.compose")}
          </Button>
        </Form>
      </section>

      {groups.length > 0 ? (
        <Form method="post" id="keuzes" className="vm-groups">
          <Heading level={2}>{t("kriskras.groepen.reviewTitle")}</Heading>
          <Paragraph>{t("kriskras.groepen.reviewText")}</Paragraph>
          <Fieldset legend={t("kriskras.groepen.actions")} framed className="vm-groups__actions">
            <FormField id="naar" label={t("kriskras.groepen.moveTo")}>
              {(describedBy) => (
                <Select id="naar" name="naar" options={groupOptions} describedBy={describedBy} />
              )}
            </FormField>
            <div className="vm-button-row">
              <Button name="intent" value="verplaats">
                {t("kriskras.groepen.move")}
              </Button>
              <Button name="intent" value="ruil" appearance="secondary-action">
                {t("kriskras.groepen.swap")}
              </Button>
              <Button name="intent" value="gastheer" appearance="secondary-action">
                {t("kriskras.groepen.host")}
              </Button>
              <Button name="intent" value="vastzetten" appearance="secondary-action">
                {t("kriskras.groepen.lock")}
              </Button>
              <Button name="intent" value="losmaken" appearance="secondary-action">
                {t("kriskras.groepen.unlock")}
              </Button>
            </div>
          </Fieldset>
          {slots.map((slot) => (
            <section key={slot.id} aria-labelledby={`tijdvak-${slot.id}`}>
              <Heading level={3} id={`tijdvak-${slot.id}`}>
                {slot.line}
              </Heading>
              {slot.groups.length === 0 ? (
                <Paragraph>{t("kriskras.groepen.noGroupsInSlot")}</Paragraph>
              ) : null}
              {slot.groups.map((group) => (
                <GroupReview
                  key={group.id}
                  group={group}
                  bounds={round.bounds}
                  labels={loaderData.labels}
                  chosen={chosen}
                />
              ))}
            </section>
          ))}
          <UnplacedPeople people={unplaced} labels={loaderData.labels} chosen={chosen} />
        </Form>
      ) : null}
      {groups.length > 0 ? <Publish round={round} published={loaderData.published} /> : null}
    </>
  );
}

/** Publishing (again): everyone placed gets an invitation, later only whoever's invitation changed. */
function Publish(props: { round: LoaderData["round"]; published: LoaderData["published"] }) {
  const t = useT();
  const language = useLanguage();
  const { round, published } = props;
  return (
    <section aria-labelledby="publiceren">
      <Heading level={2} id="publiceren">
        {t("kriskras.groepen.publishTitle")}
      </Heading>
      {published ? (
        <div role="status">
          <Alert type="ok">{t("kriskras.groepen.publishedResult", published)}</Alert>
        </div>
      ) : null}
      <Paragraph>
        {round.publishedAt
          ? t("kriskras.groepen.publishedAt", {
              date: formatDate({ iso: round.publishedAt, language, format: "dateTime" }),
            })
          : t("kriskras.groepen.notPublished")}
      </Paragraph>
      <Paragraph>{t("kriskras.groepen.publishText")}</Paragraph>
      <Form method="post">
        <Button name="intent" value="publiceren">
          {round.publishedAt ? t("kriskras.groepen.publishAgain") : t("kriskras.groepen.publish")}
        </Button>
      </Form>
    </section>
  );
}

function RunStatus(props: { run: LoaderData["run"] }) {
  const t = useT();
  const { run } = props;
  if (!run) return null;
  if (run.state === "bezig") {
    return (
      <div className="vm-progress">
        <FormLabel htmlFor="voortgang">{t("kriskras.groepen.running", { percent: run.percent })}</FormLabel>
        <progress id="voortgang" max={100} value={run.percent}>
          {run.percent}%
        </progress>
        <Paragraph>
          <Link to="?">{t("kriskras.groepen.refresh")}</Link>
        </Paragraph>
      </div>
    );
  }
  if (run.state === "mislukt") return <Alert type="error">{run.message}</Alert>;
  return (
    <div role="status">
      <Alert type="ok">
        {t("kriskras.groepen.done", {
          count: run.result?.groups ?? 0,
          placed: run.result?.placed ?? 0,
          unplaced: run.result?.unplaced ?? 0,
        })}
        {run.result?.droppedLocks
          ? ` ${t("kriskras.groepen.droppedLocks", { count: run.result.droppedLocks })}`
          : ""}
      </Alert>
    </div>
  );
}
