import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { listParts, resolveVersion } from "~/modules/guide/guide.server.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const { version } = await resolveVersion({ db });
    const parts = await listParts({ db, versionId: version.id });
    return data({ parts }, { headers: cacheableHeaders("guide") });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const principles = loaderData.parts.filter((part) => part.kind === "principe");
  const others = loaderData.parts.filter((part) => part.kind !== "principe");
  return (
    <>
      <title>{`${t("home.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("home.title")}</Heading>
      <Paragraph lead>{t("home.lead")}</Paragraph>
      <Paragraph>{t("home.notACode")}</Paragraph>
      <Paragraph>
        <Link to="/gids">{t("home.readGuide")}</Link>
      </Paragraph>
      <PartCards id="principes" title={t("home.principlesTitle")} parts={principles} ordered />
      <PartCards id="meer" title={t("home.moreTitle")} parts={others} />
    </>
  );
}

function PartCards(props: {
  id: string;
  title: string;
  parts: { slug: string; title: string; summary: string }[];
  ordered?: boolean;
}) {
  const List = props.ordered ? "ol" : "ul";
  return (
    <section aria-labelledby={props.id}>
      <Heading level={2} id={props.id}>
        {props.title}
      </Heading>
      <List className="vm-cards" lang="nl">
        {props.parts.map((part) => (
          <li key={part.slug} className="vm-card">
            <Heading level={3}>
              <Link to={`/gids/${part.slug}`}>{part.title}</Link>
            </Heading>
            <Paragraph>{part.summary}</Paragraph>
          </li>
        ))}
      </List>
    </section>
  );
}
