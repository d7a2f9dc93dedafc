// One step of the Dilemma-wijzer. Saves on every submit without JavaScript and autosaves with it. A
// save based on an older revision (another tab saved first) is refused and shown side by side so the
// person can merge; an expired login keeps what was typed and brings it back after logging in.
import type { FormEvent } from "react";
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { AppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { getCurrentUser, requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ConflictPanel } from "~/modules/deliberation/conflict-panel.tsx";
import { DeliberationPatch } from "~/modules/deliberation/deliberation.validation.ts";
import {
  applySuggestionDecision,
  describedDilemma,
  filledSteps,
  STEP_COUNT,
  type Step,
  stepOf,
} from "~/modules/deliberation/deliberation-steps.ts";
import { saveDeliberation } from "~/modules/deliberation/deliberations.server.ts";
import { requireOwnDeliberation } from "~/modules/deliberation/own-deliberation.server.ts";
import {
  clearPendingDraftCookie,
  keepPendingDraft,
  pendingDraftCookie,
  pendingDraftTokenFrom,
  resumePendingDraft,
} from "~/modules/deliberation/pending-drafts.server.ts";
import { StepFields } from "~/modules/deliberation/step-fields.tsx";
import { readStepForm, stepFieldOf } from "~/modules/deliberation/step-form.ts";
import { guidanceFor } from "~/modules/deliberation/step-guidance.ts";
import { StepProgress } from "~/modules/deliberation/step-progress.tsx";
import { suggestPrinciples } from "~/modules/deliberation/suggestions.server.ts";
import { SuggestionsPanel } from "~/modules/deliberation/suggestions-panel.tsx";
import { type Conflict, useAutosave } from "~/modules/deliberation/use-autosave.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/afweging-stap";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "deliberation.conflict",
    "deliberation.errorSummary",
    "deliberation.example",
    "deliberation.fields",
    "deliberation.finish",
    "deliberation.loggedOut",
    "deliberation.next",
    "deliberation.previous",
    "deliberation.principlesChoice",
    "deliberation.principlesHint",
    "deliberation.progress",
    "deliberation.progressLabel",
    "deliberation.record",
    "deliberation.restored",
    "deliberation.save",
    "deliberation.saveFailed",
    "deliberation.saved",
    "deliberation.savedAt",
    "deliberation.saving",
    "deliberation.stepDone",
    "deliberation.stepTodo",
    "deliberation.steps",
    "deliberation.suggestions",
    "deliberation.title",
    "deliberation.toRecord",
    "deliberation.valuesChoice",
    "deliberation.valuesHint",
    "dilemmas.perspectives",
    "dilemmas.values",
  ],
  hydrate: true,
};

const NOT_FOUND = "problems.deliberation.stepNotFound";

/** What the form shows of typed or restored values: all of them when they are valid, else none. */
const shownValues = (typed: unknown) => DeliberationPatch.catch({}).parse(typed ?? {});

function stepFrom(params: { stap: string }): Step {
  const step = stepOf(params.stap);
  if (!step) throw new AppError("not_found", NOT_FOUND);
  return step;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { record } = await requireOwnDeliberation({ request, services, id: params.id });
    const step = stepFrom(params);
    const { db } = services.database;
    const headers = new Headers(PRIVATE_HEADERS);
    let restored: { values: Record<string, unknown>; revision: number } | undefined;
    const secure = isSecureSite(services.config);
    const token = pendingDraftTokenFrom(request.headers.get("Cookie"), { secure });
    if (token) {
      const pending = await resumePendingDraft({
        db,
        keyring: services.keyring,
        token,
        deliberationId: record.id,
        step: step.number,
      });
      if (pending.kind === "elsewhere") {
        throw redirect(`/afwegen/${record.id}/stap/${pending.step}`, {
          headers: { "Set-Cookie": pendingDraftCookie(pending.token, { secure }) },
        });
      }
      if (pending.kind === "restore") restored = { values: pending.values, revision: pending.revision };
      headers.append("Set-Cookie", clearPendingDraftCookie({ secure }));
    }
    const titles = await principleTitles({ db });
    const suggestions =
      step.number === 4
        ? (await suggestPrinciples({ db, text: describedDilemma(record.content) })).map(
            ({ slug, title, summary, because }) => ({ slug, title, summary, because }),
          )
        : [];
    return data(
      {
        id: record.id,
        step: step.number,
        revision: restored?.revision ?? record.revision,
        content: record.content,
        restored: restored ? shownValues(restored.values) : undefined,
        // Only this step's guidance in the reader's language goes to the browser, not all of it.
        guidance: guidanceFor(languageOf(request), step.number),
        filled: filledSteps(record.content),
        justSaved: new URL(request.url).searchParams.has("opgeslagen"),
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
        suggestions,
      },
      { headers },
    );
  });
}

