// The start page: what the guide is, the ways in (think a dilemma through, join a conversation with a
// code, sign up for kris-kras, think along on the guide), and the principles in short. The same for
// everyone, so it stays cacheable: the pages behind the ways in ask who is there.
import { data, Form, useRouteLoaderData } from "react-router";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { editionText } from "~/modules/guide/edition.ts";
import { listParts, resolveVersion } from "~/modules/guide/guide.server.ts";
import { Button } from "~/ui/button.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/home";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["join", "home", "waysIn"] };

export async function loader({ context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const { version } = await resolveVersion({ db });
    const parts = await listParts({ db, versionId: version.id });
    return data({ parts, edition: version.edition }, { headers: cacheableHeaders("guide") });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const root = useRouteLoaderData("root") as { officialGuideUrl?: string } | undefined;
  const principles = loaderData.parts.filter((part) => part.kind === "principe");
  const others = loaderData.parts.filter((part) => part.kind !== "principe");
  return (
    <>
      <title>{t("home.title")}</title>
      <Heading level={1}>{t("home.title")}</Heading>
      <Paragraph>
        {t("home.rendering", { edition: editionText(loaderData.edition, language) })}{" "}
        <Link to={root?.officialGuideUrl ?? "https://www.rijksoverheid.nl"} external>
          {t("site.officialLink")}
        </Link>
      </Paragraph>
      <Paragraph lead>{t("home.lead")}</Paragraph>
      <Paragraph>{t("home.notACode")}</Paragraph>
      <Paragraph>
        <Link to="/gids">{t("home.readGuide")}</Link>
      </Paragraph>
      <section aria-labelledby="ways-in">
        <Heading level={2} id="ways-in">
          {t("waysIn.home.title")}
        </Heading>
        <ul className="vm-cards vm-ways">
          <Way name="wijzer" to="/afwegen" />
          <li className="vm-card">
            <Heading level={3}>
              <Link to="/doe-mee">{t("waysIn.home.doeMee.title")}</Link>
            </Heading>
            <Paragraph>{t("waysIn.home.doeMee.text")}</Paragraph>
            {/* Posts where /doe-mee's own form posts: a good code goes straight into the conversation. */}
            <Form method="post" action="/doe-mee" className="vm-form vm-ways__code" noValidate>
              <FormField id="home-code" label={t("waysIn.home.doeMee.code")}>
                {(describedBy) => (
                  <Textbox
                    id="home-code"
                    name="code"
                    autoComplete="off"
                    maxLength={40}
                    describedBy={describedBy}
                  />
                )}
              </FormField>
              <Button appearance="secondary-action">{t("join.join")}</Button>
            </Form>
          </li>
          <Way name="kriskras" to="/kriskras" />
          <Way name="meedenken" to="/meedenken" />
          <Way name="dilemmas" to="/dilemmas" />
        </ul>
      </section>
      <PartCards
        id="principes"
        title={t("home.principlesTitle")}
        note={t("home.principlesGrouping")}
        parts={principles}
        ordered
      />
      <PartCards id="meer" title={t("home.moreTitle")} parts={others} />
    </>
  );
}

/** One way in: a title that links, and one line of what it is for (texts under `waysIn.home.<name>`). */
function Way(props: { name: "wijzer" | "kriskras" | "meedenken" | "dilemmas"; to: string }) {
  const t = useT();
  return (
    <li className="vm-card">
      <Heading level={3}>
        <Link to={props.to}>{t(`waysIn.home.${props.name}.title`)}</Link>
      </Heading>
      <Paragraph>{t(`waysIn.home.${props.name}.text`)}</Paragraph>
    </li>
  );
}

function PartCards(props: {
  id: string;
  title: string;
  parts: { slug: string; title: string; summary: string }[];
  ordered?: boolean;
  /** A line under the heading, before the list. */
  note?: string;
}) {
  const List = props.ordered ? "ol" : "ul";
  return (
    <section aria-labelledby={props.id}>
      <Heading level={2} id={props.id}>
        {props.title}
      </Heading>
      {props.note ? <Paragraph>{props.note}</Paragraph> : null}
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
