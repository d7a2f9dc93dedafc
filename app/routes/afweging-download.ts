// A record as a file for its owner: Markdown to read or keep, JSON to take elsewhere.
import { AppError } from "~/infra/errors.ts";
import { languageOf } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getOwnDeliberation } from "~/modules/deliberation/deliberations.server.ts";
import { recordFile } from "~/modules/deliberation/record-file.server.ts";
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
