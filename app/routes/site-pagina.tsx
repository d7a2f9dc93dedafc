// The accessibility and privacy statements, in the interface language.
import path from "node:path";
import { data } from "react-router";
import { languageOf } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, withRouteErrors } from "~/infra/route-errors.server.ts";
import { readSitePage, type SitePageName } from "~/modules/site/site-pages.server.ts";
import { Heading } from "~/ui/heading.tsx";
import { SafeHtml } from "~/ui/safe-html.tsx";
import type { Route } from "./+types/site-pagina";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: [] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const name = new URL(request.url).pathname.slice(1) as SitePageName;
    const page = await readSitePage({
      contentDir: path.resolve("content"),
      name,
      language: languageOf(request),
    });
    return data(page, { headers: cacheableHeaders("site") });
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function SitePage({ loaderData }: Route.ComponentProps) {
  return (
    <article lang={loaderData.language}>
      <title>{`${loaderData.title} – Vakmanschap`}</title>
      <Heading level={1}>{loaderData.title}</Heading>
      <SafeHtml className="vm-site-page" html={loaderData.html} />
    </article>
  );
}
