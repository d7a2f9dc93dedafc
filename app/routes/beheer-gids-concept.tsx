// The draft of the next version for its editors: its name, the edition of the official guide it follows
// and the changelog (with a preview), the parts in their order (to open, move or remove), a form for a
// new part, and publishing after a yes.
import { data, Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { z } from "zod";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { compareHref } from "~/modules/guide/compare-href.ts";
import { getDraftContent } from "~/modules/guide/draft-versions.server.ts";
import { applyGuideEdit, GUIDE_NOTICES, previewOf } from "~/modules/guide/editor-forms.server.ts";
import { getCurrentVersion } from "~/modules/guide/guide.server.ts";
import { PartFields } from "~/modules/guide/part-form.tsx";
import { PREVIEW_INTENTS, useLivePreview } from "~/modules/guide/use-live-preview.ts";
import { Alert, StatusBadge } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/beheer-gids-concept";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: ["account.errorSummary", "guideEditor", "versions.example"],
  hydrate: true,
};

const Notice = z.enum(GUIDE_NOTICES).nullable().catch(null);

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "guide:edit" });
    const { db } = context.services.database;
    const [content, current] = await Promise.all([getDraftContent({ db }), getCurrentVersion({ db })]);
    const notice = Notice.parse(new URL(request.url).searchParams.get("gedaan"));
    if (!content)
      return data(
        { draft: null, parts: [], currentNumber: current?.number ?? null, notice },
        { headers: PRIVATE_HEADERS },
      );
    const { version, parts } = content;
    return data(
      {
        draft: {
          id: version.id,
          number: version.number,
          label: version.label,
          edition: version.edition,
          changelog: version.changelog,
          isExample: version.isExample,
          changelogHtml: version.changelog
            ? previewOf({ markdown: version.changelog, versionNumber: version.number })
            : "",
        },
        parts: parts.map((part) => ({
          slug: part.slug,
          kind: part.kind,
          title: part.title,
          paragraphs: part.blocks.length,
        })),
        currentNumber: current?.number ?? null,
        notice,
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

/** A preview changes nothing, so the page's data need not be read again after one. */
export function shouldRevalidate(args: ShouldRevalidateFunctionArgs) {
  const intent = args.formData?.get("intent");
  return typeof intent === "string" && PREVIEW_INTENTS.has(intent) ? false : args.defaultShouldRevalidate;
}

type Loaded = Route.ComponentProps["loaderData"];
type Sent = NonNullable<Route.ComponentProps["actionData"]>;
type Draft = NonNullable<Loaded["draft"]>;

function Changelog(props: { draft: Draft; sent: Sent | undefined }) {
  const t = useT();
  const { draft, sent } = props;
  const mine = sent?.intent === "wijzigingen-opslaan" || sent?.intent === "wijzigingen-voorbeeld";
  const errors: Record<string, string> = mine ? sent.errors : {};
  const values = mine
    ? sent.values
    : { label: draft.label, edition: draft.edition, changelog: draft.changelog };
  const live = useLivePreview("wijzigingen-voorbeeld");
  const previewHtml =
    live.previewHtml ?? (mine && sent.previewHtml !== null ? sent.previewHtml : draft.changelogHtml);
  return (
    <section aria-labelledby="wijzigingen">
      <Heading level={2} id="wijzigingen">
        {t("guideEditor.changelogTitle")}
      </Heading>
      <Paragraph>{t("guideEditor.changelogIntro")}</Paragraph>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Form method="post" className="vm-form" noValidate key={JSON.stringify(values)} onInput={live.onInput}>
        <input type="hidden" name="concept" value={draft.id} />
        <FormField
          id="label"
          label={t("guideEditor.label")}
          description={t("guideEditor.labelHint")}
          error={errors.label}
        >
          {(describedBy) => (
            <Textbox
              id="label"
              name="label"
              maxLength={200}
              defaultValue={values.label}
              invalid={Boolean(errors.label)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <FormField
          id="edition"
          label={t("guideEditor.edition")}
          description={t("guideEditor.editionHint")}
          error={errors.edition}
        >
          {(describedBy) => (
            <Textbox
              id="edition"
              name="edition"
              maxLength={120}
              defaultValue={values.edition}
              invalid={Boolean(errors.edition)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <FormField
          id="changelog"
          label={t("guideEditor.changelog")}
          description={t("guideEditor.markdownHint")}
          error={errors.changelog}
        >
          {(describedBy) => (
            <Textarea
              id="changelog"
              name="changelog"
              rows={8}
              maxLength={20000}
              lang="nl"
              defaultValue={values.changelog}
              invalid={Boolean(errors.changelog)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <div className="vm-actions">
          <Button name="intent" value="wijzigingen-opslaan">
            {t("guideEditor.save")}
          </Button>
          <Button name="intent" value="wijzigingen-voorbeeld" appearance="secondary-action">
            {t("guideEditor.preview")}
          </Button>
        </div>
      </Form>
      {previewHtml ? (
        <section aria-labelledby="wijzigingen-voorbeeld" className="vm-card vm-preview">
          <Heading level={3} id="wijzigingen-voorbeeld">
            {t("guideEditor.previewTitle")}
          </Heading>
          <SafeHtml lang="nl" html={previewHtml} />
        </section>
      ) : null}
    </section>
  );
}

function Parts(props: { draft: Draft; parts: Loaded["parts"]; sent: Sent | undefined }) {
  const t = useT();
  const { draft, parts, sent } = props;
  const confirmSlug = sent?.confirm?.intent === "deel-weghalen" ? sent.confirm.slug : undefined;
  return (
    <section aria-labelledby="delen">
      <Heading level={2} id="delen">
        {t("guideEditor.partsTitle")}
      </Heading>
      <ol className="vm-editor-list">
        {parts.map((part, index) => {
          const which = <VisuallyHidden lang="nl"> {part.title}</VisuallyHidden>;
          return (
            <li key={part.slug} id={`deel-${part.slug}`} className="vm-editor-list__item">
              <Paragraph>
                <Link to={`/beheer/gids/concept/${part.slug}`}>
                  <span lang="nl">{part.title}</span>
                </Link>{" "}
                <StatusBadge>{t(`guideEditor.kinds.${part.kind}`)}</StatusBadge>{" "}
                {t("guideEditor.paragraphCount", { count: part.paragraphs })}
              </Paragraph>
              {confirmSlug === part.slug ? (
                <Alert type="warning">
                  <Paragraph>{t("guideEditor.removePartQuestion", { title: part.title })}</Paragraph>
                  <Form method="post" className="vm-actions">
                    <input type="hidden" name="intent" value="deel-weghalen" />
                    <input type="hidden" name="concept" value={draft.id} />
                    <input type="hidden" name="deel" value={part.slug} />
                    <input type="hidden" name="bevestigen" value="ja" />
                    <Button>{t("guideEditor.removePartYes")}</Button>
                    <Link to="/beheer/gids/concept#delen">{t("guideEditor.discardNo")}</Link>
                  </Form>
                </Alert>
              ) : null}
              <Form method="post" className="vm-actions">
                <input type="hidden" name="concept" value={draft.id} />
                <input type="hidden" name="deel" value={part.slug} />
                {index > 0 ? (
                  <Button name="intent" value="deel-omhoog" appearance="subtle">
                    {t("guideEditor.moveUp")}
                    {which}
                  </Button>
                ) : null}
                {index < parts.length - 1 ? (
                  <Button name="intent" value="deel-omlaag" appearance="subtle">
                    {t("guideEditor.moveDown")}
                    {which}
                  </Button>
                ) : null}
                <Button name="intent" value="deel-weghalen" appearance="subtle">
                  {t("guideEditor.removePart")}
                  {which}
                </Button>
              </Form>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function NewPart(props: { draft: Draft; sent: Sent | undefined }) {
  const t = useT();
  const { draft, sent } = props;
  const mine = sent?.intent === "deel-toevoegen";
  const errors: Record<string, string> = mine ? sent.errors : {};
  const values = mine ? sent.values : { title: "", summary: "", kind: "principe" };
  return (
    <section aria-labelledby="deel-toevoegen">
      <Heading level={2} id="deel-toevoegen">
        {t("guideEditor.newPartTitle")}
      </Heading>
      <Paragraph>{t("guideEditor.newPartIntro")}</Paragraph>
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={errors}
        fieldIds={{ title: "nieuw-title", summary: "nieuw-summary", kind: "nieuw-kind" }}
      />
      <Form method="post" className="vm-form" noValidate key={JSON.stringify(values)}>
        <input type="hidden" name="intent" value="deel-toevoegen" />
        <input type="hidden" name="concept" value={draft.id} />
        <PartFields prefix="nieuw" values={values} errors={errors} />
        <div className="vm-actions">
          <Button>{t("guideEditor.addPart")}</Button>
        </div>
      </Form>
    </section>
  );
}

export default function DraftEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { draft, parts, currentNumber } = loaderData;
  const sent = actionData;
  if (!draft) {
    return (
      <>
        <title>{`${t("guideEditor.draftTitle")} – Vakmanschap`}</title>
        <Paragraph>
          <Link to="/beheer/gids">{t("guideEditor.back")}</Link>
        </Paragraph>
        <Heading level={1}>{t("guideEditor.draftTitle")}</Heading>
        <Paragraph>{t("guideEditor.noDraftHere")}</Paragraph>
      </>
    );
  }
  const title = t("guideEditor.draftHeading", { number: draft.number });
  return (
    <>
      <title>{`${title} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/gids">{t("guideEditor.back")}</Link>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        <span lang="nl">{draft.label}</span>
        {draft.isExample ? (
          <>
            {" "}
            <StatusBadge>{t("versions.example")}</StatusBadge>
          </>
        ) : null}
      </Paragraph>
      <div className="vm-actions">
        <Link to={`/gids/versie/${draft.number}`}>
          {t("guideEditor.readDraft", { number: draft.number })}
        </Link>
        {currentNumber ? (
          <Link to={compareHref(currentNumber, draft.number)}>
            {t("guideEditor.compareDraft", { from: currentNumber, to: draft.number })}
          </Link>
        ) : null}
      </div>
      {loaderData.notice && !sent ? (
        <Alert type="ok">
          <Paragraph>{t(`guideEditor.notices.${loaderData.notice}`, { number: draft.number })}</Paragraph>
        </Alert>
      ) : null}
      {sent?.problem ? (
        <Alert type="error">
          <Paragraph>{sent.problem}</Paragraph>
        </Alert>
      ) : null}

      <Changelog draft={draft} sent={sent} />
      <Parts draft={draft} parts={parts} sent={sent} />
      <NewPart draft={draft} sent={sent} />

      <section aria-labelledby="publiceren">
        <Heading level={2} id="publiceren">
          {t("guideEditor.publishTitle")}
        </Heading>
        <Paragraph>{t("guideEditor.publishIntro", { number: draft.number })}</Paragraph>
        {sent?.confirm?.intent === "publiceren" ? (
          <Alert type="warning">
            <Paragraph>{t("guideEditor.publishQuestion", { number: draft.number })}</Paragraph>
            <Form method="post" className="vm-actions">
              <input type="hidden" name="intent" value="publiceren" />
              <input type="hidden" name="concept" value={draft.id} />
              <input type="hidden" name="bevestigen" value="ja" />
              <Button>{t("guideEditor.publishYes", { number: draft.number })}</Button>
              <Link to="/beheer/gids/concept">{t("guideEditor.discardNo")}</Link>
            </Form>
          </Alert>
        ) : (
          <Form method="post" className="vm-actions">
            <input type="hidden" name="intent" value="publiceren" />
            <input type="hidden" name="concept" value={draft.id} />
            <Button>{t("guideEditor.publish")}</Button>
          </Form>
        )}
      </section>
    </>
  );
}
