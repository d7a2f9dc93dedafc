// An editor decides on one contribution: its public status with a reason (and the version it was
// adopted in), and hiding or restoring it or one of its replies, with a reason.

import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { Id } from "~/infra/fields.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { adoptIntoDraft, listAdoptions } from "~/modules/cocreation/adoptions.server.ts";
import { ModerationInput, StatusInput } from "~/modules/cocreation/cocreation.validation.ts";
import { CONTRIBUTION_STATUSES, PROPOSAL_KINDS } from "~/modules/cocreation/cocreation-kinds.ts";
import { ContributionCard, HiddenNotice, useDate } from "~/modules/cocreation/contribution-view.tsx";
import { getContribution, NOT_FOUND, REPLY_NOT_FOUND } from "~/modules/cocreation/contributions.server.ts";
import { decideStatus } from "~/modules/cocreation/decisions.server.ts";
import { moderateItem } from "~/modules/cocreation/moderation.server.ts";
import { getDraft } from "~/modules/guide/draft-versions.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Select, Textarea, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { OrderedList, OrderedListItem, UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/beheer-meedenken-bijdrage";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "compare", "cocreation"] };

const DONE = ["status", "verborgen", "hersteld", "overgenomen"] as const;

async function load(request: Request, context: Route.LoaderArgs["context"], id: string | undefined) {
  const { actor } = await requirePermission({
    request,
    services: context.services,
    permission: "cocreation:decide",
  });
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", NOT_FOUND);
  return { actor, id: parsed.data };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { actor, id } = await load(request, context, params.id);
    const item = await getContribution({
      db: context.services.database.db,
      id,
      viewer: { userId: actor.id, editor: true },
    });
    const done = new URL(request.url).searchParams.get("klaar");
    const db = context.services.database.db;
    const [draft, adoptions] = await Promise.all([
      getDraft({ db }),
      listAdoptions({ db, contributionId: id }),
    ]);
    return data(
      {
        item,
        done: DONE.find((value) => value === done) ?? null,
        adoptable: PROPOSAL_KINDS.includes(item.kind),
        draft: draft ? { number: draft.number } : null,
        adoptions,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor, id } = await load(request, context, params.id);
    const { db } = services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");
    const text = (name: string) => textOf(form, name);
    if (intent === "status") {
      const values = { status: text("status"), reason: text("reason"), version: text("version") };
      const input = StatusInput.safeParse({ ...values, version: values.version || undefined });
      if (!input.success)
        return answerRefusedForm(input.error, { request, values, extra: { form: "status" } });
      const origin = services.config.publicUrl;
      await decideStatus({
        db,
        quotas: services.config.quotas,
        actor,
        contributionId: id,
        input: input.data,
        origin,
      });
      return redirect(`/beheer/meedenken/${id}?klaar=status`, { status: 303 });
    }
    if (intent === "overnemen") {
      const values = { status: text("status"), reason: text("reason"), version: "" };
      try {
        await adoptIntoDraft({
          db,
          quotas: services.config.quotas,
          actor,
          contributionId: id,
          input: StatusInput.parse({ ...values, version: 1 }),
          origin: services.config.publicUrl,
        });
      } catch (error) {
        // This form's fields carry `adopt-`; a refusal without a field is said beside its choice.
        return answerRefusedForm(error, {
          request,
          values,
          fieldNames: { prefix: "adopt-" },
          field: "adopt-status",
          say: ["conflict", "invalid"],
          extra: { form: "adopt" },
        });
      }
      return redirect(`/beheer/meedenken/${id}?klaar=overgenomen`, { status: 303 });
    }
    if (intent === "verbergen" || intent === "herstellen") {
      const target = text("reactie")
        ? { kind: "reactie" as const, id: text("reactie") }
        : { kind: "bijdrage" as const, id };
      const values = { reason: text("reason"), target: target.kind === "reactie" ? target.id : "" };
      if (!Id.safeParse(target.id).success) throw new AppError("not_found", REPLY_NOT_FOUND);
      const input = ModerationInput.safeParse({ action: intent, reason: values.reason });
      if (!input.success) {
        const field = target.kind === "reactie" ? `reason-${target.id}` : "moderation-reason";
        return answerRefusedForm(input.error, {
          request,
          values,
          fieldNames: { nameOf: () => field },
          extra: { form: field },
        });
      }
      const result = await moderateItem({
        db,
        pageCache: services.pageCache,
        actor,
        target,
        input: input.data,
      });
      if (result.contributionId !== id) throw new AppError("not_found", REPLY_NOT_FOUND);
      return redirect(`/beheer/meedenken/${id}?klaar=${intent === "verbergen" ? "verborgen" : "hersteld"}`, {
        status: 303,
      });
    }
    throw new AppError("invalid", "problems.cocreation.unknownAction");
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function DecideContribution({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const date = useDate();
  const { item } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const statusValues =
    actionData?.form === "status" && actionData.values && "status" in actionData.values
      ? actionData.values
      : {
          status: item.status,
          reason: item.statusReason,
          version: item.adoptedInVersion ? String(item.adoptedInVersion) : "",
        };
  const reasonTyped = (field: string) =>
    actionData?.form === field && actionData.values && "reason" in actionData.values
      ? actionData.values.reason
      : "";
  return (
    <>
      <title>{`${t("cocreation.admin.itemTitle")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/meedenken">{t("cocreation.admin.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t("cocreation.admin.itemTitle")}</Heading>
      {loaderData.done ? (
        <Alert type="ok">
          <Paragraph>{t(`cocreation.admin.done.${loaderData.done}`)}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <ContributionCard item={item} href={`/meedenken/${item.id}`} editor />
      <Paragraph>
        {item.author ? t("cocreation.admin.nameShown") : t("cocreation.admin.nameHidden")}
      </Paragraph>
      {item.reportReasons.length > 0 ? (
        <section aria-labelledby="meldingen">
          <Heading level={2} id="meldingen">
            {t("cocreation.admin.reportReasons")}
          </Heading>
          <UnorderedList>
            {item.reportReasons.map((reason, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: reasons are shown in the order they came
              <UnorderedListItem key={index} lang="nl">
                {reason}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}

      <section aria-labelledby="besluit">
        <Heading level={2} id="besluit">
          {t("cocreation.admin.decide")}
        </Heading>
        <Form method="post" className="vm-form" noValidate>
          <input type="hidden" name="intent" value="status" />
          <FormField id="status" label={t("cocreation.admin.statusLabel")} error={errors.status}>
            {(describedBy) => (
              <Select
                id="status"
                name="status"
                defaultValue={statusValues.status}
                describedBy={describedBy}
                options={CONTRIBUTION_STATUSES.map((status) => ({
                  value: status,
                  label: t(`cocreation.statuses.${status}`),
                }))}
              />
            )}
          </FormField>
          <FormField
            id="version"
            label={t("cocreation.admin.versionLabel")}
            description={t("cocreation.admin.versionHint")}
            error={errors.version}
          >
            {(describedBy) => (
              <Textbox
                id="version"
                name="version"
                inputMode="numeric"
                defaultValue={statusValues.version}
                invalid={Boolean(errors.version)}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <FormField
            id="reason"
            label={t("cocreation.admin.reasonLabel")}
            description={t("cocreation.admin.reasonHint")}
            error={errors.reason}
          >
            {(describedBy) => (
              <Textarea
                id="reason"
                name="reason"
                rows={3}
                maxLength={1000}
                defaultValue={statusValues.reason}
                invalid={Boolean(errors.reason)}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <Button>{t("cocreation.admin.save")}</Button>
        </Form>
        {item.history.length > 0 ? (
          <>
            <Heading level={3}>{t("cocreation.detail.history")}</Heading>
            <OrderedList>
              {item.history.map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows and keeps its order
                <OrderedListItem key={index}>
                  {date(change.decidedAt)}: {t(`cocreation.statuses.${change.status}`)}
                  {change.adoptedInVersion ? ` (${change.adoptedInVersion})` : ""}
                  {change.reason ? ` – ${change.reason}` : ""}
                  {change.decidedBy
                    ? ` (${t("cocreation.admin.decidedBy", { email: change.decidedBy })})`
                    : ""}
                </OrderedListItem>
              ))}
            </OrderedList>
          </>
        ) : null}
      </section>

      {loaderData.adoptable ? (
        <AdoptForm
          draft={loaderData.draft}
          adoptions={loaderData.adoptions}
          errors={errors}
          typed={
            actionData?.form === "adopt" && actionData.values && "status" in actionData.values
              ? actionData.values
              : null
          }
        />
      ) : null}

      <section aria-labelledby="moderatie">
        <Heading level={2} id="moderatie">
          {t("cocreation.admin.moderate")}
        </Heading>
        <ModerationForm
          hidden={Boolean(item.hidden)}
          field="moderation-reason"
          error={errors["moderation-reason"]}
          typed={reasonTyped("moderation-reason")}
        />
      </section>

      {item.replyList.length > 0 ? (
        <section aria-labelledby="reacties">
          <Heading level={2} id="reacties">
            {t("cocreation.detail.replies")}
          </Heading>
          {item.replyList.map((reply) => (
            <div key={reply.id} className="vm-contribution">
              <Paragraph>
                <span className="vm-contribution__meta">
                  {reply.author
                    ? t("cocreation.item.by", { name: reply.author })
                    : t("cocreation.item.anonymous")}{" "}
                  ({reply.authorEmail ?? t("cocreation.admin.fromGone")}) · {date(reply.createdAt)}
                  {reply.reports ? ` · ${t("cocreation.admin.reports", { count: reply.reports })}` : ""}
                </span>
              </Paragraph>
              {reply.hidden ? (
                <HiddenNotice hidden={reply.hidden} reason={reply.hiddenReason} stillReadable />
              ) : null}
              <Paragraph lang="nl">
                <span className="vm-proposal">{reply.body}</span>
              </Paragraph>
              <ModerationForm
                hidden={Boolean(reply.hidden)}
                replyId={reply.id}
                field={`reason-${reply.id}`}
                error={errors[`reason-${reply.id}`]}
                typed={reasonTyped(`reason-${reply.id}`)}
              />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}

/** Taking the proposal over into the draft of the next version, with its status and reason at once. */
function AdoptForm(props: {
  draft: { number: number } | null;
  adoptions: { versionNumber: number; partSlug: string; anchor: string }[];
  errors: Record<string, string>;
  typed: { status: string; reason: string } | null;
}) {
  const t = useT();
  const { draft, errors } = props;
  const inDraft = draft
    ? props.adoptions.find((adoption) => adoption.versionNumber === draft.number)
    : undefined;
  return (
    <section aria-labelledby="overnemen">
      <Heading level={2} id="overnemen">
        {t("cocreation.admin.adoptTitle")}
      </Heading>
      {props.adoptions.map((adoption) => (
        <Paragraph key={adoption.versionNumber}>
          {t("cocreation.admin.adoptedInto", { version: adoption.versionNumber })}{" "}
          {draft && adoption.versionNumber === draft.number ? (
            <Link to={`/beheer/gids/concept/${adoption.partSlug}#${adoption.anchor}`}>
              {t("cocreation.admin.adoptedLink")}
            </Link>
          ) : null}
        </Paragraph>
      ))}
      {!draft ? (
        <Paragraph>
          {t("cocreation.admin.adoptNoDraft")}{" "}
          <Link to="/beheer/gids">{t("cocreation.admin.adoptMakeDraft")}</Link>
        </Paragraph>
      ) : inDraft ? null : (
        <Form method="post" className="vm-form" noValidate>
          <input type="hidden" name="intent" value="overnemen" />
          <Paragraph>{t("cocreation.admin.adoptText", { version: draft.number })}</Paragraph>
          <FormField id="adopt-status" label={t("cocreation.admin.adoptHow")} error={errors["adopt-status"]}>
            {(describedBy) => (
              <Select
                id="adopt-status"
                name="status"
                defaultValue={props.typed?.status ?? "overgenomen"}
                describedBy={describedBy}
                options={(["overgenomen", "deels-overgenomen"] as const).map((status) => ({
                  value: status,
                  label: t(`cocreation.statuses.${status}`),
                }))}
              />
            )}
          </FormField>
          <FormField
            id="adopt-reason"
            label={t("cocreation.admin.reasonLabel")}
            description={t("cocreation.admin.reasonHint")}
            error={errors["adopt-reason"]}
          >
            {(describedBy) => (
              <Textarea
                id="adopt-reason"
                name="reason"
                rows={3}
                maxLength={1000}
                defaultValue={props.typed?.reason ?? ""}
                invalid={Boolean(errors["adopt-reason"])}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <Button>{t("cocreation.admin.adopt", { version: draft.number })}</Button>
        </Form>
      )}
    </section>
  );
}

function ModerationForm(props: {
  hidden: boolean;
  replyId?: string;
  field: string;
  error?: string;
  typed: string;
}) {
  const t = useT();
  return (
    <Form method="post" className="vm-form" noValidate>
      {props.replyId ? <input type="hidden" name="reactie" value={props.replyId} /> : null}
      <FormField
        id={props.field}
        label={props.replyId ? t("cocreation.admin.replyReason") : t("cocreation.admin.moderationReason")}
        description={t("cocreation.admin.moderationHint")}
        error={props.error}
      >
        {(describedBy) => (
          <Textarea
            id={props.field}
            name="reason"
            rows={2}
            maxLength={1000}
            defaultValue={props.typed}
            invalid={Boolean(props.error)}
            describedBy={describedBy}
          />
        )}
      </FormField>
      {props.hidden ? (
        <Button name="intent" value="herstellen" appearance="secondary-action">
          {t("cocreation.admin.restore")}
        </Button>
      ) : (
        <Button name="intent" value="verbergen" appearance="secondary-action">
          {t("cocreation.admin.hide")}
        </Button>
      )}
    </Form>
  );
}
