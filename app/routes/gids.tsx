// The table of contents of a version: `/gids` for the current one, `/gids/versie/<n>` for any other.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { withRouteErrors } from "~/infra/route-errors.server.ts";
import {
  listParts,
  pageHeadersFor,
  partPath,
  resolveVersion,
  versionInfoOf,
} from "~/modules/guide/guide.server.ts";
import { PART_KINDS } from "~/modules/guide/guide-kinds.ts";
import { VersionNotice } from "~/modules/guide/version-notice.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/gids";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["guide"] };

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const { version, current } = await resolveVersion({
      db,
      number: "nummer" in params ? params.nummer : undefined,
    });
    const parts = (await listParts({ db, versionId: version.id })).map((part) => ({
      ...part,
      href: partPath({ version, current, slug: part.slug }),
    }));
    const isCurrent = current?.id === version.id;
    return data(
      {
        version: versionInfoOf(version),
        isCurrent,
        parts,
        printHref: isCurrent ? "/gids/afdrukken" : `/gids/versie/${version.number}/afdrukken`,
      },
      { headers: pageHeadersFor(version) },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function GuideContents({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { version, parts } = loaderData;
  return (
    <>
      <title>{`${t("guide.title")} – ${t("guide.version", { number: version.number })} – Vakmanschap`}</title>
      <Heading level={1}>{t("guide.title")}</Heading>
      <VersionNotice version={version} isCurrent={loaderData.isCurrent} />
      <Paragraph>{t("guide.intro")}</Paragraph>
      <nav aria-labelledby="inhoudsopgave">
        <Heading level={2} id="inhoudsopgave">
          {t("guide.contents")}
        </Heading>
        {PART_KINDS.map((kind) => {
          const ofKind = parts.filter((part) => part.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={`soort-${kind}`}>
              <Heading level={3} id={`soort-${kind}`}>
                {t(`guide.kinds.${kind}`)}
              </Heading>
              <ul className="vm-toc" lang="nl">
                {ofKind.map((part) => (
                  <li key={part.slug}>
                    <Link to={part.href}>{part.title}</Link>
                    <span className="vm-toc__summary"> — {part.summary}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </nav>
      <Paragraph>
        <Link to={loaderData.printHref}>{t("guide.printAll")}</Link>
      </Paragraph>
    </>
  );
}
