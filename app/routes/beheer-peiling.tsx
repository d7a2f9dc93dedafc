// Managing one consultation: its state (close, open again, archive, take out of the archive), the
// statements participants added that wait for review, and deleting it with all its votes.
import { data, Form, redirect } from "react-router";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { requireConsultationBySlug } from "~/modules/consultation/consultations.server.ts";
import { POLIS_FILES } from "~/modules/consultation/polis-export.ts";
import {
  deleteConsultation,
  reviewStatement,
  setConsultationState,
  statementsToReview,
} from "~/modules/consultation/running.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { CheckboxField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/beheer-peiling";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "consultation.beheer", "consultation.states"] };

const DONE = ["gemaakt", "stand", "beoordeeld"] as const;
const STATE_ACTIONS = {
  sluiten: "gesloten",
  openen: "open",
  archiveren: "gearchiveerd",
  terughalen: "gesloten",
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    await requirePermission({ request, services, permission: "consultations:run" });
    const consultation = await requireConsultationBySlug(services.database.db, params.slug);
    const done = new URL(request.url).searchParams.get("gedaan");
    return data(
      {
        slug: consultation.slug,
        question: consultation.question,
        lang: consultation.contentLanguage,
        state: consultation.state,
        toReview: await statementsToReview(services.database.db, consultation.id),
        done: DONE.find((said) => said === done) ?? null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    await requirePermission({ request, services, permission: "consultations:run" });
    const consultation = await requireConsultationBySlug(db, params.slug);
    const form = await readFormData(request);
    const intent = textOf(form, "intent");
    const here = `/beheer/peilingen/${consultation.slug}`;
    try {
      if (intent in STATE_ACTIONS) {
        await setConsultationState({
          db,
          id: consultation.id,
          state: STATE_ACTIONS[intent as keyof typeof STATE_ACTIONS],
          liveHub: services.liveHub,
        });
        return redirect(`${here}?gedaan=stand`, { status: 303 });
      }
      if (intent === "beoordelen") {
        const decision = textOf(form, "besluit") === "tonen" ? "goed" : "afgewezen";
        await reviewStatement({
          db,
          consultationId: consultation.id,
          number: Number(textOf(form, "stelling")),
          decision,
        });
        services.consultationAnalysis.request(consultation.id);
        return redirect(`${here}?gedaan=beoordeeld`, { status: 303 });
      }
      if (intent === "verwijderen") {
        if (textOf(form, "zeker") !== "ja") {
          const t = translatorFor(languageOf(request));
          return data(
            { errors: { zeker: t("problems.consultation.deleteConfirm") }, problem: null, values: null },
            { status: 400, headers: PRIVATE_HEADERS },
          );
        }
        await deleteConsultation({ db, id: consultation.id });
        return redirect("/beheer/peilingen?gedaan=verwijderd", { status: 303 });
      }
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        field: "stand",
        say: EVERY_REFUSAL,
        headers: PRIVATE_HEADERS,
      });
    }
    const t = translatorFor(languageOf(request));
    return data(
      { errors: { formulier: t("problems.consultation.unknownForm") }, problem: null, values: null },
      { status: 400, headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ManageConsultation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const { state } = loaderData;
  const actions: (keyof typeof STATE_ACTIONS)[] =
    state === "open"
      ? ["sluiten", "archiveren"]
      : state === "gesloten"
        ? ["openen", "archiveren"]
        : ["terughalen"];
  const label = {
    sluiten: "close",
    openen: "reopen",
    archiveren: "archive",
    terughalen: "unarchive",
  } as const;
  return (
    <>
      <title>{`${loaderData.question} – ${t("consultation.beheer.one.pageTitle")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/peilingen">{t("consultation.beheer.back")}</Link>
      </Paragraph>
      <Heading level={1}>
        {t("consultation.beheer.one.titleBefore")} <span lang={loaderData.lang}>{loaderData.question}</span>
      </Heading>
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={errors}
        fieldIds={{ zeker: "zeker", stand: "stand" }}
      />
      <div role="status">
        {loaderData.done ? (
          <Alert type="ok">
            <Paragraph>{t(`consultation.beheer.done.${loaderData.done}`)}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph>
        <Link to={`/peilingen/${loaderData.slug}`}>{t("consultation.beheer.one.open")}</Link> ·{" "}
        <Link to={`/peilingen/${loaderData.slug}/resultaten`}>{t("consultation.beheer.one.results")}</Link>
      </Paragraph>
      <section aria-labelledby="stand">
        <Heading level={2} id="stand">
          {t("consultation.beheer.one.stateTitle")}
        </Heading>
        <Paragraph>
          {t("consultation.beheer.one.stateIs", { state: t(`consultation.states.${state}`) })}
        </Paragraph>
        <div className="vm-actions">
          {actions.map((action) => (
            <Form method="post" key={action}>
              <input type="hidden" name="intent" value={action} />
              <Button appearance="secondary-action">{t(`consultation.beheer.one.${label[action]}`)}</Button>
            </Form>
          ))}
        </div>
      </section>
      <section aria-labelledby="beoordelen">
        <Heading level={2} id="beoordelen">
          {t("consultation.beheer.one.reviewTitle")}
        </Heading>
        {loaderData.toReview.length === 0 ? (
          <Paragraph>{t("consultation.beheer.one.reviewNone")}</Paragraph>
        ) : (
          <UnorderedList>
            {loaderData.toReview.map((statement) => (
              <UnorderedListItem key={statement.number}>
                <Paragraph lang={loaderData.lang} id={`beoordeel-${statement.number}`}>
                  {statement.text}
                </Paragraph>
                <Form method="post" className="vm-actions" aria-labelledby={`beoordeel-${statement.number}`}>
                  <input type="hidden" name="intent" value="beoordelen" />
                  <input type="hidden" name="stelling" value={statement.number} />
                  <Button name="besluit" value="tonen">
                    {t("consultation.beheer.one.show")}
                  </Button>
                  <Button name="besluit" value="afwijzen" appearance="secondary-action">
                    {t("consultation.beheer.one.reject")}
                  </Button>
                </Form>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>
      <section aria-labelledby="bestanden">
        <Heading level={2} id="bestanden">
          {t("consultation.beheer.one.filesTitle")}
        </Heading>
        <Paragraph>{t("consultation.beheer.one.filesText")}</Paragraph>
        <LinkList>
          {POLIS_FILES.map((file) => (
            <LinkListItem key={file}>
              <Link to={`/peilingen/${loaderData.slug}/export/${file}`} download>
                {file}
              </Link>
            </LinkListItem>
          ))}
        </LinkList>
      </section>
      <section aria-labelledby="verwijderen">
        <Heading level={2} id="verwijderen">
          {t("consultation.beheer.one.deleteTitle")}
        </Heading>
        <Paragraph>{t("consultation.beheer.one.deleteText")}</Paragraph>
        <Form method="post" className="vm-form" noValidate>
          <input type="hidden" name="intent" value="verwijderen" />
          <CheckboxField
            id="zeker"
            name="zeker"
            value="ja"
            label={t("consultation.beheer.one.deleteConfirm")}
            error={errors.zeker}
          />
          <Button appearance="secondary-action">{t("consultation.beheer.one.delete")}</Button>
        </Form>
      </section>
    </>
  );
}
