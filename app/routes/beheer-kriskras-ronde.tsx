// One kris-kras round for its editors: change the round, its time slots (a table, and forms to add,
// change and remove) and its organisers. Plain POST forms with an `intent`, so all of it works without
// JavaScript; after a change the page comes back with a notice, after a mistake with what was typed.

import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { AppError } from "~/infra/errors.ts";
import { Id } from "~/infra/fields.ts";
import { readFormData } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { formatNumber } from "~/infra/i18n/format-number.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { EVALUATION_QUESTIONS, type EvaluationSummary } from "~/modules/kriskras/evaluation.ts";
import { getEvaluationSummary } from "~/modules/kriskras/evaluations.server.ts";
import type { RoundTotals } from "~/modules/kriskras/kriskras.schema.ts";
import { AVAILABILITY } from "~/modules/kriskras/kriskras-kinds.ts";
import { applyRoundEdit, ROUND_NOTICES, type RoundNotice } from "~/modules/kriskras/round-editor.server.ts";
import type { SlotFormValues } from "~/modules/kriskras/round-editor-form.ts";
import { RoundFields, roundFormValuesOf } from "~/modules/kriskras/round-form.tsx";
import { roundPhase } from "~/modules/kriskras/round-phase.ts";
import { getRound, mayManageOrganisers } from "~/modules/kriskras/rounds.server.ts";
import {
  newSlotFormValues,
  SlotFields,
  slotFieldIds,
  slotFormValuesOf,
} from "~/modules/kriskras/slot-form.tsx";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/beheer-kriskras-ronde";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "kriskras.beheer", "kriskras.evaluatie"] };

const Notice = z.enum(ROUND_NOTICES).nullable().catch(null);
const ADD_PREFIX = "nieuw-tijdvak";
const EDIT_PREFIX = "wijzig-tijdvak";

