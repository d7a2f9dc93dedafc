// A record as a file for its owner: Markdown to read or keep, JSON to take elsewhere.
import { AppError } from "~/infra/errors.ts";
import { languageOf, translatorFor } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { recordJson, recordMarkdown, recordSections } from "~/modules/deliberation/deliberation-record.ts";
import { getOwnDeliberation, titleOf } from "~/modules/deliberation/deliberations.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import type { Route } from "./+types/afweging-download";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "deliberations:own" });
    const format = new URL(request.url).searchParams.get("formaat") ?? "markdown";
    if (format !== "markdown" && format !== "json") {
      throw new AppError("invalid", "Kies als formaat markdown of json.");
    }
    const { db } = services.database;
    const record = await getOwnDeliberation({
      db,
      keyring: services.keyring,
      id: params.id,
      ownerId: user.id,
    });
    const titles = await principleTitles({ db });
    const principleTitle = (slug: string) => titles.get(slug) ?? slug;
    const t = translatorFor(languageOf(request));
    const title = titleOf(record.content) || t("wijzer.untitled");
    const name = `afweging-${record.id.slice(0, 8)}`;
    const headers = new Headers(PRIVATE_HEADERS);
    if (format === "json") {
      headers.set("Content-Type", "application/json; charset=utf-8");
      headers.set("Content-Disposition", `attachment; filename="${name}.json"`);
      const json = recordJson({ ...record, title, principleTitle });
      return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers });
    }
    const day = new Intl.DateTimeFormat(languageOf(request) === "en" ? "en-GB" : "nl-NL", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Amsterdam",
    });
    headers.set("Content-Type", "text/markdown; charset=utf-8");
    headers.set("Content-Disposition", `attachment; filename="${name}.md"`);
    const markdown = recordMarkdown({
      title,
      sections: recordSections(record.content, { t: (key, options) => t(key, options), principleTitle }),
      emptyText: t("wijzer.record.empty"),
      dates: t("wijzer.record.created", {
        date: day.format(record.createdAt),
        updated: day.format(record.updatedAt),
      }),
    });
    return new Response(markdown, { headers });
  });
}
