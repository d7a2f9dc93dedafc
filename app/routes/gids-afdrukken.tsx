// The whole guide on one page, for printing (`/gids/afdrukken`, `/gids/versie/<n>/afdrukken`).
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { withRouteErrors } from "~/infra/route-errors.server.ts";
import {
  getVersionContent,
  pageHeadersFor,
  resolveVersion,
  versionInfoOf,
} from "~/modules/guide/guide.server.ts";
import { renderBlock } from "~/modules/guide/guide-markdown.ts";
import { VersionNotice } from "~/modules/guide/version-notice.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/gids-afdrukken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["guide"] };

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const { version, current } = await resolveVersion({
      db,
      number: "nummer" in params ? params.nummer : undefined,
    });
    const parts = await getVersionContent({ db, version });
    // Links between parts point into this page, since the whole version is here.
    const partHref = (slug: string) => `#deel-${slug}`;
    return data(
      {
        version: versionInfoOf(version),
        isCurrent: current?.id === version.id,
        parts: parts.map((part) => ({
          slug: part.slug,
          title: part.title,
          summary: part.summary,
          blocks: part.blocks.map((block) => ({
            anchor: block.anchor,
            html: renderBlock({ markdown: block.markdown, partHref, headingShift: 1 }),
          })),
        })),
      },
      { headers: pageHeadersFor(version) },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function PrintGuide({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="vm-print-all">
      <title>{t("guide.printTitle")}</title>
      <Heading level={1}>{t("guide.printTitle")}</Heading>
      <VersionNotice version={loaderData.version} isCurrent={loaderData.isCurrent} />
      <nav aria-labelledby="inhoud-afdruk">
        <Heading level={2} id="inhoud-afdruk">
          {t("guide.contents")}
        </Heading>
        <ol className="vm-toc" lang="nl">
          {loaderData.parts.map((part) => (
            <li key={part.slug}>
              <Link reloadDocument to={`#deel-${part.slug}`}>
                {part.title}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      {loaderData.parts.map((part) => (
        <section
          key={part.slug}
          id={`deel-${part.slug}`}
          className="vm-print-part"
          lang="nl"
          aria-labelledby={`titel-${part.slug}`}
        >
          <Heading level={2} id={`titel-${part.slug}`}>
            {part.title}
          </Heading>
          <Paragraph lead>{part.summary}</Paragraph>
          {/* Content headings sit one level deeper here than on a part's own page. */}
          {part.blocks.map((block) => (
            <SafeHtml
              key={block.anchor}
              id={`${part.slug}--${block.anchor}`}
              className="vm-block__body"
              html={block.html}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
