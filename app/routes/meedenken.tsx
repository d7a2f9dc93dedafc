// Everything people wrote about the guide that is not hidden: filter by part, kind and status, search
// the text, a page at a time. A GET form, so it works without JavaScript and each view has an address.
import { data, Form } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { getCurrentUser } from "~/modules/accounts/current-user.server.ts";
import { ContributionFilter } from "~/modules/cocreation/cocreation.validation.ts";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES } from "~/modules/cocreation/cocreation-kinds.ts";
import { ContributionCard, Pagination } from "~/modules/cocreation/contribution-view.tsx";
import { listContributions } from "~/modules/cocreation/contributions.server.ts";
import { NotOfficialNote } from "~/modules/cocreation/not-official-note.tsx";
import { getCurrentVersion, listParts } from "~/modules/guide/guide.server.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, Select, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import type { Route } from "./+types/meedenken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["compare", "cocreation", "waysIn"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const filter = ContributionFilter.parse(query);
    const [user, current] = await Promise.all([
      getCurrentUser({ request, services: context.services }),
      getCurrentVersion({ db }),
    ]);
    const [result, parts] = await Promise.all([
      listContributions({ db, filter, viewer: { userId: user?.id, editor: false } }),
      current ? listParts({ db, versionId: current.id }) : Promise.resolve([]),
    ]);
    return data(
      {
        filter,
        loggedIn: Boolean(user),
        parts: parts.map((part) => ({ slug: part.slug, title: part.title })),
        ...result,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Contributions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filter, items, total, page, pages } = loaderData;
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (key !== "pagina" && value !== undefined && value !== "") query.set(key, String(value));
    }
    if (target > 1) query.set("pagina", String(target));
    const text = query.toString();
    return text ? `/meedenken?${text}` : "/meedenken";
  };
  return (
    <>
      <title>{`${t("cocreation.list.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("cocreation.list.title")}</Heading>
      <Paragraph lead>{t("cocreation.list.intro")}</Paragraph>
      <NotOfficialNote />
      <LinkList>
        <LinkListItem>
          <Link to="/meedenken/nieuw?soort=algemeen">{t("cocreation.list.feedback")}</Link>
        </LinkListItem>
        <LinkListItem>
          <Link to="/meedenken/nieuw?soort=nieuw-deel">{t("cocreation.list.newPart")}</Link>
        </LinkListItem>
        <LinkListItem>
          <Link to="/meedenken/mijn">{t("cocreation.list.mine")}</Link>
        </LinkListItem>
        <LinkListItem>
          <Link to="/meedenken/spelregels">{t("cocreation.list.rules")}</Link>
        </LinkListItem>
      </LinkList>
      <Form method="get" className="vm-form vm-filters" aria-labelledby="filters">
        <Heading level={2} id="filters">
          {t("cocreation.list.filters")}
        </Heading>
        {filter.versie ? <input type="hidden" name="versie" value={filter.versie} /> : null}
        {filter.alinea ? <input type="hidden" name="alinea" value={filter.alinea} /> : null}
        <FormField id="deel" label={t("cocreation.list.part")}>
          {(describedBy) => (
            <Select
              id="deel"
              name="deel"
              defaultValue={filter.deel ?? ""}
              describedBy={describedBy}
              options={[
                { value: "", label: t("cocreation.list.allParts") },
                ...loaderData.parts.map((part) => ({ value: part.slug, label: part.title, lang: "nl" })),
              ]}
            />
          )}
        </FormField>
        <FormField id="soort" label={t("cocreation.list.kind")}>
          {(describedBy) => (
            <Select
              id="soort"
              name="soort"
              defaultValue={filter.soort ?? ""}
              describedBy={describedBy}
              options={[
                { value: "", label: t("cocreation.list.allKinds") },
                ...CONTRIBUTION_KINDS.map((kind) => ({ value: kind, label: t(`cocreation.kinds.${kind}`) })),
              ]}
            />
          )}
        </FormField>
        <FormField id="status" label={t("cocreation.list.status")}>
          {(describedBy) => (
            <Select
              id="status"
              name="status"
              defaultValue={filter.status ?? ""}
              describedBy={describedBy}
              options={[
                { value: "", label: t("cocreation.list.allStatuses") },
                { value: "open", label: t("waysIn.meedenken.openStatuses") },
                ...CONTRIBUTION_STATUSES.map((status) => ({
                  value: status,
                  label: t(`cocreation.statuses.${status}`),
                })),
              ]}
            />
          )}
        </FormField>
        <FormField id="q" label={t("cocreation.list.search")}>
          {(describedBy) => (
            <Textbox
              id="q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ""}
              describedBy={describedBy}
              maxLength={200}
            />
          )}
        </FormField>
        <Button>{t("cocreation.list.show")}</Button>
      </Form>
      {filter.alinea ? (
        <Paragraph>
          {t("cocreation.list.paragraphFilter")} <Link to="/meedenken">{t("cocreation.list.reset")}</Link>
        </Paragraph>
      ) : null}
      <Paragraph>
        <span role="status">{t("cocreation.list.found", { count: total })}</span>
      </Paragraph>
      {items.length === 0 ? <Paragraph>{t("cocreation.list.none")}</Paragraph> : null}
      {items.map((item) => (
        <ContributionCard key={item.id} item={item} href={`/meedenken/${item.id}`} />
      ))}
      <Pagination page={page} pages={pages} hrefFor={hrefFor} />
    </>
  );
}
