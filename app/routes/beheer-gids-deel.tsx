// One part of the draft for its editors: its title, summary and kind, and its paragraphs as they will
// be published, each to edit (Markdown with a preview from the server), move, remove or add one after.
// Plain POST forms with an `intent`; what was typed comes back with the message after a mistake.
import { data, Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { z } from "zod";
import { AppError } from "~/infra/errors.ts";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { message } from "~/infra/i18n/translate.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getDraftContent } from "~/modules/guide/draft-versions.server.ts";
import { applyGuideEdit, GUIDE_NOTICES, previewOf } from "~/modules/guide/editor-forms.server.ts";
import { PartSlug } from "~/modules/guide/guide.validation.ts";
import { PartFields } from "~/modules/guide/part-form.tsx";
import { PREVIEW_INTENTS, useLivePreview } from "~/modules/guide/use-live-preview.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textarea } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/beheer-gids-deel";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account.errorSummary", "guideEditor"], hydrate: true };

const Notice = z.enum(GUIDE_NOTICES).nullable().catch(null);

async function allowed(request: Request, context: Route.LoaderArgs["context"], slug: string | undefined) {
  const { actor } = await requirePermission({
    request,
    services: context.services,
    permission: "guide:edit",
  });
  const parsed = PartSlug.safeParse(slug);
  if (!parsed.success) throw new AppError("not_found", "problems.guide.partMissingFromDraft");
  return { actor, slug: parsed.data };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { slug } = await allowed(request, context, params.deel);
    const content = await getDraftContent({ db: context.services.database.db });
    if (!content) throw new AppError("not_found", "problems.guide.noDraft");
    const { version } = content;
    const part = content.parts.find((candidate) => candidate.slug === slug);
    if (!part) throw new AppError("not_found", message("problems.guide.partNotInDraft", { slug }));
    const search = new URL(request.url).searchParams;
    const anchors = new Set(part.blocks.map((block) => block.anchor));
    const editing = search.get("alinea");
    const adding = search.get("na");
    return data(
      {
        draft: { id: version.id, number: version.number },
        part: { slug: part.slug, kind: part.kind, title: part.title, summary: part.summary },
        blocks: part.blocks.map((block) => ({
          anchor: block.anchor,
          markdown: block.markdown,
          text: block.text,
          html: previewOf({ markdown: block.markdown, versionNumber: version.number }),
        })),
        editing: editing && anchors.has(editing) ? editing : null,
        adding: adding === "begin" || (adding && anchors.has(adding)) ? adding : null,
        notice: Notice.parse(search.get("gedaan")),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor, slug } = await allowed(request, context, params.deel);
    const form = await readFormData(request);
    const outcome = await applyGuideEdit({
      db: services.database.db,
      pageCache: services.pageCache,
      actor,
      form,
      request,
      partSlug: slug,
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

/** The form for one paragraph's Markdown: saving it, or seeing first how it will look. */
function ParagraphForm(props: {
  loaded: Loaded;
  sent: Sent | undefined;
  mode: "edit" | "add";
  anchor?: string;
  after?: string;
  markdown: string;
}) {
  const t = useT();
  const { loaded, sent, mode } = props;
  const intent = mode === "edit" ? "alinea-opslaan" : "alinea-toevoegen";
  const mine = sent?.intent === intent;
  const errors: Record<string, string> = mine ? sent.errors : {};
  const markdown = mine ? (sent.values.markdown ?? "") : props.markdown;
  const id = mode === "edit" ? "bewerken" : "toevoegen";
  const live = useLivePreview("alinea-voorbeeld");
  const previewHtml = live.previewHtml ?? (mine ? sent.previewHtml : null);
  return (
    <section aria-labelledby={`${id}-titel`} className="vm-card" id={id}>
      <Heading level={3} id={`${id}-titel`}>
        {mode === "edit" ? t("guideEditor.editParagraph") : t("guideEditor.addParagraph")}
      </Heading>
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={errors}
        fieldIds={{ markdown: `${id}-markdown` }}
      />
      <Form method="post" className="vm-form" noValidate key={markdown} onInput={live.onInput}>
        <input type="hidden" name="concept" value={loaded.draft.id} />
        <input type="hidden" name="anker" value={props.anchor ?? ""} />
        <input type="hidden" name="na" value={props.after ?? ""} />
        <FormField
          id={`${id}-markdown`}
          label={t("guideEditor.paragraphText")}
          description={t("guideEditor.paragraphHint")}
          error={errors.markdown}
        >
          {(describedBy) => (
            <Textarea
              id={`${id}-markdown`}
              name="markdown"
              rows={8}
              maxLength={10000}
              lang="nl"
              defaultValue={markdown}
              invalid={Boolean(errors.markdown)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <div className="vm-actions">
          <Button name="intent" value={intent}>
            {mode === "edit" ? t("guideEditor.save") : t("guideEditor.addParagraphButton")}
          </Button>
          <Button name="intent" value="alinea-voorbeeld" appearance="secondary-action">
            {t("guideEditor.preview")}
          </Button>
          <Link
            to={`/beheer/gids/concept/${loaded.part.slug}${props.anchor ? `#alinea-${props.anchor}` : "#alineas"}`}
          >
            {t("guideEditor.cancel")}
          </Link>
        </div>
      </Form>
      {previewHtml !== null ? (
        <section aria-labelledby={`${id}-voorbeeld`} className="vm-preview">
          <Heading level={4} id={`${id}-voorbeeld`}>
            {t("guideEditor.previewTitle")}
          </Heading>
          <SafeHtml lang="nl" html={previewHtml} />
        </section>
      ) : null}
    </section>
  );
}

export default function DraftPart({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { draft, part, blocks } = loaderData;
  const sent = actionData;
  const editing =
    sent?.intent === "alinea-opslaan" && sent.values.anker ? sent.values.anker : loaderData.editing;
  const adding = sent?.intent === "alinea-toevoegen" ? sent.values.na || "begin" : loaderData.adding;
  const partSent = sent?.intent === "deel-opslaan" ? sent : undefined;
  const partValues = partSent ? partSent.values : part;
  const base = `/beheer/gids/concept/${part.slug}`;
  return (
    <>
      <title>{`${part.title} – ${t("guideEditor.draftHeading", { number: draft.number })} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/beheer/gids/concept">{t("guideEditor.backToDraft", { number: draft.number })}</Link>
      </Paragraph>
      <Heading level={1}>
        <span lang="nl">{part.title}</span>
      </Heading>
      <Paragraph>
        <Link to={`/gids/versie/${draft.number}/${part.slug}`}>{t("guideEditor.readPart")}</Link>
      </Paragraph>
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

      <section aria-labelledby="deel-gegevens">
        <Heading level={2} id="deel-gegevens">
          {t("guideEditor.partDetails")}
        </Heading>
        <ErrorSummary
          title={t("account.errorSummary")}
          errors={partSent?.errors ?? {}}
          fieldIds={{ title: "deel-title", summary: "deel-summary", kind: "deel-kind" }}
        />
        <Form method="post" className="vm-form" noValidate key={JSON.stringify(partValues)}>
          <input type="hidden" name="intent" value="deel-opslaan" />
          <input type="hidden" name="concept" value={draft.id} />
          <PartFields prefix="deel" values={partValues} errors={partSent?.errors ?? {}} />
          <div className="vm-actions">
            <Button>{t("guideEditor.save")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="alineas">
        <Heading level={2} id="alineas">
          {t("guideEditor.paragraphsTitle")}
        </Heading>
        <Paragraph>{t("guideEditor.paragraphsIntro")}</Paragraph>
        <Paragraph>
          <Link to={`${base}?na=begin#toevoegen`}>{t("guideEditor.addAtStart")}</Link>
        </Paragraph>
        {adding === "begin" ? (
          <ParagraphForm loaded={loaderData} sent={sent} mode="add" after="begin" markdown="" />
        ) : null}
        <ol className="vm-editor-list">
          {blocks.map((block, index) => {
            const which = <VisuallyHidden lang="nl"> {block.text.slice(0, 60)}</VisuallyHidden>;
            return (
              <li key={block.anchor} id={`alinea-${block.anchor}`} className="vm-editor-list__item">
                <div className="vm-editor-block">
                  <SafeHtml lang="nl" html={block.html} />
                </div>
                <Paragraph>
                  <small>
                    {t("guideEditor.anchor")} <span lang="nl">{block.anchor}</span>
                  </small>
                </Paragraph>
                {editing === block.anchor ? (
                  <ParagraphForm
                    loaded={loaderData}
                    sent={sent}
                    mode="edit"
                    anchor={block.anchor}
                    markdown={block.markdown}
                  />
                ) : (
                  <div className="vm-actions">
                    <Link to={`${base}?alinea=${block.anchor}#bewerken`}>
                      {t("guideEditor.edit")}
                      {which}
                    </Link>
                    <Link to={`${base}?na=${block.anchor}#toevoegen`}>
                      {t("guideEditor.addAfter")}
                      {which}
                    </Link>
                    <Form method="post" className="vm-actions vm-actions--inline">
                      <input type="hidden" name="concept" value={draft.id} />
                      <input type="hidden" name="anker" value={block.anchor} />
                      {index > 0 ? (
                        <Button name="intent" value="alinea-omhoog" appearance="subtle">
                          {t("guideEditor.moveUp")}
                          {which}
                        </Button>
                      ) : null}
                      {index < blocks.length - 1 ? (
                        <Button name="intent" value="alinea-omlaag" appearance="subtle">
                          {t("guideEditor.moveDown")}
                          {which}
                        </Button>
                      ) : null}
                      <Button name="intent" value="alinea-weghalen" appearance="subtle">
                        {t("guideEditor.removeParagraph")}
                        {which}
                      </Button>
                    </Form>
                  </div>
                )}
                {adding === block.anchor ? (
                  <ParagraphForm
                    loaded={loaderData}
                    sent={sent}
                    mode="add"
                    after={block.anchor}
                    markdown=""
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
        {blocks.length === 0 ? <Paragraph>{t("guideEditor.noParagraphs")}</Paragraph> : null}
      </section>
    </>
  );
}
