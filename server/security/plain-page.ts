// The few pages the server answers itself, before React Router: a refused cross-site post, a request
// for another host, a body that is too large or not a form. Fixed texts from the locale files in the
// reader's language; nothing from the request is written into them, and there is no script or style,
// so the strictest policy holds.
import type { Request, Response } from "express";
import { languageOfCookies } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";

export type PlainPage = "refused" | "wrongHost" | "tooLarge" | "unsupported";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Sends one of the fixed pages with `status`; `values` fill the text's placeholders. */
export function sendPlainPage(
  req: Request,
  res: Response,
  options: {
    status: number;
    page: PlainPage;
    values?: Record<string, string | number>;
    /** Where the link at the bottom goes: this site's start page unless given. */
    home?: string;
  },
): void {
  const language = languageOfCookies(req.headers.cookie);
  const t = translatorFor(language);
  const text = (key: string) => escapeHtml(t(`serverPage.${key}`, options.values ?? {}));
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(`${options.page}.title`)} – Vakmanschap</title>
</head>
<body>
<main>
<h1>${text(`${options.page}.title`)}</h1>
<p>${text(`${options.page}.text`)}</p>
<p>${text(`${options.page}.next`)}</p>
<p><a href="${escapeHtml(options.home ?? "/")}">${text("home")}</a></p>
</main>
</body>
</html>
`;
  res
    .status(options.status)
    .setHeader("Cache-Control", "no-store")
    .setHeader(
      "Content-Security-Policy",
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    .type("text/html; charset=utf-8")
    .send(html);
}
