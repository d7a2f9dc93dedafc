// Every version with number, date, status and changelog, and a form to compare two of them.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { CompareForm } from "~/modules/guide/compare-form.tsx";
import { getCurrentVersion, listVersions } from "~/modules/guide/guide.server.ts";
import { renderBlock } from "~/modules/guide/guide-markdown.ts";
import { VersionsTable } from "~/modules/guide/versions-table.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/gids-versies";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["guide", "versions"] };

export async function loader({ context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const [versions, current] = await Promise.all([listVersions({ db }), getCurrentVersion({ db })]);
    return data(
      {
        currentNumber: current?.number,
        versions: versions.map((version) => ({
          number: version.number,
          label: version.label,
          edition: version.edition,
          status: version.status,
          isExample: version.isExample,
          date: (version.publishedAt ?? version.createdAt).toISOString(),
          changelogHtml: renderBlock({
            markdown: version.changelog,
            partHref: (slug) => `/gids/versie/${version.number}/${slug}`,
          }),
        })),
      },
      // Drafts appear here, but the list itself only changes when a version is added or published.
      { headers: cacheableHeaders("guide") },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Versions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { versions, currentNumber } = loaderData;
  const newest = versions[0]?.number;
  const previous = versions[1]?.number ?? newest;
  return (
    <>
      <title>{`${t("versions.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("versions.title")}</Heading>
      <Paragraph>{t("versions.intro")}</Paragraph>
      <VersionsTable versions={versions} currentNumber={currentNumber} />
      {versions.map((version) => (
        <section
          key={version.number}
          aria-labelledby={`wijzigingen-${version.number}`}
          className="vm-changelog"
        >
          <Heading level={2} id={`wijzigingen-${version.number}`}>
            {t("versions.changelog")}: {t("guide.version", { number: version.number })}
          </Heading>
          <SafeHtml lang="nl" html={version.changelogHtml} />
        </section>
      ))}
      {versions.length > 1 ? (
        <section aria-labelledby="vergelijken">
          <Heading level={2} id="vergelijken">
            {t("versions.compareTitle")}
          </Heading>
          <CompareForm
            versions={versions.map((version) => version.number)}
            from={String(previous)}
            to={String(newest)}
          />
        </section>
      ) : null}
    </>
  );
}
