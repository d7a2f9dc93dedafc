// One contribution: the paragraph it is about (as it stood then), the proposal as a word difference, its
// status with the reason and history, replies, support and reporting. Anyone may read; taking part
// needs a login. Hidden text is replaced by the editors' note for everyone but its writer and editors.

import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { Id } from "~/infra/fields.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { actorOf } from "~/modules/accounts/accounts.server.ts";
import { can } from "~/modules/accounts/authorization.ts";
import { getCurrentUser, requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ReplyInput, ReportInput } from "~/modules/cocreation/cocreation.validation.ts";
import { PROPOSAL_KINDS } from "~/modules/cocreation/cocreation-kinds.ts";
import { ShowNameField } from "~/modules/cocreation/contribution-form.tsx";
import {
  HiddenNotice,
  StatusLabel,
  useDate,
  WhoAndWhere,
  WordDiff,
} from "~/modules/cocreation/contribution-view.tsx";
import {
  addReply,
  getContribution,
  NOT_FOUND,
  REPLY_NOT_FOUND,
  supportContribution,
  withdrawSupport,
} from "~/modules/cocreation/contributions.server.ts";
import { reportItem } from "~/modules/cocreation/moderation.server.ts";
import { renderBlock } from "~/modules/guide/guide-markdown.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { OrderedList, OrderedListItem } from "~/ui/list.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/meedenken-bijdrage";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "compare", "cocreation"] };

const NOTICES = ["nieuw", "gereageerd", "gesteund", "ingetrokken", "gemeld", "verborgen"] as const;

