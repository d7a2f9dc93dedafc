// Search in the current version of the guide; results link to the exact paragraph.
import { useEffect, useRef } from "react";
import { data, Form, useSubmit } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { searchCards } from "~/modules/dilemmas/dilemmas.server.ts";
import { listParts, requireCurrentVersion } from "~/modules/guide/guide.server.ts";
import { searchGuide } from "~/modules/guide/guide-search.server.ts";
import { MAX_QUERY_LENGTH } from "~/modules/guide/search-query.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/zoeken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas.searchTitle", "search"], hydrate: true };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const raw = new URL(request.url).searchParams.get("q") ?? "";
    const version = await requireCurrentVersion({ db });
    const result = raw.trim() ? await searchGuide({ db, versionId: version.id, query: raw }) : null;
    const dilemmas = result?.plan ? await searchCards({ db, tsquery: result.plan.tsquery, limit: 10 }) : [];
    const principles =
      result && result.hits.length === 0 && dilemmas.length === 0
        ? (await listParts({ db, versionId: version.id })).filter((part) => part.kind === "principe")
        : [];
    return data(
      {
        query: result?.query ?? "",
        shortened: raw.length > MAX_QUERY_LENGTH,
        hasWords: result ? result.plan !== null : true,
        hits: result?.hits ?? null,
        dilemmas: dilemmas.map((card) => ({ slug: card.slug, title: card.title })),
        suggestions: result?.suggestions ?? [],
        principles: principles.map((part) => ({ slug: part.slug, title: part.title })),
      },
      // Search pages are cheap and endless in variety: not worth a place in the page cache.
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Search({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { hits, query } = loaderData;
  const submit = useSubmit();
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const title = query ? t("search.titleWithQuery", { query }) : t("search.title");
  // A client-side navigation (a "did you mean" link, Back) keeps the field as it was typed; show the
  // words this page searched for instead, as a full page load would.
  useEffect(() => {
    const field = document.getElementById("zoekveld");
    // Never while the person is typing in it: their words come first (and feed the next search).
    if (field instanceof HTMLInputElement && document.activeElement !== field) field.value = query;
  }, [query]);
  return (
    <>
      <title>{`${title} – Vakmanschap`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t("search.intro")}</Paragraph>
      <Form
        method="get"
        action="/zoeken"
        role="search"
        className="vm-search-page"
        // With JavaScript, results follow the typing (the last word matches as a prefix); without it,
        // the button submits the form.
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(typing.current);
          typing.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 300);
        }}
        // A search already sent (Enter, the button) must not be sent again, nor undo a link followed after it.
        onSubmit={() => clearTimeout(typing.current)}
      >
        <FormField id="zoekveld" label={t("search.label")}>
          {(describedBy) => (
            <Textbox
              id="zoekveld"
              name="q"
              type="search"
              defaultValue={query}
              describedBy={describedBy}
              autoComplete="off"
            />
          )}
        </FormField>
        <Button>{t("search.button")}</Button>
      </Form>
      <div className="vm-search-results">
        {loaderData.shortened ? <Paragraph>{t("search.shortened")}</Paragraph> : null}
        {hits === null ? (
          <Paragraph>{t("search.empty")}</Paragraph>
        ) : !loaderData.hasWords ? (
          <Paragraph>{t("search.noWords")}</Paragraph>
        ) : hits.length === 0 && loaderData.dilemmas.length === 0 ? (
          <>
            <Paragraph>
              <strong role="status">{t("search.nothing", { query })}</strong> {t("search.nothingHelp")}
            </Paragraph>
            {loaderData.suggestions.length > 0 ? (
              <Paragraph>
                {t("search.didYouMean")}{" "}
                {loaderData.suggestions.map((suggestion, index) => (
                  <span key={suggestion}>
                    {index > 0 ? ", " : null}
                    <Link to={`/zoeken?q=${encodeURIComponent(suggestion)}`} lang="nl">
                      {suggestion}
                    </Link>
                  </span>
                ))}
              </Paragraph>
            ) : null}
            <Heading level={2}>{t("search.principles")}</Heading>
            <LinkList lang="nl">
              {loaderData.principles.map((part) => (
                <LinkListItem key={part.slug}>
                  <Link to={`/gids/${part.slug}`}>{part.title}</Link>
                </LinkListItem>
              ))}
            </LinkList>
          </>
        ) : (
          <>
            <Paragraph role="status">{t("search.found", { count: hits.length })}</Paragraph>
            <ol className="vm-hits" hidden={hits.length === 0}>
              {hits.map((hit) => (
                <li key={`${hit.slug}#${hit.anchor}`} className="vm-hit">
                  <Heading level={2} className="vm-hit__title" lang="nl">
                    {/* A full page load, not a client-side one: only then does the browser make the
                        paragraph the :target, which highlights it and starts keyboard focus there. */}
                    <Link reloadDocument to={`/gids/${hit.slug}#${hit.anchor}`}>
                      {hit.partTitle}
                    </Link>
                  </Heading>
                  <SafeHtml as="p" className="vm-hit__snippet" lang="nl" html={hit.snippetHtml} />
                </li>
              ))}
            </ol>
            {loaderData.dilemmas.length > 0 ? (
              <section aria-labelledby="gevonden-dilemmas" className="vm-related">
                <Heading level={2} id="gevonden-dilemmas">
                  {t("dilemmas.searchTitle")}
                </Heading>
                <LinkList lang="nl">
                  {loaderData.dilemmas.map((card) => (
                    <LinkListItem key={card.slug}>
                      <Link to={`/dilemmas/${card.slug}`}>{card.title}</Link>
                    </LinkListItem>
                  ))}
                </LinkList>
              </section>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
