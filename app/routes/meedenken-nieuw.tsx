// Write a contribution: on a paragraph of a published version (a comment, new text, a new paragraph
// after it), or on the guide as a whole (feedback, a new part). Plain links choose the kind, so it all
// works without JavaScript; on a mistake everything typed comes back with the messages.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ContributionInput } from "~/modules/cocreation/cocreation.validation.ts";
import {
  type ContributionKind,
  isContributionKind,
  PARAGRAPH_KINDS,
} from "~/modules/cocreation/cocreation-kinds.ts";
import { ContributionFields } from "~/modules/cocreation/contribution-form.tsx";
import { getContributionTarget } from "~/modules/cocreation/contribution-target.server.ts";
import { createContribution } from "~/modules/cocreation/contributions.server.ts";
import { NotOfficialNote } from "~/modules/cocreation/not-official-note.tsx";
import {
  type ContributionFormValues,
  readContributionForm,
} from "~/modules/cocreation/read-contribution-form.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/meedenken-nieuw";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "cocreation.form", "cocreation.list"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "cocreation:contribute" });
    const query = new URL(request.url).searchParams;
    const target = await getContributionTarget({
      db: context.services.database.db,
      version: query.get("versie"),
      part: query.get("deel"),
      anchor: query.get("alinea"),
      kind: query.get("soort"),
    });
    return data(target, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  return withRouteErrors(services.logger, async () => {
    const { actor } = await requirePermission({ request, services, permission: "cocreation:contribute" });
    const form = await readFormData(request);
    const values = readContributionForm(form);
    const input = ContributionInput.safeParse(values);
    if (!input.success) return answerRefusedForm(input.error, { request, values });
    try {
      const created = await createContribution({
        db: services.database.db,
        pageCache: services.pageCache,
        quotas: services.config.quotas,
        actor,
        input: input.data,
      });
      return redirect(`/meedenken/${created.id}?nieuw=1`, { status: 303 });
    } catch (error) {
      return answerRefusedForm(error, {
        request,
        values,
        quota: { quotas: services.config.quotas, kind: "contribution", field: "body" },
      });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function NewContribution({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { part, paragraph, version } = loaderData;
  const posted = actionData?.values;
  const kind = posted && isContributionKind(posted.kind) ? posted.kind : loaderData.kind;
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
      <title>{`${t(`cocreation.form.titles.${kind}`)} – Vakmanschap`}</title>
      <Paragraph>
        <Link to="/meedenken">{t("cocreation.list.back")}</Link>
      </Paragraph>
      <Heading level={1}>{t(`cocreation.form.titles.${kind}`)}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      <Paragraph>{t(`cocreation.form.intro.${kind}`)}</Paragraph>
      <NotOfficialNote />
      {paragraph && part ? (
        <section aria-labelledby="alinea">
          <Heading level={2} id="alinea">
            {t("cocreation.form.paragraphIn", { number: version })}{" "}
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
          <Link to="/meedenken/spelregels">{t("cocreation.form.rules")}</Link>
        </Paragraph>
        <Button>{t("cocreation.form.send")}</Button>
      </Form>
      <nav aria-labelledby="anders">
        <Heading level={2} id="anders">
          {t("cocreation.form.otherKinds")}
        </Heading>
        <LinkList>
          {others.map((other) => (
            <LinkListItem key={other}>
              <Link to={`/meedenken/nieuw?${place ? `${place}&` : `versie=${version}&`}soort=${other}`}>
                {t(`cocreation.form.titles.${other}`)}
              </Link>
            </LinkListItem>
          ))}
        </LinkList>
      </nav>
    </>
  );
}
