// The editors' overview of the guide: every version with its status, the draft of the next version if
// there is one (to edit or throw away, after a yes), or a button that makes one from the current version.
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { compareHref } from "~/modules/guide/compare-href.ts";
import { getDraft } from "~/modules/guide/draft-versions.server.ts";
import { applyGuideEdit, GUIDE_NOTICES } from "~/modules/guide/editor-forms.server.ts";
import { getCurrentVersion, listVersions } from "~/modules/guide/guide.server.ts";
import { VersionsTable } from "~/modules/guide/versions-table.tsx";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/beheer-gids";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["guideEditor", "versions"] };

const Notice = z.enum(GUIDE_NOTICES).nullable().catch(null);
const Published = z.coerce.number().int().min(1).nullable().catch(null);

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "guide:edit" });
    const { db } = context.services.database;
    const [versions, current, draft] = await Promise.all([
      listVersions({ db }),
      getCurrentVersion({ db }),
      getDraft({ db }),
    ]);
    const search = new URL(request.url).searchParams;
    return data(
      {
        versions: versions.map((version) => ({
          number: version.number,
          label: version.label,
          edition: version.edition,
          status: version.status,
          isExample: version.isExample,
          date: (version.publishedAt ?? version.createdAt).toISOString(),
        })),
        currentNumber: current?.number ?? null,
        draft: draft
          ? { id: draft.id, number: draft.number, label: draft.label, isExample: draft.isExample }
          : null,
        notice: Notice.parse(search.get("gedaan")),
        published: Published.parse(search.get("versie")),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor } = await requirePermission({ request, services, permission: "guide:edit" });
    const form = await readFormData(request);
    const outcome = await applyGuideEdit({
      db: services.database.db,
      pageCache: services.pageCache,
      actor,
      form,
      request,
    });
    if (outcome.kind === "done") {
      return redirect(outcome.location, { status: 303 });
    }
    const { kind: _kind, status, ...shown } = outcome;
    return data(shown, { status, headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function GuideEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { versions, draft, currentNumber } = loaderData;
  const sent = actionData;
  const previous = loaderData.published
    ? versions.find((v) => v.number < (loaderData.published ?? 0))
    : undefined;
  return (
    <>
      <title>{`${t("guideEditor.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("guideEditor.title")}</Heading>
      <Paragraph lead>{t("guideEditor.intro")}</Paragraph>
      {loaderData.notice && !sent ? (
        <Alert type="ok">
          <Paragraph>
            {t(`guideEditor.notices.${loaderData.notice}`, { number: loaderData.published })}
          </Paragraph>
          {loaderData.notice === "gepubliceerd" && loaderData.published && previous ? (
            <Paragraph>
              <Link to={compareHref(previous.number, loaderData.published)}>
                {t("guideEditor.seeChanges", { from: previous.number, to: loaderData.published })}
              </Link>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {sent?.problem ? (
        <Alert type="error">
          <Paragraph>{sent.problem}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="concept">
        <Heading level={2} id="concept">
          {t("guideEditor.draftTitle")}
        </Heading>
        {draft ? (
          <>
            <Paragraph>
              {t("guideEditor.draftIs", { number: draft.number })} <span lang="nl">{draft.label}</span>
              {draft.isExample ? (
                <>
                  {" "}
                  <StatusBadge>{t("versions.example")}</StatusBadge>
                </>
              ) : null}
            </Paragraph>
            {draft.isExample ? <Paragraph>{t("guideEditor.exampleHint")}</Paragraph> : null}
            {sent?.confirm?.intent === "concept-weggooien" ? (
              <Alert type="warning">
                <Paragraph>{t("guideEditor.discardQuestion", { number: draft.number })}</Paragraph>
                <Form method="post" className="vm-actions">
                  <input type="hidden" name="intent" value="concept-weggooien" />
                  <input type="hidden" name="concept" value={draft.id} />
                  <input type="hidden" name="bevestigen" value="ja" />
                  <Button>{t("guideEditor.discardYes")}</Button>
                  <Link to="/beheer/gids">{t("guideEditor.discardNo")}</Link>
                </Form>
              </Alert>
            ) : null}
            <div className="vm-actions">
              <Link to="/beheer/gids/concept">{t("guideEditor.editDraft")}</Link>
              <Link to={`/gids/versie/${draft.number}`}>
                {t("guideEditor.readDraft", { number: draft.number })}
              </Link>
              <Link to="/beheer/gids/download" download>
                {t("guideEditor.download")}
              </Link>
              {currentNumber ? (
                <Link to={compareHref(currentNumber, draft.number)}>
                  {t("guideEditor.compareDraft", { from: currentNumber, to: draft.number })}
                </Link>
              ) : null}
            </div>
            {sent?.confirm?.intent === "concept-weggooien" ? null : (
              <Form method="post" className="vm-actions">
                <input type="hidden" name="intent" value="concept-weggooien" />
                <input type="hidden" name="concept" value={draft.id} />
                <Button appearance="secondary-action">{t("guideEditor.discard")}</Button>
              </Form>
            )}
          </>
        ) : (
          <>
            <Paragraph>
              {currentNumber
                ? t("guideEditor.noDraft", { number: currentNumber })
                : t("guideEditor.nothingPublished")}
            </Paragraph>
            {currentNumber ? (
              <Form method="post" className="vm-actions">
                <input type="hidden" name="intent" value="concept-maken" />
                <Button>{t("guideEditor.newDraft")}</Button>
              </Form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="versies">
        <Heading level={2} id="versies">
          {t("guideEditor.versionsTitle")}
        </Heading>
        <VersionsTable versions={versions} currentNumber={currentNumber} />
      </section>
    </>
  );
}
