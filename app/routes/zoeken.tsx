// The site search: a question in everyday Dutch finds paragraphs and parts of the guide, dilemma
// cards, conversation templates and Meedenken contributions, best first, grouped by kind when there
// are many. A person may narrow it to one kind or search an older published version of the guide.
import { useEffect, useRef } from "react";
import { data, Form, useSubmit } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { message } from "~/infra/i18n/translate.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { listParts, listPublishedVersions, requireCurrentVersion } from "~/modules/guide/guide.server.ts";
import {
  filterOf,
  isSearchFilter,
  SEARCH_FILTER_NAMES,
  type SearchFilter,
} from "~/modules/search/search-filters.ts";
import { MAX_QUERY_LENGTH } from "~/modules/search/search-words.ts";
import { searchForReader } from "~/modules/search/site-search.server.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, RadioGroup, Select, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/zoeken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["search"], hydrate: true };

/** From this many results on, they are shown per kind. */
const GROUP_FROM = 7;
const ALL = "alles";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const params = new URL(request.url).searchParams;
    const raw = params.get("q") ?? "";
    const filter = params.get("soort");
    const versionParam = params.get("versie");
    const version = versionParam ? Number(versionParam) : undefined;
    if (version !== undefined && !(Number.isSafeInteger(version) && version > 0)) {
      throw new AppError(
        "not_found",
        message("problems.guide.versionUnknown", { number: versionParam ?? "" }),
      );
    }
    const chosen: SearchFilter | undefined = isSearchFilter(filter) ? filter : undefined;
    const result = raw.trim() ? await searchForReader({ db, query: raw, version, filter: chosen }) : null;
    const versions = await listPublishedVersions({ db });
    const current = await requireCurrentVersion({ db });
    // What people miss in the guide, for the insights: a search of everything that found nothing,
    // counted once per reader and day, and nothing about the reader kept (decision 026).
    if (result && result.hits.length === 0 && result.plan !== null && !chosen && version === undefined)
      context.services.insightCounters.searchMiss(raw, context.clientIp);
    const principles =
      result && result.hits.length === 0
        ? (await listParts({ db, versionId: current.id })).filter((part) => part.kind === "principe")
        : [];
    return data(
      {
        query: result?.query ?? "",
        shortened: raw.length > MAX_QUERY_LENGTH,
        hasWords: result ? result.plan !== null : true,
        filter: chosen ?? null,
        version: result?.version ?? { number: version ?? current.number, current: version === undefined },
        versions: versions.map((candidate) => ({
          number: candidate.number,
          current: candidate.id === current.id,
        })),
        hits:
          result?.hits.map((hit) => ({
            kind: hit.kind,
            title: hit.title,
            address: hit.address,
            snippetHtml: hit.snippetHtml,
          })) ?? null,
        counts: result?.counts ?? null,
        suggestions: result?.suggestions ?? [],
        principles: principles.map((part) => ({ slug: part.slug, title: part.title })),
      },
      // Search pages are cheap and endless in variety: not worth a place in the page cache.
      { headers: PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

type Hit = NonNullable<Route.ComponentProps["loaderData"]["hits"]>[number];

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
  const groups =
    hits && hits.length >= GROUP_FROM && !loaderData.filter
      ? SEARCH_FILTER_NAMES.map((name) => ({ name, hits: hits.filter((hit) => filterOf(hit.kind) === name) }))
          .filter((group) => group.hits.length > 0)
          .sort((a, b) => hits.indexOf(a.hits[0] as Hit) - hits.indexOf(b.hits[0] as Hit))
      : null;
  const linkTo = (words: string) => {
    const params = new URLSearchParams({ q: words });
    if (loaderData.filter) params.set("soort", loaderData.filter);
    if (!loaderData.version.current) params.set("versie", String(loaderData.version.number));
    return `/zoeken?${params}`;
  };
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
        // With JavaScript, results follow the typing (the last word matches as a prefix) and the
        // choices; without it, the button submits the form.
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(typing.current);
          // The address carries only what differs from the defaults, as a link to the search would.
          const chosen = new FormData(form);
          if (chosen.get("soort") === ALL) chosen.delete("soort");
          if (!chosen.get("versie")) chosen.delete("versie");
          typing.current = setTimeout(
            () =>
              submit(chosen, { action: "/zoeken", method: "get", replace: true, preventScrollReset: true }),
            300,
          );
        }}
        // A search already sent (Enter, the button) must not be sent again, nor undo a link followed after it.
        onSubmit={() => clearTimeout(typing.current)}
      >
        <FormField id="zoekveld" label={t("search.question")}>
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
        <RadioGroup
          id="soort"
          name="soort"
          legend={t("search.filterLegend")}
          checked={loaderData.filter ?? ALL}
          options={[ALL, ...SEARCH_FILTER_NAMES].map((name) => ({
            value: name,
            label: t(`search.filters.${name}`),
          }))}
        />
        {loaderData.versions.length > 1 ? (
          <FormField id="versie" label={t("search.versionLabel")}>
            {(describedBy) => (
              <Select
                id="versie"
                name="versie"
                describedBy={describedBy}
                defaultValue={loaderData.version.current ? "" : String(loaderData.version.number)}
                options={loaderData.versions.map((version) => ({
                  value: version.current ? "" : String(version.number),
                  label: t(version.current ? "search.versionCurrent" : "search.versionOption", {
                    number: version.number,
                  }),
                }))}
              />
            )}
          </FormField>
        ) : null}
        <Button>{t("search.button")}</Button>
      </Form>
      <div className="vm-search-results">
        {loaderData.shortened ? <Paragraph>{t("search.shortened")}</Paragraph> : null}
        {!loaderData.version.current ? (
          <Paragraph>{t("search.olderVersion", { number: loaderData.version.number })}</Paragraph>
        ) : null}
        {loaderData.suggestions.length > 0 ? (
          <Paragraph>
            {t("search.didYouMean")}{" "}
            {loaderData.suggestions.map((suggestion, index) => (
              <span key={suggestion}>
                {index > 0 ? ", " : null}
                <Link to={linkTo(suggestion)} lang="nl">
                  {suggestion}
                </Link>
              </span>
            ))}
          </Paragraph>
        ) : null}
        {hits === null ? (
          <Paragraph>{t("search.empty")}</Paragraph>
        ) : !loaderData.hasWords ? (
          <Paragraph>{t("search.noWords")}</Paragraph>
        ) : hits.length === 0 ? (
          <>
            <Paragraph>
              <strong role="status">{t("search.nothing", { query })}</strong> {t("search.nothingHelp")}
            </Paragraph>
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
            {groups ? (
              groups.map((group) => (
                <section key={group.name} aria-labelledby={`groep-${group.name}`}>
                  <Heading level={2} id={`groep-${group.name}`}>
                    {t(`search.groups.${group.name}`)}
                  </Heading>
                  <Hits hits={group.hits} level={3} />
                </section>
              ))
            ) : (
              <Hits hits={hits} level={2} />
            )}
          </>
        )}
      </div>
    </>
  );
}

function Hits(props: { hits: Hit[]; level: 2 | 3 }) {
  const t = useT();
  return (
    <ol className="vm-hits">
      {props.hits.map((hit) => (
        <li key={hit.address} className="vm-hit">
          <Paragraph className="vm-hit__kind">{t(`search.kinds.${hit.kind}`)}</Paragraph>
          <Heading level={props.level} className="vm-hit__title" lang="nl">
            {/* A full page load, not a client-side one: only then does the browser make the paragraph
                the :target, which highlights it and starts keyboard focus there. */}
            <Link reloadDocument to={hit.address}>
              {hit.title}
            </Link>
          </Heading>
          <SafeHtml as="p" className="vm-hit__snippet" lang="nl" html={hit.snippetHtml} />
        </li>
      ))}
    </ol>
  );
}
