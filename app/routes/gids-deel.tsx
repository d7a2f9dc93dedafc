// One part of the guide: `/gids/<slug>` (current version) or `/gids/versie/<n>/<slug>`. A principle's
// page also leads on to working with it: its dilemma cards, the team conversations with a question about
// it, and what people propose about it that the editors have not decided yet.
import { data } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { withRouteErrors } from "~/infra/route-errors.server.ts";
import { getContributionCounts } from "~/modules/cocreation/contributions.server.ts";
import { ParagraphActions } from "~/modules/cocreation/paragraph-actions.tsx";
import { FIELDS } from "~/modules/conversations/conversation-form.ts";
import { templatesForPrinciple } from "~/modules/conversations/templates.ts";
import { cardsForPrinciple } from "~/modules/dilemmas/dilemmas.server.ts";
import {
  pageHeadersFor,
  partPath,
  requirePart,
  resolveVersion,
  versionInfoOf,
} from "~/modules/guide/guide.server.ts";
import { PartSlug } from "~/modules/guide/guide.validation.ts";
import { renderBlock } from "~/modules/guide/guide-markdown.ts";
import { VersionNotice } from "~/modules/guide/version-notice.tsx";
import { BreadcrumbNav } from "~/ui/breadcrumb-nav.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/gids-deel";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = {
  texts: [
    "dilemmas",
    "conversations.minutes_one",
    "conversations.minutes_other",
    "guide",
    "cocreation.count_one",
    "cocreation.count_other",
    "cocreation.react",
    "waysIn",
  ],
};

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const slug = PartSlug.safeParse(params.slug);
    if (!slug.success) throw new AppError("not_found", "problems.guide.partUnknown");
    const { version, current } = await resolveVersion({
      db,
      number: "nummer" in params ? params.nummer : undefined,
    });
    const { part, parts } = await requirePart({ db, version, slug: slug.data });
    const href = (target: string) => partPath({ version, current, slug: target });
    const index = parts.findIndex((candidate) => candidate.slug === part.slug);
    const neighbour = (at: number) => {
      const other = parts[at];
      return other ? { title: other.title, href: href(other.slug) } : null;
    };
    const isCurrent = current?.id === version.id;
    const principle = part.kind === "principe";
    const dilemmas = principle ? await cardsForPrinciple({ db, principle: part.slug }) : [];
    // Open proposals change when an editor decides, which does not invalidate the guide's pages: the
    // page links to the filtered list instead of listing them, so it stays cacheable and never stale.
    const proposalsHref =
      principle && version.status === "gepubliceerd"
        ? `/meedenken?deel=${encodeURIComponent(part.slug)}&status=open`
        : null;
    // Anyone may think along on a published version; the counts are public, never personal, so the page
    // stays cacheable (a new or hidden contribution invalidates the "guide" pages).
    const contributions =
      version.status === "gepubliceerd"
        ? await getContributionCounts({ db, versionId: version.id, partSlug: part.slug })
        : null;
    return data(
      {
        version: versionInfoOf(version),
        isCurrent,
        contentsHref: isCurrent ? "/gids" : `/gids/versie/${version.number}`,
        currentHref: `/gids/${part.slug}`,
        part: {
          slug: part.slug,
          kind: part.kind,
          title: part.title,
          summary: part.summary,
          blocks: part.blocks.map((block) => ({
            anchor: block.anchor,
            kind: block.kind,
            html: renderBlock({ markdown: block.markdown, partHref: href }),
          })),
        },
        related: part.related.flatMap((slug) => {
          const other = parts.find((candidate) => candidate.slug === slug);
          return other ? [{ title: other.title, href: href(slug) }] : [];
        }),
        principle,
        dilemmas,
        templates: principle ? templatesForPrinciple(part.slug) : [],
        proposalsHref,
        contributions,
        previous: neighbour(index - 1),
        next: neighbour(index + 1),
      },
      { headers: pageHeadersFor(version, [`gids/${part.slug}`]) },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function GuidePart({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { part, version } = loaderData;
  return (
    <article className="vm-part">
      <title>{`${part.title} – ${t("guide.title")} – Vakmanschap`}</title>
      <BreadcrumbNav
        label={t("guide.breadcrumb")}
        links={[{ to: loaderData.contentsHref, label: t("guide.title") }]}
        current={t(`guide.kinds.${part.kind}`)}
      />
      <Heading level={1} lang="nl">
        {part.title}
      </Heading>
      <Paragraph lead lang="nl">
        {part.summary}
      </Paragraph>
      <VersionNotice
        version={version}
        isCurrent={loaderData.isCurrent}
        currentHref={loaderData.currentHref}
      />
      <PrintButton label={t("guide.print")} />
      <div className="vm-blocks" lang="nl">
        {part.blocks.map((block) => (
          <div key={block.anchor} id={block.anchor} className={`vm-block vm-block--${block.kind}`}>
            <SafeHtml className="vm-block__body" html={block.html} />
            <Link
              reloadDocument
              className="vm-block__link"
              to={`#${block.anchor}`}
              aria-label={t("guide.paragraphLink")}
            >
              #
            </Link>
            {/* After the paragraph's own link, so the keyboard meets that first (as before). */}
            {loaderData.contributions && block.kind !== "heading" ? (
              <ParagraphActions
                version={version.number}
                part={part.slug}
                anchor={block.anchor}
                count={loaderData.contributions[block.anchor] ?? 0}
              />
            ) : null}
          </div>
        ))}
      </div>
      {loaderData.related.length > 0 ? (
        <aside aria-labelledby="verwant" className="vm-related">
          <Heading level={2} id="verwant">
            {t("guide.related")}
          </Heading>
          <LinkList>
            {loaderData.related.map((item) => (
              <LinkListItem key={item.href}>
                <Link to={item.href} lang="nl">
                  {item.title}
                </Link>
              </LinkListItem>
            ))}
          </LinkList>
        </aside>
      ) : null}
      {loaderData.principle ? <PrincipleWork slug={part.slug} loaderData={loaderData} /> : null}
      <nav className="vm-pager" aria-label={`${t("guide.previous")} / ${t("guide.next")}`}>
        {loaderData.previous ? (
          <Link to={loaderData.previous.href} className="vm-pager__previous">
            {t("guide.previous")}: <span lang="nl">{loaderData.previous.title}</span>
          </Link>
        ) : null}
        {loaderData.next ? (
          <Link to={loaderData.next.href} className="vm-pager__next">
            {t("guide.next")}: <span lang="nl">{loaderData.next.title}</span>
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

/** On a principle's page: its cards, the team conversations about it, and open proposals. */
function PrincipleWork(props: {
  slug: string;
  loaderData: Pick<Route.ComponentProps["loaderData"], "dilemmas" | "templates" | "proposalsHref">;
}) {
  const t = useT();
  const { dilemmas, templates, proposalsHref } = props.loaderData;
  return (
    <>
      <aside aria-labelledby="dilemmas" className="vm-related">
        <Heading level={2} id="dilemmas">
          {t("dilemmas.forPrinciple")}
        </Heading>
        {dilemmas.length > 0 ? (
          <LinkList>
            {dilemmas.map((card) => (
              <LinkListItem key={card.slug}>
                <Link to={`/dilemmas/${card.slug}`} lang="nl">
                  {card.title}
                </Link>
              </LinkListItem>
            ))}
          </LinkList>
        ) : (
          <Paragraph>{t("waysIn.principle.noCards")}</Paragraph>
        )}
        <Paragraph>
          <Link to={`/dilemmas?principe=${encodeURIComponent(props.slug)}`}>
            {t("waysIn.principle.allCards")}
          </Link>
        </Paragraph>
      </aside>
      {templates.length > 0 ? (
        <aside aria-labelledby="teamgesprekken" className="vm-related">
          <Heading level={2} id="teamgesprekken">
            {t("waysIn.principle.conversations")}
          </Heading>
          <Paragraph>{t("waysIn.principle.conversationsText")}</Paragraph>
          <LinkList>
            {templates.map((template) => (
              <LinkListItem key={template.key}>
                <Link to={`/gesprekken/nieuw?${FIELDS.template}=${template.key}`} lang="nl">
                  {template.title}
                </Link>{" "}
                ({t("conversations.minutes", { count: template.minutes })})
              </LinkListItem>
            ))}
          </LinkList>
        </aside>
      ) : null}
      {proposalsHref ? (
        <aside aria-labelledby="voorstellen" className="vm-related">
          <Heading level={2} id="voorstellen">
            {t("waysIn.principle.proposals")}
          </Heading>
          <Paragraph>{t("waysIn.principle.proposalsText")}</Paragraph>
          <Paragraph>
            <Link to={proposalsHref}>{t("waysIn.principle.proposalsLink")}</Link>
          </Paragraph>
        </aside>
      ) : null}
    </>
  );
}
