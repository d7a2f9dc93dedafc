// Write a contribution: on a paragraph of a published version (a comment, new text, a new paragraph
// after it), or on the guide as a whole (feedback, a new part). Plain links choose the kind, so it all
// works without JavaScript; on a mistake everything typed comes back with the messages.
import { data, Form, redirect } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { fieldErrorsOf } from "~/infra/form-errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { quotaRefusalOf } from "~/infra/quotas.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ContributionInput, PARAGRAPH_KINDS, Slug } from "~/modules/cocreation/cocreation.validation.ts";
import { CONTRIBUTION_KINDS, type ContributionKind } from "~/modules/cocreation/cocreation-kinds.ts";
import {
  ContributionFields,
  type ContributionFormValues,
  contributionFormInput,
} from "~/modules/cocreation/contribution-form.tsx";
import { createContribution } from "~/modules/cocreation/contributions.server.ts";
import { NotOfficialNote } from "~/modules/cocreation/not-official-note.tsx";
import { requirePart, resolveVersion } from "~/modules/guide/guide.server.ts";
import { renderBlock } from "~/modules/guide/guide-markdown.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/meedenken-nieuw";

const isKind = (value: string | null): value is ContributionKind =>
  (CONTRIBUTION_KINDS as readonly string[]).includes(value ?? "");
const onParagraph = (kind: ContributionKind) => (PARAGRAPH_KINDS as readonly string[]).includes(kind);

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "cocreation:contribute" });
    const { db } = context.services.database;
    const query = new URL(request.url).searchParams;
    const asked = query.get("soort");
    const { version } = await resolveVersion({ db, number: query.get("versie") ?? undefined });
    if (version.status !== "published") {
      throw new AppError(
        "not_found",
        "Je kunt alleen meedenken over een gepubliceerde weergave van de gids.",
      );
    }
    const slug = query.get("deel");
    const anchor = query.get("alinea");
    for (const value of [slug, anchor]) {
      if (value !== null && !Slug.safeParse(value).success) {
        throw new AppError("not_found", "Dit deel of deze alinea staat niet in de gids.");
      }
    }
    const found = slug ? await requirePart({ db, version, slug }) : null;
    const block =
      found && anchor ? found.part.blocks.find((candidate) => candidate.anchor === anchor) : undefined;
    if (anchor && !block) throw new AppError("not_found", "Deze alinea staat niet in dit deel van de gids.");
    let kind: ContributionKind = isKind(asked) ? asked : block ? "reactie" : "algemeen";
    if (onParagraph(kind) && !block) kind = "algemeen";
    const partHref = (target: string) => `/gids/versie/${version.number}/${target}`;
    return data(
      {
        kind,
        version: version.number,
        part: found ? { slug: found.part.slug, title: found.part.title } : null,
        paragraph: block
          ? {
              anchor: block.anchor,
              markdown: block.markdown,
              html: renderBlock({ markdown: block.markdown, partHref }),
            }
          : null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor } = await requirePermission({ request, services, permission: "cocreation:contribute" });
    const form = await request.formData().catch(() => new FormData());
    const values = contributionFormInput(form);
    const input = ContributionInput.safeParse(values);
    if (!input.success) return data({ errors: fieldErrorsOf(input.error), values }, { status: 400 });
    try {
      const created = await createContribution({
        db: services.database.db,
        quotas: services.config.quotas,
        actor,
        input: input.data,
      });
      // The guide's pages show how many contributions each paragraph has.
      await services.pageCache.invalidate("guide");
      return redirect(`/meedenken/${created.id}?nieuw=1`, { status: 303 });
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid" && error.fields) {
        return data({ errors: error.fields, values }, { status: 400 });
      }
      const refused = quotaRefusalOf({
        request,
        quotas: services.config.quotas,
        kind: "contribution",
        error,
      });
      if (refused) return data({ errors: { body: refused }, values }, { status: 429 });
      throw error;
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function NewContribution({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { part, paragraph, version } = loaderData;
  const posted = actionData?.values;
  const kind = posted && isKind(posted.kind) ? posted.kind : loaderData.kind;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: ContributionFormValues = posted ?? {
    kind,
    version: String(version),
    part: part?.slug,
    anchor: paragraph?.anchor,
    body: "",
    proposedText: kind === "tekstvoorstel" ? (paragraph?.markdown ?? "") : "",
    title: "",
    showName: false,
  };
  const place = paragraph && part ? `versie=${version}&deel=${part.slug}&alinea=${paragraph.anchor}` : "";
  const others: ContributionKind[] = paragraph
    ? PARAGRAPH_KINDS.filter((other) => other !== kind)
    : (["algemeen", "nieuw-deel"] as const).filter((other) => other !== kind);
  return (
    <>
      <title>{`${t(`meedenken.form.titles.${kind}`)} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/meedenken">{t("meedenken.list.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t(`meedenken.form.titles.${kind}`)}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t(`meedenken.form.intro.${kind}`)}</Paragraph>
      <NotOfficialNote />
      {paragraph && part ? (
        <section aria-labelledby="alinea">
          <Heading level={2} id="alinea">
            {t("meedenken.form.paragraphIn", { number: version })}{" "}
            <Link to={`/gids/versie/${version}/${part.slug}#${paragraph.anchor}`} lang="nl">
              {part.title}
            </Link>
          </Heading>
          <SafeHtml className="vm-quote-context" html={paragraph.html} lang="nl" />
        </section>
      ) : null}
      <Form method="post" className="vm-form" noValidate>
        <ContributionFields kind={kind} values={values} errors={errors} />
        <Paragraph>
          <Link to="/meedenken/spelregels">{t("meedenken.form.rules")}</Link>
        </Paragraph>
        <Button>{t("meedenken.form.send")}</Button>
      </Form>
      <nav aria-labelledby="anders">
        <Heading level={2} id="anders">
          {t("meedenken.form.otherKinds")}
        </Heading>
        <ul className="utrecht-link-list utrecht-link-list--html-ul">
          {others.map((other) => (
            <li key={other} className="utrecht-link-list__item">
              <Link to={`/meedenken/nieuw?${place ? `${place}&` : `versie=${version}&`}soort=${other}`}>
                {t(`meedenken.form.titles.${other}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
