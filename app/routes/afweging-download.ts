// A record as a file for its owner: Markdown to read or keep, JSON to take elsewhere.
import { AppError } from "~/infra/errors.ts";
import { languageOf } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requireOwnDeliberation } from "~/modules/deliberation/own-deliberation.server.ts";
import { recordFile } from "~/modules/deliberation/record-file.server.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import type { Route } from "./+types/afweging-download";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const format = new URL(request.url).searchParams.get("formaat") ?? "markdown";
    if (format !== "markdown" && format !== "json") {
      throw new AppError("invalid", "problems.deliberation.exportFormat");
    }
    const { record } = await requireOwnDeliberation({ request, services, id: params.id });
    const titles = await principleTitles({ db: services.database.db });
    const file = recordFile({
      record,
      format,
      language: languageOf(request),
      principleTitle: (slug) => titles.get(slug) ?? slug,
    });
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", file.contentType);
    headers.set("Content-Disposition", `attachment; filename="${file.filename}"`);
    return new Response(file.body, { headers });
  });
}
