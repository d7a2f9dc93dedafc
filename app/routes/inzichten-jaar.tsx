// The yearly "stand van het vakmanschap": plain sentences and the year's figures. Published, anyone may
// read and print it; before that, and beside it, the editors' draft made from the figures, to check,
// edit and publish.
import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { languageOf, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { actorOf } from "~/modules/accounts/accounts.server.ts";
import { can } from "~/modules/accounts/authorization.ts";
import { getCurrentUser, requirePermission } from "~/modules/accounts/current-user.server.ts";
import type { InsightTable } from "~/modules/insights/insight-tables.ts";
import { InsightTableView } from "~/modules/insights/insights-view.tsx";
import {
  draftYearReport,
  getYearReport,
  publishYearReport,
  saveYearDraft,
  YearReportBody,
  yearPeriod,
} from "~/modules/insights/year-report.server.ts";
import { YEAR_BODY_MAX_LENGTH } from "~/modules/insights/year-text.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/inzichten-jaar";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["insights"] };

const DONE = new Set(["opgeslagen", "gepubliceerd"]);

function yearOf(param: string | undefined): number {
  const year = Number(param);
  if (!/^\d{4}$/.test(param ?? "")) throw new AppError("not_found", "problems.insights.yearUnknown");
  return year;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const year = yearOf(params.jaar);
    const period = yearPeriod(year, new Date());
    const report = await getYearReport({ db, year });
    const user = await getCurrentUser({ request, services });
    const editor = user !== undefined && can(actorOf(user), "insights:read");
    // Not published: only for those who may read the insights (a login first for who is not logged in).
    if (!report?.publishedBody && !editor) {
      if (!user) await requirePermission({ request, services, permission: "insights:read" });
      throw new AppError("not_found", "problems.insights.yearUnknown");
    }
    const minGroup = services.config.insights.minGroup;
    const draft = editor ? await draftYearReport({ db, year, minGroup }) : null;
    const done = new URL(request.url).searchParams.get("gedaan");
    return data(
      {
        year,
        period,
        published: report?.publishedBody
          ? {
              body: report.publishedBody,
              tables: report.publishedTables ?? [],
              at: report.publishedAt?.toISOString() ?? null,
            }
          : null,
        draft: draft
          ? {
              body: report?.draft ?? draft.body,
              // Figures as of now, shown beside the draft while it is not (yet) published with them.
              tables: draft.tables,
              changed: Boolean(report?.publishedBody && report.draft !== report.publishedBody),
            }
          : null,
        done: done && DONE.has(done) ? done : null,
        language: languageOf(request),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { actor } = await requirePermission({ request, services, permission: "insights:read" });
    const year = yearOf(params.jaar);
    yearPeriod(year, new Date());
    const form = await readFormData(request);
    const typed = textOf(form, "tekst");
    const intent = textOf(form, "intent");
    const minGroup = services.config.insights.minGroup;
    if (intent === "opnieuw") {
      const { body } = await draftYearReport({ db, year, minGroup });
      return data({ body, error: null, regenerated: true }, { headers: PRIVATE_HEADERS });
    }
    const parsed = YearReportBody.safeParse(typed);
    if (!parsed.success) {
      // The text comes back as typed, with what is wrong: nothing written is lost.
      const said = parsed.error.issues[0]?.message ?? "problems.insights.bodyEmpty";
      return data(
        { body: typed, error: translatorFor(languageOf(request))(said), regenerated: false },
        { status: 400, headers: PRIVATE_HEADERS },
      );
    }
    if (intent === "publiceren") {
      await publishYearReport({ db, year, body: parsed.data, minGroup, actor });
      return redirect(`/inzichten/jaar/${year}?gedaan=gepubliceerd`, { status: 303 });
    }
    await saveYearDraft({ db, year, body: parsed.data, actor });
    return redirect(`/inzichten/jaar/${year}?gedaan=opgeslagen#concept`, { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function YearReportPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { year, published, draft } = loaderData;
  const title = t("insights.year.title", { year });
  return (
    <>
      <title>{`${title} – Vakmanschap`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{t("insights.year.lead", { year })}</Paragraph>
      {loaderData.done === "gepubliceerd" ? <Alert type="ok">{t("insights.year.publishedNow")}</Alert> : null}
      {published ? (
        <>
          <Paragraph>
            {published.at
              ? t("insights.year.published", {
                  when: formatDate({ iso: published.at, language, format: "date" }),
                })
              : null}
            {language === "nl" ? null : ` ${t("insights.year.inDutch")}`}
          </Paragraph>
          <PrintButton label={t("insights.print")} />
          <YearText body={published.body} />
          <Figures tables={published.tables} />
        </>
      ) : (
        <Paragraph>{t("insights.year.notPublished")}</Paragraph>
      )}
      {draft ? (
        <section aria-labelledby="concept" className="vm-insights-draft">
          <Heading level={2} id="concept">
            {t("insights.year.draftTitle")}
          </Heading>
          {loaderData.done === "opgeslagen" ? <Alert type="ok">{t("insights.year.saved")}</Alert> : null}
          {actionData?.regenerated ? <Alert type="info">{t("insights.year.regenerated")}</Alert> : null}
          {draft.changed ? <Alert type="info">{t("insights.year.unpublishedChanges")}</Alert> : null}
          <Paragraph>{t("insights.year.draftIntro", { year })}</Paragraph>
          <Form method="post">
            <FormField id="tekst" label={t("insights.year.body")} error={actionData?.error ?? undefined}>
              {(describedBy) => (
                <Textarea
                  // A new text from the figures replaces what the field showed.
                  key={actionData?.regenerated ? "opnieuw" : "concept"}
                  id="tekst"
                  name="tekst"
                  lang="nl"
                  rows={18}
                  maxLength={YEAR_BODY_MAX_LENGTH}
                  defaultValue={actionData?.body ?? draft.body}
                  invalid={Boolean(actionData?.error)}
                  describedBy={describedBy}
                />
              )}
            </FormField>
            <div className="vm-actions">
              <Button type="submit" name="intent" value="opslaan" appearance="secondary-action">
                {t("insights.year.save")}
              </Button>
              <Button type="submit" name="intent" value="publiceren">
                {t("insights.year.publish")}
              </Button>
              <Button type="submit" name="intent" value="opnieuw" appearance="subtle">
                {t("insights.year.regenerate")}
              </Button>
            </div>
          </Form>
          <Heading level={3}>{t("insights.year.figures")}</Heading>
          <Figures tables={draft.tables} headingLevel={4} />
          <Paragraph>
            <Link to="/inzichten">{t("insights.title")}</Link>
          </Paragraph>
        </section>
      ) : null}
    </>
  );
}

/** The text as paragraphs, as the editor wrote them; it is Dutch whatever the interface language. */
function YearText(props: { body: string }) {
  return (
    <div lang="nl" className="vm-insights-year">
      {props.body.split(/\n\n+/).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text, in their order
        <Paragraph key={index}>{paragraph}</Paragraph>
      ))}
    </div>
  );
}

function Figures(props: { tables: InsightTable[]; headingLevel?: 3 | 4 }) {
  const t = useT();
  if (props.tables.length === 0) return null;
  return (
    <>
      {props.headingLevel ? null : <Heading level={2}>{t("insights.year.figures")}</Heading>}
      {props.tables.map((table) => (
        <InsightTableView key={table.id} table={table} headingLevel={props.headingLevel ?? 3} dutch />
      ))}
    </>
  );
}