async function allowed(request: Request, context: Route.LoaderArgs["context"], id: string | undefined) {
  const { actor } = await requirePermission({
    request,
    services: context.services,
    permission: "kriskras:organise",
  });
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "problems.kriskras.kriskrasRoundNotFound");
  return { actor, id: parsed.data };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { actor, id } = await allowed(request, context, params.id);
    const db = context.services.database.db;
    const [view, mayManage, evaluation] = await Promise.all([
      getRound({ db, id }),
      mayManageOrganisers({ db, roundId: id, actor }),
      getEvaluationSummary({ db, roundId: id }),
    ]);
    const { round } = view;
    const search = new URL(request.url).searchParams;
    const editing = view.slots.find((slot) => slot.id === search.get("tijdvak"))?.id ?? null;
    return data(
      {
        round: {
          id: round.id,
          title: round.title,
          phase: roundPhase(round, new Date()),
          opensAt: round.signupOpensAt.toISOString(),
          closesAt: round.signupClosesAt.toISOString(),
          groupMin: round.groupMin,
          signups: view.signups,
          purgedAt: round.purgedAt?.toISOString() ?? null,
        },
        // After the purge the totals kept on the round say what happened; before, they are counted live.
        totals: round.aggregates ?? null,
        values: roundFormValuesOf(round),
        slots: view.slots.map((slot) => ({
          id: slot.id,
          startsAt: slot.startsAt.toISOString(),
          values: slotFormValuesOf(slot),
          available: view.signups > 0 ? slot.available : null,
          groups: slot.groups,
        })),
        editing,
        evaluation: round.aggregates?.evaluations ?? evaluation,
        organisers: view.organisers.map((organiser) => ({
          userId: organiser.userId,
          email: organiser.email,
          name: organiser.name,
          me: organiser.userId === actor.id,
        })),
        mayManage,
        notice: Notice.parse(search.get("gedaan")) as RoundNotice | null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { actor, id } = await allowed(request, context, params.id);
    const form = await readFormData(request);
    const outcome = await applyRoundEdit({
      db: context.services.database.db,
      actor,
      roundId: id,
      form,
      request,
    });
    if (outcome.kind === "done") {
      const anchor = outcome.notice.startsWith("tijdvak")
        ? "#tijdvakken"
        : outcome.notice.startsWith("organisator")
          ? "#organisatoren"
          : "";
      return redirect(`/beheer/kriskras/${id}?gedaan=${outcome.notice}${anchor}`, { status: 303 });
    }
    const { kind: _kind, status, ...shown } = outcome;
    return data(shown, { status, headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

type Loaded = Route.ComponentProps["loaderData"];
type Sent = NonNullable<Route.ComponentProps["actionData"]>;

function SlotTable(props: { loaded: Loaded }) {
  const t = useT();
  const language = useLanguage();
  const { slots } = props.loaded;
  if (slots.length === 0) return <Paragraph>{t("kriskras.beheer.slots.none")}</Paragraph>;
  const header = (key: string, numeric = false) => (
    <TableHeaderCell scope="col" numeric={numeric}>
      {t(`kriskras.beheer.slots.columns.${key}`)}
    </TableHeaderCell>
  );
  return (
    <Table>
      <TableCaption>{t("kriskras.beheer.slots.caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          {header("when")}
          {header("where")}
          {header("capacity", true)}
          {header("available")}
          {header("groups", true)}
          {header("actions")}
        </TableRow>
      </TableHeader>
      <TableBody>
        {slots.map((slot) => {
          const when = `${formatDate({ iso: slot.startsAt, language, format: "date" })}, ${slot.values.startTime}–${slot.values.endTime}`;
          // The same link and button in every row: the slot's time makes each one's name unique.
          const which = <VisuallyHidden> {when}</VisuallyHidden>;
          return (
            <TableRow key={slot.id}>
              <TableHeaderCell scope="row">{when}</TableHeaderCell>
              <TableCell>
                {slot.values.place ? <span>{slot.values.place}</span> : null}
                {slot.values.place && slot.values.onlineUrl ? <br /> : null}
                {slot.values.onlineUrl ? <span>{slot.values.onlineUrl}</span> : null}
              </TableCell>
              <TableCell numeric>{slot.values.capacity}</TableCell>
              <TableCell>
                {slot.available
                  ? AVAILABILITY.map((answer) =>
                      t(`kriskras.beheer.slots.answers.${answer}`, {
                        count: slot.available?.[answer] ?? 0,
                      }),
                    ).join(", ")
                  : t("kriskras.beheer.slots.noAnswers")}
              </TableCell>
              <TableCell numeric>{slot.groups}</TableCell>
              <TableCell>
                <div className="vm-actions">
                  <Link to={`?tijdvak=${slot.id}#tijdvak-wijzigen`}>
                    {t("kriskras.beheer.slots.change")}
                    {which}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="tijdvak-verwijderen" />
                    <input type="hidden" name="slotId" value={slot.id} />
                    <Button appearance="secondary-action">
                      {t("kriskras.beheer.slots.remove")}
                      {which}
                    </Button>
                  </Form>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function SlotForm(props: {
  prefix: string;
  intent: "tijdvak-toevoegen" | "tijdvak-wijzigen";
  slotId?: string;
  values: SlotFormValues;
  errors: Record<string, string>;
  groupMin: number;
  submit: string;
  /** Changes when the form must start afresh, such as after a slot was added with JavaScript. */
  renewal: number;
}) {
  return (
    <Form
      method="post"
      className="vm-form"
      noValidate
      key={`${props.renewal}:${JSON.stringify(props.values)}`}
    >
      <input type="hidden" name="intent" value={props.intent} />
      {props.slotId ? <input type="hidden" name="slotId" value={props.slotId} /> : null}
      <SlotFields
        prefix={props.prefix}
        values={props.values}
        errors={props.errors}
        groupMin={props.groupMin}
      />
      <div className="vm-actions">
        <Button>{props.submit}</Button>
      </div>
    </Form>
  );
}

function Organisers(props: { loaded: Loaded; sent: Sent | undefined }) {
  const t = useT();
  const { loaded, sent } = props;
  const mine = sent?.intent === "organisator-toevoegen";
  const errors: Record<string, string> = mine ? sent.errors : {};
  return (
    <section aria-labelledby="organisatoren">
      <Heading level={2} id="organisatoren">
        {t("kriskras.beheer.organisers.title")}
      </Heading>
      <Paragraph>{t("kriskras.beheer.organisers.intro")}</Paragraph>
      <UnorderedList>
        {loaded.organisers.map((organiser) => (
          <UnorderedListItem key={organiser.userId}>
            {organiser.name ? `${organiser.name} (${organiser.email})` : organiser.email}
            {organiser.me ? ` ${t("kriskras.beheer.organisers.you")}` : null}
            {loaded.mayManage && loaded.organisers.length > 1 ? (
              <Form method="post" className="vm-inline-form">
                <input type="hidden" name="intent" value="organisator-weghalen" />
                <input type="hidden" name="userId" value={organiser.userId} />
                <Button appearance="subtle">
                  {t("kriskras.beheer.organisers.remove")}
                  <VisuallyHidden> {organiser.email}</VisuallyHidden>
                </Button>
              </Form>
            ) : null}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {loaded.mayManage ? (
        <Form
          method="post"
          className="vm-form"
          noValidate
          key={`${loaded.organisers.length}:${mine ? sent.values.email : ""}`}
        >
          <input type="hidden" name="intent" value="organisator-toevoegen" />
          <FormField
            id="organisator-email"
            label={t("kriskras.beheer.organisers.email")}
            description={t("kriskras.beheer.organisers.emailHint")}
            error={errors.email}
          >
            {(describedBy) => (
              <Textbox
                id="organisator-email"
                name="email"
                type="email"
                maxLength={254}
                defaultValue={mine ? sent.values.email : ""}
                invalid={Boolean(errors.email)}
                describedBy={describedBy}
              />
            )}
          </FormField>
          <div className="vm-actions">
            <Button appearance="secondary-action">{t("kriskras.beheer.organisers.add")}</Button>
          </div>
        </Form>
      ) : (
        <Paragraph>{t("kriskras.beheer.organisers.onlyOrganisers")}</Paragraph>
      )}
    </section>
  );
}

export default function KriskrasRound({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { round } = loaderData;
  const sent = actionData;
  const errorsFor = (intent: string) => (sent?.intent === intent ? sent.errors : {});
  const editing = sent?.intent === "tijdvak-wijzigen" && sent.slotId ? sent.slotId : loaderData.editing;
  const editedSlot = loaderData.slots.find((slot) => slot.id === editing);
  const fieldIds =
    sent?.intent === "tijdvak-toevoegen"
      ? slotFieldIds(ADD_PREFIX)
      : sent?.intent === "tijdvak-wijzigen"
        ? slotFieldIds(EDIT_PREFIX)
        : sent?.intent === "organisator-toevoegen"
          ? { email: "organisator-email" }
          : undefined;
  const confirmSlot = sent?.confirm
    ? loaderData.slots.find((slot) => slot.id === sent.confirm?.slotId)
    : undefined;
  const when = (iso: string) => formatDate({ iso, language, format: "dateTime" });
  return (
    <>
      <title>{`${round.title} – ${t("kriskras.beheer.title")} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/kriskras">{t("kriskras.beheer.back")}</Link>
      </Paragraph>
      <Heading level={1}>{round.title}</Heading>
      <Paragraph>
        <StatusBadge>{t(`kriskras.beheer.phases.${round.phase}`)}</StatusBadge>{" "}
        {t("kriskras.beheer.period", { from: when(round.opensAt), to: when(round.closesAt) })} ·{" "}
        {t("kriskras.beheer.signups", { count: round.signups })}
      </Paragraph>
      {loaderData.notice && !sent ? (
        <Alert type="ok">
          <Paragraph>{t(`kriskras.beheer.notices.${loaderData.notice}`)}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary title={t("account.errorSummary")} errors={sent?.errors ?? {}} fieldIds={fieldIds} />
      {sent?.problem ? (
        <Alert type="error">
          <Paragraph>{sent.problem}</Paragraph>
        </Alert>
      ) : null}
      {sent?.confirm && confirmSlot ? (
        <Alert type="warning">
          <Paragraph>
            {t("kriskras.beheer.slots.confirm", {
              when: `${formatDate({ iso: confirmSlot.startsAt, language, format: "date" })}, ${confirmSlot.values.startTime}`,
              answers: sent.confirm.answers,
              groups: sent.confirm.groups,
            })}
          </Paragraph>
          <Form method="post" className="vm-actions">
            <input type="hidden" name="intent" value="tijdvak-verwijderen" />
            <input type="hidden" name="slotId" value={confirmSlot.id} />
            <input type="hidden" name="bevestigen" value="ja" />
            <Button>{t("kriskras.beheer.slots.confirmYes")}</Button>
            <Link to={`/beheer/kriskras/${round.id}#tijdvakken`}>{t("kriskras.beheer.slots.confirmNo")}</Link>
          </Form>
        </Alert>
      ) : null}

      <section aria-labelledby="ronde">
        <Heading level={2} id="ronde">
          {t("kriskras.beheer.edit.roundTitle")}
        </Heading>
        <Form
          method="post"
          className="vm-form"
          noValidate
          key={JSON.stringify(sent?.intent === "ronde-opslaan" ? sent.values : loaderData.values)}
        >
          <input type="hidden" name="intent" value="ronde-opslaan" />
          <RoundFields
            values={
              sent?.intent === "ronde-opslaan" ? (sent.values as typeof loaderData.values) : loaderData.values
            }
            errors={errorsFor("ronde-opslaan")}
          />
          <div className="vm-actions">
            <Button>{t("kriskras.beheer.edit.save")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="tijdvakken">
        <Heading level={2} id="tijdvakken">
          {t("kriskras.beheer.slots.title")}
        </Heading>
        <Paragraph>{t("kriskras.beheer.slots.intro")}</Paragraph>
        <SlotTable loaded={loaderData} />
        {editedSlot ? (
          <section aria-labelledby="tijdvak-wijzigen" className="vm-card">
            <Heading level={3} id="tijdvak-wijzigen">
              {t("kriskras.beheer.slots.editTitle")}
            </Heading>
            <SlotForm
              prefix={EDIT_PREFIX}
              intent="tijdvak-wijzigen"
              slotId={editedSlot.id}
              values={
                sent?.intent === "tijdvak-wijzigen" ? (sent.values as SlotFormValues) : editedSlot.values
              }
              errors={errorsFor("tijdvak-wijzigen")}
              groupMin={round.groupMin}
              submit={t("kriskras.beheer.slots.save")}
              renewal={0}
            />
            <Paragraph>
              <Link to={`/beheer/kriskras/${round.id}#tijdvakken`}>{t("kriskras.beheer.slots.cancel")}</Link>
            </Paragraph>
          </section>
        ) : null}
        <section aria-labelledby="tijdvak-toevoegen">
          <Heading level={3} id="tijdvak-toevoegen">
            {t("kriskras.beheer.slots.addTitle")}
          </Heading>
          <SlotForm
            prefix={ADD_PREFIX}
            intent="tijdvak-toevoegen"
            values={
              sent?.intent === "tijdvak-toevoegen" ? (sent.values as SlotFormValues) : newSlotFormValues()
            }
            errors={errorsFor("tijdvak-toevoegen")}
            groupMin={round.groupMin}
            submit={t("kriskras.beheer.slots.add")}
            renewal={loaderData.slots.length}
          />
        </section>
      </section>

      <section aria-labelledby="groepen">
        <Heading level={2} id="groepen">
          {t("kriskras.beheer.groups.title")}
        </Heading>
        <Paragraph>{t("kriskras.beheer.groups.intro")}</Paragraph>
        <Paragraph>
          <Link to={`/beheer/kriskras/${round.id}/groepen`}>{t("kriskras.beheer.groups.link")}</Link>
        </Paragraph>
      </section>

      {loaderData.totals && round.purgedAt ? (
        <KeptTotals totals={loaderData.totals} purgedAt={round.purgedAt} />
      ) : null}

      <EvaluationTotals summary={loaderData.evaluation} />

      <Organisers loaded={loaderData} sent={sent} />
    </>
  );
}

/** What a purged round kept: how many signed up (per organisation), the groups and who had a place. */
function KeptTotals(props: { totals: RoundTotals; purgedAt: string }) {
  const t = useT();
  const language = useLanguage();
  const { totals } = props;
  const organisations = Object.entries(totals.signupsPerOrganisation).sort(
    ([a, x], [b, y]) => y - x || a.localeCompare(b, "nl"),
  );
  return (
    <section aria-labelledby="bewaard">
      <Heading level={2} id="bewaard">
        {t("kriskras.beheer.kept.title")}
      </Heading>
      <Paragraph>
        {t("kriskras.beheer.kept.text", {
          date: formatDate({ iso: props.purgedAt, language, format: "date" }),
        })}
      </Paragraph>
      <dl className="vm-facts">
        <dt>{t("kriskras.beheer.kept.signups")}</dt>
        <dd>{totals.signups}</dd>
        <dt>{t("kriskras.beheer.kept.groups")}</dt>
        <dd>{totals.groups}</dd>
        <dt>{t("kriskras.beheer.kept.placed")}</dt>
        <dd>{totals.placed}</dd>
      </dl>
      {organisations.length > 0 ? (
        <Table>
          <TableCaption>{t("kriskras.beheer.kept.perOrganisation")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("kriskras.beheer.kept.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t("kriskras.beheer.kept.signups")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {organisations.map(([name, n]) => (
              <TableRow key={name}>
                <TableHeaderCell scope="row" lang="nl">
                  {name}
                </TableHeaderCell>
                <TableCell numeric>{n}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

/** The evaluation's totals: a row per statement with how many chose 1 to 5 and the average. */
function EvaluationTotals(props: { summary: EvaluationSummary }) {
  const t = useT();
  const language = useLanguage();
  const { summary } = props;
  if (summary.answers === 0) return null;
  return (
    <section aria-labelledby="evaluatie">
      <Heading level={2} id="evaluatie">
        {t("kriskras.evaluatie.summaryTitle")}
      </Heading>
      {summary.questions ? (
        <Table>
          <TableCaption>{t("kriskras.evaluatie.summaryCaption", { count: summary.answers })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("kriskras.evaluatie.question")}</TableHeaderCell>
              {["1", "2", "3", "4", "5"].map((score) => (
                <TableHeaderCell key={score} scope="col" numeric>
                  {t(`kriskras.evaluatie.scale.${score}`)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col" numeric>
                {t("kriskras.evaluatie.mean")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {EVALUATION_QUESTIONS.map((question) => {
              const totals = summary.questions?.[question];
              return (
                <TableRow key={question}>
                  <TableHeaderCell scope="row">
                    {t(`kriskras.evaluatie.questions.${question}`)}
                  </TableHeaderCell>
                  {(totals?.counts ?? []).map((n, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the five scores in their fixed order
                    <TableCell key={index} numeric>
                      {n}
                    </TableCell>
                  ))}
                  <TableCell numeric>
                    {totals ? formatNumber({ value: totals.mean, language, format: "decimal" }) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>{t("kriskras.evaluatie.summaryFew", { count: summary.answers })}</Paragraph>
      )}
    </section>
  );
}