function idOf(value: string | undefined): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", NOT_FOUND);
  return parsed.data;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const id = idOf(params.id);
    const user = await getCurrentUser({ request, services: context.services });
    const editor = can(user ? actorOf(user) : null, "cocreation:decide");
    const item = await getContribution({
      db: context.services.database.db,
      id,
      viewer: { userId: user?.id, editor },
    });
    const query = new URL(request.url).searchParams;
    const partHref = (slug: string) => `/gids/versie/${item.version}/${slug}`;
    return data(
      {
        item,
        paragraphHtml: item.originalText ? renderBlock({ markdown: item.originalText, partHref }) : "",
        loggedIn: Boolean(user),
        editor,
        notice: NOTICES.find((notice) => query.get(notice) === "1") ?? null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor } = await requirePermission({ request, services, permission: "cocreation:contribute" });
    const id = idOf(params.id);
    const { db } = services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");
    const { quotas } = services.config;
    const origin = services.config.publicUrl;
    const back = (notice: (typeof NOTICES)[number], at = "") =>
      redirect(`/meedenken/${id}?${notice}=1${at}`, { status: 303 });
    try {
      if (intent === "reageren") {
        const values = { body: textOf(form, "body"), showName: form.get("showName") === "ja" };
        const input = ReplyInput.safeParse(values);
        if (!input.success) return answerRefusedForm(input.error, { request, values });
        try {
          await addReply({ db, quotas, actor, contributionId: id, input: input.data, origin });
        } catch (error) {
          return answerRefusedForm(error, {
            request,
            values,
            quota: { quotas, kind: "reply", field: "body" },
          });
        }
        return back("gereageerd", "#reacties");
      }
      if (intent === "steunen" || intent === "steun-intrekken") {
        const change = intent === "steunen" ? supportContribution : withdrawSupport;
        await change({ db, actor, contributionId: id });
        return back(intent === "steunen" ? "gesteund" : "ingetrokken");
      }
      if (intent === "melden" || intent === "reactie-melden") {
        const reason = ReportInput.safeParse({ reason: textOf(form, "reason") });
        if (!reason.success) return answerRefusedForm(reason.error, { request });
        const replyId = intent === "reactie-melden" ? Id.safeParse(form.get("reactie")) : null;
        if (replyId && !replyId.success) throw new AppError("not_found", REPLY_NOT_FOUND);
        let result: Awaited<ReturnType<typeof reportItem>>;
        try {
          result = await reportItem({
            db,
            pageCache: services.pageCache,
            quotas,
            actor,
            target: replyId?.success ? { kind: "reactie", id: replyId.data } : { kind: "bijdrage", id },
            reason: reason.data.reason,
            threshold: services.config.cocreation.reportThreshold,
          });
        } catch (error) {
          return answerRefusedForm(error, {
            request,
            values: { body: "", showName: false, reason: reason.data.reason },
            quota: { quotas, kind: "report", field: "reason" },
          });
        }
        if (result.contributionId !== id) throw new AppError("not_found", REPLY_NOT_FOUND);
        return back(result.hidden ? "verborgen" : "gemeld");
      }
      throw new AppError("invalid", "problems.cocreation.unknownAction");
    } catch (error) {
      return answerRefusedForm(error, { request, say: ["conflict"] });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ContributionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const date = useDate();
  const { item, loggedIn } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const readable = item.body !== null;
  const isProposal = PROPOSAL_KINDS.includes(item.kind);
  const heading = `${t(`cocreation.kinds.${item.kind}`)}${item.partTitle ? `: ${item.partTitle}` : ""}`;
  return (
    <article>
      <title>{`${heading} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/meedenken">{t("cocreation.list.back")}</Link>
      </Paragraph>
      <Heading level={1}>{heading}</Heading>
      {loaderData.notice ? (
        <Alert type="ok">
          <Paragraph>{t(`cocreation.detail.notices.${loaderData.notice}`)}</Paragraph>
        </Alert>
      ) : null}
      {actionData?.problem ? (
        <Alert type="error">
          <Paragraph>{actionData.problem}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <WhoAndWhere item={item} editor={loaderData.editor} />
      <Paragraph>
        {t("cocreation.detail.status")}{" "}
        <StatusLabel status={item.status} adoptedInVersion={item.adoptedInVersion} />
      </Paragraph>
      {item.statusReason ? (
        <Paragraph>
          {t("cocreation.detail.reason")} <span lang="nl">{item.statusReason}</span>
        </Paragraph>
      ) : null}
      {loaderData.editor ? (
        <Paragraph>
          <Link to={`/beheer/meedenken/${item.id}`}>{t("cocreation.detail.review")}</Link>
        </Paragraph>
      ) : null}
      {item.hidden ? (
        <HiddenNotice hidden={item.hidden} reason={item.hiddenReason} stillReadable={readable} />
      ) : null}

      {loaderData.paragraphHtml && item.part ? (
        <section aria-labelledby="alinea">
          <Heading level={2} id="alinea">
            {t(item.kind === "nieuwe-alinea" ? "cocreation.detail.after" : "cocreation.detail.paragraph", {
              number: item.version,
            })}
          </Heading>
          <SafeHtml className="vm-quote-context" html={loaderData.paragraphHtml} lang="nl" />
          <Paragraph>
            <Link to={`/gids/versie/${item.version}/${item.part}#${item.anchor ?? ""}`}>
              {t("cocreation.detail.toParagraph")}
            </Link>
          </Paragraph>
        </section>
      ) : null}

      {readable ? (
        <>
          {item.kind === "tekstvoorstel" ? (
            <section aria-labelledby="verschil">
              <Heading level={2} id="verschil">
                {t("cocreation.detail.difference")}
              </Heading>
              <WordDiff words={item.words} />
            </section>
          ) : null}
          {item.kind === "nieuwe-alinea" || item.kind === "nieuw-deel" ? (
            <section aria-labelledby="voorstel">
              <Heading level={2} id="voorstel">
                {item.kind === "nieuw-deel"
                  ? t("cocreation.detail.newPart", { title: item.title })
                  : t("cocreation.detail.proposal")}
              </Heading>
              <div className="vm-quote-context vm-proposal" lang="nl">
                {item.proposedText}
              </div>
            </section>
          ) : null}
          {item.body ? (
            <section aria-labelledby="tekst">
              <Heading level={2} id="tekst">
                {isProposal ? t("cocreation.detail.explanation") : t(`cocreation.kinds.${item.kind}`)}
              </Heading>
              <Paragraph lang="nl">
                <span className="vm-proposal">{item.body}</span>
              </Paragraph>
            </section>
          ) : null}
        </>
      ) : null}

      {isProposal ? (
        <section aria-labelledby="steun">
          <Heading level={2} id="steun">
            {t("cocreation.detail.supportTitle")}
          </Heading>
          <Paragraph>{t("cocreation.item.supports", { count: item.supports })}</Paragraph>
          {loggedIn && !item.hidden ? (
            <Form method="post" className="vm-inline-form">
              {item.supportedByMe ? (
                <>
                  <Paragraph>{t("cocreation.detail.supported")}</Paragraph>
                  <Button name="intent" value="steun-intrekken" appearance="secondary-action">
                    {t("cocreation.detail.withdraw")}
                  </Button>
                </>
              ) : (
                <Button name="intent" value="steunen">
                  {t("cocreation.detail.support")}
                </Button>
              )}
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="geschiedenis">
        <Heading level={2} id="geschiedenis">
          {t("cocreation.detail.history")}
        </Heading>
        {item.history.length === 0 ? <Paragraph>{t("cocreation.detail.historyEmpty")}</Paragraph> : null}
        <OrderedList>
          {item.history.map((change, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows and keeps its order
            <OrderedListItem key={index}>
              {date(change.decidedAt)}:{" "}
              <StatusLabel status={change.status} adoptedInVersion={change.adoptedInVersion} />
              {change.reason ? (
                <>
                  {" "}
                  {t("cocreation.detail.reason")} <span lang="nl">{change.reason}</span>
                </>
              ) : null}
              {change.decidedBy ? ` (${t("cocreation.admin.decidedBy", { email: change.decidedBy })})` : ""}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>

      <section aria-labelledby="reacties-titel" id="reacties">
        <Heading level={2} id="reacties-titel">
          {t("cocreation.detail.replies")}
        </Heading>
        {item.replyList.length === 0 ? <Paragraph>{t("cocreation.detail.noReplies")}</Paragraph> : null}
        {item.replyList.map((reply) => (
          <div key={reply.id} className="vm-contribution" id={`reactie-${reply.id}`}>
            <Paragraph>
              <span className="vm-contribution__meta">
                {reply.author
                  ? t("cocreation.item.by", { name: reply.author })
                  : t("cocreation.item.anonymous")}
                {loaderData.editor ? ` (${reply.authorEmail ?? t("cocreation.admin.fromGone")})` : ""} ·{" "}
                {date(reply.createdAt)}
              </span>
            </Paragraph>
            {reply.hidden ? (
              <HiddenNotice
                hidden={reply.hidden}
                reason={reply.hiddenReason}
                stillReadable={reply.body !== null}
              />
            ) : null}
            {reply.body !== null ? (
              <Paragraph lang="nl">
                <span className="vm-proposal">{reply.body}</span>
              </Paragraph>
            ) : null}
            {loggedIn && !reply.hidden && !reply.mine ? (
              reply.reportedByMe ? (
                <Paragraph>{t("cocreation.detail.reported")}</Paragraph>
              ) : (
                <Form method="post" className="vm-inline-form">
                  <input type="hidden" name="reactie" value={reply.id} />
                  <Button name="intent" value="reactie-melden" appearance="subtle">
                    {t("cocreation.detail.reportReply")}
                  </Button>
                </Form>
              )
            ) : null}
          </div>
        ))}
        {loggedIn && !item.hidden ? (
          <Form method="post" className="vm-form" noValidate>
            <FormField id="body" label={t("cocreation.detail.reply")} error={errors.body}>
              {(describedBy) => (
                <Textarea
                  id="body"
                  name="body"
                  rows={4}
                  maxLength={4000}
                  defaultValue={actionData?.values?.body ?? ""}
                  invalid={Boolean(errors.body)}
                  describedBy={describedBy}
                />
              )}
            </FormField>
            <ShowNameField checked={actionData?.values?.showName ?? false} />
            <Button name="intent" value="reageren">
              {t("cocreation.detail.replySend")}
            </Button>
          </Form>
        ) : null}
        {!loggedIn ? (
          <Paragraph>
            <Link to={`/inloggen?terug=${encodeURIComponent(`/meedenken/${item.id}`)}`}>
              {t("cocreation.detail.logIn")}
            </Link>
          </Paragraph>
        ) : null}
      </section>

      {loggedIn && !item.hidden && !item.mine ? (
        <section aria-labelledby="melden">
          <Heading level={2} id="melden">
            {t("cocreation.detail.reportTitle")}
          </Heading>
          {item.reportedByMe ? (
            <Paragraph>{t("cocreation.detail.reported")}</Paragraph>
          ) : (
            <Form method="post" className="vm-form" noValidate>
              <FormField
                id="reason"
                label={t("cocreation.detail.reportReason")}
                description={t("cocreation.detail.reportHint")}
                error={errors.reason}
              >
                {(describedBy) => (
                  <Textarea
                    id="reason"
                    name="reason"
                    rows={2}
                    maxLength={500}
                    defaultValue={
                      actionData?.values && "reason" in actionData.values
                        ? String(actionData.values.reason)
                        : ""
                    }
                    invalid={Boolean(errors.reason)}
                    describedBy={describedBy}
                  />
                )}
              </FormField>
              <Button name="intent" value="melden" appearance="secondary-action">
                {t("cocreation.detail.report")}
              </Button>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
