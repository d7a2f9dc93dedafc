// A consultation's data as Pol.is exports it, for the people who run it: summary.csv, comments.csv,
// votes.csv and participants-votes.csv, so tools made for Pol.is's open data read it. Participants
// are numbers; times are rounded down to the hour (polis-export.ts).
import { AppError } from "~/infra/errors.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { consultationExport } from "~/modules/consultation/consultations.server.ts";
import { POLIS_FILES, type PolisFile, polisFiles } from "~/modules/consultation/polis-export.ts";
import type { Route } from "./+types/peiling-export";

const isFile = (value: string): value is PolisFile => (POLIS_FILES as readonly string[]).includes(value);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    await requirePermission({ request, services, permission: "consultations:run" });
    if (!isFile(params.bestand)) throw new AppError("not_found", "problems.consultation.noSuchFile");
    const data = await consultationExport(services.database.db, params.slug, services.config.publicUrl);
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", "text/csv; charset=utf-8");
    headers.set("Content-Disposition", `attachment; filename="${params.slug}-${params.bestand}"`);
    return new Response(polisFiles(data)[params.bestand], { headers });
  });
}