type Destination = "vorige" | "volgende" | "verslag" | "blijf";

function destinationOf(form: FormData, id: string, step: Step): string {
  const record = `/afwegen/${id}`;
  if (form.get("suggestie")) return `${record}/stap/${step.number}#voorstellen`;
  const to = form.get("naar") as Destination | null;
  if (to === "vorige" && step.number > 1) return `${record}/stap/${step.number - 1}`;
  if (to === "verslag" || (to === "volgende" && step.number === STEP_COUNT)) return record;
  if (to === "volgende") return `${record}/stap/${step.number + 1}`;
  return `${record}/stap/${step.number}?opgeslagen=1`;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const form = await readFormData(request);
    const revision = Number(form.get("revisie"));
    const step = stepOf(params.stap);
    if (!(await getCurrentUser({ request, services }))) {
      // The login ran out while the person was writing: keep the text, log in, come back to it.
      const back = `/afwegen/${params.id}/stap/${params.stap}`;
      const headers = new Headers();
      if (step && Number.isInteger(revision)) {
        const token = await keepPendingDraft({
          db,
          keyring: services.keyring,
          deliberationId: params.id,
          step: step.number,
          revision,
          patch: readStepForm(step, form),
        });
        if (token)
          headers.append("Set-Cookie", pendingDraftCookie(token, { secure: isSecureSite(services.config) }));
      }
      headers.set("Location", `/inloggen?terug=${encodeURIComponent(back)}`);
      return new Response(null, { status: 302, headers });
    }
    const { user } = await requirePermission({ request, services, permission: "deliberations:own" });
    const current = stepFrom(params);
    let patch = readStepForm(current, form);
    const decision = form.get("suggestie");
    if (current.number === 4 && typeof decision === "string") {
      patch = { ...patch, ...applySuggestionDecision(patch, decision) };
    }
    const parsed = DeliberationPatch.safeParse(patch);
    if (!parsed.success) {
      return answerRefusedForm(parsed.error, {
        request,
        values: shownValues(patch),
        fieldNames: { nameOf: stepFieldOf },
        extra: { revision },
        headers: PRIVATE_HEADERS,
      });
    }
    if (!Number.isInteger(revision)) throw new AppError("invalid", "problems.deliberation.formIncomplete");
    const result = await saveDeliberation({
      db,
      keyring: services.keyring,
      id: params.id,
      ownerId: user.id,
      revision,
      patch: parsed.data,
    });
    if (!result.saved) {
      const conflict: Conflict = { theirs: result.current.content, revision: result.current.revision };
      return data(
        { conflict, values: shownValues(patch), revision },
        { status: 409, headers: PRIVATE_HEADERS },
      );
    }
    return redirect(destinationOf(form, params.id, current), { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function DeliberationStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const step = loaderData.step;
  const guidance = loaderData.guidance;
  const typed = actionData && "values" in actionData ? actionData.values : loaderData.restored;
  const values = { ...loaderData.content, ...typed };
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const sentRevision = actionData && "revision" in actionData ? actionData.revision : undefined;
  const autosave = useAutosave({
    id: loaderData.id,
    step,
    revision: Number.isInteger(sentRevision) ? (sentRevision as number) : loaderData.revision,
    filled: loaderData.filled,
  });
  const conflict =
    (actionData && "conflict" in actionData ? actionData.conflict : undefined) ?? autosave.conflict;
  const saved = loaderData.justSaved;
  const title = t(`deliberation.steps.${step}`);
  const last = step === STEP_COUNT;
  return (
    <>
      <title>{`${title} – ${t("deliberation.title")} – Vakmanschap`}</title>
      <StepProgress id={loaderData.id} current={step} filled={autosave.filled} onLeave={autosave.leave} />
      <Heading level={1}>
        <span className="vm-heading-pre">{t("deliberation.progress", { step, count: STEP_COUNT })}: </span>
        {title}
      </Heading>
      <ErrorSummary title={t("deliberation.errorSummary")} errors={errors} />
      {loaderData.restored && !actionData ? (
        <Alert type="warning">
          <Paragraph>{t("deliberation.restored")}</Paragraph>
        </Alert>
      ) : null}
      {saved && !actionData ? (
        <Alert type="ok">
          <Paragraph>{t("deliberation.saved")}</Paragraph>
        </Alert>
      ) : null}
      {conflict ? (
        <ConflictPanel
          id={loaderData.id}
          step={step}
          conflict={conflict}
          mine={values}
          principles={loaderData.principles}
        />
      ) : null}
      {guidance ? (
        <div className="vm-guidance">
          <Paragraph>{guidance.intro}</Paragraph>
          <UnorderedList>
            {guidance.tips.map((tip) => (
              <UnorderedListItem key={tip}>{tip}</UnorderedListItem>
            ))}
          </UnorderedList>
          <details className="vm-example">
            <summary>{t("deliberation.example")}</summary>
            {guidance.example.map((paragraph) => (
              <Paragraph key={paragraph}>{paragraph}</Paragraph>
            ))}
          </details>
        </div>
      ) : null}
      <Form
        method="post"
        className="vm-form vm-step-form"
        noValidate
        key={`${loaderData.id}-${step}-${loaderData.revision}`}
        ref={autosave.formRef}
        onInput={autosave.changed}
        onSubmit={(event: FormEvent<HTMLFormElement>) => autosave.submitting(event)}
      >
        <input
          type="hidden"
          name="revisie"
          value={conflict ? conflict.revision : autosave.revision}
          readOnly
        />
        {step === 4 ? (
          <SuggestionsPanel
            suggestions={loaderData.suggestions}
            principles={values.principles}
            dismissed={values.dismissed}
            titles={loaderData.principles}
          />
        ) : null}
        <StepFields step={step} values={values} errors={errors} principles={loaderData.principles} />
        {autosave.status === "failed" ? (
          <Alert type="error">
            <Paragraph>{autosave.problem ?? t("deliberation.saveFailed")}</Paragraph>
          </Alert>
        ) : null}
        {autosave.status === "logged-out" ? (
          <Alert type="error">
            <Paragraph>{t("deliberation.loggedOut")}</Paragraph>
          </Alert>
        ) : null}
        <div className="vm-step-buttons">
          <Button name="naar" value="volgende">
            {last ? t("deliberation.finish") : t("deliberation.next")}
          </Button>
          {step > 1 ? (
            <Button appearance="secondary-action" name="naar" value="vorige">
              {t("deliberation.previous")}
            </Button>
          ) : null}
          <Button appearance="secondary-action" name="naar" value="blijf">
            {t("deliberation.save")}
          </Button>
        </div>
        <Paragraph className="vm-save-status" role="status">
          {autosave.status === "saving" ? t("deliberation.saving") : null}
          {autosave.status === "saved" && autosave.savedAt
            ? t("deliberation.savedAt", {
                time: new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
                  timeStyle: "short",
                }).format(autosave.savedAt),
              })
            : null}
        </Paragraph>
      </Form>
      <Paragraph>
        <Link to={`/afwegen/${loaderData.id}`}>{t("deliberation.toRecord")}</Link>
      </Paragraph>
    </>
  );
}
