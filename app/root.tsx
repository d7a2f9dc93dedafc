// The document: language, styles, the page shell, and the error pages (404 and 503) in the same frame.

import componentsCss from "@rijkshuisstijl-community/components-css/dist/index.css?url";
import tokensCss from "@rijkshuisstijl-community/design-tokens/dist/index.css?url";
import type { ReactNode } from "react";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunctionArgs,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  useSearchParams,
} from "react-router";
import type { Route } from "./+types/root";
import { type Language, languageOf, type TFunction, translatorFrom } from "./infra/i18n/i18n.ts";
import { textsFor } from "./infra/i18n/texts.server.ts";
import { hydrates, type PageHandle } from "./infra/page-handle.ts";
import { normaliseSearchInput } from "./modules/search/search-words.ts";
import appCss from "./ui/app.css?url";
import { Heading, Paragraph } from "./ui/heading.tsx";
import { Link } from "./ui/link.tsx";
import { PageShell, type ShellText } from "./ui/page-shell.tsx";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: tokensCss },
  { rel: "stylesheet", href: componentsCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The shell's and the error pages' texts; each route adds its own in its handle.
export const handle: PageHandle = {
  texts: ["site", "nav", "search.label", "search.button", "language", "notFound", "forbidden", "error"],
};

export async function loader({ request, context, pattern }: Route.LoaderArgs) {
  const language = languageOf(request);
  return data({
    language,
    // The shell's texts too when no route matched (an address React Router answers with a 404 itself).
    texts: textsFor({ language, namespaces: [...handle.texts, ...context.routeTexts(pattern)] }),
    officialGuideUrl: context.services.config.officialGuideUrl,
  });
}

/**
 * The root loader runs again whenever the address's path changes, so a page reached by a link gets
 * the texts its routes declare.
 */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;
}

function shellText(t: TFunction, language: Language, officialGuideUrl: string): ShellText {
  const other = language === "nl" ? "en" : "nl";
  return {
    siteName: t("site.name"),
    tagline: t("site.tagline"),
    skipLink: t("site.skipLink"),
    mainNav: t("site.mainNav"),
    footerNav: t("site.footerNav"),
    nav: [
      { to: "/", label: t("nav.home") },
      { to: "/gids", label: t("nav.guide") },
      { to: "/gids/versies", label: t("nav.versions") },
      { to: "/dilemmas", label: t("nav.dilemmas") },
      { to: "/meedenken", label: t("nav.thinkAlong") },
      { to: "/afwegen", label: t("nav.deliberations") },
      { to: "/doe-mee", label: t("nav.takePart") },
      { to: "/peilingen", label: t("nav.consultations") },
      { to: "/zoeken", label: t("nav.search") },
      { to: "/profiel", label: t("nav.account") },
    ],
    searchLabel: t("search.label"),
    searchButton: t("search.button"),
    switchLanguage: {
      value: other,
      label: t("language.switchTo"),
      ariaLabel: t("language.switchLabel"),
      lang: other,
    },
    notice: (
      <Paragraph className="vm-notice__text">
        {t("site.disclaimer")}{" "}
        <Link to={officialGuideUrl} external>
          {t("site.officialLink")}
        </Link>
      </Paragraph>
    ),
    footerLinks: [
      { to: "/toegankelijkheid", label: language === "nl" ? "Toegankelijkheid" : "Accessibility" },
      { to: "/privacy", label: "Privacy" },
      { to: officialGuideUrl, label: t("site.officialLink"), external: true },
      { to: "/api/v1/openapi.json", label: t("site.api"), external: true },
    ],
    license: t("site.license"),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const [params] = useSearchParams();
  // Only a page that needs the browser to act loads scripts; every other one is its HTML alone.
  const hydrate = hydrates(useMatches());
  const language = root?.language ?? "nl";
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="rhc-theme utrecht-document utrecht-document--surface">
        <PageShell
          text={shellText(
            translatorFrom(root),
            language,
            root?.officialGuideUrl ?? "https://www.rijksoverheid.nl",
          )}
          // The same cleaned words the search page searched for: no control characters or 10,000 letters.
          searchQuery={normaliseSearchInput(params.get("q") ?? "") || undefined}
        >
          {children}
        </PageShell>
        {hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const t = translatorFrom(root);
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <title>{`${t("notFound.title")} – Vakmanschap`}</title>
        <Heading level={1}>{t("notFound.title")}</Heading>
        <Paragraph>{t("notFound.text")}</Paragraph>
        <Paragraph>
          <Link to="/zoeken">{t("notFound.search")}</Link>
        </Paragraph>
        <Paragraph>
          <Link to="/">{t("notFound.home")}</Link>
        </Paragraph>
      </>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <title>{`${t("forbidden.title")} – Vakmanschap`}</title>
        <Heading level={1}>{t("forbidden.title")}</Heading>
        <Paragraph>{t("forbidden.text")}</Paragraph>
        <Paragraph>
          <Link to="/">{t("notFound.home")}</Link>
        </Paragraph>
      </>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 503
      ? t("error.unavailable")
      : status === 429
        ? t("error.rateLimited")
        : status === 400
          ? t("error.invalid")
          : t("error.text");
  return (
    <>
      <title>{`${t("error.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("error.title")}</Heading>
      <Paragraph>{message}</Paragraph>
      <Paragraph>
        <Link to="/">{t("notFound.home")}</Link>
      </Paragraph>
    </>
  );
}
